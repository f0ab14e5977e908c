"""Translations share a `translation_key`: grouped by Pelican, checked before it reads them."""

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from release_checks import check_releases, check_settings
from release_checks.tools import read_pelican_settings, run_check
from strict_build import StrictBuildError

SETTINGS = check_settings(
    {
        "PRESS_LANGUAGES": ["en", "fr", "de"],
        "DEFAULT_LANG": "en",
        "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
        "ARTICLE_LANG_SAVE_AS": "{date:%Y}/{slug}/{lang}/index.html",
    }
)

RELEASE = """---
title: {title}
date: 2024-03-01T09:30:00+01:00
summary: {title}.
category: Press releases
lang: {lang}
{extra}
---

{title}: the body.
"""


def release(folder: Path, name: str, title: str, lang: str, extra: str = "") -> Path:
    path = folder / name
    path.write_text(RELEASE.format(title=title, lang=lang, extra=extra), encoding="utf-8")
    return path


def problems_of(folder: Path, settings=SETTINGS) -> list[tuple[str, int, str, str]]:
    found = check_releases(sorted(folder.glob("*.md")), settings, render_markdown=False)
    return [(p.path.name, p.line, p.field, p.message) for p in found]


def test_one_version_per_language_sharing_a_key_is_fine(tmp_path):
    release(tmp_path, "en.md", "Quay opens", "en", "translation_key: quay")
    release(tmp_path, "fr.md", "Le quai ouvre", "fr", "translation_key: quay")
    release(tmp_path, "de.md", "Der Kai", "de", "translation_key: quay")
    assert problems_of(tmp_path) == []


def test_a_key_shared_by_two_releases_in_one_language_names_both(tmp_path):
    release(tmp_path, "a.md", "Quay opens", "en", "translation_key: quay")
    release(tmp_path, "b.md", "Quay closes", "en", "translation_key: quay")
    found = problems_of(tmp_path)
    assert [(name, line, field) for name, line, field, _ in found] == [
        ("a.md", 7, "translation_key"),
        ("b.md", 7, "translation_key"),
    ]
    assert "b.md" in found[0][3] and "same language (`en`)" in found[0][3]
    assert "a.md" in found[1][3]


def test_same_slug_same_language_in_different_years_is_reported(tmp_path):
    release(tmp_path, "a.md", "Quay opens", "en")
    later = RELEASE.format(title="Quay opens", lang="en", extra="").replace("2024-", "2025-")
    (tmp_path / "b.md").write_text(later, encoding="utf-8")
    found = problems_of(tmp_path)
    assert [(name, line, field) for name, line, field, _ in found] == [
        ("a.md", 2, "slug"),
        ("b.md", 2, "slug"),
    ]
    assert "same slug 'quay-opens'" in found[0][3]


def test_translations_without_an_original_in_the_site_language_are_reported(tmp_path):
    release(tmp_path, "fr.md", "Le quai ouvre", "fr", "translation_key: quay")
    release(tmp_path, "de.md", "Der Kai", "de", "translation_key: quay")
    found = problems_of(tmp_path)
    assert {(name, field) for name, _, field, _ in found} == {
        ("fr.md", "translation_key"),
        ("de.md", "translation_key"),
    }
    assert all("no original in `en`" in message for *_, message in found)


def test_pelican_translation_flag_is_refused_with_the_field_to_use(tmp_path):
    release(tmp_path, "en.md", "Quay opens", "en", "translation: quay")
    [(name, line, field, message)] = problems_of(tmp_path)
    assert (name, line, field) == ("en.md", 7, "translation")
    assert "`translation_key:`" in message


def links_by_language(page: Path) -> dict[str, Path]:
    """{hreflang: the built file the link leads to} for the page's language links."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    targets = {}
    for link in soup.select("a[hreflang]"):
        target = (page.parent / link["href"]).resolve()
        targets[link["hreflang"]] = target / "index.html" if target.is_dir() else target
    return targets


def test_english_and_french_versions_build_and_link_each_other(write_release, tmp_path):
    content = write_release.content
    release(content, "quay.md", "Harbour Trust opens the quay", "en", "translation_key: quay-2024")
    release(
        content, "quai.md", "Le Harbour Trust ouvre le quai", "fr", "translation_key: quay-2024"
    )
    output = tmp_path / "out"
    run_build(output, PATH=str(content))
    english = output / "2024" / "harbour-trust-opens-the-quay" / "index.html"
    french = output / "2024" / "le-harbour-trust-ouvre-le-quai" / "fr" / "index.html"
    assert english.exists() and french.exists()
    assert links_by_language(english) == {"fr": french.resolve()}
    assert links_by_language(french) == {"en": english.resolve()}
    # The original is listed on the home page; its translation is not listed separately.
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Harbour Trust opens the quay" in home
    assert "Le Harbour Trust ouvre le quai" not in home


def test_invoke_check_and_the_build_catch_a_key_shared_in_one_language(write_release, tmp_path):
    content = write_release.content
    first = release(content, "a.md", "Quay opens", "en", "translation_key: quay")
    second = release(content, "b.md", "Quay closes", "en", "translation_key: quay")
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(content))
    out = io.StringIO()
    assert run_check(settings, out=out) == 1
    checked = out.getvalue().splitlines()[:-1]
    assert [line.split(": ", 2)[:2] for line in checked] == [
        [f"{first}:7", "translation_key"],
        [f"{second}:7", "translation_key"],
    ]

    with pytest.raises(StrictBuildError) as failure:
        run_build(tmp_path / "out", PATH=str(content))
    reported = [line.removeprefix("  - ") for line in str(failure.value).splitlines()[1:]]
    assert reported == checked  # the same messages, each once; none of Pelican's own
