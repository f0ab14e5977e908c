"""`invoke check`: list unattributed quotations without running Pelican (fast, writes nothing).

Each release is read the way release_checks' front-matter check reads it, its body rendered
with the site's Markdown settings, and handed to the same `extract` as the build.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .extract import extract
from .frontmatter import FrontMatterError, declared_speakers, sidebars_switch
from .model import Statement
from .report import unattributed_message
from .settings import Config, load_config

# Only these can make a quotation (marks, entities, blockquotes, raw HTML): a body without
# any of them skips the Markdown run.
_MAY_QUOTE = re.compile(r"[\"“«„&<>]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Unattributed:
    path: Path
    line: int  # in the file, for editors and CI logs; the body's first line when not found
    statement: Statement

    def __str__(self) -> str:
        from release_checks.problems import display_path

        return f"{display_path(self.path)}:{self.line}: {unattributed_message(self.statement)}"


def unattributed_in_body(
    body: str,
    body_line: int,
    front: dict,
    default_lang: str,
    config: Config,
    render,
) -> list[tuple[int, Statement]]:
    """(line, statement) for each unattributed quotation of one release body (Markdown).

    ``front`` holds the front-matter values (`lang`, `speakers`, `sidebars`); ``render`` turns
    Markdown into HTML like Pelican's reader. Raises FrontMatterError on bad switches.
    """
    if not config.enabled or not sidebars_switch(front.get("sidebars")):
        return []
    if not _MAY_QUOTE.search(body):
        return []
    lang = front.get("lang")
    lang = lang if isinstance(lang, str) and lang else default_lang
    sidebars = extract(
        render(body), lang, config, declared_speakers(front.get("speakers"))
    ).sidebars
    if sidebars is None:
        return []
    found, start = [], 0
    for statement in sidebars.statements:
        span = _locate(body, statement.paragraphs[0], start)
        if span is not None:
            start = span[1]  # statements are in the order of the text
        if statement.speaker is None:
            line = body_line + body.count("\n", 0, span[0]) if span is not None else body_line
            found.append((line, statement))
    return found


def _locate(body: str, text: str, start: int) -> tuple[int, int] | None:
    """Where the quoted text's first words are in the Markdown (from ``start``), whatever
    markup, entities or punctuation stand between them; None when they cannot be found."""
    words = _WORD.findall(text)[:4]
    if not words:
        return None
    for count in range(len(words), min(len(words), 2) - 1, -1):  # one word only if that is all
        pattern = r"(?<!\w)" + r"[\W_]+".join(map(re.escape, words[:count])) + r"(?!\w)"
        match = re.compile(pattern).search(body, start)
        if match:
            return match.span()
    return None


def list_unattributed(pelican_settings: dict, out=None) -> int:
    """Print every unattributed quotation of every release; 1 only when the settings make
    them fail the build (PRESS_SIDEBARS['fail_on_unattributed']), else 0."""
    from release_checks.checker import make_markdown, release_files
    from release_checks.frontmatter import decode, read_front_matter
    from release_checks.settings import check_settings

    out = out or sys.stderr
    config = load_config(
        pelican_settings.get("PRESS_SIDEBARS"), pelican_settings.get("PRESS_LANGUAGES")
    )
    markdown = make_markdown(check_settings(pelican_settings))
    default_lang = pelican_settings.get("DEFAULT_LANG", "en")
    found: list[Unattributed] = []
    for path in release_files(pelican_settings):
        text, _ = decode(path, path.read_bytes())
        front = read_front_matter(path, text)[0] if text is not None else None
        if front is None:
            continue  # the front-matter check reports why
        values = {entry.key: entry.value for entry in front.entries}
        try:
            located = unattributed_in_body(
                front.body,
                front.body_line,
                values,
                default_lang,
                config,
                lambda source: markdown.reset().convert(source),
            )
        except FrontMatterError:
            continue  # bad `speakers` / `sidebars`: reported by the front-matter check
        found += [Unattributed(path, line, statement) for line, statement in located]
    if found:
        print(f"press_sidebars: {len(found)} unattributed quotation(s):", file=out)
        for note in found:
            print(note, file=out)
    return 1 if found and config.fail_on_unattributed else 0
