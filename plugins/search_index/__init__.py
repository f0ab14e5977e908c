"""Search index: run Pagefind over the built site after every build.

Pagefind (PyPI ``pagefind[bin]``) ships its binary; it writes ``pagefind/`` into the output,
which the theme's search page loads (`make serve` indexes in the background, see
background.py). Only elements marked ``data-pagefind-body`` (the release
body) are indexed, so sidebar quotes are not found twice. Pagefind is given only those pages,
in chunks of at most ``SEARCH_INDEX["CHUNK_PAGES"]``, one bundle each (chunks.py), and starts
as soon as the release pages are written (early.py).
"""

from .indexer import SearchIndexError, SearchIndexSettings, index_site, read_settings
from .wiring import register, wait_for_index

__all__ = [
    "SearchIndexError",
    "SearchIndexSettings",
    "index_site",
    "read_settings",
    "register",
    "wait_for_index",
]
