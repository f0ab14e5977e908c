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
from .problems import Problem, display_path, line_of
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
# A front-matter `image:` line: its check looks at another file, so its result is not kept.
IMAGE_LINE = re.compile(rb"^[ \t]*image[ \t]*:", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Release:
    """A release that passed its checks, with where Pelican will write it."""

    path: Path
    values: dict
    save_as: str | None  # None when the URL pattern needs something we cannot know here
    url_line: int
    # Translations share a key (ARTICLE_TRANSLATION_ID): `translation_key`, else the slug.
    translation_key: str = ""
    key_field: str = "translation_key"
    key_line: int = 1


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
    key_entry = front.get("translation_key")
    if key_entry is not None and "translation_key" in values:
        key, key_field, key_line = values["translation_key"], "translation_key", key_entry.line
    else:
        key, key_field, key_line = _slug_of(values, settings), "slug", _url_line(front)
    release = Release(
        path, values, _save_as(values, settings), _url_line(front), key, key_field, key_line
    )
    return release, problems


def check_releases(
    paths: list[Path],
    settings: CheckSettings,
    render_markdown: bool = True,
    memo: dict | None = None,
) -> list[Problem]:
    """Every problem of every file, plus releases that would overwrite each other.

    ``render_markdown`` also reports what the sanitizer would remove (costs a Markdown run).
    ``memo`` keeps each file's result by its bytes, for the next check (`make serve`
    rebuilds): a file's own checks depend on nothing else, but for a local `image`
    (whether the file exists), so a release with an `image:` line is always checked again.
    """
    markdown = make_markdown(settings) if render_markdown else None
    problems: list[Problem] = []
    by_url: dict[str, Release] = {}
    releases: list[Release] = []
    for path in paths:
        data = path.read_bytes()
        key = (path, hashlib.blake2b(data, digest_size=16).digest(), settings, render_markdown)
        result = memo.get(key) if memo is not None else None
        if result is None:
            result = check_release(path, data, settings, markdown)
            if memo is not None and not IMAGE_LINE.search(data):
                memo[key] = result
        release, found = result
        problems += found
        if release is None:
            continue
        releases.append(release)
        if release.save_as is None:
            continue
        other = by_url.setdefault(release.save_as, release)
        if other is not release:
            problems += _collision(other, release)
    problems += translation_problems(releases, settings)
    return sorted(problems)


def translation_problems(releases: list[Release], settings: CheckSettings) -> list[Problem]:
    """Releases sharing a translation key: one per language, and one the original.

    Pelican groups articles by ARTICLE_TRANSLATION_ID and takes the one in DEFAULT_LANG as
    the original; two in one language, or several without one in DEFAULT_LANG, only give
    it warnings about "items" that a contributor cannot act on.
    """
    groups: dict[str, list[Release]] = {}
    for release in releases:
        if "lang" in release.values:  # a missing or unknown language is reported already
            groups.setdefault(release.translation_key, []).append(release)
    problems = []
    for key, group in groups.items():
        by_lang: dict[str, list[Release]] = {}
        for release in group:
            by_lang.setdefault(release.values["lang"], []).append(release)
        for lang, same in by_lang.items():
            for release in same:
                # Two with the same URL are one clash, reported as such already.
                others = [o for o in same if o is not release and o.save_as != release.save_as]
                if others:
                    problems.append(_same_language(release, others, key, lang))
        if len(by_lang) > 1 and settings.default_lang not in by_lang:
            langs = ", ".join(f"`{lang}`" for lang in sorted(by_lang))
            for release in group:
                message = (
                    f"the translations sharing {key!r} ({langs}) have no original in "
                    f"`{settings.default_lang}`, the site's language; add it, or give each "
                    "its own `translation_key`"
                )
                problems.append(Problem(release.path, release.key_line, release.key_field, message))
    return problems


def _same_language(release: Release, others: list[Release], key: str, lang: str) -> Problem:
    names = ", ".join(display_path(other.path) for other in others)
    if release.key_field == "translation_key":
        message = (
            f"{key!r} is also the `translation_key` of {names}, in the same language "
            f"(`{lang}`); translations of one release need one language each: "
            "give the other release its own key"
        )
    else:
        message = (
            f"{names} has the same slug {key!r} in the same language (`{lang}`), so Pelican "
            "would take them for translations of each other: give one a different `slug` "
            "or a `translation_key`"
        )
    return Problem(release.path, release.key_line, release.key_field, message)


def _collision(first: Release, second: Release) -> list[Problem]:
    def message(other: Release) -> str:
        return (
            f"would be written to {first.save_as}, like {display_path(other.path)}; "
            "change the title or give one a different `slug`"
        )

    return [
        Problem(first.path, first.url_line, "url", message(second)),
        Problem(second.path, second.url_line, "url", message(first)),
    ]


def _url_line(front: FrontMatter) -> int:
    entry = front.get("slug") or front.get("title")
    return entry.line if entry else front.start_line


def _slug_of(values: dict, settings: CheckSettings) -> str:
    return values.get("slug") or slugify(
        values["title"],
        regex_subs=settings.slug_regex_subs,
        preserve_case=settings.slugify_preserve_case,
        use_unicode=settings.slugify_use_unicode,
    )


def _save_as(values: dict, settings: CheckSettings) -> str | None:
    slug = _slug_of(values, settings)
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


def unsafe_html_in(paths: list[Path], settings: CheckSettings) -> list[Problem]:
    """What the sanitizer would remove from these files (for files the build does not read)."""
    markdown = None
    problems: list[Problem] = []
    for path in paths:
        text, _ = decode(path, path.read_bytes())
        front = read_front_matter(path, text)[0] if text is not None else None
        if front is not None:
            markdown = markdown or make_markdown(settings)
            problems += unsafe_html_problems(front, markdown, settings)
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
