"""Linux inotify through ctypes: the kernel reports changes in watched folders as they happen.

Only what the change watcher needs: one non-blocking descriptor (for an event loop), folder
watches, and the events read from it.
"""

import ctypes
import ctypes.util
import os
import struct
from dataclasses import dataclass

CLOSE_WRITE = 0x00000008  # a file opened for writing was closed: the save is complete
MOVED_FROM = 0x00000040
MOVED_TO = 0x00000080  # editors that save by renaming a temporary file
CREATE = 0x00000100
DELETE = 0x00000200
DELETE_SELF = 0x00000400
MOVE_SELF = 0x00000800
QUEUE_OVERFLOW = 0x00004000  # events were lost: anything may have changed
IGNORED = 0x00008000  # the watch is gone (its folder was removed)
ONLY_DIR = 0x01000000
IS_DIR = 0x40000000

_EVENT = struct.Struct("iIII")  # wd, mask, cookie, length of the name that follows


@dataclass(frozen=True)
class Event:
    wd: int
    mask: int
    name: str


class InotifyUnavailable(OSError):
    pass


def _libc():
    if not hasattr(os, "O_NONBLOCK"):
        raise InotifyUnavailable("inotify needs Linux")
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1, libc.inotify_add_watch  # noqa: B018 - present or AttributeError
    except (OSError, AttributeError) as error:
        raise InotifyUnavailable(f"inotify is not available: {error}") from error
    return libc


class Inotify:
    """One inotify instance; ``fd`` becomes readable when events are waiting."""

    def __init__(self) -> None:
        self._libc = _libc()
        fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if fd < 0:
            errno = ctypes.get_errno()
            raise InotifyUnavailable(errno, f"inotify_init1: {os.strerror(errno)}")
        self.fd = fd

    def add_watch(self, folder: str, mask: int) -> int:
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(folder), mask | ONLY_DIR)
        if wd < 0:
            errno = ctypes.get_errno()
            raise OSError(errno, f"inotify_add_watch {folder}: {os.strerror(errno)}")
        return wd

    def read(self) -> list[Event]:
        """The events waiting now (none if there are none)."""
        try:
            data = os.read(self.fd, 64 * 1024)
        except BlockingIOError:
            return []
        return parse_events(data)

    def close(self) -> None:
        os.close(self.fd)


def parse_events(data: bytes) -> list[Event]:
    events, offset = [], 0
    while offset + _EVENT.size <= len(data):
        wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
        offset += _EVENT.size
        name = data[offset : offset + length].rstrip(b"\0")
        offset += length
        events.append(Event(wd, mask, os.fsdecode(name)))
    return events
