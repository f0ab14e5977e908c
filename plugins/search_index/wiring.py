"""Signal wiring, kept thin: the work is in indexer.py and background.py."""

import logging
from pathlib import Path

from pelican import signals

from .background import LatestOnly, swap_in
from .indexer import index_site, read_settings

logger = logging.getLogger(__name__)

# Where a background run writes before its index replaces the served one.
_FRESH_SUBDIR = ".search-index-next"


def _index(pelican) -> None:
    # Runs at `finalized`, when every page is written. Failures raise: a site whose search
    # is silently stale must not be published.
    settings = read_settings(pelican.settings)
    if not settings.enabled:
        return
    site = Path(pelican.output_path)
    if settings.background:
        _background.request(site, settings.output_subdir, settings.chunk_pages)
        return
    report = index_site(site, settings.output_subdir, chunk_pages=settings.chunk_pages)
    logger.info(
        "Search index: %d pages in %d bundle(s) in %s", report.pages, report.bundles, report.output
    )


def _index_then_swap(site: Path, output_subdir: str, chunk_pages: int) -> None:
    report = index_site(site, _FRESH_SUBDIR, chunk_pages=chunk_pages)
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
    signals.finalized.connect(_index)
