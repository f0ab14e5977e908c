"""Early search indexing: starts once the release pages are written, and its index is kept
only if nothing Pagefind would index was written after it looked (plain files, no Pelican)."""

import threading

import pytest

from search_index.chunks import MarkedPage
from search_index.early import EarlyIndex

RELEASE = '<html lang="en"><body><div data-pagefind-body>{}</div></body></html>'
LIST = '<html lang="en"><body><p>{}</p></body></html>'


def write(site, path, text):
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(text)
    return str(site / path)


class Recorder:
    """The index step: records the pages it was given, as Pagefind would index them."""

    def __init__(self, fail=None):
        self.calls, self.fail, self.ran = [], fail, threading.Event()

    def __call__(self, pages):
        self.calls.append(pages)
        self.ran.set()
        if self.fail:
            raise self.fail
        return f"report of {len(pages)}"


def test_indexes_once_every_expected_page_is_written_and_keeps_a_still_right_index(tmp_path):
    a = write(tmp_path, "2024/a/index.html", RELEASE.format("A"))
    b = write(tmp_path, "2024/b/index.html", RELEASE.format("B"))
    index = Recorder()
    early = EarlyIndex(tmp_path, [a, b], index)
    early.written(a)
    assert not early.started
    early.written(b)
    assert early.started
    index.ran.wait(5)
    # List pages written meanwhile carry no marker: the index stands.
    early.written(write(tmp_path, "index.html", LIST.format("Home")))
    write(tmp_path, "tag/x/index.html", LIST.format("Tag"))  # written without the signal
    assert early.result() == "report of 2"
    assert index.calls == [
        [MarkedPage("2024/a/index.html", "en"), MarkedPage("2024/b/index.html", "en")]
    ]


def _scanned_one_page(tmp_path) -> EarlyIndex:
    """An early index that has read its one expected page, "a/index.html"."""
    a = write(tmp_path, "a/index.html", RELEASE.format("A"))
    index = Recorder()
    early = EarlyIndex(tmp_path, [a], index)
    early.written(a)
    index.ran.wait(5)
    return early


def test_a_marked_page_written_after_the_scan_makes_it_stale(tmp_path):
    early = _scanned_one_page(tmp_path)
    early.written(write(tmp_path, "a/index.html", RELEASE.format("A, corrected")))
    assert early.result() is None


def test_a_new_marked_page_from_another_writer_makes_it_stale(tmp_path):
    early = _scanned_one_page(tmp_path)
    write(tmp_path, "drafts/b.html", RELEASE.format("B"))  # no `content_written` heard
    assert early.result() is None


def test_never_started_when_an_expected_page_is_not_written(tmp_path):
    a = write(tmp_path, "a/index.html", RELEASE.format("A"))
    index = Recorder()
    early = EarlyIndex(tmp_path, [a, str(tmp_path / "b/index.html")], index)
    early.written(a)
    assert early.result() is None
    assert index.calls == []


def test_the_index_steps_failure_is_raised_to_the_build(tmp_path):
    a = write(tmp_path, "a/index.html", RELEASE.format("A"))
    early = EarlyIndex(tmp_path, [a], Recorder(fail=RuntimeError("Pagefind failed (exit 1)")))
    early.written(a)
    with pytest.raises(RuntimeError, match="Pagefind failed"):
        early.result()


def test_a_marked_page_besides_the_releases_makes_it_stale(tmp_path):
    """Pagefind is given the release pages only; another marked page, already on disk when
    it starts, is found by the scan beside it and makes the caller index the whole site."""
    write(tmp_path, "pages/about.html", RELEASE.format("About"))
    a = write(tmp_path, "a/index.html", RELEASE.format("A"))
    index = Recorder()
    early = EarlyIndex(tmp_path, [a], index)
    early.written(a)
    assert early.result() is None
    assert index.calls == [[MarkedPage("a/index.html", "en")]]


def test_a_scan_that_cannot_read_a_page_makes_it_stale(tmp_path, monkeypatch):
    import search_index.early as early_module

    a = write(tmp_path, "a/index.html", RELEASE.format("A"))
    write(tmp_path, "list/index.html", LIST.format("List"))
    real = early_module.marked_pages

    def vanishing(site, paths):
        if "list/index.html" in paths:
            raise FileNotFoundError("list/index.html")
        return real(site, paths)

    monkeypatch.setattr(early_module, "marked_pages", vanishing)
    early = EarlyIndex(tmp_path, [a], Recorder())
    early.written(a)
    assert early.result() is None
