"""Give feed entries back their text titles, matched by link."""

from collections.abc import Iterable


def plain_titles(items: list[dict], contents: Iterable, site_url: str) -> int:
    """Set each feed item's title to the title of the content its link points at.

    ``items`` are feedgenerator item dicts (``title``, ``link``); ``contents`` have ``url`` and
    ``title``. Returns how many items were matched; unmatched items are left as they are.
    """
    base = site_url.rstrip("/")
    titles = {f"{base}/{content.url}": content.title for content in contents}
    matched = 0
    for item in items:
        link = item["link"].removesuffix("?ref=feed")
        if link in titles:
            item["title"] = titles[link]
            matched += 1
    return matched
