"""Keep Python's cyclic garbage collector off the objects a build keeps to its end.

The articles, their plugin results and the site's context live until the build is over, yet
every full collection walks them all: at 10,000 releases this process ran six, 2.8 s in all
on its one core (0.7 s while building the context, 0.65 s each while writing). Once the
articles are read, and again once every generator has its context, ``gc.freeze()`` moves
everything the collector tracks to its permanent generation, which collections skip; what
the writing creates afterwards is collected as usual. Frozen before the release-page pool
forks, the parent's objects are also left alone by the workers' collections (Python's own
advice for fork without exec). At ``finalized`` (or, after a build that failed, when the
next one starts) they are unfrozen: `make serve` then collects the previous build's garbage.
"""

import gc

_state = {"frozen": False}


def freeze_build_objects() -> None:
    """Exempt every object tracked now from collections until release_build_objects()."""
    gc.freeze()
    _state["frozen"] = True


def release_build_objects() -> None:
    """Give the objects this module froze back to the collector (oldest generation)."""
    if _state["frozen"]:
        gc.unfreeze()
        _state["frozen"] = False
