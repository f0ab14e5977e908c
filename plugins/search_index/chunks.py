"""Which pages Pagefind indexes, and in which bundle. Plain functions: no Pelican, no Pagefind.

Pagefind holds a whole index in memory (about 140 KB a release page: 1.7 GB for 10,000), and
when any page carries ``data-pagefind-body`` it still parses every page only to drop those
without it. So the indexer finds the marked pages itself, cheaply, and gives Pagefind at most
``chunk_pages`` of them at a time, each chunk its own bundle; the search page merges the
bundles (Pagefind's ``mergeIndex``). Pages are grouped by language so that a search, which
only needs the bundles of its page's language, loads as few bundles as possible.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

BODY_MARKER = b"data-pagefind-body"
# The marker as an attribute of a tag: a release that merely mentions it (text, escaped) is no
# release page for Pagefind.
_BODY_ATTRIBUTE = re.compile(rb"<[A-Za-z][^<>]*\sdata-pagefind-body(?=[\s=/>])")
_HTML_LANG = re.compile(rb"<html\b[^>]*?\slang=[\"']?([A-Za-z0-9-]+)", re.IGNORECASE)
# Characters wax (Pagefind's glob library) treats as syntax; a backslash makes them literal.
_GLOB_SYNTAX = re.compile(r"([\\?*$:<>()\[\]{},])")


@dataclass(frozen=True)
class MarkedPage:
    path: str  # relative to the site, with forward slashes, as Pagefind's glob matches it
    language: str  # <html lang>, lower-cased, as Pagefind keys its indexes; "" when absent


def marked_page(html: bytes, path: str) -> MarkedPage | None:
    """``path``'s page if its HTML carries Pagefind's body marker, else None."""
    if not _marks_body(html):
        return None
    lang = _HTML_LANG.search(html)
    return MarkedPage(path, lang.group(1).decode("ascii").lower() if lang else "")


def html_paths(site: Path) -> list[str]:
    """Every HTML file under ``site``, relative, in path order."""
    paths = []
    for folder, subfolders, files in os.walk(site):
        subfolders.sort()
        relative = Path(folder).relative_to(site)
        html = (name for name in sorted(files) if name.endswith(".html"))
        paths.extend((relative / name).as_posix() for name in html)
    return paths


def _marks_body(html: bytes) -> bool:
    # Check the tag around each occurrence only: a whole-page regex search costs 4× more.
    at = html.find(BODY_MARKER)
    while at != -1:
        tag = html.rfind(b"<", 0, at)
        if tag != -1 and _BODY_ATTRIBUTE.match(html, tag):
            return True
        at = html.find(BODY_MARKER, at + len(BODY_MARKER))
    return False


def marked_pages(site: Path, paths: list[str] | None = None) -> list[MarkedPage]:
    """The pages among ``paths`` (default: every HTML file) that Pagefind would index."""
    pages = []
    for path in html_paths(site) if paths is None else paths:
        with open(site / path, "rb") as handle:
            page = marked_page(handle.read(), path)
        if page is not None:
            pages.append(page)
    return pages


def plan_chunks(pages: list[MarkedPage], chunk_pages: int) -> list[list[MarkedPage]]:
    """Consecutive runs of at most ``chunk_pages`` pages, one language after another."""
    ordered = sorted(pages, key=lambda page: (page.language, page.path))
    return [ordered[start : start + chunk_pages] for start in range(0, len(ordered), chunk_pages)]


def bundle_subdirs(output_subdir: str, count: int) -> list[str]:
    """Where each chunk's bundle goes: the first where a single index always went, the others
    inside it, so the whole index stays one folder to publish or swap in."""
    return [output_subdir] + [f"{output_subdir}/part-{n}" for n in range(2, count + 1)]


def glob_of(paths: list[str]) -> str:
    """A Pagefind glob matching exactly ``paths``."""
    return "{" + ",".join(_GLOB_SYNTAX.sub(r"\\\1", path) for path in paths) + "}"
