"""Release links: previous/next release and related releases (sharing a tag) for each release.

Computed once per build with a tag index (the template alone would compare every release
with every other on every page). The theme reads ``article.release_links``.
"""

from .links import DEFAULTS, ReleaseLinks, link_releases, read_settings
from .wiring import register

__all__ = ["DEFAULTS", "ReleaseLinks", "link_releases", "read_settings", "register"]
