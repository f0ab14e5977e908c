"""Markdown's HTML for a one-line plain-text field, without running Markdown.

A summary such as ``The quay opens on 2 March.`` converts to ``<p>The quay opens on 2 March.</p>``
with the Markdown extensions listed in SAFE_EXTENSIONS, as long as it holds no character any of
their block or inline syntax is made of. Anything else returns None and goes through Markdown.
"""

import re

# Extensions whose syntax needs characters _PLAIN excludes (smarty, for one, does not: it
# rewrites quotes and dashes, so with it every field goes through Markdown).
SAFE_EXTENSIONS = frozenset(
    f"markdown.extensions.{name}"
    for name in (
        "extra",
        "abbr",
        "attr_list",
        "def_list",
        "fenced_code",
        "footnotes",
        "md_in_html",
        "tables",
        "codehilite",
        "meta",
        "toc",
    )
)

# Letters, digits, single spaces' worth of text and punctuation that no syntax above uses.
_PLAIN = re.compile(r"(?:[^\W_]|[ ,.:;?!()%'’‘“”–—/-])+")
# Block syntax that can still start with those characters (ordered lists, lists, rules, dl).
_BLOCK_START = re.compile(r"\d+[.)]|[-–—:]")


def extensions_are_safe(extensions) -> bool:
    names = {ext if isinstance(ext, str) else type(ext).__module__ for ext in extensions}
    return names <= SAFE_EXTENSIONS


def plain_paragraph(text: str) -> str | None:
    """``<p>text</p>`` when Markdown would produce exactly that, else None."""
    if not text or text != text.strip() or len(text) > 2000:
        return None
    if not _PLAIN.fullmatch(text) or _BLOCK_START.match(text):
        return None
    return f"<p>{text}</p>"
