"""The FAST_WRITER setting: defaults and validation."""

from dataclasses import dataclass

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
    given = settings.get("FAST_WRITER") or {}
    if not isinstance(given, dict):
        raise FastWriterSettingsError("FAST_WRITER must be a dict")
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise FastWriterSettingsError(f"FAST_WRITER: unknown key(s) {sorted(unknown)}")
    merged = {**DEFAULTS, **given}
    for key in ("incremental", "parallel"):
        if not isinstance(merged[key], bool):
            raise FastWriterSettingsError(f"FAST_WRITER[{key!r}] must be True or False")
    for key in ("workers", "min_pages"):
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise FastWriterSettingsError(f"FAST_WRITER[{key!r}] must be an integer >= 0")
    return FastWriterSettings(**merged)
