"""The FAST_READER setting: defaults and validation."""

from dataclasses import dataclass

DEFAULTS = {
    "workers": 0,  # worker processes; 0 = every core this process may use
    "min_files": 48,  # below this many files to read, a pool costs more than it saves
}


class FastReaderSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class FastReaderSettings:
    workers: int
    min_files: int


def load(settings: dict) -> FastReaderSettings:
    given = settings.get("FAST_READER") or {}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise FastReaderSettingsError(f"FAST_READER: unknown key(s) {sorted(unknown)}")
    merged = {**DEFAULTS, **given}
    for key, value in merged.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise FastReaderSettingsError(f"FAST_READER[{key!r}] must be an integer >= 0")
    return FastReaderSettings(**merged)
