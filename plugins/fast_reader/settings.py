"""The FAST_READER setting: defaults and validation."""

from dataclasses import dataclass

from settings_dict import merge_over_defaults, require_counts

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
    error = FastReaderSettingsError
    merged = merge_over_defaults(settings, "FAST_READER", DEFAULTS, error)
    require_counts(merged, "FAST_READER", DEFAULTS, error)
    return FastReaderSettings(**merged)
