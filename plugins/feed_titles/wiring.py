"""Signal wiring, kept thin: the work is in titles.py."""

from pelican import signals

from .titles import plain_titles


def _fix_titles(context, feed) -> None:
    contents = [*context.get("articles", ()), *context.get("translations", ())]
    plain_titles(feed.items, contents, context.get("SITEURL", ""))


def register() -> None:
    signals.feed_generated.connect(_fix_titles)
