"""Index while Pelican still writes list pages, then make sure the index is still right.

Release pages (the only marked ones) are all written before the list pages, which Pelican
renders one after another on one core: Pagefind can use the other core meanwhile. The run
starts once every release page expected has been written (``content_written``), on those
pages; the rest of the site is looked through meanwhile. At the end, the index stands only
if no other page carried the marker and nothing Pagefind would index appeared or changed
after the scan: every HTML file written since, or new since, is read again; if one carries
the marker, the caller indexes again. No Pelican here: the wiring feeds it paths.
"""

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from .chunks import MarkedPage, html_paths, marked_pages


class EarlyIndex:
    """Runs ``index(pages)`` in a thread once every path in ``expected`` has been written."""

    def __init__(self, site: Path, expected: Iterable[str], index: Callable) -> None:
        self.site = Path(os.path.abspath(site))
        self._index = index
        self._expected = {os.path.abspath(path) for path in expected}
        self._release_pages = sorted(self._relative(path) for path in self._expected)
        self._written_since: set[str] = set()
        self._scanned: set[str] = set()
        self._others_marked = False
        self._pages: list[MarkedPage] = []
        self._thread: threading.Thread | None = None
        self._report = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def written(self, path: str) -> None:
        """Pelican wrote ``path`` (from ``content_written``)."""
        path = os.path.abspath(path)
        with self._lock:
            if self._thread is not None:
                self._written_since.add(path)
                return
            self._expected.discard(path)
            if self._expected:
                return
            self._thread = threading.Thread(target=self._run, name="search-index-early")
            self._thread.start()

    def _relative(self, path: str) -> str:
        return Path(path).relative_to(self.site).as_posix()

    def _run(self) -> None:
        try:
            # Pagefind starts on the release pages at once; the rest of the site is looked
            # through meanwhile (walking it first cost 0.1 s of a 1,000-release build).
            self._pages = marked_pages(self.site, self._release_pages)
            scan = threading.Thread(target=self._scan_the_others, name="search-index-scan")
            scan.start()
            try:
                self._report = self._index(self._pages)
            finally:
                scan.join()
        except BaseException as error:  # raised again in the build's thread, by result()
            self._error = error

    def _scan_the_others(self) -> None:
        try:
            paths = html_paths(self.site)
            self._scanned = set(paths)
            releases = set(self._release_pages)
            others = [path for path in paths if path not in releases]
            self._others_marked = bool(marked_pages(self.site, others))
        except OSError:  # a file gone while read: not known to be unmarked, so index again
            self._others_marked = True

    def result(self):
        """The index's report if it is still right, else None (never started, or stale).

        Raises what the run raised: Pagefind's failure fails the build as before.
        """
        if self._thread is None:
            return None
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._report if self._still_right() else None

    def _still_right(self) -> bool:
        if self._others_marked:
            return False  # a marked page besides the releases: index the whole site
        now = set(html_paths(self.site))
        if not {page.path for page in self._pages} <= now:
            return False
        root = f"{self.site}{os.sep}"
        since = {
            Path(path[len(root) :]).as_posix()
            for path in self._written_since
            if path.startswith(root) and path.endswith(".html")
        }
        suspects = sorted(((now - self._scanned) | since) & now)
        return not marked_pages(self.site, suspects)
