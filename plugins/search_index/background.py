"""Index in a background thread: `make serve` shows a saved edit without waiting for Pagefind.

Pagefind re-indexes the whole site (it has no way to update one page), which takes longer
than the rebuild itself. With SEARCH_INDEX["BACKGROUND"], a build returns as soon as its
pages are written (livereload then reloads the browser) and the index follows: Pagefind
writes into a scratch folder that then replaces the served one, so a search never loads a
half-written index. Requests that arrive while Pagefind runs collapse into one more run
after it, which sees every page written meanwhile. The thread is not a daemon: a process
that ends waits for the index, so a site is never left without its latest one.

The thread runs at the lowest CPU priority (Pagefind, started from it, inherits it): on a
busy machine the browser reloading the edited page, and the next rebuild, come first.
"""

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)
LOWEST_PRIORITY = 19  # nice value


class LatestOnly:
    """Runs ``job(*args)`` in one thread, always with the latest arguments requested."""

    def __init__(self, job: Callable) -> None:
        self._job = job
        self._lock = threading.Lock()
        self._pending: tuple | None = None
        self._thread: threading.Thread | None = None

    def request(self, *args) -> None:
        with self._lock:
            self._pending = args
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="search-index")
                self._thread.start()

    def wait(self) -> None:
        """Until every requested run has finished."""
        thread = self._thread
        while thread is not None:
            thread.join()
            thread = self._thread

    def _loop(self) -> None:
        yield_cpu()
        while True:
            with self._lock:
                args, self._pending = self._pending, None
                if args is None:
                    self._thread = None
                    return
            try:
                self._job(*args)
            except Exception as error:  # the next build's strict check reports it
                logger.error("Search index not updated: %s", error)


def yield_cpu() -> None:
    """Give the calling thread, and the processes it starts, the lowest CPU priority.

    On Linux a nice value belongs to one thread (and is inherited by what it forks), so the
    rest of the process keeps its own; elsewhere this does nothing."""
    if hasattr(os, "setpriority") and hasattr(os, "PRIO_PROCESS"):
        # Where that is not allowed, Pagefind simply runs at the normal priority.
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOWEST_PRIORITY)


def swap_in(site: Path, output_subdir: str, fresh_subdir: str) -> None:
    """Replace ``site/output_subdir`` by ``site/fresh_subdir`` (two renames, no copy)."""
    target, fresh, old = site / output_subdir, site / fresh_subdir, site / f"{fresh_subdir}-old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
