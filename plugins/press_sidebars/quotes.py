"""Which paragraphs are quotations, and what exactly is quoted in each (plain text in, data out)."""

import re
from dataclasses import dataclass

from .attribution import Attribution, parse_attribution
from .settings import LanguageCues

_MARKS = re.compile(r"[\"“”«»„]")
_OPENERS = set("“«„")
_CLOSERS = set("”»")
# Before a straight quote, these mean it opens ("… (\"" or "— \""); anything else closes it.
_OPEN_CONTEXT = set(" \u00a0\u202f([{—–-/:“«„")
_COMMA_NEXT = re.compile(r"[ \u00a0\u202f]*,")  # « … », a-t-elle dit
_ONLY_PUNCTUATION = re.compile(r"^[\s.,;:!?…)\]»”\"’'—–-]*$")


@dataclass(frozen=True)
class QuotedParagraph:
    pieces: list[str]  # quoted text, outer marks removed, in order
    attribution: Attribution | None
    open_at_end: bool  # no closing mark: the quotation goes on into the next paragraph
    separate: bool = False  # pieces are paragraphs (a blockquote), not parts of one sentence

    @property
    def texts(self) -> list[str]:
        """The paragraph(s) this contributes; a split quotation's parts joined by " … "."""
        return list(self.pieces) if self.separate else [" … ".join(self.pieces)]


def quote_spans(text: str) -> list[tuple[int, int | None]]:
    """(start, end) of each outermost quotation; end is None when it is never closed.

    Nested quotations ("comfort women" inside a statement) stay inside the outer span;
    apostrophes are not quotation marks at all.
    """
    spans: list[tuple[int, int | None]] = []
    stack: list[str] = []  # opening marks; German „…“ closes with the mark English opens with
    start = 0
    for match in _MARKS.finditer(text):
        i, mark = match.start(), match.group()
        if mark == '"':
            opening = i == 0 or text[i - 1] in _OPEN_CONTEXT
            if opening and stack and i + 1 < len(text) and text[i + 1] in " ,.;:!?)":
                opening = False  # '… "comfort women" …' closes even after a space-less word
        elif mark == "“" and stack and stack[-1] == "„":
            opening = False
        else:
            opening = mark in _OPENERS
        if opening:
            if not stack:
                start = i
            stack.append(mark)
        elif stack:
            stack.pop()
            if not stack:
                spans.append((start, i + 1))
    if stack:
        spans.append((start, None))
    return spans


def _inner(text: str, start: int, end: int | None) -> str:
    inner = text[start + 1 : end - 1 if end is not None else len(text)]
    return inner.strip(" \u00a0\u202f")


def _words(text: str) -> int:
    return len(text.split())


def read_paragraphs(
    text: str, cues: LanguageCues, honorifics: tuple[str, ...]
) -> list[QuotedParagraph]:
    """Every statement a paragraph holds: two for '"A," said X. "B," said Y.'."""
    spans = quote_spans(text)
    if spans and spans[0][0] == 0:
        return _read_opening_quote(text, spans, cues, honorifics)
    read = _read_introduced(text, spans, cues, honorifics) if spans else None
    return [read] if read is not None else []


def read_paragraph(
    text: str, cues: LanguageCues, honorifics: tuple[str, ...]
) -> QuotedParagraph | None:
    """A quoted paragraph, or None if the paragraph is narrative (maybe with scare quotes)."""
    spans = quote_spans(text)
    if not spans:
        return None
    if spans[0][0] == 0:
        reads = _read_opening_quote(text, spans, cues, honorifics)
        return reads[0] if reads else None
    return _read_introduced(text, spans, cues, honorifics)


def _read_introduced(text, spans, cues, honorifics) -> QuotedParagraph | None:
    first_start, first_end = spans[0]
    # Introduced by its speaker: 'Name, role, said: "…"', 'According to Name, "…"'.
    intro = text[:first_start].rstrip(" \u00a0\u202f")
    if not intro.endswith((":", ",")):
        return None
    if first_end is not None and not _ONLY_PUNCTUATION.match(text[first_end:]):
        return None  # the quotation is not the rest of the paragraph
    attribution = parse_attribution(intro, cues, honorifics)
    if attribution is None:
        return None
    return QuotedParagraph([_inner(text, first_start, first_end)], attribution, first_end is None)


def _read_opening_quote(text, spans, cues, honorifics) -> list[QuotedParagraph]:
    pieces: list[str] = []
    attribution, used = None, 0
    comma_dropped = False  # the last piece's comma handed over to the attribution
    handover = False  # the last piece ends like an utterance ("…," "…!"), not like a title
    unread_tail = False  # words after an earlier piece named nobody we could recognise
    for index, (start, end) in enumerate(spans):
        if index:
            gap = text[spans[index - 1][1] : start].rstrip()
            # A second quotation continues the statement only after a full clause
            # ('"A," Name said. "B."'), never as a quoted word inside the narrative.
            if not gap.endswith((".", ",", ":", "!", "?")):
                break
        piece = _inner(text, start, end)
        following = text[end:] if end is not None else ""
        own = None
        if end is not None and not _ONLY_PUNCTUATION.match(following):
            next_start = spans[index + 1][0] if index + 1 < len(spans) else len(text)
            clause = text[end:next_start]
            own = parse_attribution(clause, cues, honorifics)
            if own is not None and (
                (attribution is None and unread_tail)
                or (attribution is not None and not _same_speaker(attribution, own))
            ):
                # '"A," said John Smith. "B," said Jane Doe.': two statements, two speakers.
                first = _finish(pieces, attribution, spans[used][1], text, handover, comma_dropped)
                rest = text[start:]
                return first + _read_opening_quote(rest, quote_spans(rest), cues, honorifics)
            # The comma inside ("…," she said) or outside the marks (« … », a-t-elle dit).
            comma_dropped = piece.endswith(",") or _COMMA_NEXT.match(text, end) is not None
            handover = comma_dropped or piece.endswith(("!", "?", "…", "."))
            piece = piece.rstrip(",")  # the comma that hands over to the attribution
            attribution = attribution or own
            unread_tail = unread_tail or (own is None and bool(clause.strip(" ,.;:!?")))
        else:
            handover = handover or end is None or piece.endswith(("!", "?", "…", "."))
            comma_dropped = False
        if piece:
            pieces.append(piece)
        used = index
    return _finish(pieces, attribution, spans[used][1], text, handover, comma_dropped)


def _same_speaker(first: Attribution, second: Attribution) -> bool:
    if second.pronoun or first == second:
        return True
    if first.name is None or second.name is None:
        return False  # descriptions ("the minister") are not names we could compare
    a, b = first.name.split(), second.name.split()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[-len(shorter) :] == shorter  # "Smith" after "John Smith"


def _finish(pieces, attribution, last_end, text, handover, comma_dropped) -> list[QuotedParagraph]:
    open_at_end = last_end is None
    if attribution is None and not open_at_end and not handover:
        tail = text[last_end:]
        quoted = sum(_words(p) for p in pieces)
        if not _ONLY_PUNCTUATION.match(tail) and quoted * 2 < _words(text):
            return []  # '"Hamlet" opens on Monday.': a quoted title, not a quotation
    if not pieces:
        return []
    last = pieces[-1].rstrip()
    if comma_dropped and not last.endswith((".", "!", "?", "…")):
        # Standalone, the statement ends where the speaker took over: with a full stop.
        pieces = [*pieces[:-1], last + "."]
    return [QuotedParagraph(pieces, attribution, open_at_end)]
