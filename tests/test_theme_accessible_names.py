"""Sidebar links and targets on the seed release: each "In the text" link says where it goes."""

from bs4 import BeautifulSoup

SEED = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"


def accessible_name(element) -> str:
    return element.get("aria-label") or " ".join(element.get_text().split())


def test_in_text_links_have_unique_accessible_names(built_site):
    page = BeautifulSoup((built_site / SEED).read_text(encoding="utf-8"), "html.parser")
    links = page.select("a.in-text")
    assert len(links) == 6
    names = [accessible_name(link) for link in links]
    assert len(set(names)) == len(names), names
    # The visible words start the name (WCAG 2.5.3, label in name).
    assert all(name.startswith("In the text") for name in names)
    quotes = [accessible_name(a) for a in page.select("aside.quotes a.in-text")]
    assert quotes[1] == "In the text: quote 2, Agnes Callamard"
    assert all(link.get_text() == "In the text" for link in links)
