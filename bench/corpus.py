"""A deterministic corpus of N press releases in the style of the seed release.

Each release has front matter (title, date, summary, category, tags, lang, …), quotes with
attributions and continuation paragraphs, bold facts, a list and a ``## Background`` section,
with dates spread over ten years. The same releases can be written with YAML front matter
(our format) or with Pelican's own ``Key: value`` Markdown header (for plain Pelican).
"""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ORGANISATIONS = [
    "Harbour Trust",
    "Northern Rail Alliance",
    "City Library Network",
    "Coastal Wildlife Fund",
    "Open Data Council",
    "Riverside Hospital Group",
    "Mountain Rescue Association",
    "Civic Arts Foundation",
]
PEOPLE = [
    ("Mira Castellanos", "director of the Harbour Trust"),
    ("Jonas Whitfield", "chair of the board"),
    ("Amara Okafor", "head of research"),
    ("Li Wen", "regional coordinator"),
    ("Sofia Lindqvist", "chief executive"),
    ("Rafael Duarte", "spokesperson"),
    ("Hana Kowalczyk", "programme manager"),
    ("Tomás Ibarra", "secretary general"),
    ("Nadia Haddad", "policy adviser"),
    ("Oskar Brandt", "head of communications"),
]
TOPICS = [
    "Public space",
    "Transport",
    "Education",
    "Health",
    "Environment",
    "Culture",
    "Open data",
    "Human rights",
    "Housing",
    "Governance",
    "Climate",
    "Libraries",
]
CATEGORIES = ["Press releases", "Statements", "Reports", "Events"]
PLACES = ["Lisbon", "Hong Kong", "Nairobi", "Oslo", "Montréal", "Santiago", "Kraków", "Lyon"]
VERBS = ["opens", "launches", "publishes", "announces", "expands", "reviews", "closes", "renews"]
THINGS = [
    "the East Quay boardwalk",
    "a new reading programme",
    "its annual report",
    "a regional office",
    "the night bus network",
    "a wetland survey",
    "an open archive",
    "a housing study",
]
WORDS = [
    "community",
    "access",
    "budget",
    "council",
    "evidence",
    "members",
    "public",
    "service",
    "network",
    "volunteers",
    "schools",
    "region",
    "funding",
    "partners",
    "safety",
    "report",
    "research",
    "policy",
    "audit",
    "decade",
    "record",
    "project",
    "training",
    "weekly",
    "residents",
    "survey",
    "standards",
    "transparency",
    "planning",
    "review",
]

START = datetime(2015, 1, 1, 9, 0, tzinfo=UTC)
TEN_YEARS = timedelta(days=3650)


@dataclass(frozen=True)
class Release:
    """One generated release: front matter fields and the Markdown body."""

    slug: str
    title: str
    date: datetime
    author: str
    category: str
    tags: tuple[str, ...]
    summary: str
    location: str
    body: str

    @property
    def filename(self) -> str:
        return f"{self.date:%Y-%m-%d}-{self.slug}.md"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(3, 5)))


def _body(rng: random.Random, org: str, thing: str) -> str:
    name, role = rng.choice(PEOPLE)
    other, other_role = rng.choice(PEOPLE)
    day = rng.randint(1, 28)
    blocks = [
        f"{org} {rng.choice(VERBS)} {thing} on **{day} March**, it announced today.",
        _paragraph(rng),
        f'*"{_sentence(rng, 20)[:-1]},"* said {name}, {role}.',
        f'*"{_paragraph(rng)}"*',
        f"**{_sentence(rng, 12)}**",
        "The programme has three parts:",
        "\n".join(f"- {_sentence(rng, 6)[:-1]};" for _ in range(3)),
        _paragraph(rng),
        f"*“{_sentence(rng, 16)[:-1]},”* said {other}, {other_role}.",
        f"*“{_paragraph(rng)}”*",
        f"*“{_sentence(rng, 10)}”* said {name}.",
        _paragraph(rng),
        f'*"{_paragraph(rng)[:-1]},"* said {rng.choice(PEOPLE)[0]}.',
        f'*"{_paragraph(rng)}"*',
        f"**{_sentence(rng, 20)}**",
        "## **Background**",
        _paragraph(rng),
        _paragraph(rng),
        f"{org} was founded in {rng.randint(1950, 2010)} and has **{rng.randint(2, 90)} offices**.",
    ]
    return "\n\n".join(blocks) + "\n"


def make_releases(count: int, seed: int = 7) -> list[Release]:
    """``count`` releases, the same for the same seed; dates spread evenly over ten years."""
    rng = random.Random(seed)
    releases = []
    for index in range(count):
        org = rng.choice(ORGANISATIONS)
        thing = rng.choice(THINGS)
        title = f"{org} {rng.choice(VERBS)} {thing} ({index + 1})"
        date = START + TEN_YEARS * index / max(count, 1) + timedelta(minutes=rng.randint(0, 600))
        releases.append(
            Release(
                slug=f"release-{index + 1:05d}",
                title=title,
                date=date.replace(second=0, microsecond=0),
                author=org,
                category=rng.choice(CATEGORIES),
                tags=tuple(rng.sample(TOPICS, rng.randint(1, 4))),
                summary=_sentence(rng, 22),
                location=rng.choice(PLACES),
                body=_body(rng, org, thing),
            )
        )
    return releases


def yaml_text(release: Release) -> str:
    """The release with YAML front matter (our contributors' format)."""
    tags = "\n".join(f"  - {tag}" for tag in release.tags)
    return (
        "---\n"
        f'title: "{release.title}"\n'
        f"date: {release.date.isoformat()}\n"
        f"author: {release.author}\n"
        f"category: {release.category}\n"
        f"tags:\n{tags}\n"
        f"summary: >-\n  {release.summary}\n"
        "lang: en\n"
        f"location: {release.location}\n"
        f"slug: {release.slug}\n"
        "---\n\n" + release.body
    )


def pelican_text(release: Release) -> str:
    """The same release with Pelican's own Markdown header (plain Pelican, no plugins)."""
    return (
        f"Title: {release.title}\n"
        f"Date: {release.date:%Y-%m-%d %H:%M}\n"
        f"Author: {release.author}\n"
        f"Category: {release.category}\n"
        f"Tags: {', '.join(release.tags)}\n"
        f"Summary: {release.summary}\n"
        "Lang: en\n"
        f"Location: {release.location}\n"
        f"Slug: {release.slug}\n\n" + release.body
    )


def write_corpus(folder: Path, releases: list[Release], fmt: str = "yaml") -> list[Path]:
    """Write every release into ``folder`` (created) as ``fmt`` ("yaml" or "pelican")."""
    render = {"yaml": yaml_text, "pelican": pelican_text}[fmt]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for release in releases:
        path = folder / release.filename
        path.write_text(render(release), encoding="utf-8")
        paths.append(path)
    return paths


def edit_release(path: Path, marker: str) -> None:
    """A body-only edit, as an author fixing a sentence would make."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\nEdited paragraph {marker}.\n", encoding="utf-8")
