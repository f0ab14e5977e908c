"""Plain functions and classes behind the strict build; no Pelican signals here."""

import logging
import os
from collections.abc import Iterable
from pathlib import Path


class StrictBuildError(Exception):
    """Raised at the end of a run that had problems; Pelican turns it into exit code 1."""

    exitcode = 1


class ProblemCollector(logging.Handler):
    """A logging handler that keeps the message of every WARNING-or-worse record.

    A plugin that reports a problem of one file logs it with ``extra={"source_path": path}``:
    that file is then accounted for, and not reported again as "not turned into a page".
    """

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[str] = []
        self.sources: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        if message not in self.problems:
            self.problems.append(message)
        source = getattr(record, "source_path", None)
        if source:
            self.sources.add(str(source))


def unpublished_sources(
    content_root: Path, extensions: Iterable[str], accounted: Iterable[str], ignored: Iterable[str]
) -> list[Path]:
    """Release files under ``content_root`` that no generator turned into content.

    ``accounted`` are the source paths of everything Pelican read (articles, drafts,
    translations, hidden ones, pages); ``ignored`` are glob patterns Pelican skips.
    """
    suffixes = {f".{ext.lstrip('.')}" for ext in extensions}
    accounted = list(accounted)
    # The same absolute path settles it without a system call per folder; only the others
    # are compared resolved (symbolic links), which is slow on thousands of files.
    spelled = {os.path.abspath(p) for p in accounted}
    resolved: set[Path] | None = None
    missing = []
    for path in sorted(content_root.rglob("*")):
        if path.suffix not in suffixes or not path.is_file():
            continue
        relative = path.relative_to(content_root)
        if any(relative.match(pattern) for pattern in ignored):
            continue
        if os.path.abspath(path) in spelled:
            continue
        if resolved is None:
            resolved = {Path(p).resolve() for p in accounted}
        if path.resolve() not in resolved:
            missing.append(path)
    return missing


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it, as `invoke check` prints paths."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def format_report(problems: list[str]) -> str:
    lines = [f"{len(problems)} problem(s) found; the build fails:"]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)
