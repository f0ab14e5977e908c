"""`invoke quotes PATH`: what the plugin reads from one release, for a contributor to check."""

from pathlib import Path

from .extract import end_of_phrase, extract
from .frontmatter import declared_speakers, sidebars_switch
from .model import Sidebars
from .settings import load_config


def read_release(path: Path, settings: dict):
    """Render one release with the project's readers (front matter, Markdown) like a build."""
    from pelican import Pelican
    from pelican.contents import Article
    from pelican.readers import Readers

    Pelican(settings)  # loads the plugins, so the YAML front-matter reader is registered
    path = path.resolve()
    return Readers(settings).read_file(
        base_path=str(path.parent), path=str(path), content_class=Article
    )


def unattributed_message(statement) -> str:
    """One line about an unattributed quotation, the same in the build and `invoke check`."""
    shown = statement.excerpt
    if len(shown) > 70:  # cut between words, never inside one
        start = shown[:70].rsplit(" ", 1)[0]
        shown = f"{end_of_phrase(start, len(start))} …"
    return (
        f"unattributed quotation #{statement.anchor}: “{shown}” "
        "(name the speaker in the text, e.g. '…,\" said Name.')"
    )


def describe(sidebars: Sidebars | None, source: str, lang: str) -> str:
    lines = [f"{source} (language: {lang})"]
    if sidebars is None:
        return "\n".join([*lines, "Nothing to show: no quotation and no bold fact."])
    lines.append(f"Statements ({len(sidebars.statements)}):")
    for number, statement in enumerate(sidebars.statements, 1):
        speaker = statement.speaker
        who = "UNATTRIBUTED" if speaker is None else speaker.name
        if speaker is None and statement.description:
            who += f" (described as “{statement.description}”, not a name)"
        if speaker is not None and speaker.role:
            who += f" — {speaker.role}"
        lines.append(f"  {number}. {who}  [#{', #'.join(statement.anchors)}]")
        for paragraph in statement.paragraphs:
            lines.append(f"       “{paragraph}”")
    people: dict[str, list] = {}
    for statement in sidebars.statements:
        if statement.speaker is not None:
            people.setdefault(statement.speaker.name, []).append(statement)
    lines.append(f"Speakers ({len(people)}):")
    for name, said in people.items():
        role = said[0].speaker.role or "no role given"
        lines.append(
            f"  - {name} — {role}: {len(said)} statement(s), page speakers/{said[0].speaker.slug}/"
        )
    lines.append(f"Facts ({len(sidebars.facts)}):")
    for number, fact in enumerate(sidebars.facts, 1):
        text = "".join(f"**{t}**" if bold else t for t, bold in fact.segments)
        lines.append(f"  {number}. [#{fact.anchor}] {text}")
    if sidebars.unattributed:
        lines.append(
            f"{len(sidebars.unattributed)} unattributed: name the speaker in the text "
            "or set `speakers:` in the front matter."
        )
    return "\n".join(lines)


def describe_release(path: Path, settings: dict) -> str:
    article = read_release(path, settings)
    config = load_config(settings.get("PRESS_SIDEBARS"), settings.get("PRESS_LANGUAGES"))
    lang = getattr(article, "lang", settings.get("DEFAULT_LANG", "en"))
    if not sidebars_switch(article.metadata.get("sidebars")):
        return f"{path} (language: {lang})\nSidebars are switched off (`sidebars: false`)."
    declared = declared_speakers(article.metadata.get("speakers"))
    result = extract(article._content, lang, config, declared)
    return describe(result.sidebars, str(path), lang)
