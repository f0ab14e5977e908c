"""Strict Pelican builds that report their problems instead of exiting.

Each build runs in a fresh interpreter: Pelican plugins connect to global signals, so a
publish build (sitemap, sitemap_dates) would otherwise leak into every later build of
the same process (tests, `invoke serve`).
"""

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def read_build_settings(settings_file: Path, **overrides) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(settings_file), override=overrides)


def strict_build(settings_file: str, overrides: dict) -> list[str]:
    """Run Pelican in this process; the strict_build plugin's problems, or []."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    from strict_build import StrictBuildError

    if not logging.getLogger().handlers:
        init_logging(level=logging.WARNING)
    try:
        Pelican(read_build_settings(Path(settings_file), **overrides)).run()
    except StrictBuildError as error:
        return str(error).splitlines()[1:] or [str(error)]
    return []


def isolated_builds(builds: list[tuple[Path, dict]]) -> list[list[str]]:
    """Run each (settings file, overrides) build in its own fresh process, in parallel."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=len(builds), mp_context=context) as pool:
        futures = [pool.submit(strict_build, str(path), overrides) for path, overrides in builds]
        return [future.result() for future in futures]
