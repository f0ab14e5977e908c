"""From a release's HTML to its sidebars: the one entry point, plain data in and out."""

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from .attribution import Attribution, parse_attribution, parse_name
from .blocks import (
    Unit,
    collapse,
    collapse_runs,
    existing_ids,
    fact_candidates,
    inline_runs,
    insert_ids,
    opening_id,
    parse_units,
    plain_text,
    quote_candidates,
    scan_units,
    segments,
)
from .facts import facts_in, sentence_bounds
from .model import Fact, Sidebars, Speaker, Statement, slugify_name
from .quotes import QuotedParagraph, quote_spans, read_paragraphs
from .settings import Config, LanguageCues

_SPACE = re.compile(r"\s*")


@lru_cache(maxsize=8)
def _words_up_to(fewest: int, most: int) -> re.Pattern:
    """Matches up to `most` words; group 1 ends after the `fewest`-th (one regex match)."""
    return re.compile(rf"(\s*(?:\S+\s+){{{fewest - 1}}}\S+)(?:\s+\S+){{0,{most - fewest}}}")


_DASH_LINE = re.compile(r"^\s*(?:—|―|–|--|-)\s*(\S.*)$")


@dataclass(frozen=True)
class Extraction:
    html: str  # the body with ids on quoted and fact paragraphs; text unchanged
    sidebars: Sidebars | None


@dataclass
class _Quoted:
    unit: Unit
    paragraph: QuotedParagraph


def _read_blockquote(unit: Unit, cues: LanguageCues, honorifics) -> list[QuotedParagraph]:
    """A blockquote is a quotation; a last line "— Name, role" names its speaker.

    A line naming a second speaker ('"A," said X. "B," said Y.') starts a second statement.
    """
    paragraphs = unit.tag.find_all("p") or [unit.tag]
    lines = [
        [collapse(line) for line in "".join(t for t, _ in segments(p)).split("\n")]
        for p in paragraphs
    ]
    lines = [[line for line in block if line] for block in lines]
    lines = [block for block in lines if block]
    if not lines:
        return []
    dash_attribution = None
    dash = _DASH_LINE.match(lines[-1][-1])
    if dash:
        name, rest = parse_name(dash.group(1), honorifics)
        if name:
            rest = rest.strip()
            dash_attribution = Attribution(name, rest.lstrip(", ").rstrip(".") or None)
            lines[-1].pop()
            lines = [block for block in lines if block]
    statements: list[tuple[list[str], Attribution | None]] = [([], None)]
    for block in lines:
        text = " ".join(block)
        reads = [r for r in read_paragraphs(text, cues, honorifics) if r.pieces]
        if not reads:
            statements[-1][0].append(text)
        for index, read in enumerate(reads):
            if index:
                statements.append(([], None))  # another speaker in the same line
            pieces, attribution = statements[-1]
            statements[-1] = (pieces + read.texts, attribution or read.attribution)
    if dash_attribution is not None:
        statements[-1] = (statements[-1][0], dash_attribution)
    return [
        QuotedParagraph(pieces, attribution, False, separate=True)
        for pieces, attribution in statements
        if pieces
    ]


class _Names:
    """Full names known in one release, so "Castellanos" resolves to "Mira Castellanos"."""

    def __init__(self, declared: dict[str, str | None]):
        self.full: list[str] = list(declared)
        self.roles: dict[str, str | None] = {}
        self.declared = declared

    def learn(self, name: str) -> None:
        if len(name.split()) > 1 and name not in self.full:
            self.full.append(name)

    def resolve(self, mention: str) -> str:
        if mention in self.full:
            return mention
        tokens = mention.split()
        matches = [n for n in self.full if n.split()[-len(tokens) :] == tokens]
        return matches[0] if len(matches) == 1 else mention  # ambiguous: keep what was written

    def role(self, name: str) -> str | None:
        if name in self.declared:
            return self.declared[name]
        return self.roles.get(name)


def _group(quoted: list[_Quoted], html: str) -> list[list[_Quoted]]:
    """Statements: a quoted paragraph without attribution continues the one just before it."""
    groups: list[list[_Quoted]] = []
    for item in quoted:
        previous = groups[-1][-1] if groups else None
        adjacent = (
            previous is not None
            and previous.unit is not item.unit  # a second speaker in the same paragraph
            and _SPACE.match(html, previous.unit.end, item.unit.start).end() == item.unit.start
        )
        own = item.paragraph.attribution
        group_speaker = (
            next((q.paragraph.attribution for q in groups[-1] if q.paragraph.attribution), None)
            if groups
            else None
        )
        if adjacent and (own is None or (previous.paragraph.open_at_end and group_speaker is None)):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


# Where a shortened excerpt may end: after a clause ("…, " "…; " "…: ") or before a dash.
_CLAUSE_MARK = re.compile(r"[,;:—–]")


def _is_clause_end(text: str, mark: re.Match) -> bool:
    after = text[mark.end() : mark.end() + 1]
    if mark.group() in ",;:":
        return after.isspace()  # not "1,000" or "10:30"
    return after.isspace() and text[mark.start() - 1 : mark.start()].isspace()  # " — "


# Words a phrase never ends on: cutting after them leaves it hanging ("…in the darkest of").
_DANGLING = frozenset(
    re.findall(
        r"\S+",
        "a an the of to in on at for by with from and or but that which who as than into our "
        "their its his her le la les un une des du de à au aux et ou mais que qui pour par avec "
        "dans sur",
    )
)


def end_of_phrase(text: str, end: int) -> str:
    """text[:end] without the words that would leave it hanging, nor a trailing comma."""
    words = text[:end].split()
    while len(words) > 1 and words[-1].lower().strip(",;:—–") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:—– ")


def _excerpt(paragraphs: list[str], limit: int) -> str:
    """What the sidebar shows: the whole statement, or its start up to `limit` words + " …".

    The start ends at a sentence end when one leaves at least a third of `limit` words, else
    at a clause boundary (a comma, a semicolon, a dash), else at the word limit, never on a
    word that leaves the phrase hanging.
    """
    first = paragraphs[0]
    if len(first.split()) <= limit:
        return first if len(paragraphs) == 1 else f"{first} …"  # the first paragraph, whole
    fewest = max(3, limit // 3)
    taken, words = 0, 0
    for start, end in sentence_bounds(first):
        words += len(first[start:end].split())
        if words > limit:
            break
        if words >= fewest:
            taken = end
    if taken:
        return f"{first[:taken].strip()} …"
    # No sentence end fits: the last clause boundary within the limit, else the word limit.
    match = _words_up_to(fewest, limit).match(first)
    window, shortest = match.end(), match.end(1)
    clauses = [
        m.start() if m.group() in ",;:" else m.start() - 1
        for m in _CLAUSE_MARK.finditer(first, shortest, window + 1)
        if _is_clause_end(first, m)
    ]
    return f"{end_of_phrase(first, clauses[-1] if clauses else window)} …"


def _unique(base: str, taken: set[str]) -> str:
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}_{n}"
    taken.add(anchor)
    return anchor


def extract(
    html: str,
    lang: str,
    config: Config,
    declared_speakers: dict[str, str | None] | None = None,
) -> Extraction:
    """Read the quotations and key facts of one release body (HTML)."""
    cues = config.cues.get(lang) or config.cues["en"]
    honorifics = config.honorifics
    units = scan_units(html)
    quote_units = quote_candidates(html, units)
    fact_units = fact_candidates(html, units)
    # One bs4 parse for the blockquotes, whose inner structure matters (paragraphs, a last
    # "— Name" line); paragraphs only need their text or bold runs, read from the HTML directly.
    parse_units(html, [u for u in quote_units if u.name == "blockquote"])

    quoted: list[_Quoted] = []
    for unit in quote_units:
        if unit.name == "blockquote":
            reads = _read_blockquote(unit, cues, honorifics)
        else:
            reads = read_paragraphs(plain_text(html, unit), cues, honorifics)
        quoted += [_Quoted(unit, read) for read in reads]  # two speakers in one paragraph: two

    names = _Names(dict(declared_speakers or {}))
    for item in quoted:
        attribution = item.paragraph.attribution
        if attribution and attribution.name:
            names.learn(attribution.name)

    taken = existing_ids(html)
    new_ids: dict[int, str] = {}

    def anchor_for(unit: Unit, base: str) -> str:
        if unit.existing_id is None and html.find("id", unit.start, unit.open_end) != -1:
            unit.existing_id = opening_id(html, unit)
        if unit.existing_id:
            return unit.existing_id
        anchor = _unique(base, taken)
        new_ids[unit.id_insert_at] = anchor
        unit.existing_id = anchor
        return anchor

    # Who speaks in each statement; roles are known only once every mention has been read.
    groups = _group(quoted, html)
    last_named: str | None = None
    last_description: str | None = None
    speaker_names: list[str | None] = []
    descriptions: list[str | None] = []
    for group in groups:
        attribution = next(
            (q.paragraph.attribution for q in group if q.paragraph.attribution), None
        )
        name = description = None
        if attribution is not None:
            if attribution.pronoun:
                name, description = last_named, last_description
            elif attribution.name is None:
                # "said the minister": unattributed; a later "she added" is that same
                # unnamed person, so it is not credited to the last *named* speaker either.
                description = attribution.description
                last_named, last_description = None, description
            else:
                name = names.resolve(attribution.name)
                if attribution.role and name not in names.roles:
                    names.roles[name] = attribution.role  # a role given once is carried over
        if name is not None:
            last_named, last_description = name, None
        speaker_names.append(name)
        descriptions.append(description if name is None else None)
    speakers = {
        name: Speaker(name, names.role(name), slugify_name(name))
        for name in speaker_names
        if name is not None
    }

    statements: list[Statement] = []
    numbered = enumerate(zip(groups, speaker_names, descriptions, strict=True), 1)
    for number, (group, name, description) in numbered:
        anchors = [
            anchor_for(q.unit, f"quote-{number}" if i == 0 else f"quote-{number}-{i + 1}")
            for i, q in enumerate(group)
        ]
        paragraphs = [text for q in group for text in q.paragraph.texts]
        excerpt = _excerpt(paragraphs, config.excerpt_words)
        speaker = speakers.get(name)
        statements.append(Statement(anchors[0], paragraphs, excerpt, speaker, anchors, description))

    facts: list[Fact] = []
    for unit in fact_units:
        runs = collapse_runs(inline_runs(html, unit, skip_lists=unit.name == "li"))
        for sentence in facts_in(runs):
            anchor = anchor_for(unit, f"fact-{len(facts) + 1}")
            facts.append(Fact(anchor, sentence))

    new_html = insert_ids(html, new_ids) if new_ids else html
    if not statements and not facts:
        return Extraction(new_html, None)
    labels = config.labels.get(lang) or config.labels["en"]
    return Extraction(new_html, Sidebars(statements, facts, labels))


def cache_key(html: str, lang: str, config: Config, declared: dict | None) -> str:
    digest = hashlib.blake2b(html.encode(), digest_size=16)
    declared_items = tuple(sorted((declared or {}).items()))
    digest.update(_settings_bytes(lang, config.fingerprint, declared_items))
    return digest.hexdigest()


@lru_cache(maxsize=256)
def _settings_bytes(lang: str, fingerprint: str, declared: tuple) -> bytes:
    # The same few for every release of a build: encoded once, not twice per release.
    return repr((lang, fingerprint, list(declared))).encode()


__all__ = ["Extraction", "cache_key", "extract", "parse_attribution", "quote_spans"]
