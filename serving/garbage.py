"""Garbage collection after the browser reloaded, not during the rebuild.

Every rebuild in `make serve`'s process leaves the previous build's articles behind in
reference cycles (each article holds the generator context, which lists every article), so
only Python's cyclic collector frees them, and unpickling the content cache of 1,000 releases
allocates enough objects to set off a full collection inside the rebuild: 0.25–0.45 s spent
walking every live object while the user waits. `CollectionAfterReload` turns the automatic
collector off for a rebuild and collects once, on the server's loop, a little after the
browser was told to reload; the memory is the same, the wait is not.
"""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fast_reader.collector import forget_pelican_memos
from tornado.ioloop import IOLoop

# The browser fetches the edited page in about a tenth of a second after the reload message;
# the collection (about 0.5 s on 1,000 releases) blocks the server's loop, so it waits longer.
COLLECT_AFTER_SECONDS = 0.5


class CollectionAfterReload:
    def __init__(
        self,
        seconds: float = COLLECT_AFTER_SECONDS,
        loop: Callable[[], IOLoop] = IOLoop.current,
    ) -> None:
        self._seconds = seconds
        self._loop = loop
        self._pending = None
        self._enable_after = False

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No automatic collection inside; one collection is scheduled on leaving."""
        if self._pending is None:  # else a collection is already owed and scheduled
            self._enable_after = gc.isenabled()
        else:
            self._loop().remove_timeout(self._pending)
            self._pending = None
        gc.disable()
        try:
            yield
        finally:
            self._pending = self._loop().call_later(self._seconds, self.collect)

    def collect(self) -> None:
        self._pending = None
        forget_pelican_memos()  # they keep every build alive (fast_reader/collector.py)
        gc.collect()
        if self._enable_after:
            gc.enable()

    @property
    def pending(self) -> bool:
        return self._pending is not None
