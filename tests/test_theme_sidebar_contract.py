"""The theme's side of the sidebar contract, with stand-in data (tests/sidebar_contract.py)."""

import json

from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from sidebar_contract import SIDEBARS, sidebars_on_every_article

SEED_PAGE = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"
URL = "https://news.example.org/2021/amnesty-international-to-close-its-hong-kong-offices/"


def test_json_ld_has_part_and_copy_data_come_from_the_sidebars(tmp_path):
    with sidebars_on_every_article():
        run_build(tmp_path, ROOT / "publishconf.py", SITEURL="https://news.example.org")
    page = BeautifulSoup((tmp_path / SEED_PAGE).read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article.release.has-sidebars")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["hasPart"] == SIDEBARS.quotation_parts(URL)
    quotes = json.loads(page.find("script", id="quote-data").string)
    assert quotes[0] == {
        "anchor": "q-1",
        "text": SIDEBARS.statements[0].text,
        "name": "Anjhula Mya Singh Bais",
        "role": "chair of Amnesty's International Board",
    }
    assert quotes[2]["name"] is None
    assert page.find("script", src=lambda s: s and s.endswith("copy-quote.js")).has_attr("defer")


def test_no_sidebars_no_wrappers_no_script(built_site):
    page = BeautifulSoup((built_site / SEED_PAGE).read_text(encoding="utf-8"), "html.parser")
    assert page.select(".release-quotes, .release-facts, #quote-data") == []
    assert "hasPart" not in page.find("script", type="application/ld+json").string
