"""Signal wiring for the fast writer, kept thin."""

from fast_reader.collector import freeze_build_objects, release_build_objects
from pelican import signals

from .compiled_templates import SHARED
from .membership import speed_up_period_archives, speed_up_taxonomies
from .settings import load
from .urls import keep_urls
from .writer import FastWriter

_state: dict = {}


def _active(settings) -> bool:
    """Signals stay connected for later runs in the same process; act only when listed."""
    names = {getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []}
    return bool(names & {"fast_writer", __package__})


class _TrackedWriter(FastWriter):
    """Remembers itself, so deferred pages are written and the manifest saved at the end."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        _state["writer"] = self


def _writer(pelican):
    previous = _state.pop("writer", None)
    if previous is not None:
        previous.abort()  # a build that failed while its pool was rendering (`make serve`)
    return _TrackedWriter if _active(pelican.settings) else None


def _taxonomies(generator) -> None:
    if _active(generator.settings):
        speed_up_taxonomies(generator)


def _period_archives(generator) -> None:
    if _active(generator.settings):
        speed_up_period_archives(generator)


def _keep_compiled_templates(generator) -> None:
    """With incremental writing (`make serve`), templates compile once per process."""
    if _active(generator.settings) and load(generator.settings).incremental:
        generator.env.bytecode_cache = SHARED


def _keep_urls(generator) -> None:
    """As soon as the articles (or pages) generator is done: the speaker pages, the related
    releases and everything after then read each URL from the item."""
    if _active(generator.settings):
        keep_urls([generator])


def _freeze(generators) -> None:
    if generators and _active(generators[0].settings):
        freeze_build_objects()  # the context is complete: everything here lives to the end


def _flush(generator, writer) -> None:
    if isinstance(writer, FastWriter):
        writer.flush()


def _collect(generator, writer) -> None:
    """Release pages rendered while the list pages were written are complete here: before
    `finalized`, whose listeners (the search index) read the whole site."""
    if isinstance(writer, FastWriter):
        writer.collect()


def _finish(pelican) -> None:
    writer = _state.pop("writer", None)
    if writer is not None and writer.settings is pelican.settings:
        writer.finish()


def register() -> None:
    signals.initialized.connect(release_build_objects)
    signals.generator_init.connect(_keep_compiled_templates)
    signals.article_generator_init.connect(_period_archives)
    signals.article_generator_finalized.connect(_taxonomies)
    signals.article_generator_finalized.connect(_keep_urls)
    signals.page_generator_finalized.connect(_keep_urls)
    signals.all_generators_finalized.connect(_freeze)
    signals.get_writer.connect(_writer)
    signals.article_writer_finalized.connect(_flush)
    signals.page_writer_finalized.connect(_collect)
    signals.finalized.connect(_finish)
    signals.finalized.connect(release_build_objects)
