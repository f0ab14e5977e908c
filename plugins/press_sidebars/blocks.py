"""Find the paragraphs worth reading in a release's HTML and parse them with one bs4 pass.

A regex scan (tens of microseconds) locates every paragraph, list item and blockquote with its
offsets; only those that could hold a quotation or a bold phrase are handed to BeautifulSoup, in
one parse. The offsets let us add ids to the original HTML without re-serialising it, so the
body stays byte-for-byte what Markdown produced apart from the ids.
"""

import html as htmllib
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

_TAG = re.compile(
    r"<!--.*?-->|<(script|style|pre|textarea)\b.*?</\1\s*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip
_CLOSES_P = {"p", "div", "ul", "ol", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6",
             "pre", "hr", "figure", "section", "dl"}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_MARK = r"(?:[\"“«„]|&(?:quot|ldquo|laquo|bdquo|#34|#x22|#8220|#x201c|#171|#xab);)"
_GAP = r"(?:\s|&nbsp;|&#160;|&#xa0;|<[^>]+>)*"
# A paragraph that opens with a mark, or where a mark follows "…:" / "…," (an introduced quote).
QUOTE_HINT = re.compile(rf"^<p\b[^>]*>{_GAP}{_MARK}|[:,]{_GAP}{_MARK}", re.I)
BOLD_HINT = re.compile(r"<(?:strong|b)[\s>]", re.I)


@dataclass
class Unit:
    """One paragraph, list item or blockquote of the body, located in the raw HTML."""

    name: str
    start: int
    open_end: int
    end: int = -1
    inside: frozenset[str] = frozenset()
    has_paragraph: bool = False  # a list item made of <p>s (a "loose" list)
    existing_id: str | None = None
    tag: Tag | None = field(default=None, repr=False)

    @property
    def id_insert_at(self) -> int:
        return self.start + 1 + len(self.name)


def scan_units(html: str) -> list[Unit]:
    """Every p, li and blockquote with offsets, in document order (by start)."""
    stack: list[Unit] = []
    done: list[Unit] = []

    def close(unit: Unit, at: int) -> None:
        unit.end = at
        if unit.name == "p":
            for outer in reversed(stack):
                if outer.name == "li":
                    outer.has_paragraph = True
                    break
        done.append(unit)

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
        if name in _VOID or match.group(4).rstrip().endswith("/"):
            continue
        if stack and stack[-1].name == "p" and name in _CLOSES_P:
            close(stack.pop(), match.start())  # HTML closes an open <p> here
        if name == "li" and stack and stack[-1].name == "li":
            close(stack.pop(), match.start())
        unit = Unit(name, match.start(), match.end(), inside=frozenset(u.name for u in stack))
        stack.append(unit)
    while stack:
        close(stack.pop(), len(html))
    units = [u for u in done if u.name in ("p", "li", "blockquote")]
    units.sort(key=lambda u: u.start)
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
        if unit.inside & (_HEADINGS | {"blockquote"}):
            continue
        if unit.name == "blockquote" or (
            unit.name == "p"
            and "li" not in unit.inside
            and QUOTE_HINT.search(html[unit.start : unit.end])
        ):
            found.append(unit)
    return found


def fact_candidates(html: str, units: list[Unit]) -> list[Unit]:
    """Paragraphs and list items (outside headings and blockquotes) holding a bold phrase."""
    found = []
    for unit in units:
        if unit.name == "blockquote" or unit.inside & (_HEADINGS | {"blockquote"}):
            continue
        if unit.name == "li" and unit.has_paragraph:
            continue
        if BOLD_HINT.search(html, unit.start, unit.end):
            found.append(unit)
    return found


def parse_units(html: str, units: list[Unit]) -> None:
    """Give every unit its bs4 Tag, parsing all of them in one pass."""
    if not units:
        return
    soup = BeautifulSoup("".join(html[u.start : u.end] for u in units), "html.parser")
    tags = [node for node in soup.contents if isinstance(node, Tag)]
    if len(tags) != len(units) or any(t.name != u.name for t, u in zip(tags, units, strict=True)):
        # Malformed markup merged two slices: parse them one by one (rare, slower, still right).
        tags = [BeautifulSoup(html[u.start : u.end], "html.parser").find(u.name) for u in units]
    for unit, tag in zip(units, tags, strict=True):
        unit.tag = tag
        unit.existing_id = opening_id(html, unit)


def segments(tag: Tag, skip_lists: bool = False) -> list[tuple[str, bool]]:
    """(text, is_bold) runs of a tag's text; <br> becomes a newline, nested lists optional."""
    runs: list[tuple[str, bool]] = []

    def walk(node: Tag, bold: bool) -> None:
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
        text = re.sub(r"\s+", " ", text)
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
        pieces += [html[last:at], f' id="{htmllib.escape(ids[at])}"']
        last = at
    pieces.append(html[last:])
    return "".join(pieces)


def existing_ids(html: str) -> set[str]:
    return {
        htmllib.unescape(next(g for g in m.groups() if g is not None)) for m in _ID.finditer(html)
    }
