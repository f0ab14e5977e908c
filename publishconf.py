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
# Theme (issue 4): a feed per tag too; the theme links every feed that applies to a page.
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
