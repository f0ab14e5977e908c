"""Signal wiring, kept thin: the work is in indexer.py, early.py and background.py."""

import logging
import os
from itertools import chain
from pathlib import Path

from pelican import signals

from .background import LatestOnly, swap_in
from .early import EarlyIndex
from .indexer import index_site, read_settings

logger = logging.getLogger(__name__)

# Where a background run writes before its index replaces the served one.
_FRESH_SUBDIR = ".search-index-next"


# The build's EarlyIndex, from `article_generator_finalized` to `finalized`.
_early: dict = {}


def _start_early(generator) -> None:
    # The release pages about to be written are known: index once they all are (early.py).
    signals.content_written.disconnect(_written)
    _early.clear()
    settings = read_settings(generator.settings)
    if not settings.enabled or settings.background:
        return  # (and no `content_written` listener: it would slow `make serve`'s skipping)
    articles = chain(
        generator.translations,
        generator.articles,
        generator.hidden_translations,
        generator.hidden_articles,
        generator.drafts_translations,  # written last: waiting for them is cheaper than
        generator.drafts,  # indexing twice
    )
    expected = [os.path.join(generator.output_path, a.save_as) for a in articles if a.save_as]
    if not expected:
        return
    site = Path(generator.output_path)

    def index(pages):
        return _index_site(site, settings.output_subdir, settings, pages=pages)

    _early["run"] = EarlyIndex(site, expected, index)
    signals.content_written.connect(_written)


def _written(path, context=None) -> None:
    early = _early.get("run")
    if early is not None:
        early.written(path)


def _index(pelican) -> None:
    # Runs at `finalized`, when every page is written. Failures raise: a site whose search
    # is silently stale must not be published.
    signals.content_written.disconnect(_written)
    early = _early.pop("run", None)
    settings = read_settings(pelican.settings)
    if not settings.enabled:
        return
    site = Path(pelican.output_path)
    if settings.background:
        _background.request(site, settings)
        return
    report = None
    if early is not None and early.site == Path(os.path.abspath(site)):
        report = early.result()  # None: pages changed after it scanned them
        if report is None and early.started:
            logger.info("Search index: pages changed while indexing; indexing them again")
    if report is None:
        report = _index_site(site, settings.output_subdir, settings)
    logger.info(
        "Search index: %d pages in %d bundle(s) in %s", report.pages, report.bundles, report.output
    )


def _index_site(site: Path, subdir: str, settings, pages=None):
    chunks = {"chunk_pages": settings.chunk_pages, "split_pages": settings.split_pages}
    return index_site(site, subdir, pages=pages, **chunks)


def _index_then_swap(site: Path, settings) -> None:
    output_subdir = settings.output_subdir
    report = _index_site(site, _FRESH_SUBDIR, settings)
    (site / output_subdir).parent.mkdir(parents=True, exist_ok=True)
    swap_in(site, output_subdir, _FRESH_SUBDIR)
    logger.info(
        "Search index: %d pages in %d bundle(s) in %s",
        report.pages,
        report.bundles,
        site / output_subdir,
    )


_background = LatestOnly(_index_then_swap)


def wait_for_index() -> None:
    """Until the background index of every finished build is in place."""
    _background.wait()


def register() -> None:
    signals.article_generator_finalized.connect(_start_early)
    signals.finalized.connect(_index)
