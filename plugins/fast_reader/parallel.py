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

import contextlib
import gc
import io
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterable

from pelican import signals
from pelican.contents import Article, SkipStub
from pelican.readers import _filter_discardable_metadata
from pelican.utils import file_suffix

from .collector import freeze_build_objects

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


def _quietly(work: Callable[[], bytes | None]) -> bytes | None:
    """In a worker: ``work()``, or None if it raised or logged a problem.

    Problems are only noted here: the parent reads such a file again and reports them itself.
    """
    problems = _Problems()
    root = logging.getLogger()
    handlers, root.handlers = root.handlers, [problems]
    try:
        blob = work()
    except Exception:
        return None
    finally:
        root.handlers = handlers
    return None if problems.seen else blob


def _map_in_pool(job: Callable, items: list, workers: int) -> list:
    """``job`` over ``items`` in forked workers (they inherit the module state set for them)."""
    chunk = max(1, len(items) // (workers * 8))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(job, items, chunksize=chunk)


def read_one(path: str) -> tuple[str, bytes | None]:
    """In a worker: what Readers.read_file would cache for ``path``, pickled, or None."""
    reader = _readers.readers[file_suffix(path)]

    def work() -> bytes:
        content, metadata = reader.read(path)
        return dumps((content, _filter_discardable_metadata(metadata)), _readers.settings)

    return path, _quietly(work)


def read_all(readers, paths: Iterable[str], workers: int) -> dict[str, tuple]:
    """``{absolute path: (content, metadata)}`` for every file read cleanly by the pool."""
    global _readers
    _readers = readers
    try:
        results = _map_in_pool(read_one, list(paths), workers)
    finally:
        _readers = None
    return {path: loads(blob, readers.settings) for path, blob in results if blob is not None}


def build_one(name: str) -> tuple[str, bytes | None]:
    """In a worker: the article the generator's loop would make of ``name``, pickled, or None."""
    generator = _generator

    def work() -> bytes | None:
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
            return None
        _work_out_slugs(article)
        return dumps(article, generator.settings, generator.context)

    return name, _quietly(work)


def _work_out_slugs(article) -> None:
    """Each tag, category and author works out its slug once, when first hashed or shown, and
    keeps it: here, in the workers, rather than serially in the parent, where the first
    taxonomy a build assembles would otherwise slugify every one of them (25,000 at 10,000
    releases, 0.4 s profiled)."""
    wrappers = [*getattr(article, "tags", ()), *getattr(article, "authors", ())]
    wrappers.append(getattr(article, "category", None))
    for wrapper in wrappers:
        if wrapper is not None:
            wrapper.slug  # noqa: B018 (computed for its side effect: the cached slug)


def build_all(generator, names: Iterable[str], workers: int) -> dict[str, object]:
    """``{name: Article}`` for every file the pool read and built cleanly."""
    global _generator
    _generator = generator
    try:
        results = _map_in_pool(build_one, list(names), workers)
    finally:
        _generator = None
    settings, shared_context = generator.settings, generator.context
    with _no_cyclic_collection():
        articles = {
            name: loads(blob, settings, shared_context)
            for name, blob in results
            if blob is not None
        }
        # Frozen before the collector is back on (collector.py): it would otherwise walk each
        # of them three times over as they age through its generations (1.4 s at 10,000).
        freeze_build_objects()
        return articles


@contextlib.contextmanager
def _no_cyclic_collection():
    """Unpickling the articles makes only objects that live as long as the build, so Python's
    cyclic collector, which the allocations set off again and again, would walk an ever larger
    heap for nothing: 1.3–1.5 s of 10,000 releases' unpickling, 0.4 s without it. A collector
    already off (`make serve` pauses it during a rebuild) stays off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def usable_workers(requested: int) -> int:
    if requested:
        return requested
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
