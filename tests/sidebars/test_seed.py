"""The seed release: nine quoted paragraphs, four statements, two facts (issue 3)."""

import json
from pathlib import Path

from bs4 import BeautifulSoup

from press_sidebars import extract

from .helpers import CONFIG, render

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"
PAGE = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"
BAIS = ("Anjhula Mya Singh Bais", "chair of Amnesty's International Board")
CALLAMARD = ("Agnes Callamard", "Secretary General of Amnesty International")


def seed_sidebars():
    return extract(render(SEED.read_text(encoding="utf-8").split("\n---\n", 1)[1]), "en", CONFIG)


def test_seed_quoted_paragraphs_belong_to_the_right_speakers():
    statements = seed_sidebars().sidebars.statements
    per_paragraph = [(s.speaker.name, s.speaker.role) for s in statements for _ in s.paragraphs]
    assert per_paragraph == [BAIS] * 2 + [CALLAMARD] * 3 + [BAIS] * 2 + [CALLAMARD] * 2
    assert [len(s.paragraphs) for s in statements] == [2, 3, 2, 2]
    assert (
        statements[1]
        .paragraphs[1]
        .endswith('"comfort women", and the crackdown on human rights lawyers in China.')
    )


def test_seed_facts():
    facts = seed_sidebars().sidebars.facts
    assert [[t for t, bold in f.segments if bold] for f in facts] == [
        ["31 October", "by the end of 2021"],
        [
            "At least 35 groups have disbanded since the law was enacted, including some of the "
            "city’s largest unions and activist groups."
        ],
    ]
    assert facts[0].text.startswith("The local 'section' office will cease operations on 31 Oct")
    assert facts[0].text.endswith("is due to close by the end of 2021.")


def test_seed_page_sidebars_json_ld_and_speaker_pages(built_site):
    page = BeautifulSoup((built_site / PAGE).read_text(encoding="utf-8"), "html.parser")
    body = page.select_one(".body")
    quoted = body.select('p[id^="quote-"]')
    assert [p["id"] for p in quoted] == [
        "quote-1", "quote-1-2", "quote-2", "quote-2-2", "quote-2-3",
        "quote-3", "quote-3-2", "quote-4", "quote-4-2",
    ]  # fmt: skip

    figures = page.select("aside.quotes figure.quote")
    assert [
        (f.select_one("cite.speaker").get_text(strip=True), f.select_one("span.role").get_text())
        for f in figures
    ] == [BAIS, CALLAMARD, BAIS, CALLAMARD]
    for figure in figures:
        anchor = figure.select_one("a.in-text")["href"]
        assert body.find(id=anchor[1:]) is not None
        speaker_link = figure.select_one("cite.speaker a")["href"]
        assert (built_site / PAGE).parent.joinpath(speaker_link, "index.html").resolve().is_file()

    facts = page.select("aside.key-facts li")
    assert [[s.get_text() for s in li.find_all("strong")] for li in facts] == [
        ["31 October", "by the end of 2021"],
        [
            "At least 35 groups have disbanded since the law was enacted, including some of the "
            "city’s largest unions and activist groups."
        ],
    ]
    assert [li.a["href"] for li in facts] == ["#fact-1", "#fact-2"]

    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert [
        (part["spokenByCharacter"]["name"], part["spokenByCharacter"]["jobTitle"])
        for part in data["hasPart"]
    ] == [BAIS, CALLAMARD, BAIS, CALLAMARD]
    assert data["hasPart"][0]["url"].endswith(
        "2021/amnesty-international-to-close-its-hong-kong-offices/#quote-1"
    )
    assert data["hasPart"][0]["text"].startswith("This decision, made with a heavy heart")

    callamard = BeautifulSoup(
        (built_site / "speakers" / "agnes-callamard" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert callamard.h1.get_text() == "Agnes Callamard"
    assert len(callamard.select("figure.quote")) == 2
    index = (built_site / "speakers" / "index.html").read_text(encoding="utf-8")
    assert "Anjhula Mya Singh Bais" in index and "Agnes Callamard" in index
