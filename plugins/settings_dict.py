"""The settings-dict pattern the project's plugins share (as pelican-plugins do).

A plugin has one setting, a dict such as ``FAST_READER = {"workers": 2}``: the keys given
are merged over the plugin's defaults, unknown keys are refused (a typo must not be
silently ignored), and each value is checked, with an error that names the setting and key.
"""

from collections.abc import Iterable


def merge_over_defaults(settings: dict, name: str, defaults: dict, error=ValueError) -> dict:
    """``settings[name]`` over ``defaults``; ``error`` for a non-dict or an unknown key."""
    given = settings.get(name) or {}
    if not isinstance(given, dict):
        raise error(f"{name} must be a dict")
    unknown = set(given) - set(defaults)
    if unknown:
        raise error(f"{name}: unknown key(s) {sorted(unknown)}; known: {sorted(defaults)}")
    return {**defaults, **given}


def require_bools(merged: dict, name: str, keys: Iterable[str], error=ValueError) -> None:
    for key in keys:
        if not isinstance(merged[key], bool):
            raise error(f"{name}[{key!r}] must be True or False")


def require_counts(merged: dict, name: str, keys: Iterable[str], error=ValueError) -> None:
    """Whole numbers ≥ 0 (``True``/``False`` are not numbers here)."""
    for key in keys:
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise error(f"{name}[{key!r}] must be a whole number >= 0")
