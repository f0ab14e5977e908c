"""Fast writer: release pages rendered on all cores; after an edit, only affected pages.

Pelican renders and writes every page, one after another, on every build (4.12 removed
WRITE_SELECTED). This plugin's Writer

* defers release pages and renders them in forked worker processes, with Pelican's own
  Writer.write_file, so the output is byte-identical to a serial build; listeners of
  `content_written` (the sitemap) then hear of those pages in this process, in serial order;
* with ``FAST_WRITER = {"incremental": True}`` (what `make serve` sets) fingerprints what each
  page is rendered from and does not render a page whose fingerprint and file are unchanged:
  - a release page depends on that release (body, metadata, plugin results on the article);
  - every page depends on the *listing* of all content — each item's metadata (title, date,
    tags, category, summary…) and plugin results, but not its body — so a title, date, tag
    or summary change re-renders every page, a body edit one page;
  - everything depends on the settings, the theme's templates and the plugins' code.
  Templates other than article/page normally show summaries; if one of them uses ``.content``
  (a body), bodies join the listing: a body edit then re-renders list pages too.
"""

from .wiring import register

__all__ = ["register"]
