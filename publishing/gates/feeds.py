"""Every feed parses with feedparser, and each entry has an id, title, updated and link."""

from pathlib import Path

import feedparser
import lxml.etree

from ..site_files import site_files

FEED_ROOTS = {"{http://www.w3.org/2005/Atom}feed", "rss", "{http://purl.org/rss/1.0/}channel"}
REQUIRED_ENTRY_FIELDS = ("id", "title", "updated", "link")


def is_feed(data: bytes) -> bool:
    try:
        root = lxml.etree.fromstring(data, parser=lxml.etree.XMLParser(resolve_entities=False))
    except lxml.etree.XMLSyntaxError:
        return False
    return root.tag in FEED_ROOTS


def feed_problems(data: bytes, name: str) -> list[str]:
    parsed = feedparser.parse(data)
    if parsed.bozo:
        return [f"{name}: not a well-formed feed: {parsed.bozo_exception}"]
    problems = []
    for key in ("title", "updated", "link"):
        if not parsed.feed.get(key):
            problems.append(f"{name}: the feed has no {key}")
    for number, entry in enumerate(parsed.entries, start=1):
        # feedparser copies a URL-like id into `link`; only a real <link> element counts.
        present = {**entry, "link": any(link.get("href") for link in entry.get("links", []))}
        missing = [key for key in REQUIRED_ENTRY_FIELDS if not present.get(key)]
        if missing:
            label = entry.get("title") or f"entry {number}"
            problems.append(f"{name}: {label!r} has no {', '.join(missing)}")
    return problems


def broken_feeds(root: Path, expected: list[str]) -> list[str]:
    """Problems of every feed of the site; ``expected`` feed paths must exist."""
    problems = [
        f"{path}: expected feed was not written" for path in expected if not (root / path).is_file()
    ]
    for path in site_files(root):
        if path.suffix in (".xml", ".atom", ".rss"):
            data = path.read_bytes()
            if is_feed(data):
                problems += feed_problems(data, str(path.relative_to(root)))
    return problems
