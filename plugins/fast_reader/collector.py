"""Keep Python's cyclic garbage collector off the objects a build keeps to its end.

The articles, their plugin results and the site's context live until the build is over, yet
every collection of their generation walks them all: at 10,000 releases the build's process
spent 2.8 s in full collections on its one core (0.7 s while building the context, 0.65 s
each while writing) and 1.4 s more right after the workers' articles were unpickled.
``gc.freeze()`` moves everything the collector tracks to its permanent generation, which
collections skip; what is created afterwards is collected as usual. The build freezes once
the workers' articles are unpickled (fast_reader), once the articles generator is done, and
once every generator has its context (fast_writer): the release-page pool then forks frozen,
so the workers' collections leave the parent's objects and the memory pages they share alone
(Python's own advice for fork without exec). At ``finalized``, or when the next build starts
after one that failed, they are unfrozen: `make serve` then collects the previous build's
garbage.

Two more things keep a build's objects from costing time or memory after it:

- At interpreter exit everything is frozen again (``freeze_at_exit``): once the build
  returns, its objects are one large cyclic garbage, which Python's final collections walked
  and freed while `make build` (or the benchmark) waited for the process to end — 0.15–0.45 s
  at 1,000 releases, about 3 s at 10,000. The memory goes back to the system either way.
- Pelican memoizes ``Content.get_content`` and ``get_summary`` in class-level dicts keyed by
  the article, so every article ever built in the process, and through its context the whole
  build, stayed alive: `make serve` grew by 35 MB a rebuild at 1,000 releases, for ever.
  ``forget_pelican_memos`` empties them when the next build starts, and before `make serve`'s
  collection after the reload (serving/garbage.py).
"""

import atexit
import gc

from pelican.contents import Content

_state = {"frozen": False, "freeze_at_exit": False}
# Pelican's @memoized methods whose caches hold content objects (pelican/contents.py).
_PELICAN_MEMOS = ("get_content", "get_summary")


def freeze_build_objects() -> None:
    """Exempt every object tracked now from collections until release_build_objects()."""
    gc.freeze()
    _state["frozen"] = True


def release_build_objects(*_signal_sender) -> None:
    """Give the objects this module froze back to the collector (oldest generation).

    Also the receiver both speed plugins connect to `initialized` (what a build that failed
    left frozen) and `finalized`: Pelican's signals call one function once, however often
    it is connected."""
    if _state["frozen"]:
        gc.unfreeze()
        _state["frozen"] = False


def freeze_at_exit() -> None:
    """Have Python's collections at interpreter exit skip every object (once a process)."""
    if not _state["freeze_at_exit"]:
        atexit.register(gc.freeze)
        _state["freeze_at_exit"] = True


def forget_pelican_memos(*_signal_sender) -> None:
    """Empty Pelican's memos of content (a receiver of `initialized`: the previous build's)."""
    for name in _PELICAN_MEMOS:
        cache = getattr(Content.__dict__.get(name), "cache", None)
        if isinstance(cache, dict):
            cache.clear()
