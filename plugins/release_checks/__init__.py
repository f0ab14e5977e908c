"""Release checks: the front-matter schema, publishing rules and safe content.

- Every release's front matter is checked against the schema (contract 2 of the brief);
  every problem of every file is reported as ``path:line: field: message``, by
  `invoke check` without Pelican, and as warnings in the build (which strict_build fails).
  A file with a problem is not read by Pelican, so each problem is reported once, in the
  check's words (its warnings carry the file, so strict_build counts it as reported).
- Translations share `translation_key` (ARTICLE_TRANSLATION_ID; default the slug): one
  version per language, one of them in DEFAULT_LANG (the original).
- A local `image` must be a file in a STATIC_PATHS folder (only those are copied).
- Drafts, embargoed and future releases are left out of the published site and shown
  with a banner in the local preview (setting PRESS_SHOW_UNPUBLISHED).
- Article HTML is sanitized with an allowlist (nh3) before any other plugin sees it.
"""

from .checker import check_release, check_releases, release_files
from .problems import Problem
from .publishing import ReleaseStatus, unpublished_status
from .sanitize import Sanitized, sanitize_html
from .settings import CheckSettings, check_settings
from .wiring import register

__all__ = [
    "CheckSettings",
    "Problem",
    "ReleaseStatus",
    "Sanitized",
    "check_release",
    "check_releases",
    "check_settings",
    "register",
    "release_files",
    "sanitize_html",
    "unpublished_status",
]
