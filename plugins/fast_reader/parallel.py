"""Read files in a pool of forked worker processes, for Pelican's reader cache.

Each worker runs the very reader objects of the parent (inherited by fork), so a result is
what a serial read would have produced. Results travel back pickled; the settings dict that
Tag, Category and Author objects point to is sent as a reference and rebound to the parent's
own settings, so nothing is copied and identity is kept. A file whose read logged a warning
or failed gets no result: the parent reads it again itself, so the problem is reported there.
"""

import io
import logging
import multiprocessing
import os
import pickle
from collections.abc import Iterable

from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

_SETTINGS_REF = "pelican-settings"

# The parent's Readers object, inherited by the forked workers.
_readers = None


class _Pickler(pickle.Pickler):
    def __init__(self, file, settings):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._settings = settings

    def persistent_id(self, obj):
        return _SETTINGS_REF if obj is self._settings else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, settings):
        super().__init__(file)
        self._settings = settings

    def persistent_load(self, pid):
        if pid != _SETTINGS_REF:
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self._settings


def dumps(data, settings) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, settings).dump(data)
    return buffer.getvalue()


def loads(blob: bytes, settings):
    return _Unpickler(io.BytesIO(blob), settings).load()


class _Problems(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.seen = False

    def emit(self, record):
        self.seen = True


def read_one(path: str) -> tuple[str, bytes | None]:
    """In a worker: what Readers.read_file would cache for ``path``, pickled, or None."""
    reader = _readers.readers[file_suffix(path)]
    problems = _Problems()
    root = logging.getLogger()
    # Only note problems here: the parent reads such a file again and reports them itself.
    handlers, root.handlers = root.handlers, [problems]
    try:
        content, metadata = reader.read(path)
        data = (content, _filter_discardable_metadata(metadata))
        blob = dumps(data, _readers.settings)
    except Exception:
        return path, None
    finally:
        root.handlers = handlers
    return path, None if problems.seen else blob


def read_all(readers, paths: Iterable[str], workers: int) -> dict[str, tuple]:
    """``{absolute path: (content, metadata)}`` for every file read cleanly by the pool."""
    global _readers
    paths = list(paths)
    _readers = readers
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(paths) // (workers * 8))
        with context.Pool(workers) as pool:
            results = pool.map(read_one, paths, chunksize=chunk)
    finally:
        _readers = None
    return {path: loads(blob, readers.settings) for path, blob in results if blob is not None}


def usable_workers(requested: int) -> int:
    if requested:
        return requested
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
