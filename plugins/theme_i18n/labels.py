"""Per-language theme labels and dates, from plain data (no Pelican)."""

from datetime import date

# Month names per language: dates must not depend on the machine's locale.
MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

DEFAULT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "updated": "updated",
        "tags": "Tags:",
        "original_release": "Original release",
        "about": "About {name}",
        "contacts": "Media contacts",
        "previous": "Previous",
        "next": "Next",
        "more_releases": "More releases",
        "related": "Related releases",
        "languages": "Languages",
        "in_text_quote": ": quote {number}, {name}",
        "in_text_quote_unattributed": ": quote {number}",
        "in_text_fact": ": key fact {number}",
        "copy_quote": "Copy quote",
        "copy_quote_by": "Copy quote {number}, {name}",
        "copy_quote_number": "Copy quote {number}",
        "copied": "Copied",
        "copy_failed": "Could not copy",
        "said": "said",
        "statements": "{count} statement|{count} statements",
        "skip": "Skip to content",
        "site_nav": "Site",
        "nav_releases": "Releases",
        "nav_archives": "Archives",
        "nav_speakers": "Speakers",
        "search_label": "Search releases",
        "search_button": "Search",
        "search_words": "Words to find",
    },
    "fr": {
        "updated": "mis à jour le",
        "tags": "Mots-clés\u00a0:",
        "original_release": "Communiqué original",
        "about": "À propos de {name}",
        "contacts": "Contacts presse",
        "previous": "Précédent",
        "next": "Suivant",
        "more_releases": "Autres communiqués",
        "related": "Communiqués liés",
        "languages": "Langues",
        "in_text_quote": "\u00a0: citation {number}, {name}",
        "in_text_quote_unattributed": "\u00a0: citation {number}",
        "in_text_fact": "\u00a0: fait essentiel {number}",
        "copy_quote": "Copier la citation",
        "copy_quote_by": "Copier la citation {number}, {name}",
        "copy_quote_number": "Copier la citation {number}",
        "copied": "Copié",
        "copy_failed": "Copie impossible",
        "said": "a déclaré",
        "statements": "{count} déclaration|{count} déclarations",
        "skip": "Aller au contenu",
        "site_nav": "Site",
        "nav_releases": "Communiqués",
        "nav_archives": "Archives",
        "nav_speakers": "Intervenants",
        "search_label": "Rechercher un communiqué",
        "search_button": "Rechercher",
        "search_words": "Mots à chercher",
    },
}


def read_settings(settings: dict) -> dict[str, dict[str, str]]:
    """THEME_LABELS over the defaults, one complete set per language in PRESS_LANGUAGES.

    A language without month names or missing a label is refused with the keys to add.
    """
    given = settings.get("THEME_LABELS") or {}
    if not isinstance(given, dict):
        raise ValueError("THEME_LABELS must be a dict: language → {label: text}")
    languages = set(settings.get("PRESS_LANGUAGES") or ()) | {settings.get("DEFAULT_LANG", "en")}
    required = set(DEFAULT_LABELS["en"])
    labels = {}
    for lang in sorted(languages | set(given) | set(DEFAULT_LABELS)):
        overrides = given.get(lang) or {}
        if not isinstance(overrides, dict) or not all(
            isinstance(v, str) for v in overrides.values()
        ):
            raise ValueError(f"THEME_LABELS[{lang!r}] must be a dict of strings")
        unknown = set(overrides) - required
        if unknown:
            raise ValueError(f"THEME_LABELS[{lang!r}]: unknown keys {sorted(unknown)}")
        entry = {**DEFAULT_LABELS.get(lang, {}), **overrides}
        missing = required - set(entry)
        if missing:
            raise ValueError(f"THEME_LABELS[{lang!r}] needs the keys {sorted(missing)}")
        if lang not in MONTHS:
            raise ValueError(f"theme_i18n has no month names for {lang!r} (labels.MONTHS)")
        labels[lang] = entry
    return labels


def format_date(value: date, lang: str) -> str:
    """A press dateline date: "1 March 2024", "1 mars 2024" (French "1er" for the first)."""
    months = MONTHS.get(lang) or MONTHS["en"]
    day = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    return f"{day} {months[value.month - 1]} {value.year}"


def plural(text: str, count: int) -> str:
    """Pick "one|many" by count and fill in {count}."""
    one, _, many = text.partition("|")
    return (one if count == 1 or not many else many).format(count=count)
