"""Render and write release pages in forked worker processes.

The workers inherit the writer, templates and content objects by fork and run Pelican's own
Writer.write_file for their share of the pages, so each page is what a serial build writes.
Problems a worker logs are sent back and logged again in the parent, where the strict build
collects them; a page whose rendering raised is rendered again by the parent, so the error
surfaces exactly as in a serial build.
"""

import logging
import multiprocessing
from dataclasses import dataclass, field

# The reading pool's worker count serves here too (writer.py asks parallel.usable_workers).
from fast_reader.parallel import usable_workers  # noqa: F401
from pelican.writers import Writer


@dataclass
class Job:
    """One deferred Writer.write_file call for a release page."""

    name: str
    template: object
    context: dict
    options: dict
    kwargs: dict
    digest: str | None = None


@dataclass
class Outcome:
    outputs: list[str] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    failed: bool = False


# Inherited by the forked workers.
_work: dict = {}


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record):
        self.records.append((record.levelno, record.getMessage()))


def _render_range(bounds: tuple[int, int]) -> list[Outcome]:
    writer, jobs = _work["writer"], _work["jobs"]
    root = logging.getLogger()
    collect = _Collect()
    root.handlers = [collect]
    outcomes = []
    for job in jobs[bounds[0] : bounds[1]]:
        collect.records = []
        writer._outputs = []
        try:
            Writer.write_file(
                writer, job.name, job.template, job.context, **job.options, **job.kwargs
            )
            outcomes.append(Outcome(outputs=list(writer._outputs), problems=collect.records))
        except Exception:
            outcomes.append(Outcome(failed=True))
    return outcomes


class Rendering:
    """Release pages rendered by a pool of forked workers while the parent goes on writing.

    The workers start at once, with the writer and jobs as they are now; ``outcomes()`` waits
    for them. ``abort()`` stops them (a build that failed must not keep writing pages).
    """

    def __init__(self, writer, jobs: list[Job], workers: int):
        size = max(1, len(jobs) // (workers * 4))
        ranges = [(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
        # Kept until the end: a worker the pool replaces forks from the parent again.
        _work.update(writer=writer, jobs=jobs)
        # The build's objects are frozen out of the collector by now (collector.py): the
        # workers' collections leave them, and the memory pages they share, alone.
        self._pool = multiprocessing.get_context("fork").Pool(workers)
        self._result = self._pool.map_async(_render_range, ranges, chunksize=1)
        self._pool.close()

    def done(self) -> bool:
        return self._result.ready()

    def outcomes(self) -> list[Outcome]:
        """Outcomes in the order of the jobs, once every worker is done."""
        try:
            chunks = self._result.get()
        finally:
            self._pool.join()
            _work.clear()
        return [outcome for chunk in chunks for outcome in chunk]

    def abort(self) -> None:
        self._pool.terminate()
        self._pool.join()
        _work.clear()
