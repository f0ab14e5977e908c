"""Check every release file of a site at once, without running Pelican.

Used by `invoke check` (fast, nothing written) and inside the build (same messages).
"""

import copy
import hashlib
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from markdown import Markdown
from pelican.utils import slugify

from .frontmatter import FrontMatter, decode, read_front_matter
from .problems import Problem, line_of
from .sanitize import sanitize_html
from .schema import check_fields
from .settings import CheckSettings

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
# Without raw HTML (`<`) or attribute lists (`{…}`), Markdown writes only allowlisted
# markup, and the only thing the text controls is link and image destinations. When all
# of those are plainly safe, the (costly) Markdown run cannot find anything to remove.
RAW_MARKUP = re.compile(r"[<{]")
LINK_DESTINATION = re.compile(r"\]\s*[(:]\s*(\S*)")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Release:
    """A release that passed its checks, with where Pelican will write it."""

    path: Path
    values: dict
    save_as: str | None  # None when the URL pattern needs something we cannot know here
    url_line: int


def release_files(pelican_settings: dict) -> list[Path]:
    """The Markdown files Pelican reads as articles (ARTICLE_PATHS minus excludes)."""
    root = Path(pelican_settings["PATH"])
    excludes = set(pelican_settings.get("ARTICLE_EXCLUDES", [])) | set(
        pelican_settings.get("PAGE_PATHS", ["pages"])
    )
    ignored = pelican_settings.get("IGNORE_FILES", ["**/.*"])
    found = set()
    for folder in pelican_settings.get("ARTICLE_PATHS", [""]):
        base = (root / folder).resolve()
        candidates = [base] if base.is_file() else base.rglob("*")
        for path in candidates:
            if not path.is_file() or path.suffix.lstrip(".") not in MARKDOWN_EXTENSIONS:
                continue
            relative = path.relative_to(root.resolve())
            if any(part in excludes for part in _prefixes(relative)):
                continue
            # Pelican matches IGNORE_FILES against each file and folder name.
            if any(fnmatch(part, pattern) for part in relative.parts for pattern in ignored):
                continue
            found.add(path)
    return sorted(found)


def _prefixes(relative: Path) -> list[str]:
    parts = relative.parts[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def check_release(
    path: Path, data: bytes, settings: CheckSettings, markdown: Markdown | None = None
) -> tuple[Release | None, list[Problem]]:
    """Every problem of one file; the Release when its URL can be worked out."""
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    front, problems = read_front_matter(path, text)
    if front is None:
        return None, problems
    checked = check_fields(front, settings)
    problems += checked.problems
    if markdown is not None:
        problems += unsafe_html_problems(front, markdown, settings)
    values = checked.values
    if not {"title", "date"} <= values.keys():
        return None, problems
    return Release(path, values, _save_as(values, settings), _url_line(front)), problems


def check_releases(
    paths: list[Path],
    settings: CheckSettings,
    render_markdown: bool = True,
    memo: dict | None = None,
) -> list[Problem]:
    """Every problem of every file, plus releases that would overwrite each other.

    ``render_markdown`` also reports what the sanitizer would remove (costs a Markdown run).
    ``memo`` keeps each file's result by its bytes, for the next check (`make serve`
    rebuilds): a file's own checks depend on nothing else.
    """
    markdown = make_markdown(settings) if render_markdown else None
    problems: list[Problem] = []
    by_url: dict[str, Release] = {}
    for path in paths:
        data = path.read_bytes()
        key = (path, hashlib.blake2b(data, digest_size=16).digest(), settings, render_markdown)
        result = memo.get(key) if memo is not None else None
        if result is None:
            result = check_release(path, data, settings, markdown)
            if memo is not None:
                memo[key] = result
        release, found = result
        problems += found
        if release is None or release.save_as is None:
            continue
        other = by_url.setdefault(release.save_as, release)
        if other is not release:
            problems += _collision(other, release)
    return sorted(problems)


def _collision(first: Release, second: Release) -> list[Problem]:
    def message(other: Release) -> str:
        return (
            f"would be written to {first.save_as}, like {other.path}; "
            "change the title or give one a different `slug`"
        )

    return [
        Problem(first.path, first.url_line, "url", message(second)),
        Problem(second.path, second.url_line, "url", message(first)),
    ]


def _url_line(front: FrontMatter) -> int:
    entry = front.get("slug") or front.get("title")
    return entry.line if entry else front.start_line


def _save_as(values: dict, settings: CheckSettings) -> str | None:
    slug = values.get("slug") or slugify(
        values["title"],
        regex_subs=settings.slug_regex_subs,
        preserve_case=settings.slugify_preserve_case,
        use_unicode=settings.slugify_use_unicode,
    )
    lang = values.get("lang", settings.default_lang)
    pattern = (
        settings.article_save_as if lang == settings.default_lang else settings.article_lang_save_as
    )
    fields = {
        **values,
        "slug": slug,
        "lang": lang,
        "author": _slug(values.get("author", ""), settings),
        "category": _slug(values.get("category", ""), settings),
    }
    try:
        return pattern.format(**fields)
    except (KeyError, IndexError, AttributeError, ValueError):
        return None


def _slug(text: str, settings: CheckSettings) -> str:
    return slugify(text, regex_subs=settings.slug_regex_subs) if text else ""


def make_markdown(settings: CheckSettings) -> Markdown:
    """A Markdown converter configured like Pelican's reader (from the MARKDOWN setting)."""
    config = copy.deepcopy(settings.markdown) or {}
    extension_configs = config.pop("extension_configs", {})
    extensions = [*config.pop("extensions", []), *extension_configs]
    extensions = [e for e in dict.fromkeys(extensions) if e != "markdown.extensions.meta"]
    return Markdown(extensions=extensions, extension_configs=extension_configs, **config)


def unsafe_html_problems(
    front: FrontMatter, markdown: Markdown, settings: CheckSettings
) -> list[Problem]:
    """What the sanitizer would remove from the body and the Markdown-formatted fields."""
    problems = []
    sources = [("body", front.body, front.body_line)]
    for name in settings.formatted_fields:
        entry = front.get(name)
        if entry is not None and isinstance(entry.value, str):
            sources.append((name, entry.value, entry.line))
    for field, source, first_line in sources:
        if not may_need_sanitizing(source):
            continue
        html = markdown.reset().convert(source)
        problems += removal_problems(front.path, field, source, first_line, html)
    return problems


def may_need_sanitizing(source: str) -> bool:
    if RAW_MARKUP.search(source):
        return True
    return not all(_plainly_safe(d) for d in LINK_DESTINATION.findall(source))


def _plainly_safe(destination: str) -> bool:
    if any(char in destination for char in "&\\%"):  # entities and escapes: let Markdown decide
        return False
    head = re.split(r"[/?#]", destination, maxsplit=1)[0]
    return ":" not in head or head.split(":", 1)[0].lower() in SAFE_SCHEMES


def removal_problems(
    path: Path, field: str, source: str, first_line: int, html: str, sanitized=None
) -> list[Problem]:
    """One problem per thing the sanitizer removes from ``html`` (made from ``source``);
    ``sanitized`` is ``sanitize_html(html)`` when the caller has it already."""
    problems = []
    for removal in (sanitized or sanitize_html(html)).removed:
        offset = source.lower().find(removal.needle.lower())
        line = first_line + (line_of(source, offset) - 1 if offset >= 0 else 0)
        message = f"unsafe HTML removed: {removal}; write plain Markdown instead"
        problems.append(Problem(path, line, field, message))
    return problems
