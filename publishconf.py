"""Production settings: `make publish`. Everything local, plus absolute URLs and feeds."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://newsroom.example.org").rstrip("/")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# --- Publishing (issue 6): see publishing/ and README "Publishing" ----------------------------
from pelican.settings import DEFAULT_CONFIG  # noqa: E402

# Hide drafts and embargoed releases (plugin release_checks); `invoke publish` also checks
# the output for them independently.
PRESS_SHOW_UNPUBLISHED = False
PLUGINS = [*PLUGINS, "pelican.plugins.sitemap", "sitemap_dates"]  # noqa: F405
SITEMAP = {"format": "xml", "exclude": [r"^404\.html$"]}
# The theme's 404.html is written at the root; a minimal fallback if the theme has none.
DIRECT_TEMPLATES = list(globals().get("DIRECT_TEMPLATES", DEFAULT_CONFIG["DIRECT_TEMPLATES"]))
if "404" not in DIRECT_TEMPLATES:
    DIRECT_TEMPLATES.append("404")
if not os.path.exists(os.path.join(THEME, "templates", "404.html")):  # noqa: F405
    THEME_TEMPLATES_OVERRIDES = [
        *globals().get("THEME_TEMPLATES_OVERRIDES", []),
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "publishing", "templates"),
    ]
# Post-build steps and gates (publishing/config.py has the defaults).
PUBLISHING: dict = {}
# Theme (issue 4): a feed per tag too; the theme links every feed that applies to a page.
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
