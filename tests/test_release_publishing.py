"""Publishing rules end to end: real Pelican builds with the publish and local settings."""

import pytest

from conftest import ROOT, run_build
from strict_build import StrictBuildError

PUBLISH = ROOT / "publishconf.py"

HEADER = """---
title: {title}
date: {date}
summary: {title} summary.
category: Press releases
tags: [{tag}]
lang: en
{extra}
---

The {word} release body.

*"We are ready,"* said Ana {word}, spokesperson.
"""

UNPUBLISHED = {
    "embargoed.md": ("Zebra embargoed release", "2024-01-01", "embargo: 2999-01-01T09:00:00+01:00"),
    "future.md": ("Quokka future release", "2999-06-01T10:00:00+00:00", ""),
    "draft.md": ("Pangolin draft release", "2024-01-01", "status: draft"),
}
SECRET_WORDS = ("zebra", "quokka", "pangolin")


@pytest.fixture
def newsroom(write_release):
    write_release(
        "public.md",
        HEADER.format(
            title="Otter public release", date="2024-01-02", tag="Otters", word="Otter", extra=""
        ),
    )
    for name, (title, date, extra) in UNPUBLISHED.items():
        word = title.split()[0]
        write_release(name, HEADER.format(title=title, date=date, tag=word, word=word, extra=extra))
    return write_release.content


def test_unpublished_releases_are_nowhere_in_the_published_site(newsroom, tmp_path):
    output = tmp_path / "published"
    run_build(output, PUBLISH, PATH=str(newsroom))  # passes the strict build: nothing "lost"
    files = [p for p in output.rglob("*") if p.is_file()]
    assert (output / "2024" / "otter-public-release" / "index.html").exists()
    assert (output / "feeds" / "all.atom.xml").exists()
    for path in files:
        assert not any(word in str(path.relative_to(output)).lower() for word in SECRET_WORDS)
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        leaked = [word for word in SECRET_WORDS if word in text]
        assert not leaked, f"{leaked} in {path.relative_to(output)}"
    assert "otter" in (output / "feeds" / "all.atom.xml").read_text(encoding="utf-8").lower()


def test_local_preview_shows_them_with_a_banner(newsroom, tmp_path):
    from bs4 import BeautifulSoup

    output = tmp_path / "preview"
    run_build(output, PATH=str(newsroom))

    def banner(slug: str, year: str):
        page = BeautifulSoup(
            (output / year / slug / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        found = page.select_one(".status-banner[role=status]")
        return " ".join(found.get_text().split()) if found else None

    assert banner("otter-public-release", "2024") is None
    assert banner("zebra-embargoed-release", "2024").startswith(
        "Embargoed until 1 January 2999, 09:00"
    )
    assert banner("quokka-future-release", "2999").startswith("Scheduled for 1 June 2999, 10:00")
    assert banner("pangolin-draft-release", "2024").startswith("Draft")
    index = (output / "index.html").read_text(encoding="utf-8").lower()
    assert all(word in index for word in SECRET_WORDS)


def test_a_release_with_a_broken_embargo_fails_and_is_not_published(write_release, tmp_path):
    write_release(
        "typo.md",
        HEADER.format(
            title="Walrus release", date="2024-01-01", tag="W", word="Walrus", extra="embargo: soon"
        ),
    )
    output = tmp_path / "published"
    with pytest.raises(StrictBuildError) as failure:
        run_build(output, PUBLISH, PATH=str(write_release.content))
    assert "typo.md:8: embargo: 'soon' is not a date" in str(failure.value)
    assert not list(output.rglob("*walrus*"))


def test_two_releases_with_the_same_url_fail_the_build_naming_both(write_release, tmp_path):
    text = HEADER.format(title="Twin release", date="2024-01-01", tag="T", word="Twin", extra="")
    first, second = write_release("one.md", text), write_release("two.md", text)
    with pytest.raises(StrictBuildError) as failure:
        run_build(tmp_path / "out", PATH=str(write_release.content))
    report = str(failure.value)
    assert (
        f"{first}:2: url: would be written to 2024/twin-release/index.html, like {second}" in report
    )
    assert (
        f"{second}:2: url: would be written to 2024/twin-release/index.html, like {first}" in report
    )
