"""Speaker pages: every statement of a person across the published releases, newest first."""

from dataclasses import dataclass, field, replace

from .model import Sidebars, Speaker, Statement, slugify_name


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


def site_full_names(all_sidebars) -> dict[str, str]:
    """Short mention → full name, for mentions that match exactly one full name on the site.

    Within a release "Castellanos" already resolves to a full name given earlier; a release
    that only says "Castellanos" is resolved here, across every release. Ambiguous surnames
    (two known people share it) stay as written: never guessed.
    """
    names = {
        statement.speaker.name
        for sidebars in all_sidebars
        if sidebars is not None
        for statement in sidebars.statements
        if statement.speaker is not None
    }
    by_surname: dict[str, list[list[str]]] = {}  # last word → full names (linear, not n²)
    for name in names:
        tokens = name.split()
        if len(tokens) > 1:
            by_surname.setdefault(tokens[-1], []).append(tokens)
    resolved = {}
    for name in names:
        tokens = name.split()
        candidates = by_surname.get(tokens[-1], [])
        matches = [f for f in candidates if len(f) > len(tokens) and f[-len(tokens) :] == tokens]
        if len(matches) == 1:
            resolved[name] = " ".join(matches[0])
    return resolved


def with_full_names(sidebars: Sidebars | None, full_names: dict[str, str]) -> Sidebars | None:
    """A copy of the sidebars with short mentions replaced (the cached original is shared)."""
    if sidebars is None or not any(
        s.speaker is not None and s.speaker.name in full_names for s in sidebars.statements
    ):
        return sidebars
    statements = []
    for statement in sidebars.statements:
        speaker = statement.speaker
        if speaker is not None and speaker.name in full_names:
            name = full_names[speaker.name]
            statement = replace(statement, speaker=Speaker(name, speaker.role, slugify_name(name)))
        statements.append(statement)
    return replace(sidebars, statements=statements)


def resolve_site_names(published, unpublished=()) -> None:
    """Give every release's statements the site-wide full name of a short mention.

    Names are learnt from the published releases only (a draft or embargoed release must not
    reveal a name early); every release, drafts too, gets them, so a release's sidebar,
    JSON-LD and speaker link agree with the speaker pages.
    """
    published, unpublished = list(published), list(unpublished)
    full_names = site_full_names(getattr(a, "press_sidebars", None) for a in published)
    if full_names:
        for article in published + unpublished:
            sidebars = getattr(article, "press_sidebars", None)
            article.press_sidebars = with_full_names(sidebars, full_names)
