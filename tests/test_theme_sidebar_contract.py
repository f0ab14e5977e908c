"""The theme with the real sidebar plugin (plugins/press_sidebars): JSON-LD, wrappers, script."""

import json
from contextlib import contextmanager

from bs4 import BeautifulSoup
from pelican import signals

from conftest import ROOT, run_build

SEED_PAGE = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"
URL = "https://news.example.org/2021/amnesty-international-to-close-its-hong-kong-offices/"

FRONT_MATTER = """---
title: {title} release
slug: '{title}'
date: 2024-05-0{day}T10:00:00+00:00
author: Harbour Trust
category: Press releases
summary: A release for the sidebar wrappers.
lang: en
{extra}---

"""
QUOTE_AND_FACT = (
    'The quay reopens on **2 June**.\n\n"We are ready," said Mira Castellanos, director.\n'
)


@contextmanager
def sidebars_by_slug():
    """The plugin's own data for each release, as the theme received it."""
    found: dict[str, object] = {}

    def keep(generator):
        found.update({a.slug: a.press_sidebars for a in generator.articles})

    signals.article_generator_finalized.connect(keep)
    try:
        yield found
    finally:
        signals.article_generator_finalized.disconnect(keep)


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def test_one_news_article_whose_has_part_is_the_plugins_quotation_parts(tmp_path):
    with sidebars_by_slug() as sidebars:
        run_build(tmp_path, ROOT / "publishconf.py", SITEURL="https://news.example.org")
    page = soup(tmp_path / SEED_PAGE)
    [data] = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert data["hasPart"] == sidebars[
        "amnesty-international-to-close-its-hong-kong-offices"
    ].quotation_parts(URL)

    names = [part["spokenByCharacter"]["name"] for part in data["hasPart"]]
    assert names == ["Anjhula Mya Singh Bais", "Agnes Callamard"] * 2
    assert data["hasPart"][0]["spokenByCharacter"]["jobTitle"] == (
        "chair of Amnesty's International Board"
    )
    first = data["hasPart"][0]["text"]
    assert first.startswith("This decision, made with a heavy heart")
    assert "\n\nHong Kong has long been an ideal regional base" in first
    # Every part points at a paragraph of this page, the one its sidebar link opens.
    anchors = [part["url"].removeprefix(URL + "#") for part in data["hasPart"]]
    assert anchors == ["quote-1", "quote-2", "quote-3", "quote-4"]
    assert all(page.select_one(".body").find(id=anchor) for anchor in anchors)
    links = page.select("aside.quotes figure.quote a.in-text")
    assert [link["href"] for link in links] == ["#" + anchor for anchor in anchors]

    assert page.select_one("article.release.has-sidebars .release-facts aside.key-facts")
    assert page.select_one("article.release.has-sidebars .release-quotes aside.quotes")
    script = page.find("script", src=lambda s: s and s.endswith("copy-quote.js"))
    assert script.has_attr("defer")
    assert page.find("script", type="application/json") is None, "no second copy of the data"


def test_local_preview_parts_point_at_the_page_path(built_site):
    [data] = json_ld(soup(built_site / SEED_PAGE))
    assert data["hasPart"][0]["url"] == (
        "/2021/amnesty-international-to-close-its-hong-kong-offices/#quote-1"
    )


def test_no_sidebars_no_wrappers_no_script(write_release, tmp_path):
    switched_off = "sidebars: false\n"
    write_release(
        "off.md", FRONT_MATTER.format(title="off", day=1, extra=switched_off) + QUOTE_AND_FACT
    )
    write_release("plain.md", FRONT_MATTER.format(title="plain", day=2, extra="") + "No news.\n")
    write_release(
        "facts.md",
        FRONT_MATTER.format(title="facts", day=3, extra="") + "The quay opens on **2 June**.\n",
    )
    output = tmp_path / "output"
    run_build(output, PATH=str(write_release.content))

    for slug in ("off", "plain"):
        page = soup(output / f"2024/{slug}/index.html")
        assert page.select(".has-sidebars, .release-quotes, .release-facts, aside") == [], slug
        assert page.find("script", src=True) is None, slug
        assert "hasPart" not in json_ld(page)[0], slug
    assert 'id="quote-1"' not in (output / "2024/off/index.html").read_text(encoding="utf-8")

    # Facts only: their sidebar, but no quotes wrapper, no copy script, no empty hasPart.
    page = soup(output / "2024/facts/index.html")
    assert page.select_one("article.has-sidebars .release-facts aside.key-facts")
    assert page.select(".release-quotes, aside.quotes") == []
    assert page.find("script", src=True) is None
    assert "hasPart" not in json_ld(page)[0]
