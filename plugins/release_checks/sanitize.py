"""Allowlist HTML sanitizing (nh3 / Ammonia) that also says what it removed.

Markdown passes raw HTML through, so a release could carry `<script>`, event handlers or
`javascript:` links. Everything not on the allowlist is dropped; the caller turns each
removal into a warning, which fails the strict build so the contributor sees it.
"""

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

# Everything Python-Markdown's "extra" writes (tables, footnotes, abbreviations, attr_list
# ids and classes, definition lists, fenced code); nh3's defaults minus the legacy tags.
TAGS = (nh3.ALLOWED_TAGS - {"center", "acronym", "tt", "strike", "map", "area"}) | {"tfoot"}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ins": {"cite", "datetime"},
    "del": {"cite", "datetime"},
    "time": {"datetime"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "style"},
}
# Markdown writes table column alignment as `style="text-align: …"`; nothing else survives.
STYLE_PROPERTIES = {"text-align"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Dropped with their content: their text is code or styling, never prose.
DROPPED_WITH_CONTENT = {"script", "style"}


@dataclass(frozen=True)
class Removal:
    what: str  # human-readable, e.g. "<script> element", "onclick attribute on <img>"
    needle: str  # text to look for in the source to find its line

    def __str__(self) -> str:
        return self.what


@dataclass(frozen=True)
class Sanitized:
    html: str
    removed: list[Removal]


# Built once: nh3.clean(html, **options) converts the allowlists for every call (a quarter
# of its time on a release).
_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    filter_style_properties=STYLE_PROPERTIES,
    link_rel=None,
    strip_comments=True,
)


def sanitize_html(html: str) -> Sanitized:
    clean = _CLEANER.clean(html)
    if clean == html:  # the usual case: nothing removed, no need to compare inventories
        return Sanitized(clean, [])
    return Sanitized(clean, _removals(_inventory(html), _inventory(clean)))


class _Inventory(HTMLParser):
    """Every element with its attributes, so before/after can be compared structurally."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attributes: Counter = Counter()
        self.styles: Counter = Counter()
        self.urls: Counter = Counter()  # (tag, name, value): to show which link was removed

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name)] += 1
            if name == "style":
                for declaration in _declarations(value or ""):
                    self.styles[(tag, declaration)] += 1
            elif name in ("href", "src"):
                self.urls[(tag, name, (value or "").strip())] += 1

    handle_startendtag = handle_starttag


def _declarations(style: str) -> list[str]:
    parts = (part.split(":", 1) for part in style.split(";") if ":" in part)
    return [f"{name.strip().lower()}:{value.strip()}" for name, value in parts]


def _inventory(html: str) -> _Inventory:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser


def _removals(before: _Inventory, after: _Inventory) -> list[Removal]:
    gone_tags = before.tags - after.tags
    gone_attributes = before.attributes - after.attributes
    removed = [Removal(f"<{tag}> element", f"<{tag}") for tag in gone_tags]
    gone_urls = before.urls - after.urls
    for tag, name in gone_attributes:
        if tag in gone_tags and not after.tags[tag]:
            continue  # went with its element
        values = [v for t, n, v in gone_urls if (t, n) == (tag, name)]
        for value in values or [""]:
            shown = f'{name}="{value[:40]}"' if value else name
            removed.append(Removal(f"{shown} attribute on <{tag}>", value or name))
    for tag, declaration in before.styles - after.styles:
        if (tag, "style") not in gone_attributes:  # else reported above
            prop = declaration.split(":", 1)[0]
            removed.append(Removal(f'style "{declaration[:40]}" on <{tag}>', prop))
    return removed
