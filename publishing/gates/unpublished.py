"""No draft or embargoed release anywhere in the output.

Checked independently of the plugin that hides them: the release files' own front
matter is read here, and the built site is searched for each unpublished release's
title and slug, in every text file and in Pagefind's gzip-compressed index fragments.
"""

import datetime as dt
import gzip
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import get_date, slugify

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown"}
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.DOTALL)
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Unpublished:
    source: str
    title: str
    slug: str
    reason: str


def read_front_matter(text: str) -> dict:
    """YAML front matter between `---` lines, or Pelican's `Key: value` header lines."""
    match = _FRONT_MATTER.match(text)
    if match:
        data = yaml.safe_load(match.group(1)) or {}
        if not isinstance(data, dict):
            raise ValueError("front matter is not a mapping")
        return {str(k).lower(): v for k, v in data.items()}
    metadata = {}
    for line in text.splitlines():
        header = _HEADER_LINE.match(line)
        if not header:
            break
        metadata[header.group(1).lower()] = header.group(2).strip()
    return metadata


def as_datetime(value, timezone: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        moment = get_date(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone)


def unpublished_reason(metadata: dict, now: dt.datetime, timezone: dt.tzinfo) -> str | None:
    if str(metadata.get("status", "")).strip().lower() == "draft":
        return "status: draft"
    for key, label in (("embargo", "embargoed until"), ("date", "dated in the future:")):
        if metadata.get(key) and as_datetime(metadata[key], timezone) > now:
            return f"{label} {as_datetime(metadata[key], timezone).isoformat()}"
    return None


def find_unpublished(
    content: Path,
    now: dt.datetime,
    timezone: dt.tzinfo,
    slug_substitutions=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"],
) -> tuple[list[Unpublished], list[str]]:
    """Releases under ``content`` that must not be published yet, and unreadable files."""
    found, problems = [], []
    for path in sorted(content.rglob("*")):
        if path.suffix not in MARKDOWN_SUFFIXES or not path.is_file():
            continue
        try:
            metadata = read_front_matter(path.read_text(encoding="utf-8"))
            reason = unpublished_reason(metadata, now, timezone)
        except (ValueError, yaml.YAMLError, UnicodeDecodeError) as error:
            problems.append(f"{path}: cannot tell whether it may be published: {error}")
            continue
        if reason:
            title = str(metadata.get("title") or path.stem)
            slug = str(metadata.get("slug") or slugify(title, regex_subs=slug_substitutions))
            found.append(Unpublished(str(path.relative_to(content)), title, slug, reason))
    return found, problems


def _spellings(title: str) -> set[str]:
    """How a title can appear in HTML, XML and JSON output."""
    return {
        title,
        html.escape(title, quote=False),
        html.escape(title),
        json.dumps(title, ensure_ascii=False)[1:-1],
        json.dumps(title)[1:-1],
    }


def _readable_text(path: Path) -> str | None:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # Pagefind index fragments, .gz siblings
        try:
            data = gzip.decompress(data)
        except OSError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def leaks(root: Path, unpublished: list[Unpublished]) -> list[str]:
    """Where the output mentions an unpublished release (by file name, slug or title)."""
    problems = []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".br")
    for release in unpublished:
        spellings = _spellings(release.title)
        for path in files:
            relative = path.relative_to(root)
            if release.slug in relative.parts or relative.stem == release.slug:
                problems.append(
                    f"{relative}: output of unpublished release {release.source} ({release.reason})"
                )
                continue
            text = _readable_text(path)
            if text and (any(s in text for s in spellings) or f"/{release.slug}/" in text):
                problems.append(
                    f"{relative}: mentions unpublished release {release.source} ({release.reason})"
                )
    return problems
