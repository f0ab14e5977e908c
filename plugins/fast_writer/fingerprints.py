"""Fingerprints of what a page is rendered from. Plain functions, no Pelican signals."""

import dataclasses
import hashlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import pelican
from pelican.contents import Content

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
# Settings that change nothing a page shows.
_IGNORED_SETTINGS = {"CACHE_PATH", "LOAD_CONTENT_CACHE", "FAST_READER", "FAST_WRITER"}
# Public content attributes covered otherwise, or not part of what a page shows.
_NOT_LISTED = {"settings", "translations", "metadata"}
# A body used by a template: `.content`, `.get_content(`, `attr('content')`.
_BODY_USE = re.compile(r"\.content\b|\.get_content\b|attr\(\s*['\"]content['\"]")
# Templates that render one item's own body.
_ITEM_TEMPLATES = {"article.html", "page.html"}


def _stable_repr(value) -> str:
    text = repr(value)
    return _ADDRESS.sub("", text) if " at 0x" in text else text


_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def value_text(value, memo: dict) -> str:
    """A stable text standing for ``value``: its repr, except that a dataclass object is
    replaced by a digest of its class and all its fields, and a frozen one is digested once
    per ``memo`` (one build) by identity — plugins' results such as the quotations of a
    release are shared by the release, its listing and the speaker pages that quote it."""
    kind = type(value)
    if kind in _SCALARS:
        return repr(value)
    if kind is list or kind is tuple:
        if all(type(member) in _SCALARS for member in value):
            return repr(value)
        return f"{kind.__name__}({','.join(value_text(member, memo) for member in value)})"
    if kind is dict:
        items = (f"{key!r}:{value_text(member, memo)}" for key, member in value.items())
        return f"dict({','.join(items)})"
    params = getattr(kind, "__dataclass_params__", None)
    if params is None or isinstance(value, type):
        return _stable_repr(value)
    if params.frozen:
        known = memo.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    fields = ",".join([f"{name}={value_text(getattr(value, name), memo)}" for name in names])
    text = f"{kind.__module__}.{kind.__qualname__}({fields})"
    if len(text) > 128:  # what encloses it is hashed again: keep that short
        text = "dataclass:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if params.frozen:  # a mutable one may change between two pages: digested every time
        memo[id(value)] = (value, text)
    return text


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _files_digest(folders: Iterable[str], pattern: str) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(Path(folder).rglob(pattern)):
            if path.is_file():
                digest.update(str(path).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def site_digest(settings: dict) -> str:
    """Settings, Pelican and Python versions, theme templates and plugin code."""
    relevant = sorted(
        (key, _stable_repr(value))
        for key, value in settings.items()
        if key not in _IGNORED_SETTINGS
    )
    template_dirs = [str(Path(settings["THEME"]) / "templates")]
    template_dirs += list(settings.get("THEME_TEMPLATES_OVERRIDES") or [])
    return _hash(
        pelican.__version__,
        sys.version,
        repr(relevant),
        _files_digest(template_dirs, "*"),
        _files_digest(settings.get("PLUGIN_PATHS") or [], "*.py"),
    )


def templates_show_bodies(template_dirs: Iterable[str]) -> bool:
    """Whether a template other than article/page renders a body."""
    for folder in template_dirs:
        for path in Path(folder).rglob("*.html"):
            if path.name in _ITEM_TEMPLATES:
                continue
            if _BODY_USE.search(path.read_text(encoding="utf-8", errors="replace")):
                return True
    return False


def listing_entry(item: Content, with_body: bool, memo: dict | None = None) -> str:
    """What list pages may show of an item: metadata, plugin results, summary, translations.

    URLs are not hashed: they follow from the metadata and the settings, both covered.
    """
    metadata = item.metadata
    memo = {} if memo is None else memo
    # Private attributes are plugins' internals (a plugin's cache key of the body, say),
    # not something a template shows.
    attributes = sorted(
        (name, value_text(value, memo))
        for name, value in vars(item).items()
        if not name.startswith("_") and name not in _NOT_LISTED and name not in metadata
    )
    translations = sorted(t.source_path or "" for t in getattr(item, "translations", []))
    parts = [
        item.source_path or "",
        _stable_repr(sorted(metadata.items())),
        repr(attributes),
        repr(translations),
        "" if "summary" in metadata else item.summary,
    ]
    if with_body:
        parts.append(item._content or "")
    return _hash(*parts)


class Listing:
    """The listing of all content of one build, each item's entry computed once."""

    def __init__(self, items: Iterable[Content], with_body: bool):
        self._memo: dict = {}
        self._entries = {id(item): listing_entry(item, with_body, self._memo) for item in items}
        self.digest = _hash(*sorted(self._entries.values()))
        self._lists: dict[int, tuple[list, int, str]] = {}

    def entry(self, item: Content) -> str:
        found = self._entries.get(id(item))
        return found if found is not None else listing_entry(item, False, self._memo)

    def item_digest(self, item: Content) -> str:
        """One item's own page: its body and everything listed about it."""
        return _hash(item._content or "", self.entry(item))

    def value_digest(self, value) -> str:
        """A template variable. An item stands for its own page's digest; in a list, an
        item is named by its source (the listing digest covers what lists show of it)."""
        if isinstance(value, Content):
            return self.item_digest(value)
        if isinstance(value, list | tuple):
            # The same lists (all articles, a tag's articles…) come with many pages.
            known = self._lists.get(id(value))
            if known is None or known[0] is not value or known[1] != len(value):
                known = (value, len(value), _hash(*(self._member(v) for v in value)))
                self._lists[id(value)] = known
            return known[2]
        return value_text(value, self._memo)

    def _member(self, value) -> str:
        if isinstance(value, Content):
            return value.source_path or ""
        return value_text(value, self._memo)


def call_digest(site: str, listing: Listing, name: str, template_name: str, options, kwargs) -> str:
    """The fingerprint of one write_file call (all pages of a paginated listing)."""
    variables = sorted((key, listing.value_digest(value)) for key, value in kwargs.items())
    return _hash(site, listing.digest, name, template_name, _stable_repr(options), repr(variables))
