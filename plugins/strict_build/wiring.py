"""Signal wiring for the strict build, kept thin: the logic lives in problems.py."""

import logging
from pathlib import Path

from pelican import signals

from .problems import (
    ProblemCollector,
    StrictBuildError,
    display_path,
    format_report,
    unpublished_sources,
)

_state: dict = {}


def _start(pelican) -> None:
    _stop()
    collector = ProblemCollector()
    logging.getLogger().addHandler(collector)
    _state.update(collector=collector, accounted=set(), settings=pelican.settings)


def _stop() -> None:
    collector = _state.pop("collector", None)
    if collector is not None:
        logging.getLogger().removeHandler(collector)


def _account(generators) -> None:
    accounted = _state.setdefault("accounted", set())
    for generator in generators:
        for name in (
            "articles",
            "translations",
            "drafts",
            "drafts_translations",
            "hidden_articles",
            "hidden_translations",
            "pages",
            "hidden_pages",
            "draft_pages",
        ):
            for item in getattr(generator, name, []) or []:
                accounted.add(item.source_path)


def _finish(pelican) -> None:
    collector = _state.get("collector")
    if collector is None:
        return
    settings = pelican.settings
    problems = list(collector.problems)
    readers = settings.get("READERS", {})
    extensions = [
        ext
        for ext in ("md", "markdown", "mkd", "mdown", "rst", "html", "htm")
        if readers.get(ext, True) is not None
    ]
    # A file with a problem reported already is accounted for: its message says what to fix.
    accounted = {*_state.get("accounted", ()), *collector.sources}
    for path in unpublished_sources(
        Path(settings["PATH"]), extensions, accounted, settings["IGNORE_FILES"]
    ):
        problems.append(
            f"{display_path(path)}: was not turned into a page; fix the problems reported "
            "for it, or check that it is a release with front matter"
        )
    _stop()
    if problems:
        raise StrictBuildError(format_report(problems))


def register() -> None:
    signals.initialized.connect(_start)
    signals.all_generators_finalized.connect(_account)
    signals.finalized.connect(_finish)
