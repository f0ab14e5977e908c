"""The theme's pages, from a real build of a small sample site (tests/theme_site.py)."""

import json
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from theme_site import (
    BOARDWALK,
    BOARDWALK_FR,
    CHAIR,
    FEES,
    TRICKY_FEED_TAG,
    TRICKY_SUMMARY,
    TRICKY_TAG,
    TRICKY_TITLE,
    write_sample_content,
)

SITEURL = "https://news.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    content = write_sample_content(tmp_path_factory.mktemp("content"))
    output = tmp_path_factory.mktemp("local")
    run_build(output, PATH=str(content), DEFAULT_PAGINATION=2)
    return output


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    content = write_sample_content(tmp_path_factory.mktemp("content"))
    output = tmp_path_factory.mktemp("published")
    run_build(output, ROOT / "publishconf.py", PATH=str(content), SITEURL=SITEURL)
    return output


def soup(site, name) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def texts(elements) -> list[str]:
    return [" ".join(e.get_text().split()) for e in elements]


# --- Release page -----------------------------------------------------------------------------


def test_release_page_parts_in_reading_order(local_site):
    page = soup(local_site, BOARDWALK)
    article = page.select_one("main article.release")
    header = article.select_one(".release-header")
    assert header.h1.get_text() == "Harbour Trust opens the East Quay boardwalk"
    assert texts(header.select(".dateline")) == ["Lisbon — 1 March 2024 (updated 2 March 2024)"]
    assert header.select_one(".dateline time")["datetime"] == "2024-03-01T09:30:00+01:00"
    assert header.select_one(".standfirst").get_text() == (
        "The East Quay boardwalk opens to the public on 2 March."
    )
    footer = article.select_one(".release-footer")
    assert texts(footer.select(".tags a")) == ["Harbour", "Public space"]
    assert footer.find("a", string="Original release")["href"] == (
        "https://example.org/releases/east-quay"
    )
    assert footer.select_one(".boilerplate h2").get_text() == "About Harbour Trust"
    assert "public quays" in footer.select_one(".boilerplate").get_text()
    contact = footer.select_one(".contacts li")
    assert contact.find("a", href="mailto:press@example.org")
    assert contact.find("a", href="tel:+351210000000").get_text() == "+351 21 000 0000"


def test_release_without_boilerplate_or_contacts_leaves_them_out(local_site):
    page = soup(local_site, CHAIR)
    assert page.select(".boilerplate") == [] and page.select(".contacts") == []
    assert page.find("a", string="Original release") is None


def test_only_the_release_body_is_indexed_for_search(local_site):
    page = soup(local_site, BOARDWALK)
    assert [e.name + "." + ".".join(e["class"]) for e in page.select("[data-pagefind-body]")] == [
        "div.body"
    ]


def test_previous_next_and_related_releases(local_site):
    nav = soup(local_site, FEES).select_one("nav.release-nav")
    assert texts(nav.select("a[rel=prev]")) == ["Harbour Trust names new chair"]
    assert texts(nav.select("a[rel=next]")) == ["Harbour Trust opens the East Quay boardwalk"]
    # Shares the tag "Harbour" with the boardwalk release, none with the chair release.
    assert texts(nav.select(".release-list > li > a")) == [
        "Harbour Trust opens the East Quay boardwalk"
    ]


def test_language_switch_and_french_page_language(local_site):
    english, french = soup(local_site, BOARDWALK), soup(local_site, BOARDWALK_FR)
    assert english.html["lang"] == "en" and french.html["lang"] == "fr"
    link = english.select_one(".language-switch a")
    assert (link.get_text(), link["hreflang"]) == ("Français", "fr")
    assert french.select_one(".language-switch a")["hreflang"] == "en"
    # The site's own chrome stays in the site's language on a French page.
    assert french.select_one(".site-header")["lang"] == "en"


def test_hreflang_and_canonical_are_absolute_when_published(published_site):
    head = soup(published_site, BOARDWALK).head
    url = f"{SITEURL}/2024/harbour-trust-opens-the-east-quay-boardwalk/"
    assert head.find("link", rel="canonical")["href"] == url
    assert head.find("meta", property="og:url")["content"] == url
    hreflang = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True)}
    assert hreflang == {"en": url, "fr": url + "fr/"}


def test_local_preview_has_no_relative_canonical(local_site):
    assert soup(local_site, BOARDWALK).find("link", rel="canonical") is None


def test_json_ld_news_article(published_site):
    page = soup(published_site, BOARDWALK)
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Harbour Trust opens the East Quay boardwalk"
    assert data["datePublished"] == "2024-03-01T09:30:00+01:00"
    assert data["dateModified"] == "2024-03-02T08:00:00+01:00"
    assert data["author"] == [{"@type": "Organization", "name": "Harbour Trust"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Newsroom"}
    assert data["inLanguage"] == "en"
    assert data["keywords"] == ["Harbour", "Public space"]
    assert data["url"] == f"{SITEURL}/2024/harbour-trust-opens-the-east-quay-boardwalk/"


def test_social_cards(published_site):
    head = soup(published_site, BOARDWALK).head
    assert head.find("meta", attrs={"name": "description"})["content"] == (
        "The East Quay boardwalk opens to the public on 2 March."
    )
    assert head.find("meta", property="og:title")["content"] == (
        "Harbour Trust opens the East Quay boardwalk"
    )
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert head.find("link", rel="icon")["href"] == f"{SITEURL}/theme/favicon.svg"


# --- Escaping ---------------------------------------------------------------------------------


def test_tricky_characters_are_text_in_html_attributes_and_json_ld(published_site):
    page = soup(published_site, FEES)
    assert page.h1.get_text() == TRICKY_TITLE
    assert page.find("b") is None, "the title's <b> became markup"
    assert page.title.get_text() == f"{TRICKY_TITLE} · Newsroom"
    assert page.find("meta", property="og:title")["content"] == TRICKY_TITLE
    assert page.find("meta", attrs={"name": "description"})["content"] == TRICKY_SUMMARY
    assert page.select_one(".standfirst").get_text() == TRICKY_SUMMARY
    assert TRICKY_TAG in texts(page.select(".tags a"))
    script = page.find("script", type="application/ld+json").string
    assert "<" not in script, "JSON-LD must not contain a raw < (could close the script)"
    data = json.loads(script)
    assert (data["headline"], data["description"]) == (TRICKY_TITLE, TRICKY_SUMMARY)
    assert TRICKY_TAG in data["keywords"]


def test_tricky_characters_are_text_in_lists(local_site):
    home = soup(local_site, "index.html")
    assert TRICKY_TITLE in texts(home.select(".release-list a"))
    assert TRICKY_SUMMARY in texts(home.select(".release-list p"))
    assert TRICKY_TAG in texts(soup(local_site, "tags/index.html").select(".term-list a"))


# --- Lists ------------------------------------------------------------------------------------


def test_home_is_newest_first_and_paginated(local_site):
    first, second = soup(local_site, "index.html"), soup(local_site, "page/2/index.html")
    assert texts(first.select(".release-list > li > a")) == [
        "Harbour Trust opens the East Quay boardwalk",
        TRICKY_TITLE,
    ]
    assert texts(second.select(".release-list > li > a")) == ["Harbour Trust names new chair"]
    assert first.select_one(".pagination a[rel=next]")["href"] == "./page/2/"


@pytest.mark.parametrize(
    ("name", "heading", "titles"),
    [
        ("category/notices/index.html", "Notices", [TRICKY_TITLE]),
        (
            "tag/governance/index.html",
            "Releases tagged “Governance”",
            ["Harbour Trust names new chair"],
        ),
        ("2023/index.html", "Releases of 2023", ["Harbour Trust names new chair"]),
    ],
)
def test_list_pages(local_site, name, heading, titles):
    page = soup(local_site, name)
    assert page.h1.get_text() == heading
    assert texts(page.select(".release-list > li > a")) == titles


def test_author_and_archives(local_site):
    assert soup(local_site, "author/harbour-trust/index.html").h1.get_text() == (
        "Releases from Harbour Trust"
    )
    archives = soup(local_site, "archives/index.html")
    assert texts(archives.select("main h2 a")) == ["2024", "2023"]


def test_navigation_on_every_page(local_site):
    for name in ("index.html", BOARDWALK, "about/index.html", "search/index.html", "404.html"):
        nav = soup(local_site, name).select_one("header nav")
        assert texts(nav.select("a")) == ["Releases", "Archives", "Speakers", "About"], name
        form = soup(local_site, name).select_one("form[role=search]")
        assert form["method"] == "get" and form.find("input", attrs={"name": "q"}), name


def test_about_search_and_404_pages(local_site):
    assert soup(local_site, "about/index.html").h1.get_text() == "About"
    assert soup(local_site, "search/index.html").select_one("main noscript")
    not_found = soup(local_site, "404.html")
    assert not_found.h1.get_text() == "Page not found"
    # Served at any address, so its links are rooted, never relative.
    assert not_found.find("link", rel="stylesheet")["href"] == "/theme/css/style.css"


def test_the_real_about_page_builds(built_site):
    assert soup(built_site, "about/index.html").h1.get_text() == "About"


# --- Feeds ------------------------------------------------------------------------------------


def test_feeds_are_linked_from_every_published_page(published_site):
    for path in published_site.rglob("*.html"):
        if path.parent.name == "pagefind":
            continue
        links = soup(published_site, path.relative_to(published_site)).find_all(
            "link", rel="alternate", type="application/atom+xml"
        )
        assert f"{SITEURL}/feeds/all.atom.xml" in [link["href"] for link in links], path


def test_tag_and_category_pages_link_their_own_feed(published_site):
    links = soup(published_site, "tag/governance/index.html").find_all("link", rel="alternate")
    assert f"{SITEURL}/feeds/tag/governance.atom.xml" in [link["href"] for link in links]
    links = soup(published_site, "category/notices/index.html").find_all("link", rel="alternate")
    assert f"{SITEURL}/feeds/notices.atom.xml" in [link["href"] for link in links]


def test_feeds_carry_full_content_and_text_titles(published_site):
    feed = ElementTree.parse(published_site / "feeds" / "all.atom.xml").getroot()
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.iter(f"{ATOM}entry")}
    assert TRICKY_TITLE in entries
    tricky = entries[TRICKY_TITLE]
    assert "Mooring fees change on 1 April." in tricky.findtext(f"{ATOM}content")
    assert TRICKY_TAG in [c.get("term") for c in tricky.iter(f"{ATOM}category")]
    boardwalk = entries["Harbour Trust opens the East Quay boardwalk"]
    assert "said Mira Castellanos" in boardwalk.findtext(f"{ATOM}content")
    for feed_file in ("feeds/notices.atom.xml", "feeds/tag/governance.atom.xml"):
        assert (published_site / feed_file).is_file()


def test_list_pages_have_a_canonical_url_when_published(published_site):
    for name, url in [
        ("index.html", f"{SITEURL}/"),
        ("tag/governance/index.html", f"{SITEURL}/tag/governance/"),
        ("archives/index.html", f"{SITEURL}/archives/"),
        ("about/index.html", f"{SITEURL}/about/"),
    ]:
        assert soup(published_site, name).find("link", rel="canonical")["href"] == url, name
    assert soup(published_site, "404.html").find("link", rel="canonical") is None


def test_feed_titles_keep_tricky_tag_names(published_site):
    feed = ElementTree.parse(published_site / "feeds" / "tag" / "ab.atom.xml").getroot()
    assert feed.findtext(f"{ATOM}title") == f"Newsroom - {TRICKY_FEED_TAG}"
    tag = ElementTree.parse(published_site / "feeds" / "tag" / "rd.atom.xml").getroot()
    assert tag.findtext(f"{ATOM}title") == f"Newsroom - {TRICKY_TAG}"
    assert (
        ElementTree.parse(published_site / "feeds" / "all.atom.xml")
        .getroot()
        .findtext(f"{ATOM}title")
        == "Newsroom"
    )


def test_summary_is_plain_text_everywhere(published_site):
    page = soup(published_site, FEES)
    head = page.head
    for attrs in ({"property": "og:description"}, {"name": "twitter:description"}):
        assert head.find("meta", attrs=attrs)["content"] == TRICKY_SUMMARY
    assert TRICKY_SUMMARY in texts(soup(published_site, "index.html").select(".release-list p"))
    # Atom declares the summary as HTML: readers must get the text back, no <b> element.
    feed = ElementTree.parse(published_site / "feeds" / "all.atom.xml").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == TRICKY_TITLE)
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    shown = BeautifulSoup(summary.text, "html.parser")
    assert shown.find("b") is None and shown.get_text() == TRICKY_SUMMARY


# --- URLs -------------------------------------------------------------------------------------


def test_taxonomies_are_folders_like_releases(local_site):
    for name in (
        "tags/index.html",
        "categories/index.html",
        "authors/index.html",
        "tag/harbour/index.html",
        "category/notices/index.html",
        "author/harbour-trust/index.html",
        "author/harbour-trust/page/2/index.html",
        "page/2/index.html",
    ):
        assert (local_site / name).is_file(), name
    assert not list(local_site.glob("**/*-page-*")) and not (local_site / "tags.html").exists()
    release = soup(local_site, BOARDWALK)
    assert [a["href"] for a in release.select(".tags a")] == [
        "../../tag/harbour/",
        "../../tag/public-space/",
    ]
    author = soup(local_site, "author/harbour-trust/index.html")
    assert (
        author.select_one(".pagination a[rel=next]")["href"] == "../../author/harbour-trust/page/2/"
    )


# --- Images -----------------------------------------------------------------------------------

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000105fe02fea70000000049454e44ae426082"
)
IMAGE_RELEASES = {
    "2024-04-01-absolute.md": """---
title: An image from elsewhere
date: 2024-04-01T10:00:00+00:00
author: Harbour Trust
category: Press releases
summary: The quay at dawn.
lang: en
image: https://cdn.example.org/photos/quay.jpg
image_alt: The East Quay at dawn, empty
---

The quay at dawn.
""",
    "2024-04-02-relative.md": """---
title: An image of ours
date: 2024-04-02T10:00:00+00:00
author: Harbour Trust
category: Press releases
summary: The quay at noon.
lang: en
image: images/quay.png
image_alt: The East Quay at noon, busy
---

The quay at noon.
""",
}


@pytest.fixture(scope="module")
def image_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    (content / "images").mkdir()
    (content / "images" / "quay.png").write_bytes(PNG)
    for name, text in IMAGE_RELEASES.items():
        (content / name).write_text(text, encoding="utf-8")
    output = tmp_path_factory.mktemp("images")
    run_build(
        output, ROOT / "publishconf.py", PATH=str(content), SITEURL=SITEURL, STATIC_PATHS=["images"]
    )
    return output


@pytest.mark.parametrize(
    ("name", "url", "alt"),
    [
        (
            "2024/an-image-from-elsewhere/index.html",
            "https://cdn.example.org/photos/quay.jpg",
            "The East Quay at dawn, empty",
        ),
        (
            "2024/an-image-of-ours/index.html",
            f"{SITEURL}/images/quay.png",
            "The East Quay at noon, busy",
        ),
    ],
)
def test_release_image_in_cards_json_ld_and_page(image_site, name, url, alt):
    page = soup(image_site, name)
    head = page.head
    assert head.find("meta", property="og:image")["content"] == url
    assert head.find("meta", property="og:image:alt")["content"] == alt
    assert head.find("meta", attrs={"name": "twitter:image"})["content"] == url
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    data = json.loads(head.find("script", type="application/ld+json").string)
    assert data["image"] == url
    image = page.select_one("article.release .release-header figure.release-image img")
    assert (image["src"], image["alt"]) == (url, alt)
    # Below the headline, in the first screen: loading it lazily would delay LCP.
    assert image.get("loading") != "lazy"
