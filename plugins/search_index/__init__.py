"""Search index: run Pagefind over the built site after every build.

Pagefind (PyPI ``pagefind[bin]``) ships its binary; it writes ``pagefind/`` into the output,
which the theme's search page loads. Only elements marked ``data-pagefind-body`` (the release
body) are indexed, so sidebar quotes are not found twice.
"""

from .indexer import SearchIndexError, SearchIndexSettings, index_site, read_settings
from .wiring import register

__all__ = ["SearchIndexError", "SearchIndexSettings", "index_site", "read_settings", "register"]
