"""Incremental write: after an edit, re-render only the pages the edit can change.

Pelican 4.12 renders and writes every page on every build. With ``INCREMENTAL_WRITE = True``
(what `make serve` sets), each page the writer is asked for gets a fingerprint of what it is
rendered from; a page whose fingerprint and output file are unchanged since the last build
is not rendered again (the writer still goes through Pelican's own steps and signals).

* A release page depends on that release (body, metadata, plugin results on the article).
* Every page also depends on the *listing* of all content — each item's metadata (title,
  date, tags, category, summary…) and plugin results, but not its body — so a title, date,
  tag or summary change re-renders all pages, while a body edit re-renders one page.
* Everything depends on the settings, the theme's templates and the plugins' code.

Templates other than the article/page ones normally show summaries. If any of them uses
``.content`` (a body), bodies are added to the listing, and a body edit re-renders every
list page too: slower, never stale.
"""

from .wiring import register

__all__ = ["register"]
