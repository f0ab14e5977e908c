"""One strict Pelican build that reports its problems instead of exiting."""

import logging
from pathlib import Path


def read_build_settings(settings_file: Path, **overrides) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(settings_file), override=overrides)


def strict_build(settings: dict) -> list[str]:
    """Run Pelican with ``settings``; the strict_build plugin's problems, or []."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    from strict_build import StrictBuildError

    if not logging.getLogger().handlers:
        init_logging(level=logging.WARNING)
    try:
        Pelican(settings).run()
    except StrictBuildError as error:
        return str(error).splitlines()[1:] or [str(error)]
    return []
