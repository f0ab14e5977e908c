"""Reproducible sitemap dates for pelican-sitemap.

pelican-sitemap gives index pages (home, archives, categories, tags) the build time as
`lastmod`, so two builds differ. This plugin sets that fallback to the newest date of
the site's content instead (a listing changes when a release is added or modified),
or to SOURCE_DATE_EPOCH when there is no content at all.
"""

import datetime as dt
import os

from pelican import signals


def newest_content_date(items) -> dt.datetime | None:
    """The latest `modified` (else `date`) of the given articles and pages."""
    dates = [getattr(i, "modified", None) or getattr(i, "date", None) for i in items]
    dates = [d for d in dates if d is not None]
    return max(dates, default=None, key=lambda d: d.timestamp())


def fallback_date(generators, environ=os.environ) -> dt.datetime:
    items = []
    for generator in generators:
        for name in ("articles", "translations", "pages", "translations_pages"):
            items += getattr(generator, name, None) or []
    newest = newest_content_date(items)
    if newest is not None:
        return newest
    return dt.datetime.fromtimestamp(int(environ.get("SOURCE_DATE_EPOCH", "0")), dt.UTC)


def _set_sitemap_fallback(generators) -> None:
    from pelican.plugins.sitemap import sitemap

    sitemap.generator.now = fallback_date(generators)


def register() -> None:
    signals.all_generators_finalized.connect(_set_sitemap_fallback)
