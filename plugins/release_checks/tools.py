"""The contributors' commands behind `invoke check` and `invoke new` (tasks.py stays thin)."""

import datetime
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pelican.utils import slugify

from .checker import check_releases, release_files
from .problems import display_path
from .settings import CheckSettings, check_settings


def read_pelican_settings(settings_file: Path, **overrides) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(settings_file), override=overrides)


def run_check(pelican_settings: dict, out=sys.stderr) -> int:
    """Print every problem of every release; 0 when there are none, else 1."""
    paths = release_files(pelican_settings)
    problems = check_releases(paths, check_settings(pelican_settings))
    for problem in problems:
        print(problem, file=out)
    if problems:
        files = len({problem.path for problem in problems})
        summary = f"{len(problems)} problem(s) in {files} of {len(paths)} release(s)."
        print(f"{summary} CONTRIBUTING.md explains every field.", file=out)
        return 1
    print(f"{len(paths)} release(s) checked: no problems.", file=out)
    return 0


@dataclass(frozen=True)
class NewRelease:
    path: Path
    text: str


def new_release(
    title: str, content_root: Path, settings: CheckSettings, now: datetime.datetime
) -> NewRelease:
    """A release file named after today's date and the title, with a valid front matter."""
    title = " ".join(title.split())
    if not title:
        raise ValueError('give the release a title: invoke new "Title of the release"')
    local_now = now.astimezone(settings.tzinfo).replace(second=0, microsecond=0)
    slug = slugify(
        title,
        regex_subs=settings.slug_regex_subs,
        preserve_case=settings.slugify_preserve_case,
        use_unicode=settings.slugify_use_unicode,
    )
    path = content_root / f"{local_now:%Y-%m-%d}-{slug}.md"
    # JSON strings are valid double-quoted YAML scalars: any title is safe in them.
    text = f"""---
title: {json.dumps(title, ensure_ascii=False)}
date: {local_now.isoformat()}
category: {json.dumps(settings.default_category, ensure_ascii=False)}
summary: "One or two sentences: what happened, and why it matters."
lang: {settings.default_lang}
# Drafts show in the preview only. Remove this line when the release may be published.
status: draft
---

Write the release here. See CONTRIBUTING.md for quotes, bold facts and embargoes.
"""
    return NewRelease(path, text)


def create_release(pelican_settings: dict, title: str, out=sys.stdout) -> Path:
    """Write the new release file; refuses to overwrite one."""
    release = new_release(
        title,
        Path(pelican_settings["PATH"]),
        check_settings(pelican_settings),
        datetime.datetime.now(datetime.UTC),
    )
    if release.path.exists():
        raise FileExistsError(f"{display_path(release.path)} exists already; choose another title")
    release.path.write_text(release.text, encoding="utf-8")
    print(f"Created {display_path(release.path)}; edit it, then `make serve` to preview.", file=out)
    return release.path
