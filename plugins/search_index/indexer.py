"""Run the Pagefind binary over a folder and report what it indexed."""

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from settings_dict import merge_over_defaults, require_bools

DEFAULTS = {"ENABLED": True, "OUTPUT_SUBDIR": "pagefind", "BACKGROUND": False}


class SearchIndexError(Exception):
    """Pagefind failed or could not run: the build must fail with its message."""


@dataclass(frozen=True)
class SearchIndexSettings:
    enabled: bool = True
    output_subdir: str = "pagefind"
    background: bool = False  # index after the build returns (`make serve`): background.py


@dataclass(frozen=True)
class IndexReport:
    pages: int
    output: Path


def read_settings(settings: dict) -> SearchIndexSettings:
    """Merge the SEARCH_INDEX setting over the defaults, rejecting unknown keys and bad types."""
    merged = merge_over_defaults(settings, "SEARCH_INDEX", DEFAULTS, SearchIndexError)
    require_bools(merged, "SEARCH_INDEX", ("ENABLED", "BACKGROUND"), SearchIndexError)
    subdir = merged["OUTPUT_SUBDIR"]
    if not isinstance(subdir, str) or not subdir or Path(subdir).is_absolute() or ".." in subdir:
        raise SearchIndexError("SEARCH_INDEX['OUTPUT_SUBDIR'] must be a folder inside the site")
    return SearchIndexSettings(
        enabled=merged["ENABLED"], output_subdir=subdir, background=merged["BACKGROUND"]
    )


def pagefind_binary() -> Path:
    """The binary the pinned ``pagefind[bin]`` package installed."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "pagefind is not installed: pip install -r requirements.txt"
        ) from error
    return Path(get_executable())


def index_site(site: Path, output_subdir: str = "pagefind", binary: Path | None = None):
    """Index every HTML page under ``site`` into ``site/output_subdir``; return what was indexed."""
    command = [
        str(binary or pagefind_binary()),
        "--site",
        str(site),
        "--output-subdir",
        output_subdir,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed (exit {result.returncode}):\n{result.stderr or result.stdout}"
        )
    canonicalise_entry(site / output_subdir / "pagefind-entry.json")
    return IndexReport(pages=indexed_pages(result.stdout), output=site / output_subdir)


def canonicalise_entry(entry: Path) -> None:
    """Rewrite Pagefind's entry file with sorted keys.

    Pagefind lists the languages in no fixed order from run to run; published output must be
    byte-identical for the same content.
    """
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def indexed_pages(log: str) -> int:
    """The page count from Pagefind's summary line ("Indexed 3 pages")."""
    match = re.search(r"Indexed (\d+) pages?", log)
    if match is None:
        raise SearchIndexError(f"Pagefind's output has no page count:\n{log}")
    return int(match.group(1))
