"""Signal wiring, kept thin: the work is in labels.py."""

from pelican import signals

from .labels import format_date, plural, read_settings


def _add_to_templates(generator) -> None:
    labels = read_settings(generator.settings)
    default = labels.get(generator.settings.get("DEFAULT_LANG", "en"), labels["en"])

    def theme_labels(lang=None):
        return labels.get(lang, default)

    generator.env.globals["theme_labels"] = theme_labels
    generator.env.filters["press_date"] = format_date
    generator.env.filters["plural"] = plural


def register() -> None:
    signals.generator_init.connect(_add_to_templates)
