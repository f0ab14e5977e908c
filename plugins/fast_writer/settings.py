"""The FAST_WRITER setting: defaults and validation."""

from dataclasses import dataclass

from settings_dict import merge_over_defaults, require_bools, require_counts

DEFAULTS = {
    "incremental": False,  # skip pages whose inputs did not change (`make serve` turns it on)
    "parallel": True,  # render release pages in worker processes
    "workers": 0,  # 0 = every core this process may use
    "min_pages": 48,  # below this many release pages to render, a pool costs more than it saves
}


class FastWriterSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class FastWriterSettings:
    incremental: bool
    parallel: bool
    workers: int
    min_pages: int


def load(settings: dict) -> FastWriterSettings:
    error = FastWriterSettingsError
    merged = merge_over_defaults(settings, "FAST_WRITER", DEFAULTS, error)
    require_bools(merged, "FAST_WRITER", ("incremental", "parallel"), error)
    require_counts(merged, "FAST_WRITER", ("workers", "min_pages"), error)
    return FastWriterSettings(**merged)
