"""Key facts: each bold phrase with its whole sentence, the bold kept bold."""

import re

Segments = list[tuple[str, bool]]

_SENTENCE_END = re.compile(r"[.!?…][\"”»’')\]]*\s+")
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b[A-Z]|\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Inc|Ltd|Co|Corp|Jr|Sr|vs|etc|e\.g|i\.e|approx|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|M|Mme|av|env))\.$"
)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations and initials do not end one."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 1]
        if not following or not (
            following[0].isupper() or following[0].isdigit() or following[0] in '"“«‘(['
        ):
            continue
        head = text[max(start, match.start() - 12) : match.start() + 1]  # the word before
        if _NO_BREAK_BEFORE.search(head):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _slice(runs: Segments, start: int, end: int) -> Segments:
    out, pos = [], 0
    for text, bold in runs:
        a, b = max(start, pos), min(end, pos + len(text))
        if a < b:
            out.append((text[a - pos : b - pos], bold))
        pos += len(text)
    if out:  # trim the whitespace a sentence boundary leaves
        out[0] = (out[0][0].lstrip(), out[0][1])
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return [(t, b) for t, b in out if t]


def _is_label(runs: Segments, index: int) -> bool:
    """**Media contact:** — a bold phrase ending in a colon (inside or right after it)."""
    text = runs[index][0].rstrip()
    after = runs[index + 1][0].lstrip() if index + 1 < len(runs) else ""
    return text.endswith(":") or after.startswith(":")


def facts_in(runs: Segments) -> list[Segments]:
    """The fact sentences of one paragraph or list item (runs already whitespace-collapsed)."""
    text = "".join(t for t, _ in runs)
    bold_text = "".join(t for t, b in runs if b)
    if not bold_text.strip():
        return []
    rest = "".join(t for t, b in runs if not b)
    if not re.search(r"\w", rest) and len(bold_text.split()) <= 4:
        return []  # **Notes to editors**: a short bold paragraph is a label
    spans, pos = [], 0
    for index, (chunk, bold) in enumerate(runs):
        if bold and chunk.strip() and not _is_label(runs, index):
            spans.append((pos, pos + len(chunk)))
        pos += len(chunk)
    if not spans:
        return []
    bounds = sentence_bounds(text)
    ranges: list[list[int]] = []
    for a, b in spans:
        first = next(i for i, (s, e) in enumerate(bounds) if a < e)
        last = next(i for i, (s, e) in enumerate(bounds) if b <= e)
        if ranges and first <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], last)  # several bold phrases, one sentence
        else:
            ranges.append([first, last])
    return [_slice(runs, bounds[first][0], bounds[last][1]) for first, last in ranges]
