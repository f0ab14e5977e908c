"""Read files in a pool of forked worker processes, for Pelican's caches.

Each worker runs the very reader objects of the parent (inherited by fork), so a result is
what a serial read would have produced. ``read_all`` returns what the reader cache holds
(content and metadata); ``build_all`` goes further and returns whole articles, built by the
generator's own ``read_file`` call, so ``content_object_init`` (the sanitizer, sidebar
extraction) runs in the workers too. Results travel back pickled; the settings dict and the
generator context that articles, Tags, Categories and Authors point to are sent as references
and rebound to the parent's own, so nothing is copied and identity is kept. A file whose read
logged a warning or failed gets no result: the parent reads it again itself, so the problem
is reported there.
"""

import io
import logging
import multiprocessing
import os
import pickle
from collections.abc import Iterable

from pelican import signals
from pelican.contents import Article, SkipStub
from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

# The parent's Readers object or articles generator, inherited by the forked workers.
_readers = None
_generator = None


class _Pickler(pickle.Pickler):
    def __init__(self, file, shared: tuple):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared = {id(obj): index for index, obj in enumerate(shared)}

    def persistent_id(self, obj):
        return self._shared.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared: tuple):
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, pid):
        if not isinstance(pid, int) or not 0 <= pid < len(self._shared):
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self._shared[pid]


def dumps(data, settings, context=None) -> bytes:
    """Pickle ``data``; ``settings`` (and ``context``) travel as references, not copies."""
    buffer = io.BytesIO()
    _Pickler(buffer, (settings, context) if context is not None else (settings,)).dump(data)
    return buffer.getvalue()


def loads(blob: bytes, settings, context=None):
    shared = (settings, context) if context is not None else (settings,)
    return _Unpickler(io.BytesIO(blob), shared).load()


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


def build_one(name: str) -> tuple[str, bytes | None]:
    """In a worker: the article the generator's loop would make of ``name``, pickled, or None."""
    generator = _generator
    problems = _Problems()
    root = logging.getLogger()
    handlers, root.handlers = root.handlers, [problems]
    try:
        article = generator.readers.read_file(
            base_path=generator.path,
            path=name,
            content_class=Article,
            context=generator.context,
            preread_signal=signals.article_generator_preread,
            preread_sender=generator,
            context_signal=signals.article_generator_context,
            context_sender=generator,
        )
        if isinstance(article, SkipStub) or not article.is_valid():
            return name, None
        blob = dumps(article, generator.settings, generator.context)
    except Exception:
        return name, None
    finally:
        root.handlers = handlers
    return name, None if problems.seen else blob


def build_all(generator, names: Iterable[str], workers: int) -> dict[str, object]:
    """``{name: Article}`` for every file the pool read and built cleanly."""
    global _generator
    names = list(names)
    _generator = generator
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(names) // (workers * 8))
        with context.Pool(workers) as pool:
            results = pool.map(build_one, names, chunksize=chunk)
    finally:
        _generator = None
    settings, shared_context = generator.settings, generator.context
    return {
        name: loads(blob, settings, shared_context) for name, blob in results if blob is not None
    }


def usable_workers(requested: int) -> int:
    if requested:
        return requested
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
