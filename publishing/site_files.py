"""Walking a built site: which files it has and the URL each one is served at."""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

# Files whose text may reference other files of the site.
TEXT_SUFFIXES = {".html", ".htm", ".css", ".js", ".mjs", ".xml", ".json", ".svg", ".txt"}
COMPRESSED_SUFFIXES = {".gz", ".br", ".zst"}
# A base for sites built without SITEURL, so relative references still resolve.
PLACEHOLDER_SITEURL = "http://site.invalid"


def site_files(root: Path) -> Iterator[Path]:
    """Every file of the site in a stable order, without precompressed siblings."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix not in COMPRESSED_SUFFIXES:
            yield path


def text_files(root: Path) -> Iterator[Path]:
    return (p for p in site_files(root) if p.suffix in TEXT_SUFFIXES)


def site_base(siteurl: str) -> str:
    return (siteurl or PLACEHOLDER_SITEURL).rstrip("/")


def url_of(root: Path, path: Path, siteurl: str) -> str:
    """The absolute URL ``path`` (a file under ``root``) is served at."""
    return f"{site_base(siteurl)}/{path.relative_to(root).as_posix()}"


def file_for_url(root: Path, url: str, siteurl: str) -> Path | None:
    """The file a URL of this site maps to (``dir/`` → ``dir/index.html``), or None if outside.

    Returns the candidate path even when it does not exist, so callers can report it.
    """
    base = urlsplit(site_base(siteurl) + "/")
    target = urlsplit(url)
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return None
    if not target.path.startswith(base.path):
        return None
    from urllib.parse import unquote

    relative = unquote(target.path[len(base.path) :])
    candidate = root / relative
    if relative == "" or relative.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate
