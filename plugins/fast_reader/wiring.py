"""Signal wiring for the fast reader, kept thin."""

import logging
import os

from pelican import signals

from . import parallel
from .cache_key import cache_key
from .collector import (
    forget_pelican_memos,
    freeze_at_exit,
    freeze_build_objects,
    release_build_objects,
)
from .reader import use_fast_reader
from .settings import load

log = logging.getLogger(__name__)


def _active(settings) -> bool:
    """Signals stay connected for later runs in the same process; act only when listed."""
    names = {getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []}
    return bool(names & {"fast_reader", __package__})


def _key_cache_folder(pelican) -> None:
    settings = pelican.settings
    if not _active(settings):
        return
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], cache_key(settings))


def _prefill(generator) -> None:
    """Read, in parallel, every article file neither cache layer already holds."""
    if not _active(generator.settings):
        return
    options = load(generator.settings)
    readers = generator.readers
    pending = []
    for name in generator.get_files(
        generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"]
    ):
        if generator.get_cached_data(name, None) is not None:
            continue  # the generator layer has the whole article
        path = os.path.abspath(os.path.join(generator.path, name))
        if readers.get_cached_data(path, None) is None:
            pending.append((name, path))
    workers = parallel.usable_workers(options.workers)
    if workers < 2 or len(pending) < options.min_files:
        return
    if _may_build_in_workers(generator):
        articles = parallel.build_all(generator, (name for name, _ in pending), workers)
        for name, article in articles.items():
            # What the generator's loop would cache (FileStampDataCacher.cache_data), kept
            # even when the content cache is off: the loop looks here before reading.
            generator._cache[name] = (generator._get_file_stamp(name), article)
        done = len(articles)
    else:
        results = parallel.read_all(readers, (path for _, path in pending), workers)
        for path, data in results.items():
            # What Readers.read_file would store itself, kept likewise.
            readers._cache[path] = (readers._get_file_stamp(path), data)
        done = len(results)
    log.debug("fast_reader: %d of %d files read by %d workers", done, len(pending), workers)


def _may_build_in_workers(generator) -> bool:
    """Whole articles come from the workers unless a plugin acts on the signals Pelican sends
    only around a real read (a cached article gets neither), whose effects a worker loses."""
    quiet = (signals.article_generator_preread, signals.article_generator_context)
    return not any(signal.receivers for signal in quiet)


def _use_fast_reader(readers) -> None:
    if _active(readers.settings):
        use_fast_reader(readers)


def _articles_read(generator) -> None:
    if _active(generator.settings):
        freeze_build_objects()  # the articles: they live to the end of the build (collector.py)


def register() -> None:
    freeze_at_exit()
    signals.initialized.connect(forget_pelican_memos)
    signals.initialized.connect(release_build_objects)
    signals.article_generator_pretaxonomy.connect(_articles_read)
    signals.finalized.connect(release_build_objects)
    signals.initialized.connect(_key_cache_folder)
    signals.readers_init.connect(_use_fast_reader)
    signals.article_generator_init.connect(_prefill)
