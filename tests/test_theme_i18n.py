"""Theme labels and dates per language (plugins/theme_i18n): unit tests without Pelican, then
the French release of the sample site, which must read French from headline to contacts."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from theme_i18n import DEFAULT_LABELS, format_date, read_settings
from theme_i18n.labels import plural

from conftest import run_build
from theme_site import BOARDWALK, BOARDWALK_FR, write_sample_content


def test_dates_per_language_without_locales():
    assert format_date(date(2024, 3, 1), "en") == "1 March 2024"
    assert format_date(date(2024, 3, 1), "fr") == "1er mars 2024"
    assert format_date(date(2021, 10, 25), "fr") == "25 octobre 2021"
    assert format_date(date(2024, 8, 2), "fr") == "2 août 2024"


def test_plural_labels():
    assert plural(DEFAULT_LABELS["en"]["statements"], 1) == "1 statement"
    assert plural(DEFAULT_LABELS["en"]["statements"], 2) == "2 statements"
    assert plural(DEFAULT_LABELS["fr"]["statements"], 2) == "2 déclarations"


def test_every_language_has_every_label():
    assert set(DEFAULT_LABELS["fr"]) == set(DEFAULT_LABELS["en"])


def test_settings_override_and_validation():
    labels = read_settings(
        {"PRESS_LANGUAGES": ["en", "fr"], "THEME_LABELS": {"en": {"contacts": "Press"}}}
    )
    assert labels["en"]["contacts"] == "Press" and labels["fr"]["contacts"] == "Contacts presse"
    with pytest.raises(ValueError, match="unknown keys"):
        read_settings({"THEME_LABELS": {"en": {"contact": "Press"}}})
    with pytest.raises(ValueError, match=r"THEME_LABELS\['de'\] needs the keys"):
        read_settings({"PRESS_LANGUAGES": ["en", "de"]})
    with pytest.raises(ValueError, match="month names"):
        read_settings({"THEME_LABELS": {"de": dict(DEFAULT_LABELS["en"])}})


# --- The French release, built ----------------------------------------------------------------

ENGLISH_LABELS = [
    "Original release",
    "Media contacts",
    "About ",
    "Tags:",
    "Previous",
    "Next",
    "Related",
    "Copy quote",
    "Copied",
    " said ",
    "In the text",
    "Key facts",
    "Who said what",
    "updated",
    "March",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = write_sample_content(tmp_path_factory.mktemp("content"))
    output = tmp_path_factory.mktemp("site")
    run_build(output, PATH=str(content))
    return output


def soup(site, name) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_french_release_is_french_apart_from_the_site_chrome(site):
    page = soup(site, BOARDWALK_FR)
    assert page.html["lang"] == "fr"
    article = page.select_one("main article.release")
    text = " ".join(article.get_text(" ").split())
    # Every English word the theme writes, visible or for screen readers, or for the copy button.
    script = page.find("script", src=lambda src: src and "copy-quote" in src)
    labels = " ".join(v for k, v in script.attrs.items() if k.startswith("data-"))
    nav = page.select_one("nav.release-nav")
    words = " ".join(
        [text, labels, nav.get_text(" ") if nav else "", nav["aria-label"] if nav else ""]
    )
    for english in ENGLISH_LABELS:
        assert english not in words, english
    assert "Lisbonne — 1er mars 2024" in text
    footer = article.select_one(".release-footer")
    assert footer.select_one(".tags .label").get_text() == "Mots-clés\u00a0:"
    assert footer.find("a", string="Communiqué original")
    assert footer.select_one(".boilerplate h2").get_text() == "À propos de Harbour Trust"
    assert footer.select_one(".contacts h2").get_text() == "Contacts presse"
    assert script["data-said"] == "a déclaré" and script["data-copied"] == "Copié"
    # The site's chrome stays in the site's language and says so.
    for chrome in page.select(".site-header, .site-footer, .skip-link"):
        assert chrome["lang"] == "en"


def test_english_release_keeps_english_labels_and_dates(site):
    article = soup(site, BOARDWALK).select_one("main article.release")
    text = " ".join(article.get_text(" ").split())
    dateline = " ".join(article.select_one(".dateline").get_text().split())
    assert dateline == "Lisbon — 1 March 2024 (updated 2 March 2024)"
    assert "Media contacts" in text and "Original release" in text


def test_previous_next_follow_the_release_language(site):
    fees = soup(site, "2024/fees-deal/index.html").select_one("nav.release-nav")
    assert fees["aria-label"] == "More releases"
    assert [s.get_text() for s in fees.select(".prev-next .label")] == ["Previous", "Next"]


def test_speaker_index_labels_the_count(site, built_site):
    one = soup(site, "speakers/index.html").select_one(".speakers .count").get_text()
    assert one == "(1 statement)"
    seed = soup(built_site, "speakers/index.html")
    counts = {
        li.a.get_text(): li.select_one(".count").get_text() for li in seed.select(".speakers li")
    }
    assert counts["Agnes Callamard"] == "(2 statements)"


def test_speaker_index_in_french(tmp_path):
    content = write_sample_content(tmp_path / "content")
    output = tmp_path / "out"
    run_build(output, PATH=str(content), DEFAULT_LANG="fr")
    index = soup(output, "speakers/index.html")
    assert index.html["lang"] == "fr"
    assert index.select_one(".speakers .count").get_text() == "(1 déclaration)"
    # The site chrome follows DEFAULT_LANG too.
    assert index.select_one(".skip-link").get_text() == "Aller au contenu"
    assert index.select_one(".search-box button").get_text() == "Rechercher"
    search = soup(output, "search/index.html")
    assert search.h1.get_text() == "Rechercher un communiqué"
