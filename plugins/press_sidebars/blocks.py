"""Find the paragraphs worth reading in a release's HTML and parse them with one bs4 pass.

A regex scan (tens of microseconds) locates every paragraph, list item and blockquote with its
offsets; only those that could hold a quotation or a bold phrase are handed to BeautifulSoup, in
one parse. The offsets let us add ids to the original HTML without re-serialising it, so the
body stays byte-for-byte what Markdown produced apart from the ids.
"""

import html as htmllib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bs4 takes ~70 ms to import: only releases with a blockquote need it
    from bs4 import Tag

# Only block-level tags matter for the structure; inline ones are skipped inside the regex engine.
_BLOCK_TAGS = (
    "p|li|ul|ol|blockquote|h[1-6]|div|table|thead|tbody|tr|td|th|figure|figcaption|section|"
    "article|aside|header|footer|nav|dl|dt|dd|details|summary|hr|form|fieldset|main|address"
)
_TAG = re.compile(
    r"<!--.*?-->|<(script|style|pre|textarea)\b.*?</\1\s*>"
    rf"|<(/?)({_BLOCK_TAGS})(?![\w-])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ATTRIBUTES = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
_ANY_TAG = re.compile(rf"<!--.*?-->|</?[A-Za-z]{_ATTRIBUTES}>", re.S)
_BR = re.compile(rf"<br\b{_ATTRIBUTES}>", re.I)
_SPACES = re.compile(r"\s+")
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_CLOSES_P = {"p", "div", "ul", "ol", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6",
             "pre", "hr", "figure", "section", "dl"}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_MARK = r"(?:[\"“«„]|&(?:quot|ldquo|laquo|bdquo|#34|#x22|#8220|#x201c|#171|#xab);)"
_GAP = r"(?:\s|&nbsp;|&#160;|&#xa0;|<[^>]+>)*"
# A paragraph that opens with a mark, or where a mark follows "…:" / "…," (an introduced quote).
ANY_MARK = re.compile(_MARK, re.I)
OPENS_WITH_MARK = re.compile(rf"<p\b[^>]*>{_GAP}{_MARK}", re.I)
INTRODUCED_MARK = re.compile(rf"[:,]{_GAP}{_MARK}", re.I)
BOLD_HINT = re.compile(r"<(?:strong|b)[\s>]", re.I)


IN_HEADING, IN_BLOCKQUOTE, IN_LIST_ITEM = 1, 2, 4
_CONTEXT = {"blockquote": IN_BLOCKQUOTE, "li": IN_LIST_ITEM}
_CONTEXT.update({h: IN_HEADING for h in _HEADINGS})
_UNIT_NAMES = {"p", "li", "blockquote"}


@dataclass(slots=True)
class Unit:
    """One paragraph, list item or blockquote of the body, located in the raw HTML."""

    name: str
    start: int
    open_end: int
    inside: int = 0  # IN_* flags of the enclosing elements
    end: int = -1
    has_paragraph: bool = False  # a list item made of <p>s (a "loose" list)
    existing_id: str | None = None
    tag: "Tag | None" = field(default=None, repr=False)

    @property
    def id_insert_at(self) -> int:
        return self.start + 1 + len(self.name)


def scan_units(html: str) -> list[Unit]:
    """Every p, li and blockquote with offsets, in document order (by start)."""
    stack: list[Unit] = []  # open block elements
    units: list[Unit] = []

    def close(unit: Unit, at: int) -> None:
        unit.end = at
        if unit.name == "p" and unit.inside & IN_LIST_ITEM:
            for outer in reversed(stack):
                if outer.name == "li":
                    outer.has_paragraph = True
                    break

    for match in _TAG.finditer(html):
        name = match.group(3)
        if name is None:
            continue
        name = name.lower()
        if match.group(2):  # closing tag
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].name == name:
                    while len(stack) > depth:
                        unit = stack.pop()
                        close(unit, match.end() if len(stack) == depth else match.start())
                    break
            continue
        if name == "hr" or match.group(4).endswith("/"):
            continue
        if stack:
            top = stack[-1].name
            if (top == "p" and name in _CLOSES_P) or (top == "li" and name == "li"):
                close(stack.pop(), match.start())  # HTML closes an open <p> / <li> here
        outer = stack[-1] if stack else None
        inside = (outer.inside | _CONTEXT.get(outer.name, 0)) if outer else 0
        unit = Unit(name, match.start(), match.end(), inside)
        stack.append(unit)
        if name in _UNIT_NAMES:
            units.append(unit)
    while stack:
        close(stack.pop(), len(html))
    return units


def opening_id(html: str, unit: Unit) -> str | None:
    match = _ID.search(html, unit.start, unit.open_end)
    if not match:
        return None
    return htmllib.unescape(next(g for g in match.groups() if g is not None))


def quote_candidates(html: str, units: list[Unit]) -> list[Unit]:
    """Body paragraphs that might be quotations, and every top-level blockquote."""
    found = []
    for unit in units:
        if unit.inside & (IN_HEADING | IN_BLOCKQUOTE):
            continue
        if unit.name == "blockquote" or (
            unit.name == "p" and not unit.inside & IN_LIST_ITEM and might_quote(html, unit)
        ):
            found.append(unit)
    return found


def might_quote(html: str, unit: Unit) -> bool:
    """Cheap test on the raw HTML; everything it lets through is read properly afterwards."""
    if OPENS_WITH_MARK.match(html, unit.start, unit.end):
        return True
    return bool(
        ANY_MARK.search(html, unit.open_end, unit.end)
        and INTRODUCED_MARK.search(html, unit.open_end, unit.end)
    )


def plain_text(html: str, unit: Unit) -> str:
    """The text of a paragraph as a browser shows it (tags dropped, <br> a space)."""
    text = html[unit.open_end : unit.end]
    if "<br" in text or "<BR" in text:
        text = _BR.sub(" ", text)
    text = _ANY_TAG.sub("", text)
    return " ".join((htmllib.unescape(text) if "&" in text else text).split())


def fact_candidates(html: str, units: list[Unit]) -> list[Unit]:
    """Paragraphs and list items (outside headings and blockquotes) holding a bold phrase."""
    found = []
    for unit in units:
        if unit.name == "blockquote" or unit.inside & (IN_HEADING | IN_BLOCKQUOTE):
            continue
        if unit.name == "li" and unit.has_paragraph:
            continue
        if BOLD_HINT.search(html, unit.start, unit.end):
            found.append(unit)
    return found


def parse_units(html: str, units: list[Unit]) -> None:
    """Give every unit its bs4 Tag, parsing all of them in one pass (they are in order)."""
    if not units:
        return
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup("".join(html[u.start : u.end] for u in units), "html.parser")
    tags = [node for node in soup.contents if isinstance(node, Tag)]
    if len(tags) != len(units) or any(t.name != u.name for t, u in zip(tags, units, strict=True)):
        # Malformed markup merged two slices: parse them one by one (rare, slower, still right).
        tags = [BeautifulSoup(html[u.start : u.end], "html.parser").find(u.name) for u in units]
    for unit, tag in zip(units, tags, strict=True):
        unit.tag = tag


_INLINE = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S
)


def inline_runs(html: str, unit: Unit, skip_lists: bool = False) -> list[tuple[str, bool]]:
    """(text, is_bold) runs of a paragraph or list item, read straight from the HTML.

    Same result as `segments()` on the bs4 tag (the tests check it against bs4) at a tenth of
    the cost: Markdown's inline markup is flat enough to walk tag by tag.
    """
    runs: list[tuple[str, bool]] = []
    bold = skipped = 0
    position = unit.open_end
    for match in _INLINE.finditer(html, unit.open_end, unit.end):
        text = html[position : match.start()]
        position = match.end()
        if text and not skipped:
            runs.append((htmllib.unescape(text) if "&" in text else text, bold > 0))
        name = match.group(2)
        if name is None:
            continue  # a comment
        name, closing = name.lower(), bool(match.group(1))
        if name in ("strong", "b"):
            bold = max(bold - 1, 0) if closing else bold + 1
        elif name == "br" and not skipped:
            runs.append(("\n", bold > 0))
        elif skip_lists and name in ("ul", "ol"):
            skipped = max(skipped - 1, 0) if closing else skipped + 1
    text = html[position : unit.end]
    if text and not skipped:
        runs.append((htmllib.unescape(text), bold > 0))
    return runs


def segments(tag: "Tag", skip_lists: bool = False) -> list[tuple[str, bool]]:
    """(text, is_bold) runs of a tag's text; <br> becomes a newline, nested lists optional."""
    from bs4 import NavigableString, Tag

    runs: list[tuple[str, bool]] = []

    def walk(node: "Tag", bold: bool) -> None:
        for child in node.children:
            if type(child) is NavigableString:
                runs.append((str(child), bold))
            elif isinstance(child, Tag):
                if child.name == "br":
                    runs.append(("\n", bold))
                elif skip_lists and child.name in ("ul", "ol"):
                    continue
                else:
                    walk(child, bold or child.name in ("strong", "b"))

    walk(tag, False)
    return runs


def collapse(text: str) -> str:
    return " ".join(text.split())


def collapse_runs(runs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Collapse whitespace across runs as a browser shows it; merge neighbours of a kind."""
    out: list[list] = []
    for text, bold in runs:
        text = _SPACES.sub(" ", text)
        if out and out[-1][0].endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not out and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if out and out[-1][1] == bold:
            out[-1][0] += text
        else:
            out.append([text, bold])
    if out:
        out[-1][0] = out[-1][0].rstrip()
        if not out[-1][0]:
            out.pop()
    return [(text, bold) for text, bold in out]


def insert_ids(html: str, ids: dict[int, str]) -> str:
    """Insert ` id="…"` right after the tag name at each given offset."""
    pieces, last = [], 0
    for at in sorted(ids):
        pieces += [html[last:at], f' id="{ids[at]}"']  # our own ids: letters, digits, -_
        last = at
    pieces.append(html[last:])
    return "".join(pieces)


def existing_ids(html: str) -> set[str]:
    if "id=" not in html and "id =" not in html:
        return set()
    return {
        htmllib.unescape(next(g for g in m.groups() if g is not None)) for m in _ID.finditer(html)
    }
