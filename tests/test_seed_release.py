"""End to end: the real content/ builds and the seed release page says what the release says."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"
PAGE = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"


def _page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "html.parser")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_seed_page_has_title_date_author(built_site):
    page = _page(built_site)
    assert page.find("h1").get_text(strip=True) == (
        "Amnesty International to close its Hong Kong offices"
    )
    time = page.find("time")
    assert time["datetime"].startswith("2021-10-25T00:00:00+08:00")
    assert "Amnesty International" in page.select_one(".byline").get_text()


def test_seed_body_is_word_for_word(built_site):
    """Every paragraph of the source's body appears unchanged in the page."""
    body_text = _words(_page(built_site).select_one(".body").get_text())
    source_body = SEED.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    for block in source_body.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        plain = re.sub(r"[*#]|^- ", "", block, flags=re.MULTILINE)
        assert _words(plain) in body_text, plain[:60]


def test_seed_body_keeps_quotes_and_bold_facts(built_site):
    body = _page(built_site).select_one(".body")
    assert [b.get_text() for b in body.find_all("strong") if b.find_parent("h2") is None] == [
        "31 October",
        "by the end of 2021",
        "At least 35 groups have disbanded since the law was enacted, including some of the "
        "city’s largest unions and activist groups.",
    ]
    assert len(body.find_all("em")) == 9


def test_seed_page_links_to_original_release(built_site):
    link = _page(built_site).find("a", string="Original release")
    assert link["href"] == (
        "https://www.amnesty.org/en/latest/news/2021/10/"
        "amnesty-international-to-close-its-hong-kong-office/"
    )


def test_republisher_byline_is_not_in_the_body(built_site):
    assert "Date de rédaction" not in _page(built_site).select_one(".body").get_text()
