"""Signal wiring, kept thin: the work is in indexer.py."""

import logging
from pathlib import Path

from pelican import signals

from .indexer import index_site, read_settings

logger = logging.getLogger(__name__)


def _index(pelican) -> None:
    # Runs at `finalized`, when every page is written. Failures raise: a site whose search
    # is silently stale must not be published.
    settings = read_settings(pelican.settings)
    if not settings.enabled:
        return
    report = index_site(Path(pelican.output_path), settings.output_subdir)
    logger.info("Search index: %d pages in %s", report.pages, report.output)


def register() -> None:
    signals.finalized.connect(_index)
