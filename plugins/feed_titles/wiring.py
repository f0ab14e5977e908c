"""Signal wiring, kept thin: the work is in titles.py."""

from pelican import signals

from .titles import feed_names, feed_title, plain_titles


def _fix_titles(context, feed) -> None:
    contents = [*context.get("articles", ()), *context.get("translations", ())]
    plain_titles(feed.items, contents, context.get("SITEURL", ""))
    names = feed_names(
        context,
        {
            "TAG": [tag for tag, _ in context.get("tags", ())],
            "CATEGORY": [category for category, _ in context.get("categories", ())],
            "AUTHOR": [author for author, _ in context.get("authors", ())],
        },
    )
    if feed.feed.get("feed_url") and names:
        domain = context.get("FEED_DOMAIN") or context.get("SITEURL", "")
        feed.feed["title"] = feed_title(feed.feed["feed_url"], domain, context["SITENAME"], names)


def register() -> None:
    signals.feed_generated.connect(_fix_titles)
