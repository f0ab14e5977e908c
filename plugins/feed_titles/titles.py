"""Give feeds and their entries back their text titles and summaries, matched by link."""

import html
from collections.abc import Iterable
from urllib.parse import urljoin


def plain_titles(items: list[dict], contents: Iterable, site_url: str) -> int:
    """Set each feed item's title to the title of the content its link points at.

    ``items`` are feedgenerator item dicts (``title``, ``link``, ``description``); ``contents``
    have ``url``, ``title`` and ``summary``. The summary is plain text (FORMATTED_FIELDS = []),
    but Atom declares it ``type="html"``: it is HTML-escaped so readers show it as written.
    Returns how many items were matched; unmatched items are left as they are.
    """
    base = site_url.rstrip("/")
    by_link = {f"{base}/{content.url}": content for content in contents}
    matched = 0
    for item in items:
        content = by_link.get(item["link"].removesuffix("?ref=feed"))
        if content is None:
            continue
        item["title"] = content.title
        summary = getattr(content, "summary", None)
        if item.get("description") and summary:
            item["description"] = html.escape(summary, quote=False)
        matched += 1
    return matched


def feed_names(settings: dict, taxonomies: dict[str, Iterable]) -> dict[str, str]:
    """Feed path → the name Pelican titles it with (a tag, category or author name).

    ``taxonomies`` maps "TAG", "CATEGORY", "AUTHOR" to their objects (``slug``, ``name``);
    paths come from the {KIND}_FEED_ATOM/RSS(_URL) settings as Pelican formats them.
    """
    names = {}
    for kind, objects in taxonomies.items():
        for feed in (f"{kind}_FEED_ATOM", f"{kind}_FEED_RSS"):
            pattern = settings.get(f"{feed}_URL") or settings.get(feed)
            if not pattern:
                continue
            for obj in objects:
                names[str(pattern).format(slug=obj.slug)] = obj.name
    return names


def feed_title(feed_url: str, feed_domain: str, site_name: str, names: dict[str, str]) -> str:
    """The feed's title as text: "Site - Name" for a taxonomy feed, else the site name.

    Pelican builds it with ``Markup(title).striptags()``, so ``A&B <c>`` came out as ``A&B``.
    """
    base = feed_domain if feed_domain.endswith("/") else feed_domain + "/"
    for path, name in names.items():
        if urljoin(base, path) == feed_url:
            return f"{site_name} - {name}"
    return site_name
