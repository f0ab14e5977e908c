"""Shared fixtures: real Pelican builds into tmp_path."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))


def run_build(output: Path, settings_file: Path = ROOT / "pelicanconf.py", **overrides) -> None:
    """Build the site with the project's settings (plus overrides) into ``output``."""
    from pelican import Pelican
    from pelican.settings import read_settings

    overrides.setdefault("OUTPUT_PATH", str(output))
    Pelican(read_settings(str(settings_file), override=overrides)).run()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content/ built once with local settings."""
    output = tmp_path_factory.mktemp("site")
    run_build(output)
    return output


@pytest.fixture
def write_release(tmp_path):
    """Write a release file into a fresh content folder: write_release(name, text)."""
    content = tmp_path / "content"
    content.mkdir()

    def write(name: str, text: str) -> Path:
        path = content / name
        path.write_text(text, encoding="utf-8")
        return path

    write.content = content
    return write
