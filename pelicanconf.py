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
# Images under content/images/ are copied to images/ (`image: images/x.jpg`, {static} links).
STATIC_PATHS = ["images"]
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
PLUGINS = ["pelican.plugins.yaml_metadata", "strict_build", "release_checks"]
PLUGINS += ["press_sidebars"]  # quotations and key facts sidebars, speaker pages

# Pelican leaves autoescape off; every string from content must be escaped.
# auto_reload off: Jinja would otherwise stat a template's file at every include (11 a
# release page); Pelican makes new environments for each build, so `make serve` still sees
# an edited template at the next rebuild.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "auto_reload": False,
}

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

# Release checks (plugins/release_checks): the languages a release may use, the category
# `invoke new` proposes, and the local preview showing drafts and embargoed releases.
PRESS_LANGUAGES = ["en", "fr"]
DEFAULT_CATEGORY = "Press releases"
PRESS_SHOW_UNPUBLISHED = True

# --- Theme (issue 4): search page, 404 page, archives by year ---
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search", "404"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
DEFAULT_BOILERPLATE = ""
# "./pages", not "pages": Pelican matches excludes against the walked path, which is PATH/. here.
ARTICLE_EXCLUDES = ["./pages"]
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
PLUGINS += ["search_index", "feed_titles", "release_links"]  # theme helpers (issue 4)
DEFAULT_DATE_FORMAT = "%-d %B %Y"  # press datelines: 25 October 2021
# Page 4 of tag "Tag 1" would be tag/tag-14.html, the file of tag "Tag 14": number pages apart.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{name}-page-{number}{extension}", "{name}-page-{number}{extension}"),
)

# Reading releases on all cores (plugins/fast_reader); must come after yaml_metadata.
PLUGINS += ["fast_reader"]
# Release pages rendered on all cores; `make serve` re-renders only what an edit changes.
PLUGINS += ["fast_writer"]

# --- Theme fixes (issue 4 review) ---
# Labels and dates in each page's language (plugins/theme_i18n; THEME_LABELS overrides them).
PLUGINS += ["theme_i18n"]
# Summaries are plain text, escaped like titles: not rendered as Markdown/HTML.
FORMATTED_FIELDS: list[str] = []
# Taxonomies as folders, like releases; page 2 of any list at <list>/page/2/.
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Translations of one release share `translation_key` (default: the slug; release_checks).
ARTICLE_TRANSLATION_ID = "translation_key"
