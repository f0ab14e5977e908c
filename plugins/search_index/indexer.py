"""Run the Pagefind binary over a folder, a bounded chunk of pages at a time (chunks.py), and
report what it indexed."""

import json
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from settings_dict import merge_over_defaults, require_bools

from .chunks import MarkedPage, bundle_subdirs, glob_of, marked_pages, plan_chunks

# CHUNK_PAGES: Pagefind needs about 140 KB a page (2,000 pages: 283 MB peak, about the
# build's own 245 MB at 10,000 releases); larger chunks mean fewer bundles for a search to load.
# SPLIT_PAGES: from this many pages, an index that fits one chunk is made as two half bundles
# by two Pagefind processes at once (0: never). Pagefind alone uses about 1.4 of 2 cores, and
# at the end of a build nothing else runs: 1,000 releases are indexed in 0.58 s instead of
# 0.72 s, with the memory of one chunk. The cost: a search loads a second bundle (its 72 KB
# of WebAssembly and its part of the index) on the first query.
DEFAULTS = {
    "ENABLED": True,
    "OUTPUT_SUBDIR": "pagefind",
    "BACKGROUND": False,
    "CHUNK_PAGES": 2000,
    "SPLIT_PAGES": 500,
}
# Beside the first bundle's files: which bundles exist and their languages, for the search page.
MANIFEST = "bundles.json"


class SearchIndexError(Exception):
    """Pagefind failed or could not run: the build must fail with its message."""


@dataclass(frozen=True)
class SearchIndexSettings:
    enabled: bool = True
    output_subdir: str = "pagefind"
    background: bool = False  # index after the build returns (`make serve`): background.py
    chunk_pages: int = DEFAULTS["CHUNK_PAGES"]  # at most this many pages in Pagefind's memory
    split_pages: int = DEFAULTS["SPLIT_PAGES"]  # from this many, one chunk is run as two halves


@dataclass(frozen=True)
class IndexReport:
    pages: int
    output: Path
    bundles: int = 1


def read_settings(settings: dict) -> SearchIndexSettings:
    """Merge the SEARCH_INDEX setting over the defaults, rejecting unknown keys and bad types."""
    merged = merge_over_defaults(settings, "SEARCH_INDEX", DEFAULTS, SearchIndexError)
    require_bools(merged, "SEARCH_INDEX", ("ENABLED", "BACKGROUND"), SearchIndexError)
    subdir = merged["OUTPUT_SUBDIR"]
    if not isinstance(subdir, str) or not subdir or Path(subdir).is_absolute() or ".." in subdir:
        raise SearchIndexError("SEARCH_INDEX['OUTPUT_SUBDIR'] must be a folder inside the site")
    for key, least in (("CHUNK_PAGES", 1), ("SPLIT_PAGES", 0)):
        value = merged[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            raise SearchIndexError(f"SEARCH_INDEX['{key}'] must be a whole number >= {least}")
    return SearchIndexSettings(
        enabled=merged["ENABLED"],
        output_subdir=subdir,
        background=merged["BACKGROUND"],
        chunk_pages=merged["CHUNK_PAGES"],
        split_pages=merged["SPLIT_PAGES"],
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


def index_site(
    site: Path,
    output_subdir: str = "pagefind",
    binary: Path | None = None,
    chunk_pages: int = DEFAULTS["CHUNK_PAGES"],
    pages: list[MarkedPage] | None = None,
    split_pages: int = DEFAULTS["SPLIT_PAGES"],
) -> IndexReport:
    """Index the pages under ``site`` into bundles under ``site/output_subdir``.

    Pagefind runs once per chunk of marked pages, one process after another, so its memory is
    bounded by ``chunk_pages``; a site of one chunk and at least ``split_pages`` pages is
    indexed in two halves at once instead. A site without marked pages (or no site) gets one
    plain run, so Pagefind indexes whole pages, or reports what is wrong, as it always did.
    ``pages``: the marked pages when the caller has already found them.
    """
    binary = binary or pagefind_binary()
    if pages is None:
        pages = marked_pages(site) if site.is_dir() else []
    chunks, at_once = plan_chunks(pages, chunk_pages), 1
    if len(chunks) == 1 and split_pages and len(pages) >= split_pages:
        chunks, at_once = plan_chunks(pages, -(-len(pages) // 2)), 2
    globs = [glob_of([page.path for page in chunk]) for chunk in chunks] or [None]
    subdirs = bundle_subdirs(output_subdir, len(globs))
    remove_stale_bundles(site / output_subdir, keep=len(subdirs))

    def run(glob: str | None, subdir: str) -> int:
        return run_pagefind(binary, site, site / subdir, glob)

    with ThreadPoolExecutor(at_once, thread_name_prefix="pagefind") as runs:
        indexed, bundles = sum(runs.map(run, globs, subdirs)), []
    for subdir in subdirs:
        entry = canonicalise_entry(site / subdir / "pagefind-entry.json")
        path = Path(subdir).relative_to(output_subdir).as_posix()
        bundles.append({"path": "" if path == "." else f"{path}/", "languages": sorted(entry)})
    manifest = json.dumps({"bundles": bundles}, sort_keys=True, separators=(",", ":"))
    (site / output_subdir / MANIFEST).write_text(manifest, encoding="utf-8")
    return IndexReport(pages=indexed, output=site / output_subdir, bundles=len(bundles))


def run_pagefind(binary: Path, site: Path, output: Path, glob: str | None) -> int:
    """One Pagefind process writing one bundle; returns its page count.

    The options go in a config file (read from the working folder): a glob listing thousands
    of pages is too long for a command-line argument.
    """
    config = {"site": str(site.resolve()), "output_path": str(output.resolve())}
    if glob is not None:
        config["glob"] = glob
    with tempfile.TemporaryDirectory(prefix="pagefind-") as folder:
        (Path(folder) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        result = subprocess.run(
            [str(binary)], cwd=folder, capture_output=True, text=True, check=False
        )
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed (exit {result.returncode}):\n{result.stderr or result.stdout}"
        )
    return indexed_pages(result.stdout)


def remove_stale_bundles(output: Path, keep: int) -> None:
    """Remove the bundles a previous, larger index left (``part-N`` beyond ``keep``)."""
    if not output.is_dir():
        return
    for folder in output.glob("part-*"):
        number = folder.name.removeprefix("part-")
        if not number.isdigit() or int(number) > keep:
            shutil.rmtree(folder)


def canonicalise_entry(entry: Path) -> dict:
    """Rewrite Pagefind's entry file with sorted keys; return its languages.

    Pagefind lists the languages in no fixed order from run to run; published output must be
    byte-identical for the same content.
    """
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    return data.get("languages", {})


def indexed_pages(log: str) -> int:
    """The page count from Pagefind's summary line ("Indexed 3 pages")."""
    match = re.search(r"Indexed (\d+) pages?", log)
    if match is None:
        raise SearchIndexError(f"Pagefind's output has no page count:\n{log}")
    return int(match.group(1))
