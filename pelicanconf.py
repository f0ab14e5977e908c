"""Local settings: `make build` and `make serve` use these; publishconf.py extends them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "Newsroom"
SITEURL = ""
AUTHOR = "Newsroom"
DEFAULT_LANG = "en"
TIMEZONE = "UTC"

PATH = str(ROOT / "content")
ARTICLE_PATHS = ["."]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
THEME = str(ROOT / "theme")
OUTPUT_PATH = str(ROOT / "output")

# Releases are written as <slug>/index.html, so their URLs never change with the host.
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{date:%Y}/{slug}/{lang}/"
ARTICLE_LANG_SAVE_AS = "{date:%Y}/{slug}/{lang}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = ["pelican.plugins.yaml_metadata", "strict_build"]

# Pelican leaves autoescape off; every string from content must be escaped.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}

DEFAULT_PAGINATION = 10
RELATIVE_URLS = True

# Local builds do not write feeds: without an absolute SITEURL they would be invalid.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

LOAD_CONTENT_CACHE = False

# Reading releases on all cores (plugins/fast_reader); must come after yaml_metadata.
PLUGINS += ["fast_reader"]
# Release pages rendered on all cores; `make serve` re-renders only what an edit changes.
PLUGINS += ["fast_writer"]
