"""Property-based tests: nothing invented, nothing quoted lost, body text untouched."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from press_sidebars import blocks, extract

from .helpers import CONFIG, render, text_of

WORDS = st.sampled_from(
    re.findall(
        r"\w+",
        "harbour quay board members city rights work year office law groups region people "
        "neighbourhood walkway benches budget council plan staff report week decision",
    )
)
NAMES = st.sampled_from(
    ["Mira Castellanos", "Agnes Callamard", "Anjhula Mya Singh Bais", "Luis Ortega", "Hélène Roy"]
)
ROLES = st.sampled_from(
    [None, "director of the Harbour Trust", "chair of the board", "Secretary General of Amnesty"]
)


@st.composite
def sentence(draw, extras=True):
    words = draw(st.lists(WORDS, min_size=3, max_size=10))
    if extras and draw(st.booleans()):
        words.insert(draw(st.integers(1, len(words))), '"' + draw(WORDS) + '"')  # nested quote
    if extras and draw(st.booleans()):
        words.insert(draw(st.integers(1, len(words))), draw(WORDS) + "’s")  # apostrophe
    return " ".join(words).capitalize()


def body(draw) -> str:
    """Quoted text: sentences, the last without its full stop."""
    return ". ".join(draw(st.lists(sentence(), min_size=1, max_size=3)))


@st.composite
def narrative(draw):
    text = " ".join(s + "." for s in draw(st.lists(sentence(), min_size=1, max_size=3)))
    if draw(st.booleans()):
        text += ' It targets alleged acts of "' + draw(WORDS) + '".'  # a scare quote
    return text, None


@st.composite
def fact(draw):
    """A sentence with one bold phrase; returns (markdown, the bold phrase)."""
    before = draw(sentence(extras=False))
    phrase = " ".join(draw(st.lists(WORDS, min_size=2, max_size=4)))
    return f"{before} **{phrase}** {draw(WORDS)}.", phrase


# Speakers the text describes without naming them, and cue verbs no setting lists: the
# quotation is kept, unattributed, and no name is made up.
DESCRIPTIONS = st.sampled_from(
    ["the minister", "a spokesperson", "the director of the Trust", "officials", "residents"]
)
UNKNOWN_VERBS = st.sampled_from(["bellowed", "quipped", "murmured", "grumbled"])


@st.composite
def statement(draw, lang):
    """An attributed paragraph and 0–2 continuations: (name, markdown paragraphs, quoted texts).

    name is None when the speaker is only described or the cue verb is unknown.
    """
    name, role = draw(NAMES), draw(ROLES)
    role_part = f", {role}" if role else ""
    q = body(draw)
    described, verb = draw(DESCRIPTIONS), draw(UNKNOWN_VERBS)
    if lang == "fr":
        templates = [
            (name, f"« {q} », a déclaré {name}{role_part}.", q + "."),
            (name, f"« {q} », a ajouté {name}.", q + "."),
            (name, f"Selon {name}, « {q} ».", q),
            (None, f"« {q} », a déclaré {described}.", q + "."),
            (None, f"« {q} », a {verb} {name}.", q + "."),
        ]
    else:
        role_said = f"{role_part}," if role else ""
        # Standalone, a statement ends with a full stop where the comma handed over to "said".
        templates = [
            (name, f'"{q}," said {name}{role_part}.', q + "."),
            (name, f'"{q}," {name} said.', q + "."),
            (name, f'*"{q},"* {name}{role_said} said.', q + "."),
            (name, f'"{q}," says {name}.', q + "."),
            (name, f'{name}{role_said} said: "{q}."', q + "."),
            (None, f'"{q}," said {described}.', q + "."),
            (None, f'"{q}," {described} said.', q + "."),
            (None, f'"{q}," {verb} {name}.', q + "."),
            (None, f'"{q}," {name} {verb}.', q + "."),
        ]
    name, first, text = draw(st.sampled_from(templates))
    paragraphs = [(first, text)]
    for _ in range(draw(st.integers(0, 2))):
        q = body(draw) + "."
        paragraphs.append((f"« {q} »" if lang == "fr" else f'"{q}"', q))
    if len(paragraphs) > 1 and draw(st.booleans()):
        # An open middle paragraph: no closing mark, the quotation goes on.
        markdown_text, text = paragraphs[1]
        paragraphs[1] = (markdown_text.removesuffix(" »").removesuffix('"'), text)
    return name, [m for m, _ in paragraphs], [t for _, t in paragraphs]


@st.composite
def release(draw):
    lang = draw(st.sampled_from(["en", "fr"]))
    blocks_, expected_quotes, expected_facts = [], [], []
    for kind in draw(
        st.lists(st.sampled_from(["narrative", "fact", "statement"]), min_size=1, max_size=8)
    ):
        if kind == "statement":
            name, paragraphs, texts = draw(statement(lang))
            blocks_ += paragraphs
            expected_quotes.append((name, texts))
            blocks_.append(draw(narrative())[0])  # statements are separated by narrative
        elif kind == "fact":
            text, phrase = draw(fact())
            blocks_.append(text)
            expected_facts.append(phrase)
        else:
            blocks_.append(draw(narrative())[0])
    return lang, "\n\n".join(blocks_), expected_quotes, expected_facts


def norm(text: str) -> str:
    return " ".join(text.split())


def shown_from(piece: str, body_text: str) -> bool:
    """The piece is in the body, or is a quotation whose handover comma became a full stop
    (the comma inside the marks in English, outside them in French: « … », a déclaré)."""
    piece = norm(piece)
    return piece in body_text or (piece.endswith(".") and piece[:-1] in body_text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(release())
def test_nothing_invented_nothing_lost(case):
    lang, markdown_text, expected_quotes, expected_facts = case
    html = render(markdown_text)
    result = extract(html, lang, CONFIG)
    body_text = text_of(result.html)
    assert body_text == text_of(html)  # the body's text is unchanged
    statements = result.sidebars.statements if result.sidebars else []
    facts = result.sidebars.facts if result.sidebars else []

    # Nothing lost: every quoted paragraph, in order, with its speaker.
    assert [(s.speaker.name if s.speaker else None, s.paragraphs) for s in statements] == [
        (name, [norm(t) for t in texts]) for name, texts in expected_quotes
    ]
    assert [[t for t, bold in f.segments if bold] for f in facts] == [[p] for p in expected_facts]

    # Nothing invented: everything the sidebars show is in the body.
    for s in statements:
        for paragraph in s.paragraphs:
            for piece in paragraph.split(" … "):
                assert shown_from(piece, body_text)
        assert shown_from(s.excerpt.removesuffix(" …"), body_text)
        assert s.description is None or (s.speaker is None and s.description in body_text)
        if s.speaker:
            assert s.speaker.name in body_text
            assert s.speaker.role is None or s.speaker.role in body_text
    for f in facts:
        assert f.text in body_text
    ids = re.findall(r' id="([^"]+)"', result.html)
    assert len(ids) == len(set(ids))
    assert {a for s in statements for a in s.anchors} | {f.anchor for f in facts} == set(ids)


@settings(max_examples=40, deadline=None)
@given(release())
def test_the_prefilter_never_hides_a_quotation(case):
    """Parsing only hinted paragraphs finds exactly what parsing every paragraph finds."""
    lang, markdown_text, _, _ = case
    html = render(markdown_text)
    fast = extract(html, lang, CONFIG)
    saved = blocks.might_quote
    blocks.might_quote = lambda html, unit: True  # every paragraph is a candidate
    try:
        slow = extract(html, lang, CONFIG)
    finally:
        blocks.might_quote = saved
    assert fast == slow


PIECES = st.sampled_from(
    ['"', "“", "”", "«", "»", "„", "’", "'", "**", "*", "> ", "- ", "## ", "\n\n", "\n", ",", ":",
     ".", " said ", " she added", " according to ", " Mira Castellanos", " Dr.", " — ", "<br>",
     "&amp;", "<p>", "</p>", "<blockquote>", "word", "Word", " "]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join), st.sampled_from(["en", "fr"]))
def test_any_input_keeps_the_body_text_and_gives_consistent_sidebars(markdown_text, lang):
    html = render(markdown_text)
    result = extract(html, lang, CONFIG)
    assert text_of(result.html) == text_of(html)
    ids = re.findall(r' id="([^"]+)"', result.html)
    assert len(ids) == len(set(ids))
    if result.sidebars is not None:
        anchors = [a for s in result.sidebars.statements for a in s.anchors]
        anchors += [f.anchor for f in result.sidebars.facts]
        assert set(anchors) <= set(ids)
        body_text = text_of(result.html)
        for s in result.sidebars.statements:
            for paragraph in s.paragraphs:
                for piece in paragraph.split(" … "):
                    assert shown_from(piece, body_text)
        for f in result.sidebars.facts:
            assert norm(f.text) in body_text
