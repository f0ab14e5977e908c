"""Theme labels and dates in the page's language, without system locales.

The theme's words ("Original release", "Media contacts", "Previous" …) come from the
THEME_LABELS setting, per language, over the defaults in labels.py; dates are written with
month names per language, so a French release reads "1 mars 2024" whatever the machine's
locale. Templates call ``theme_labels(lang)`` and the ``press_date(lang)`` filter.
"""

from .labels import DEFAULT_LABELS, MONTHS, format_date, read_settings
from .wiring import register

__all__ = ["DEFAULT_LABELS", "MONTHS", "format_date", "read_settings", "register"]
