"""Strict Pelican builds that report their problems instead of exiting.

Each build runs in a fresh interpreter (`python -m publishing.build`): Pelican plugins
connect to global signals, so a publish build (sitemap, sitemap_dates) would otherwise
leak into every later build of the same process (tests, `invoke serve`).
"""

import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .config import ROOT


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
    paths = [str(ROOT), str(ROOT / "plugins"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    with tempfile.TemporaryDirectory(prefix="newsroom-build-") as scratch:
        running = []
        for number, (settings_file, overrides) in enumerate(builds):
            result = Path(scratch) / f"{number}.json"
            command = [sys.executable, "-m", "publishing.build", str(settings_file)]
            command += [json.dumps(overrides), str(result)]
            running.append((subprocess.Popen(command, env=env), result))
        outcomes = []
        for process, result in running:
            code = process.wait()
            if result.is_file():
                outcomes.append(json.loads(result.read_text(encoding="utf-8")))
            else:
                outcomes.append([f"the Pelican build crashed (exit code {code}); see above"])
        return outcomes


if __name__ == "__main__":
    settings_path, overrides_json, result_path = sys.argv[1:4]
    problems = strict_build(settings_path, json.loads(overrides_json))
    Path(result_path).write_text(json.dumps(problems), encoding="utf-8")
