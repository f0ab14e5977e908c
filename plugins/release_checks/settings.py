"""The plugin's settings: defaults, read from Pelican's settings and validated once."""

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULTS = {
    # Languages a release may be written in (`lang` front matter); the first is the default.
    "PRESS_LANGUAGES": ["en", "fr"],
    # Local preview shows drafts and embargoed releases with a banner; publishing drops them.
    "PRESS_SHOW_UNPUBLISHED": False,
    # Text shown under a release that has no `boilerplate` of its own.
    "DEFAULT_BOILERPLATE": "",
}


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class CheckSettings:
    languages: tuple[str, ...] = ("en", "fr")
    default_lang: str = "en"
    timezone: str = "UTC"
    show_unpublished: bool = False
    article_save_as: str = "{date:%Y}/{slug}/index.html"
    article_lang_save_as: str = "{date:%Y}/{slug}/{lang}/index.html"
    default_category: str = "Press releases"
    slug_regex_subs: tuple = ()
    slugify_preserve_case: bool = False
    slugify_use_unicode: bool = False
    formatted_fields: tuple[str, ...] = ("summary",)
    # Where a local `image` must be: a file under content_root, inside a STATIC_PATHS folder
    # (only those are copied). None: not known (plain-function use), existence not checked.
    content_root: str | None = None
    static_paths: tuple[str, ...] = ("images",)
    markdown: dict = field(default_factory=dict, compare=False)

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def check_settings(settings: dict) -> CheckSettings:
    """Build CheckSettings from a Pelican settings dict (missing keys take DEFAULTS)."""
    from pelican.settings import DEFAULT_CONFIG

    merged = {**DEFAULT_CONFIG, **DEFAULTS, **settings}
    languages = merged["PRESS_LANGUAGES"]
    if (
        not isinstance(languages, list | tuple)
        or not languages
        or not all(isinstance(lang, str) and lang for lang in languages)
    ):
        raise SettingsError("PRESS_LANGUAGES must be a non-empty list of language codes")
    default_lang = merged.get("DEFAULT_LANG", languages[0])
    if default_lang not in languages:
        raise SettingsError(f"DEFAULT_LANG {default_lang!r} is not in PRESS_LANGUAGES {languages}")
    timezone = merged.get("TIMEZONE") or "UTC"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingsError(f"TIMEZONE {timezone!r} is not a known time zone") from error
    if not isinstance(merged["PRESS_SHOW_UNPUBLISHED"], bool):
        raise SettingsError("PRESS_SHOW_UNPUBLISHED must be True or False")
    defaults = CheckSettings()
    category = merged.get("DEFAULT_CATEGORY")
    return CheckSettings(
        languages=tuple(languages),
        default_lang=default_lang,
        timezone=timezone,
        show_unpublished=merged["PRESS_SHOW_UNPUBLISHED"],
        article_save_as=merged.get("ARTICLE_SAVE_AS", defaults.article_save_as),
        article_lang_save_as=merged.get("ARTICLE_LANG_SAVE_AS", defaults.article_lang_save_as),
        # Pelican's own fallback "misc" is no category for a newsroom.
        default_category=category if category and category != "misc" else defaults.default_category,
        slug_regex_subs=tuple(tuple(sub) for sub in merged.get("SLUG_REGEX_SUBSTITUTIONS", ())),
        slugify_preserve_case=merged.get("SLUGIFY_PRESERVE_CASE", False),
        slugify_use_unicode=merged.get("SLUGIFY_USE_UNICODE", False),
        formatted_fields=tuple(f.lower() for f in merged.get("FORMATTED_FIELDS", ["summary"])),
        markdown=merged.get("MARKDOWN", {}),
        content_root=settings.get("PATH"),
        static_paths=tuple(str(path).strip("/") for path in merged.get("STATIC_PATHS") or ()),
    )
