"""Speaker pages: every statement of a person across the published releases, newest first."""

from dataclasses import dataclass, field

from .model import Statement


@dataclass
class SpeakerEntry:
    article: object  # the Pelican article (title, url, date, lang)
    statement: Statement


@dataclass
class SpeakerPage:
    name: str
    slug: str
    role: str | None = None  # from the newest release that gives one
    entries: list[SpeakerEntry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"speakers/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"speakers/{self.slug}/index.html"


def speaker_pages(articles) -> list[SpeakerPage]:
    """One page per speaker slug, sorted by name; entries newest release first."""
    pages: dict[str, SpeakerPage] = {}
    ordered = sorted(articles, key=lambda a: a.date, reverse=True)
    for article in ordered:
        sidebars = getattr(article, "press_sidebars", None)
        if sidebars is None:
            continue
        for statement in sidebars.statements:
            speaker = statement.speaker
            if speaker is None:
                continue
            page = pages.setdefault(speaker.slug, SpeakerPage(speaker.name, speaker.slug))
            if page.role is None and speaker.role:
                page.role = speaker.role
            page.entries.append(SpeakerEntry(article, statement))
    return sorted(pages.values(), key=lambda p: (p.name.split()[-1].lower(), p.name.lower()))
