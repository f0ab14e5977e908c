"""Zero broken internal links: every href/src of the site, and every #anchor, must exist.

A small checker over the built files rather than `linkchecker`: the site's URLs are
absolute (https://…/ from SITEURL) and must be mapped onto the built folder before it
is deployed; that mapping, anchors and CSS url() are a few lines with lxml, run offline
in well under a second, and need no crawler.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
import lxml.html

from ..site_files import file_for_url, site_files, url_of

_LINK_ATTRIBUTES = ("href", "src", "poster", "data", "action")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
_IGNORED_SCHEMES = ("mailto:", "tel:", "data:", "javascript:", "sms:")


@dataclass(frozen=True)
class Reference:
    source: str  # file it was found in, relative to the site root
    url: str  # as written


def html_references(html: str) -> tuple[list[str], str | None]:
    """Every URL an HTML page references, and its <base href> if any."""
    document = lxml.html.document_fromstring(html)
    urls = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name in _LINK_ATTRIBUTES:
            value = element.get(name)
            if value is not None and not (element.tag == "form" and not value):
                urls.append(value.strip())
        for name in ("srcset", "imagesrcset"):
            if element.get(name):
                urls += [c.strip().split()[0] for c in element.get(name).split(",") if c.strip()]
        if element.tag == "meta" and element.get("content", "").startswith(("http://", "https://")):
            urls.append(element.get("content").strip())
        if element.get("style"):
            urls += css_references(element.get("style"))
    for style in document.iter("style"):
        urls += css_references(style.text or "")
    base = document.find(".//base[@href]")
    return urls, base.get("href") if base is not None else None


def css_references(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in _CSS_URL.finditer(css)]


def xml_references(data: bytes) -> list[str]:
    """Links of feeds and sitemaps: href attributes and sitemap <loc> elements."""
    tree = lxml.etree.fromstring(data, parser=lxml.etree.XMLParser(resolve_entities=False))
    urls = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("href"):
            urls.append(element.get("href").strip())
        if lxml.etree.QName(element).localname == "loc" and element.text:
            urls.append(element.text.strip())
    return urls


@cache
def _ids(path: Path) -> frozenset[str]:
    document = lxml.html.document_fromstring(path.read_bytes())
    ids = {e.get("id") for e in document.iter() if isinstance(e.tag, str) and e.get("id")}
    ids |= {e.get("name") for e in document.iter("a") if e.get("name")}
    return frozenset(ids)


def check_reference(root: Path, page_url: str, url: str, siteurl: str) -> str | None:
    """Why ``url`` (found on ``page_url``) is broken, or None if it is fine or external."""
    if not url or url.lower().startswith(_IGNORED_SCHEMES):
        return None
    absolute = urljoin(page_url, url)
    target = file_for_url(root, absolute, siteurl)
    if target is None:
        return None
    if not target.is_file():
        return "no such file in the built site"
    fragment = unquote(urlsplit(absolute).fragment)
    is_page = target.suffix in (".html", ".htm")
    if is_page and fragment and fragment != "top" and fragment not in _ids(target):
        return f"no element with id={fragment!r} in {target.relative_to(root)}"
    return None


def references_of(root: Path, path: Path, siteurl: str) -> tuple[str, list[str]]:
    """(base URL, references) of one built file."""
    page_url = url_of(root, path, siteurl)
    if path.suffix in (".html", ".htm"):
        urls, base = html_references(path.read_text(encoding="utf-8") or "<html></html>")
        return (urljoin(page_url, base) if base else page_url), urls
    if path.suffix == ".css":
        return page_url, css_references(path.read_text(encoding="utf-8"))
    if path.suffix == ".xml":
        return page_url, xml_references(path.read_bytes())
    return page_url, []


def broken_links(root: Path, siteurl: str, files: Iterable[Path] | None = None) -> list[str]:
    """Every broken internal link or anchor of the built site, as readable problems."""
    _ids.cache_clear()
    problems = []
    for path in files if files is not None else site_files(root):
        try:
            base, urls = references_of(root, path, siteurl)
        except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, UnicodeDecodeError) as error:
            problems.append(f"{path.relative_to(root)}: cannot be parsed: {error}")
            continue
        for url in dict.fromkeys(urls):
            why = check_reference(root, base, url, siteurl)
            if why:
                problems.append(f"{path.relative_to(root)}: broken link {url!r}: {why}")
    return problems
