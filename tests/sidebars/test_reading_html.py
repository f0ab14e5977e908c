"""The fast HTML reading agrees with BeautifulSoup on the inline markup Markdown produces."""

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from press_sidebars.blocks import (
    collapse_runs,
    inline_runs,
    plain_text,
    scan_units,
    segments,
)

TEXT = st.sampled_from(
    ["word", "two words", " spaced ", "A&amp;B", "&lt;tag&gt;", "&quot;q&quot;", "&#8220;x&#8221;",
     "l’apostrophe", "a\nnew line", "«\u00a0guillemets\u00a0»"]
)  # fmt: skip


def inline(depth: int = 0):
    leaf = TEXT | st.just("<br>") | st.just("<!-- note -->")
    if depth >= 2:
        return leaf
    child = st.lists(inline(depth + 1), min_size=1, max_size=3).map("".join)
    return leaf | st.tuples(
        st.sampled_from(["strong", "b", "em", "i", "code", 'a href="/x?a=1&amp;b=>"']), child
    ).map(lambda pair: f"<{pair[0]}>{pair[1]}</{pair[0].split()[0]}>")


@settings(max_examples=150, deadline=None)
@given(st.lists(inline(), min_size=1, max_size=5).map("".join))
def test_inline_runs_and_plain_text_match_beautifulsoup(content):
    html = f"<p>{content}</p>"
    unit = scan_units(html)[0]
    tag = BeautifulSoup(html, "html.parser").p
    assert collapse_runs(inline_runs(html, unit)) == collapse_runs(segments(tag))
    expected = " ".join("".join(t for t, _ in segments(tag)).split())
    assert plain_text(html, unit) == expected


def test_scan_finds_paragraphs_items_and_blockquotes_with_their_context():
    html = (
        "<h2><strong>Background</strong></h2>\n<p>One</p>\n<ul>\n<li>Tight <strong>x</strong>"
        "<ul><li>nested</li></ul></li>\n<li><p>Loose</p></li>\n</ul>\n"
        "<blockquote>\n<p>Quoted</p>\n</blockquote>\n<p>Implied close<div>block</div>"
    )
    units = scan_units(html)
    assert [(u.name, html[u.start : u.end]) for u in units] == [
        ("p", "<p>One</p>"),
        ("li", "<li>Tight <strong>x</strong><ul><li>nested</li></ul></li>"),
        ("li", "<li>nested</li>"),
        ("li", "<li><p>Loose</p></li>"),
        ("p", "<p>Loose</p>"),
        ("blockquote", "<blockquote>\n<p>Quoted</p>\n</blockquote>"),
        ("p", "<p>Quoted</p>"),
        ("p", "<p>Implied close"),
    ]
    assert units[3].has_paragraph and not units[1].has_paragraph
