"""`make serve` notices saved files through inotify (serving/change_watcher.py), with
livereload's own examine() deciding which task runs: tested on real folders and a real
Tornado loop."""

import os
import sys
import time
from pathlib import Path

import pytest
from tornado.ioloop import IOLoop

from conftest import in_own_thread
from serving import inotify
from serving.change_watcher import ChangeWatcher, make_watcher, watched_folder

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="inotify is Linux's")


def test_watched_folder_of_each_kind_of_path(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "pelicanconf.py").write_text("")
    assert watched_folder(str(tmp_path / "content" / "**" / "*")) == (
        str(tmp_path / "content"),
        True,
    )
    assert watched_folder(str(tmp_path / "content")) == (str(tmp_path / "content"), True)
    assert watched_folder(str(tmp_path / "pelicanconf.py")) == (str(tmp_path), False)
    assert watched_folder(str(tmp_path / "content" / "*.md")) == (str(tmp_path / "content"), False)
    assert watched_folder(str(tmp_path / "later.py")) == (str(tmp_path), False)


def test_parse_events_reads_names_and_masks():
    import struct

    data = struct.pack("iIII", 3, inotify.CLOSE_WRITE, 0, 16) + b"a.md".ljust(16, b"\0")
    data += struct.pack("iIII", 4, inotify.IGNORED, 0, 0)
    assert inotify.parse_events(data) == [
        inotify.Event(3, inotify.CLOSE_WRITE, "a.md"),
        inotify.Event(4, inotify.IGNORED, ""),
    ]


class _Session:
    """A ChangeWatcher started on its own Tornado loop, as livereload starts it."""

    def __init__(self, tmp_path: Path):
        self.content = tmp_path / "content"
        self.content.mkdir()
        (self.content / "a.md").write_text("first")
        self.runs: list[str] = []
        self.loop = IOLoop(make_current=False)
        self.watcher = ChangeWatcher()
        self.watcher.watch(str(self.content / "**" / "*"), lambda: self.runs.append("content"))

        def poll_tasks():  # what LiveReloadHandler.poll_tasks does with the watcher
            self.watcher.examine()

        self.loop.run_sync(lambda: self._start(poll_tasks))

    async def _start(self, callback):
        assert self.watcher.start(callback) is True

    def until(self, condition, seconds: float = 10) -> bool:
        """Run the loop until ``condition()`` or ``seconds`` passed (a guard against hanging,
        not a measurement)."""
        deadline = time.monotonic() + seconds

        async def wait():
            import asyncio

            while not condition() and time.monotonic() < deadline:
                await asyncio.sleep(0.01)

        self.loop.run_sync(wait)
        return condition()

    def close(self):
        self.loop.close(all_fds=False)
        self.watcher._inotify.close()


def with_session(test):
    """The test runs in its own thread, with a started _Session as its first argument."""

    def run(tmp_path):
        session = _Session(tmp_path)
        try:
            test(session, tmp_path)
        finally:
            session.close()

    run.__name__ = run.__qualname__ = test.__name__
    return in_own_thread(run)


@with_session
def test_a_saved_file_runs_its_task_once(session, tmp_path):
    assert session.runs == []  # starting only records the files
    (session.content / "a.md").write_text("second")
    assert session.until(lambda: session.runs)
    session.until(lambda: False, seconds=0.3)  # give a second run the chance to happen
    assert session.runs == ["content"]


@with_session
def test_a_file_in_a_new_folder_is_noticed(session, tmp_path):
    (session.content / "images").mkdir()
    (session.content / "images" / "b.md").write_text("new")  # before or after its watch
    assert session.until(lambda: session.runs)
    session.runs.clear()
    (session.content / "images" / "b.md").write_text("edited")
    assert session.until(lambda: session.runs)


@with_session
def test_a_file_renamed_into_place_is_noticed(session, tmp_path):
    saved = tmp_path / "a.md.tmp"  # editors write a temporary file, then rename it
    saved.write_text("saved by renaming")
    os.replace(saved, session.content / "a.md")
    assert session.until(lambda: session.runs)


@with_session
def test_compiled_python_files_are_not_changes(session, tmp_path):
    (session.content / "module.pyc").write_bytes(b"\0")
    session.until(lambda: session.runs, seconds=0.5)
    assert session.runs == []


def test_after_lost_events_new_folders_are_watched(tmp_path):
    (tmp_path / "content").mkdir()
    watcher = ChangeWatcher()
    try:
        watcher.watch(str(tmp_path / "content" / "**" / "*"), lambda: None)
        (tmp_path / "content" / "new" / "deeper").mkdir(parents=True)
        # The kernel's queue overflowed: the events of both new folders were lost.
        assert watcher.relevant([inotify.Event(-1, inotify.QUEUE_OVERFLOW, "")])
        watched = set(watcher._folders.values())
        assert str(tmp_path / "content" / "new" / "deeper") in watched
    finally:
        watcher._inotify.close()


def test_without_a_folder_to_watch_it_polls(tmp_path):
    watcher = make_watcher()
    watcher.watch(str(tmp_path / "missing" / "**" / "*"), lambda: None)
    assert watcher.notifies is False
    assert watcher.start(lambda: None) is False  # livereload then polls on its timer
