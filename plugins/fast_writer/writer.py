"""FastWriter: Pelican's Writer, skipping unchanged pages and rendering release pages in
parallel."""

import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Content
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from . import fingerprints, parallel
from .settings import load

log = logging.getLogger(__name__)

MANIFEST_NAME = "fast-writer-manifest.json"
# Context entries holding every listed item (articles, pages, drafts, translations…).
_LISTED = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
)


class _Unrendered:
    """Stands in for a template whose page on disk is already up to date."""

    def __init__(self, template):
        self.name = getattr(template, "name", None)

    def render(self, *args, **kwargs) -> str:
        return ""


def _listed_items(context: dict) -> list[Content]:
    seen: dict[int, Content] = {}
    for key in _LISTED:
        for item in context.get(key) or []:
            if isinstance(item, Content):
                seen[id(item)] = item
    return list(seen.values())


class FastWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.options = load(settings)
        self._manifest_path = Path(settings["CACHE_PATH"]) / MANIFEST_NAME
        self._previous = self._load_manifest() if self.options.incremental else {}
        self._current: dict[str, dict] = {}
        self._site = fingerprints.site_digest(settings) if self.options.incremental else ""
        template_dirs = [str(Path(settings["THEME"]) / "templates")]
        template_dirs += list(settings.get("THEME_TEMPLATES_OVERRIDES") or [])
        self._template_dirs = template_dirs
        self._listing: fingerprints.Listing | None = None
        self._queue: list[parallel.Job] = []
        # Release pages the pool is rendering while this process writes the list pages.
        self._in_flight: tuple[list[parallel.Job], parallel.Rendering] | None = None
        self._in_flight_targets: set[str] = set()
        self._skipping = False
        self._outputs: list[str] = []
        self.rendered = 0
        self.skipped = 0

    # --- manifest of what each write_file call was rendered from -----------------------------

    def _load_manifest(self) -> dict:
        try:
            return json.loads(self._manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def finish(self) -> None:
        """Write what is still deferred, then remember what every page was rendered from."""
        self.flush()
        self.collect()
        if self.options.incremental:
            self._manifest_path.parent.mkdir(parents=True, exist_ok=True)
            self._manifest_path.write_text(json.dumps(self._current), encoding="utf-8")
        log.info("fast writer: %d rendered, %d unchanged", self.rendered, self.skipped)

    def _digest(self, name, template, context, options, kwargs) -> str:
        if self._listing is None:
            # All content is read before anything is written: the listing is final here.
            with_bodies = fingerprints.templates_show_bodies(self._template_dirs)
            self._listing = fingerprints.Listing(_listed_items(context), with_bodies)
        return fingerprints.call_digest(
            self._site, self._listing, name, getattr(template, "name", ""), options, kwargs
        )

    def _up_to_date(self, name: str, digest: str) -> bool:
        record = self._previous.get(name)
        if not record or record.get("digest") != digest or not record.get("outputs"):
            return False
        return all(os.path.exists(os.path.join(self.output_path, o)) for o in record["outputs"])

    # --- Pelican's entry point ---------------------------------------------------------------

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        options = {
            "relative_urls": relative_urls,
            "paginated": paginated,
            "template_name": template_name,
            "override_output": override_output,
            "url": url,
        }
        if self._in_flight is not None and self._in_flight[1].done():
            # Account for the pool's pages as soon as it is done, so `content_written`
            # listeners (the search index) hear of them while list pages are still written.
            self.collect()
        if not name:
            return super().write_file(name, template, context, **options, **kwargs)
        digest = None
        if self.options.incremental:
            shape = (relative_urls, template_name, override_output, url, sorted(paginated or {}))
            digest = self._digest(name, template, context, shape, kwargs)
            if self._up_to_date(name, digest):
                self.flush()  # keep the order of writes
                self._skip(name, template, context, options, kwargs, digest)
                return None
        if self._deferrable(options, kwargs):
            self._queue.append(parallel.Job(name, template, context, options, kwargs, digest))
            return None
        self.flush()
        self._render(name, template, context, options, kwargs, digest)
        return None

    def _deferrable(self, options, kwargs) -> bool:
        """Release pages, unless a plugin acts just before each one is rendered (a listener
        of `article_generator_write_article` may prepare state for that very rendering).
        Listeners of `content_written` (the sitemap) hear of each page in this process once
        the pool is done (`_announce`): the release pages in their serial order, after the
        list pages written meanwhile."""
        return (
            self.options.parallel
            and isinstance(kwargs.get("article"), Content)
            and not options["override_output"]
            and not options["paginated"]
            and options["template_name"] is None
            and not signals.article_generator_write_article.receivers
        )

    def _announce(self, job) -> None:
        """`content_written` for a page a worker wrote, with the local context Pelican's
        Writer.write_file gives it (a release page: no pagination, one output)."""
        localcontext = job.context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if job.options["relative_urls"]:
            relative_url = path_to_url(get_relative_path(job.name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = job.name
        localcontext.update(job.kwargs)
        path = sanitised_join(self.output_path, job.name)
        signals.content_written.send(path, context=localcontext)

    def _render(self, name, template, context, options, kwargs, digest) -> None:
        self._outputs = []
        super().write_file(name, template, context, **options, **kwargs)
        self.rendered += 1
        self._current[name] = {"digest": digest, "outputs": self._outputs}

    def _skip(self, name, template, context, options, kwargs, digest) -> None:
        self.skipped += 1
        if signals.content_written.receivers:
            # Go through Pelican's steps, so listeners hear of the page; render nothing.
            self._outputs = []
            self._skipping = True
            try:
                super().write_file(name, _Unrendered(template), context, **options, **kwargs)
            finally:
                self._skipping = False
        else:
            self._outputs = list(self._previous[name]["outputs"])
            self._written_files.update(os.path.join(self.output_path, o) for o in self._outputs)
        self._current[name] = {"digest": digest, "outputs": self._outputs}

    def flush(self) -> None:
        """Render the deferred release pages, in worker processes when there are enough."""
        jobs, self._queue = self._queue, []
        if not jobs:
            return
        workers = parallel.usable_workers(self.options.workers)
        targets = [sanitised_join(self.output_path, job.name) for job in jobs]
        clash = len(set(targets)) < len(targets) or any(t in self._written_files for t in targets)
        if workers < 2 or len(jobs) < self.options.min_pages or clash:
            # Serially, in order: Pelican's own checks and errors, exactly.
            for job in jobs:
                self._render(
                    job.name, job.template, job.context, job.options, job.kwargs, job.digest
                )
            return
        # The list pages are written here while the pool renders (collect() waits for it).
        self.collect()
        self._in_flight = (jobs, parallel.Rendering(self, jobs, workers))
        self._in_flight_targets = set(targets)

    def collect(self) -> None:
        """Wait for the release pages the pool is rendering, and account for them."""
        if self._in_flight is None:
            return
        (jobs, rendering), self._in_flight = self._in_flight, None
        self._in_flight_targets = set()
        self._record(jobs, rendering.outcomes())

    def abort(self) -> None:
        """Stop a pool still rendering: after a failed build, no page may be written late."""
        if self._in_flight is not None:
            self._in_flight[1].abort()
            self._in_flight, self._in_flight_targets = None, set()

    def _record(self, jobs, outcomes) -> None:
        for job, outcome in zip(jobs, outcomes, strict=True):
            if outcome.failed:
                # Rendered again here, so the error surfaces exactly as in a serial build.
                self._render(
                    job.name, job.template, job.context, job.options, job.kwargs, job.digest
                )
                continue
            for level, message in outcome.problems:
                log.log(level, message)
            self._written_files.update(os.path.join(self.output_path, o) for o in outcome.outputs)
            if signals.content_written.receivers:
                self._announce(job)
            self.rendered += 1
            self._current[job.name] = {"digest": job.digest, "outputs": outcome.outputs}

    def _open_w(self, filename, encoding, override=False):
        if filename in self._in_flight_targets:
            # A release page the pool renders: wait, so Pelican's overwrite checks apply.
            outputs = self._outputs  # this page's, kept while the pool's are accounted for
            self.collect()
            self._outputs = outputs
        self._outputs.append(os.path.relpath(filename, self.output_path))
        if not self._skipping:
            return super()._open_w(filename, encoding, override=override)
        # The page on disk is current: keep Pelican's bookkeeping, write nothing.
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(os.devnull, "w", encoding=encoding)
