"""livereload's Watcher, woken by the kernel (inotify) instead of a timer.

livereload finds changes by polling: every 0.8 s (0.2 s in `make serve`) it globs every
watched pattern and compares each file's modification time. A saved release then waits on
average half a period before its rebuild starts, and each poll stats every release. This
watcher asks inotify to report writes in the watched folders; when a file there is saved
(closed after writing, renamed into place, deleted), livereload's own examine() runs once,
so which task runs for which file, and how, stays livereload's. Without inotify (not Linux,
no watches left), `make_watcher` returns livereload's polling Watcher.
"""

import glob
import logging
import os

from livereload.watcher import Watcher
from tornado.ioloop import IOLoop

from . import inotify

logger = logging.getLogger(__name__)

# A file created empty and then written is reported by CLOSE_WRITE, not CREATE: a rebuild
# must not read it half-written. Folders are reported as they come and go.
_FILE_EVENTS = inotify.CLOSE_WRITE | inotify.MOVED_TO | inotify.MOVED_FROM | inotify.DELETE
_MASK = _FILE_EVENTS | inotify.CREATE | inotify.DELETE_SELF | inotify.MOVE_SELF


def watched_folder(pattern: str) -> tuple[str, bool]:
    """The folder to watch for a livereload path and whether to watch below it too.

    A file: its folder alone. A folder or a pattern with ``**``: the tree. Another
    pattern: the folder before its first wildcard."""
    if os.path.isfile(pattern):
        return os.path.dirname(os.path.abspath(pattern)), False
    if os.path.isdir(pattern):
        return os.path.abspath(pattern), True
    parts = pattern.split(os.sep)
    plain = []
    for part in parts:
        if glob.has_magic(part):
            break
        plain.append(part)
    folder = os.sep.join(plain) or os.curdir
    # A pattern without wildcards names a file that does not exist yet.
    if len(plain) == len(parts):
        folder = os.path.dirname(folder) or os.curdir
    return os.path.abspath(folder), "**" in pattern


class ChangeWatcher(Watcher):
    # Several files saved at once (an editor's backup, then the file) make one rebuild.
    SETTLE_SECONDS = 0.02

    def __init__(self, notifier: inotify.Inotify | None = None) -> None:
        super().__init__()
        self._inotify = notifier or inotify.Inotify()
        self._folders: dict[int, str] = {}
        self._trees: set[str] = set()
        self._pending = None
        self.notifies = True  # False once a folder could not be watched: poll instead

    # --- which folders are watched ----------------------------------------------------------

    def watch(self, path, func=None, delay=None, ignore=None):
        super().watch(path, func, delay, ignore)
        folder, recursive = watched_folder(str(path))
        if not os.path.isdir(folder):
            logger.info("Cannot watch %s (no such folder): polling for changes", folder)
            self.notifies = False
            return
        if recursive:
            self._trees.add(folder)
            self._watch_tree(folder)
        else:
            self._add(folder)

    def _add(self, folder: str) -> None:
        try:
            self._folders[self._inotify.add_watch(folder, _MASK)] = folder
        except OSError as error:  # e.g. the limit of watches (fs.inotify.max_user_watches)
            logger.info("Cannot watch %s (%s): polling for changes", folder, error)
            self.notifies = False

    def _watch_tree(self, top: str) -> None:
        for folder, subfolders, _files in os.walk(top):
            subfolders[:] = [s for s in subfolders if s not in self.ignored_dirs]
            self._add(folder)

    def _in_tree(self, folder: str) -> bool:
        return any(folder == t or folder.startswith(t + os.sep) for t in self._trees)

    # --- livereload's entry point ------------------------------------------------------------

    def start(self, callback) -> bool:
        """Call ``callback`` (livereload's poll_tasks) after changes; False: poll instead."""
        if not self.notifies:
            return False
        loop = IOLoop.current()
        loop.add_handler(self._inotify.fd, lambda fd, events: self._read(loop, callback), loop.READ)
        callback()  # livereload's first examine records the files' current state
        return True

    def _read(self, loop, callback) -> None:
        if self.relevant(self._inotify.read()):
            if self._pending is not None:
                loop.remove_timeout(self._pending)
            self._pending = loop.call_later(self.SETTLE_SECONDS, self._settled, callback)

    def _settled(self, callback) -> None:
        self._pending = None
        callback()

    def relevant(self, events: list[inotify.Event]) -> bool:
        """Whether ``events`` may have changed a watched file; new folders get watched."""
        found = False
        for event in events:
            if event.mask & inotify.QUEUE_OVERFLOW:
                # Events were lost, folders created meanwhile among them: watch them now
                # (watching a folder again changes nothing); examine() finds changed files.
                for tree in self._trees:
                    self._watch_tree(tree)
                found = True
                continue
            folder = self._folders.get(event.wd)
            if event.mask & inotify.IGNORED:
                self._folders.pop(event.wd, None)
                continue
            if folder is None:
                continue
            path = os.path.join(folder, event.name) if event.name else folder
            if event.mask & inotify.IS_DIR:
                if event.name in self.ignored_dirs:
                    continue
                if event.mask & (inotify.CREATE | inotify.MOVED_TO) and self._in_tree(folder):
                    self._watch_tree(path)  # files saved in it meanwhile: examine finds them
                found = True
            elif event.mask & (inotify.DELETE_SELF | inotify.MOVE_SELF):
                found = True  # a watched folder itself went away
            else:
                found = found or bool(event.mask & _FILE_EVENTS and not self.ignore(path))
        return found


def make_watcher() -> Watcher:
    """A ChangeWatcher where inotify works, else livereload's polling Watcher."""
    try:
        return ChangeWatcher()
    except inotify.InotifyUnavailable as error:
        logger.info("%s: polling for changes", error)
        return Watcher()
