"""Speaker pages: every statement of a person across the published releases, newest first."""

from dataclasses import dataclass, field

from .model import Statement


@dataclass(frozen=True)
class ReleaseRef:
    """What a speaker page shows of a release, read once (Pelican computes `url` per access)."""

    title: str
    url: str
    lang: str
    date_iso: str
    locale_date: str


@dataclass
class SpeakerEntry:
    article: ReleaseRef
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
        ref = None
        for statement in sidebars.statements:
            speaker = statement.speaker
            if speaker is None:
                continue
            page = pages.setdefault(speaker.slug, SpeakerPage(speaker.name, speaker.slug))
            if page.role is None and speaker.role:
                page.role = speaker.role
            if ref is None:
                ref = ReleaseRef(
                    article.title,
                    article.url,
                    article.lang,
                    article.date.isoformat(),
                    article.locale_date,
                )
            page.entries.append(SpeakerEntry(ref, statement))
    return sorted(pages.values(), key=lambda p: (p.name.split()[-1].lower(), p.name.lower()))
