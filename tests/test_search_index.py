"""Search index plugin: settings, Pagefind's report, and a real build that is searchable."""

import json
import os
import subprocess
import sys
import threading

import pytest

from conftest import run_build
from search_index import SearchIndexError, index_site, read_settings
from search_index.indexer import indexed_pages
from theme_site import write_sample_content


def test_defaults_and_overrides():
    assert read_settings({}).enabled is True
    assert read_settings({"SEARCH_INDEX": {"ENABLED": False}}).enabled is False
    assert read_settings({"SEARCH_INDEX": {"OUTPUT_SUBDIR": "find"}}).output_subdir == "find"
    assert read_settings({}).chunk_pages == 2000
    assert read_settings({"SEARCH_INDEX": {"CHUNK_PAGES": 3}}).chunk_pages == 3
    assert read_settings({}).split_pages == 500
    assert read_settings({"SEARCH_INDEX": {"SPLIT_PAGES": 0}}).split_pages == 0


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"ENABLE": True}, "unknown key"),
        ({"ENABLED": "yes"}, "True or False"),
        ({"BACKGROUND": 1}, "True or False"),
        ({"OUTPUT_SUBDIR": "../elsewhere"}, "inside the site"),
        ({"OUTPUT_SUBDIR": "/tmp/x"}, "inside the site"),
        ({"CHUNK_PAGES": 0}, "whole number >= 1"),
        ({"CHUNK_PAGES": "500"}, "whole number >= 1"),
        ({"CHUNK_PAGES": True}, "whole number >= 1"),
        ({"CHUNK_PAGES": 2.5}, "whole number >= 1"),
        ({"SPLIT_PAGES": -1}, "SPLIT_PAGES'] must be a whole number >= 0"),
        ({"SPLIT_PAGES": "500"}, "SPLIT_PAGES'] must be a whole number >= 0"),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message(given, message):
    with pytest.raises(SearchIndexError, match=message):
        read_settings({"SEARCH_INDEX": given})


def test_page_count_is_read_from_pagefind_output():
    assert indexed_pages("Running Pagefind\n  Indexed 1 page\n  Indexed 42 words") == 1
    assert indexed_pages("  Indexed 12 pages\n") == 12
    with pytest.raises(SearchIndexError, match="no page count"):
        indexed_pages("something else")


def test_only_pages_with_a_marked_body_are_indexed(tmp_path):
    (tmp_path / "release.html").write_text(
        '<html lang="en"><body><aside>Sidebar words</aside>'
        "<div data-pagefind-body><h1>Quay</h1><p>Boardwalk opens</p></div></body></html>"
    )
    (tmp_path / "list.html").write_text('<html lang="en"><body><p>A list</p></body></html>')
    report = index_site(tmp_path)
    assert (report.pages, report.bundles) == (1, 1)
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    manifest = json.loads((tmp_path / "pagefind" / "bundles.json").read_text())
    assert manifest == {"bundles": [{"path": "", "languages": ["en"]}]}


def test_a_site_without_marked_pages_is_indexed_whole_as_pagefind_does(tmp_path):
    (tmp_path / "list.html").write_text('<html lang="en"><body><p>A list</p></body></html>')
    assert index_site(tmp_path).pages == 1


def release_page(title: str, lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><body><p>Site chrome</p>'
        f"<article data-pagefind-body><h1>{title}</h1><p>About {title}.</p></article></body></html>"
    )


def test_chunks_become_bundles_inside_the_first_one(tmp_path):
    names = ["a", "b", "c", "d", "e"]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(release_page(f"Release {name}"))
    (tmp_path / "e" / "fr.html").write_text(release_page("Communiqué", "fr"))
    (tmp_path / "index.html").write_text('<html lang="en"><body>List</body></html>')
    report = index_site(tmp_path, chunk_pages=2)
    assert (report.pages, report.bundles) == (6, 3)
    manifest = json.loads((tmp_path / "pagefind" / "bundles.json").read_text())
    assert manifest["bundles"] == [
        {"path": "", "languages": ["en"]},
        {"path": "part-2/", "languages": ["en"]},
        {"path": "part-3/", "languages": ["en", "fr"]},
    ]
    counts = []
    for bundle in manifest["bundles"]:
        entry_file = tmp_path / "pagefind" / bundle["path"] / "pagefind-entry.json"
        entry = json.loads(entry_file.read_text())
        counts.append({lang: index["page_count"] for lang, index in entry["languages"].items()})
    assert counts == [{"en": 2}, {"en": 2}, {"en": 1, "fr": 1}]
    # A smaller site next time: the bundles it no longer needs go.
    report = index_site(tmp_path, chunk_pages=4)
    assert report.bundles == 2
    assert sorted(p.name for p in (tmp_path / "pagefind").glob("part-*")) == ["part-2"]


def _release_pages(site, names):
    for name in names:
        (site / name).mkdir()
        (site / name / "index.html").write_text(release_page(f"Release {name}"))


def test_a_one_chunk_index_from_split_pages_on_is_two_bundles_made_at_once(tmp_path, monkeypatch):
    """Two Pagefind processes, each on half of the pages, run side by side: each waits at a
    barrier that only both together pass, so running them one after the other would fail."""
    import search_index.indexer as indexer

    _release_pages(tmp_path, "abcde")
    both_running = threading.Barrier(2, timeout=20)
    real_run = indexer.run_pagefind

    def run_side_by_side(*args):
        both_running.wait()
        return real_run(*args)

    monkeypatch.setattr(indexer, "run_pagefind", run_side_by_side)
    report = index_site(tmp_path, chunk_pages=10, split_pages=4)
    assert (report.pages, report.bundles) == (5, 2)
    manifest = json.loads((tmp_path / "pagefind" / "bundles.json").read_text())
    assert [bundle["path"] for bundle in manifest["bundles"]] == ["", "part-2/"]


def test_below_split_pages_or_beyond_one_chunk_bundles_are_made_one_at_a_time(tmp_path):
    _release_pages(tmp_path, "abcde")
    assert index_site(tmp_path, chunk_pages=10, split_pages=6).bundles == 1
    assert index_site(tmp_path, chunk_pages=10, split_pages=0).bundles == 1
    assert index_site(tmp_path, chunk_pages=2, split_pages=1).bundles == 3


def test_a_failing_pagefind_fails_loudly(tmp_path):
    with pytest.raises(SearchIndexError, match="Pagefind failed"):
        index_site(tmp_path / "missing-site")


def test_every_build_writes_the_index_of_its_releases(tmp_path):
    content = write_sample_content(tmp_path / "content")
    run_build(tmp_path / "site", PATH=str(content))
    entry = json.loads((tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_text())
    # Four releases (one is a translation) in two languages; lists and pages are not indexed.
    assert sum(language["page_count"] for language in entry["languages"].values()) == 4
    assert set(entry["languages"]) == {"en", "fr"}


def test_a_build_in_tiny_chunks_writes_one_bundle_a_chunk(tmp_path):
    content = write_sample_content(tmp_path / "content")
    run_build(tmp_path / "site", PATH=str(content), SEARCH_INDEX={"CHUNK_PAGES": 2})
    index = tmp_path / "site" / "pagefind"
    manifest = json.loads((index / "bundles.json").read_text())
    assert [bundle["path"] for bundle in manifest["bundles"]] == ["", "part-2/"]
    pages = 0
    for bundle in manifest["bundles"]:
        entry = json.loads((index / bundle["path"] / "pagefind-entry.json").read_text())
        pages += sum(language["page_count"] for language in entry["languages"].values())
    assert pages == 4


def test_search_index_can_be_turned_off(tmp_path):
    content = write_sample_content(tmp_path / "content")
    run_build(tmp_path / "site", PATH=str(content), SEARCH_INDEX={"ENABLED": False})
    assert not (tmp_path / "site" / "pagefind").exists()


def test_background_runs_collapse_into_the_latest_request():
    import threading

    from search_index.background import LatestOnly

    started, release, seen = threading.Event(), threading.Event(), []

    def job(value):
        seen.append(value)
        started.set()
        release.wait()

    runner = LatestOnly(job)
    runner.request(1)
    started.wait()
    for value in (2, 3, 4):  # while 1 runs: only the latest is worth running
        runner.request(value)
    release.set()
    runner.wait()
    assert seen == [1, 4]


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="no nice values on this system")
def test_background_index_yields_the_cpu_to_the_rest_of_the_process():
    """Pagefind, started from the background thread, runs at the lowest priority; the
    thread that rebuilds and serves keeps its own."""
    from search_index.background import LOWEST_PRIORITY, LatestOnly

    before = os.getpriority(os.PRIO_PROCESS, 0)
    seen = {}

    def job():
        seen["thread"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        child = "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"
        seen["child"] = int(subprocess.check_output([sys.executable, "-c", child]))

    runner = LatestOnly(job)
    runner.request()
    runner.wait()
    assert seen == {"thread": LOWEST_PRIORITY, "child": LOWEST_PRIORITY}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before


def test_swap_replaces_the_served_index(tmp_path):
    from search_index.background import swap_in

    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "old.js").write_text("old")
    (tmp_path / "next").mkdir()
    (tmp_path / "next" / "new.js").write_text("new")
    swap_in(tmp_path, "pagefind", "next")
    assert [p.name for p in (tmp_path / "pagefind").iterdir()] == ["new.js"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind"]


def test_background_index_equals_the_foreground_one(tmp_path):
    """`make serve`'s setting: the build returns first, the same index follows (and the
    foreground build indexes early, while list pages are written: same index too)."""
    from search_index import wait_for_index

    content = write_sample_content(tmp_path / "content")
    run_build(tmp_path / "fore", PATH=str(content))
    run_build(tmp_path / "back", PATH=str(content), SEARCH_INDEX={"BACKGROUND": True})
    wait_for_index()
    fore, back = tmp_path / "fore" / "pagefind", tmp_path / "back" / "pagefind"
    files = sorted(p.relative_to(fore) for p in fore.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(back) for p in back.rglob("*") if p.is_file())
    # Byte for byte, the entry file too: the indexer writes it with sorted keys.
    differing = [n for n in files if (fore / n).read_bytes() != (back / n).read_bytes()]
    assert differing == []
    assert not (tmp_path / "back" / ".search-index-next").exists()


def test_the_early_index_covers_drafts_and_embargoed_releases_of_the_preview(
    write_release, tmp_path
):
    # Pelican writes drafts after the list pages: the index waits for them rather than
    # starting early without them.
    front = "---\ntitle: {0}\ndate: 2024-01-0{1}\nsummary: S\ncategory: News\nlang: en\n{2}---\n\n"
    write_release("a.md", front.format("Quay opens", 1, "") + "The quay opens.\n")
    write_release("b.md", front.format("Ferry draft", 2, "status: draft\n") + "A ferry.\n")
    write_release(
        "c.md", front.format("Bridge", 3, "embargo: 2999-01-01T00:00:00Z\n") + "A bridge.\n"
    )
    run_build(tmp_path / "site", PATH=str(write_release.content))
    entry = json.loads((tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 3
