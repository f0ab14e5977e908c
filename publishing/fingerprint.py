"""Content hashes in static asset file names, so hosts can cache them forever.

Templates keep referencing ``theme/css/style.css``; after the build every file under the
fingerprinted folders is renamed ``style.<hash>.css`` and every reference to it in the
site's text files (HTML, CSS, XML, JS, JSON, SVG) is rewritten, whatever form the
reference takes (absolute, root-relative or relative). Only the file name changes, so a
reference is rewritten by replacing its last path segment. An asset that references
another (CSS → font) is hashed after its own references are rewritten, so a changed
font changes the CSS hash too.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .site_files import TEXT_SUFFIXES, site_files, text_files, url_of

# Characters that cannot be part of an unquoted reference in HTML, CSS, XML, JS or JSON.
_DELIMITERS = r"\s\"'`()<>,;=\\&*"
HASH_LENGTH = 10


class FingerprintError(RuntimeError):
    pass


@dataclass(frozen=True)
class Fingerprinted:
    original: str  # path relative to the site root, e.g. theme/css/style.css
    renamed: str  # e.g. theme/css/style.0123456789.css


def fingerprinted_name(name: str, content: bytes) -> str:
    """``style.css`` → ``style.<first 10 hex of sha256>.css``."""
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot and stem else f"{name}.{digest}"


def _reference_pattern(names: set[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?<![^{_DELIMITERS}])(?P<prefix>[^{_DELIMITERS}]*/)?(?P<name>{alternatives})"
        rf"(?=$|[?#{_DELIMITERS}])"
    )


def rewrite_references(text: str, file_url: str, renames: dict[str, str]) -> str:
    """Rewrite every reference in ``text`` to a URL in ``renames`` (old URL → new name).

    ``file_url`` is where the text is served, so relative references resolve correctly.
    """
    if not renames:
        return text
    by_name: dict[str, dict[str, str]] = {}
    for url, new_name in renames.items():
        by_name.setdefault(url.rsplit("/", 1)[-1], {})[_comparable(url)] = new_name

    def replace(match: re.Match) -> str:
        reference = (match["prefix"] or "") + match["name"]
        new_name = by_name[match["name"]].get(_comparable(urljoin(file_url, reference)))
        if new_name is None:
            return match[0]
        return (match["prefix"] or "") + new_name

    return _reference_pattern(set(by_name)).sub(replace, text)


def _comparable(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.netloc, parts.path


def fingerprint_site(root: Path, folders: tuple[str, ...], siteurl: str) -> list[Fingerprinted]:
    """Rename every file under ``folders`` of the built site and rewrite all references."""
    assets = [
        p for folder in folders if (root / folder).is_dir() for p in site_files(root / folder)
    ]
    asset_urls = {url_of(root, p, siteurl): p for p in assets}
    renames: dict[str, str] = {}  # asset URL → fingerprinted file name
    done: list[Fingerprinted] = []
    in_progress: set[Path] = set()

    def process(path: Path) -> None:
        url = url_of(root, path, siteurl)
        if url in renames:
            return
        if path in in_progress:
            raise FingerprintError(
                f"{path.relative_to(root)}: assets reference each other in a cycle"
            )
        in_progress.add(path)
        content = path.read_bytes()
        if path.suffix in TEXT_SUFFIXES:
            text = _decode(content, path, root)
            for dependency in _referenced_assets(text, url, asset_urls):
                if dependency != path:
                    process(dependency)
            content = rewrite_references(text, url, renames).encode("utf-8")
        new_name = fingerprinted_name(path.name, content)
        new_path = path.with_name(new_name)
        new_path.write_bytes(content)
        if new_path != path:
            path.unlink()
        renames[url] = new_name
        done.append(Fingerprinted(str(path.relative_to(root)), str(new_path.relative_to(root))))
        in_progress.discard(path)

    for asset in assets:
        process(asset)
    fingerprinted = {root / item.renamed for item in done}
    for path in text_files(root):
        if path in fingerprinted:
            continue
        text = _decode(path.read_bytes(), path, root)
        rewritten = rewrite_references(text, url_of(root, path, siteurl), renames)
        if rewritten != text:
            path.write_text(rewritten, encoding="utf-8")
    return sorted(done, key=lambda item: item.original)


def _decode(data: bytes, path: Path, root: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FingerprintError(f"{path.relative_to(root)}: not UTF-8 text ({error})") from None


def _referenced_assets(text: str, file_url: str, asset_urls: dict[str, Path]) -> list[Path]:
    names = {url.rsplit("/", 1)[-1] for url in asset_urls}
    by_location = {_comparable(url): path for url, path in asset_urls.items()}
    found = []
    for match in _reference_pattern(names).finditer(text):
        reference = (match["prefix"] or "") + match["name"]
        path = by_location.get(_comparable(urljoin(file_url, reference)))
        if path is not None and path not in found:
            found.append(path)
    return found
