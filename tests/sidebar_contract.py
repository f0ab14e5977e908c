"""Stand-in sidebar data for theme tests, shaped exactly like brief contract 1.

The real data comes from the press_sidebars plugin (another branch). Until it is merged these
let the theme's own side of the contract be tested: wrappers, hasPart, the copy-a-quote data.
A minimal quotes partial with the contract's classes is written by ``write_quotes_partial``.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals


@dataclass
class Speaker:
    name: str
    role: str | None
    slug: str

    @property
    def url(self) -> str:
        return f"speakers/{self.slug}/"


@dataclass
class Statement:
    anchor: str
    text: str
    excerpt: str
    speaker: Speaker | None


@dataclass
class Fact:
    anchor: str
    segments: list[tuple[str, bool]]


@dataclass
class Sidebars:
    statements: list[Statement]
    facts: list[Fact] = field(default_factory=list)

    def quotation_parts(self, page_url: str) -> list[dict]:
        return [
            {"@type": "Quotation", "text": s.text, "url": f"{page_url}#{s.anchor}"}
            for s in self.statements
        ]


SIDEBARS = Sidebars(
    [
        Statement(
            "q-1",
            "This decision, made with a heavy heart, has been driven by Hong Kong's national "
            "security law.",
            "This decision, made with a heavy heart…",
            Speaker("Anjhula Mya Singh Bais", "chair of Amnesty's International Board", "bais"),
        ),
        Statement(
            "q-2", "Is this the end?", "Is this the end?", Speaker("Agnes Callamard", None, "ac")
        ),
        Statement("q-3", "No one and no power can demolish that legacy.", "No one…", None),
    ],
    [Fact("f-1", [("The local office closes on ", False), ("31 October", True), (".", False)])],
)

QUOTES_PARTIAL = """<aside class="quotes" aria-labelledby="quotes-h"><h2 id="quotes-h">Quotes</h2>
{% for s in article.press_sidebars.statements %}
<figure class="quote"><blockquote><p><a href="#{{ s.anchor }}">{{ s.excerpt }}</a></p></blockquote>
{% if s.speaker %}<figcaption><cite class="speaker">{{ s.speaker.name }}</cite>
{% if s.speaker.role %}, <span class="role">{{ s.speaker.role }}</span>{% endif %}
</figcaption>{% endif %}
</figure>
{% endfor %}</aside>
"""


KEY_FACTS_PARTIAL = """<aside class="key-facts" aria-labelledby="facts-h">
<h2 id="facts-h">Key facts</h2>
<ul>{% for f in article.press_sidebars.facts %}<li><a href="#{{ f.anchor }}">
{% for text, bold in f.segments %}
{% if bold %}<strong>{{ text }}</strong>{% else %}{{ text }}{% endif %}
{% endfor %}</a></li>{% endfor %}</ul></aside>
"""


def write_quotes_partial(folder: Path) -> Path:
    """Minimal stand-ins for the sidebar plugin's partials, with the contract's classes."""
    (folder / "partials").mkdir(parents=True, exist_ok=True)
    (folder / "partials" / "quotes.html").write_text(QUOTES_PARTIAL, encoding="utf-8")
    (folder / "partials" / "key_facts.html").write_text(KEY_FACTS_PARTIAL, encoding="utf-8")
    return folder


@contextmanager
def sidebars_on_every_article(sidebars: Sidebars = SIDEBARS):
    def attach(generator):
        for article in generator.articles:
            article.press_sidebars = sidebars

    signals.article_generator_finalized.connect(attach)
    try:
        yield sidebars
    finally:
        signals.article_generator_finalized.disconnect(attach)
