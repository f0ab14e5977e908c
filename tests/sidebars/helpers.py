"""Shared helpers for the sidebar plugin's tests: Markdown like Pelican renders it, then extract."""

import textwrap

import markdown
from bs4 import BeautifulSoup

from press_sidebars import extract, load_config

CONFIG = load_config({})


def render(md_text: str) -> str:
    """Markdown → HTML with the project's MARKDOWN settings (extra, html5)."""
    return markdown.markdown(
        textwrap.dedent(md_text).strip(),
        extensions=["markdown.extensions.extra"],
        output_format="html5",
    )


def read(md_text: str, lang: str = "en", speakers: dict | None = None, config=CONFIG):
    return extract(render(md_text), lang, config, speakers)


def who(md_text: str, **kwargs) -> list[tuple]:
    """(name, role, paragraphs) per statement; name None when unattributed."""
    sidebars = read(md_text, **kwargs).sidebars
    if sidebars is None:
        return []
    return [
        (s.speaker.name if s.speaker else None, s.speaker.role if s.speaker else None, s.paragraphs)
        for s in sidebars.statements
    ]


def text_of(html: str) -> str:
    """The text a reader sees, whitespace collapsed (a <br> is a break, so whitespace)."""
    soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with(" ")
    return " ".join(soup.get_text().split())
