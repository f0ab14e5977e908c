"""Each item's URL, worked out once a build instead of at every use.

Pelican computes ``item.url`` afresh at every access: the URL setting formatted with the
metadata, the date and the relative source path (``os.path.relpath``). A build of 1,000
releases asks 15,000 times (release lists, related releases, speaker pages, the sitemap):
a fifth of the writing time, profiled. Once a generator has read its content nothing a
URL depends on changes, so each item keeps its URL as ``override_url``, the attribute
Pelican itself uses for a ``url:`` given in the front matter, and which ``url`` returns as
it is. This runs when the articles (or pages) generator is done, after it has saved the
content cache, so the cache never holds one.
"""

from collections.abc import Iterable

# The lists of Pelican's articles and pages generators that hold content items.
_ITEM_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations",
               "drafts", "drafts_translations", "pages", "hidden_pages", "draft_pages")  # fmt: skip


def keep_urls(generators: Iterable) -> int:
    """Store the URL of every item the generators hold; the number of items done."""
    done = 0
    for generator in generators:
        for name in _ITEM_LISTS:
            for item in getattr(generator, name, None) or []:
                for each in (item, *getattr(item, "translations", ())):
                    if not hasattr(each, "override_url"):
                        each.override_url = each.url
                        done += 1
    return done
