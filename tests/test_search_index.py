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


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"ENABLE": True}, "unknown key"),
        ({"ENABLED": "yes"}, "True or False"),
        ({"BACKGROUND": 1}, "True or False"),
        ({"OUTPUT_SUBDIR": "../elsewhere"}, "inside the site"),
        ({"OUTPUT_SUBDIR": "/tmp/x"}, "inside the site"),
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
    assert report.pages == 1
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


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
    """`make serve`'s setting: the build returns first, the same index follows."""
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
