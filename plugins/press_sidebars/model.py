"""The data the plugin produces: contract 1 of the brief (consumed by the theme's templates)."""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache


@lru_cache(maxsize=4096)
def slugify_name(name: str) -> str:
    """A URL slug for a person: accents dropped, other scripts kept ("李明" stays "李明")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "-", plain.lower()).strip("-") or "speaker"


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None
    slug: str

    @property
    def url(self) -> str:
        return f"speakers/{self.slug}/"


@dataclass(frozen=True)
class Statement:
    anchor: str  # id of its first paragraph in the body
    paragraphs: list[str]  # quoted text of each paragraph, outer marks removed
    excerpt: str  # what the sidebar shows
    speaker: Speaker | None  # None: unattributed
    anchors: list[str] = field(default_factory=list)  # ids of all its paragraphs
    # Unattributed only: how the text describes the unnamed speaker ("the minister"),
    # shown as a description, never as a name.
    description: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Fact:
    anchor: str
    segments: list[tuple[str, bool]]  # (text, is_bold) making the whole sentence

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.segments)


@dataclass(frozen=True)
class Sidebars:
    statements: list[Statement]
    facts: list[Fact]
    labels: dict[str, str]

    @property
    def unattributed(self) -> list[Statement]:
        return [s for s in self.statements if s.speaker is None]

    def quotation_parts(self, page_url: str) -> list[dict]:
        """JSON-LD `Quotation` objects for the page's NewsArticle `hasPart`."""
        parts = []
        for statement in self.statements:
            part: dict = {"@type": "Quotation", "text": statement.text}
            if statement.speaker is not None:
                person = {"@type": "Person", "name": statement.speaker.name}
                if statement.speaker.role:
                    person["jobTitle"] = statement.speaker.role
                part["spokenByCharacter"] = person
            part["url"] = f"{page_url}#{statement.anchor}"
            parts.append(part)
        return parts
