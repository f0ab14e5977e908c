"""The allowlist sanitizer: attacks removed and reported, ordinary Markdown untouched."""

import markdown
import pytest
from bs4 import BeautifulSoup

from release_checks import sanitize_html

ORDINARY = """Intro on HTML with a [link](https://example.org/a?b=1&c=2 "Title"), *emphasis*,
**a fact**, `code`, an ![image](images/quay.jpg "Quay") and a footnote[^1].

## Heading {: #custom-id .custom-class }

| Left | Centre | Right |
|:-----|:------:|------:|
| 1    | 2      | 3     |

> A blockquote

1. one
2. two

Term
:   Definition

*[HTML]: Hyper Text Markup Language

```python
print("hi")
```

[^1]: The note.
"""


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["markdown.extensions.extra"], output_format="html5")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_ordinary_markdown_is_kept_and_nothing_reported():
    html = to_html(ORDINARY)
    result = sanitize_html(html)
    assert result.removed == []
    before, after = soup(html), soup(result.html)
    assert [t.name for t in after.find_all(True)] == [t.name for t in before.find_all(True)]
    for tag_before, tag_after in zip(before.find_all(True), after.find_all(True), strict=True):
        keys = set(tag_before.attrs) - {"style"}
        assert {k: tag_after.get(k) for k in keys} == {k: tag_before.get(k) for k in keys}
    assert after.select_one("h2#custom-id.custom-class")
    assert after.select_one("sup#fnref\\:1 a.footnote-ref")["href"] == "#fn:1"
    assert after.select_one("li#fn\\:1 a.footnote-backref")
    assert after.select_one("a[href='https://example.org/a?b=1&c=2']")["title"] == "Title"
    assert after.select_one("img")["src"] == "images/quay.jpg"
    assert [td.get("style") for td in after.select("td")] == [
        "text-align:left",
        "text-align:center",
        "text-align:right",
    ]
    assert after.select_one("code.language-python")
    assert after.select_one("abbr")["title"] == "Hyper Text Markup Language"


@pytest.mark.parametrize(
    ("html", "removed", "gone"),
    [
        ("<p>x<script>alert(1)</script></p>", "<script> element", "script"),
        ('<p><img src="a.png" onerror="alert(1)"></p>', "onerror attribute on <img>", "[onerror]"),
        ('<p onclick="alert(1)">x</p>', "onclick attribute on <p>", "[onclick]"),
        (
            '<a href="javascript:alert(1)">x</a>',
            'href="javascript:alert(1)" attribute on <a>',
            "a[href]",
        ),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "attribute on <a>", "a[href]"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "attribute on <a>", "a[href]"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe> element", "iframe"),
        ('<object data="x.swf"></object>', "<object> element", "object"),
        ('<embed src="x.swf">', "<embed> element", "embed"),
        ('<p style="position:fixed">x</p>', "style attribute on <p>", "[style]"),
        ("<style>body{display:none}</style>", "<style> element", "style"),
        ('<form action="https://evil.example"><input name="p"></form>', "<form> element", "form"),
        ('<svg onload="alert(1)"></svg>', "<svg> element", "svg"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta>", "meta"),
    ],
)
def test_dangerous_html_is_removed_and_reported(html, removed, gone):
    result = sanitize_html(html)
    assert not soup(result.html).select(gone)
    assert result.removed, "a removal must be reported"
    assert any(removed in str(r) for r in result.removed), [str(r) for r in result.removed]
    assert "<script" not in result.html and "javascript:" not in result.html.lower()


def test_style_declarations_other_than_alignment_are_reported():
    html = '<table><tr><td style="text-align: center; background: url(x)">x</td></tr></table>'
    result = sanitize_html(html)
    assert soup(result.html).td["style"] == "text-align:center"
    assert [str(r) for r in result.removed] == ['style "background:url(x)" on <td>']


def test_script_text_does_not_survive_as_text_either():
    assert "alert" not in sanitize_html("<p>a<script>alert(1)</script>b</p>").html


@pytest.mark.parametrize(
    ("source", "rendered"),
    [
        ("Plain **text** with a [link](https://example.org/a) and [^1].\n\n[^1]: Note.", False),
        ("[mail](mailto:press@example.org), [rel](../x/), [anchor](#top), [ref][r]", False),
        ("[x][r]\n\n[r]: https://example.org", False),
        ("[x](javascript:alert(1))", True),
        ("[x]( JavaScript:alert(1))", True),
        ("[x][r]\n\n[r]: javascript:alert(1)", True),
        ("[x](jav&#97;script:alert(1))", True),
        ("![img](data:image/svg+xml,...)", True),
        ("Raw <b>html</b>", True),
        ("Heading {: onclick=alert(1) }", True),
    ],
)
def test_markdown_run_is_skipped_only_when_nothing_could_be_removed(source, rendered):
    from release_checks.checker import may_need_sanitizing

    assert may_need_sanitizing(source) is rendered
    if not rendered:
        assert sanitize_html(to_html(source)).removed == []
