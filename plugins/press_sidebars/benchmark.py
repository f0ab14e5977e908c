"""How much the sidebar plugin costs: `invoke sidebars-bench` (prints figures, asserts nothing).

Times are CPU times of this process (the machine may be shared, wall time would lie).

1. Extraction alone on the seed release, repeated (cache bypassed), against a naive full
   BeautifulSoup pass and against Pelican reading the same file.
2. Whole builds of a corpus of N copies of the seed, plugin on and off, alternated.
"""

import gc
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

from .extract import extract
from .settings import load_config


def _per_call_ms(function, repeat: int) -> float:
    gc.collect()
    start = time.process_time()
    for _ in range(repeat):
        function()
    return (time.process_time() - start) / repeat * 1000


def _corpus(seed: Path, folder: Path, count: int) -> None:
    front, body = seed.read_text(encoding="utf-8").split("\n---\n", 1)
    for i in range(count):
        year = 2015 + i % 10
        text = front.replace(
            "title: Amnesty International to close its Hong Kong offices",
            f"title: Release {i} about the Hong Kong offices",
        ).replace("date: 2021-10-25", f"date: {year}-10-{1 + i % 28:02d}")
        # A distinct body per release, so no result can come from the content-hash cache.
        unique = body.replace("by the end of the year", f"by the end of the year ({i})", 1)
        (folder / f"release-{i:05d}.md").write_text(f"{text}\n---\n{unique}", encoding="utf-8")


def _build_once(settings_file: str, content: str, plugin_on: bool) -> float:
    """One build in this (fresh) process; CPU seconds of Pelican's run."""
    from pelican import Pelican
    from pelican.settings import read_settings

    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="sidebars-bench-out-") as output:
        settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output})
        if not plugin_on:
            settings["PLUGINS"] = [p for p in settings["PLUGINS"] if p != "press_sidebars"]
        gc.collect()
        start = time.process_time()
        Pelican(settings).run()
        return time.process_time() - start


def _build_seconds(settings_file: Path, content: Path, plugin_on: bool) -> float:
    """A build in a fresh process: plugins register signals globally, so one process each."""
    plugins = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "press_sidebars.benchmark", str(settings_file), str(content),
         "on" if plugin_on else "off"],
        cwd=plugins, capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(plugins)},
    )  # fmt: skip
    return float(result.stdout.strip().splitlines()[-1])


def run(
    seed: Path, settings_file: Path, repeat: int = 1000, releases: int = 300, rounds: int = 2
) -> str:
    from pelican.contents import Article
    from pelican.readers import Readers
    from pelican.settings import read_settings

    logging.getLogger("pelican").setLevel(logging.WARNING)
    settings = read_settings(str(settings_file))
    from pelican import Pelican

    Pelican(settings)  # registers the plugins' readers (YAML front matter)
    readers = Readers(settings)
    article = readers.read_file(str(seed.parent), str(seed), content_class=Article)
    html, config = article._content, load_config(settings.get("PRESS_SIDEBARS"))

    lines = [f"Seed release ({len(html):,} characters of HTML), {repeat}× each:"]
    extract_ms = _per_call_ms(lambda: extract(html, "en", config), repeat)
    naive_ms = _per_call_ms(lambda: str(BeautifulSoup(html, "html.parser")), repeat)
    read_ms = _per_call_ms(
        lambda: Readers(settings).read_file(str(seed.parent), str(seed), content_class=Article),
        max(repeat // 5, 20),
    )
    lines += [
        f"  sidebar extraction (scan + read + ids):     {extract_ms:.3f} ms/release",
        f"  naive full BeautifulSoup parse + serialise:  {naive_ms:.3f} ms/release",
        f"  Pelican reading the release (Markdown, YAML): {read_ms:.3f} ms/release",
        f"  extraction / read: {extract_ms / read_ms:.1%}",
    ]

    with tempfile.TemporaryDirectory(prefix="sidebars-bench-corpus-") as folder:
        content = Path(folder)
        _corpus(seed, content, releases)
        on, off = [], []
        for _ in range(rounds):
            off.append(_build_seconds(settings_file, content, plugin_on=False))
            on.append(_build_seconds(settings_file, content, plugin_on=True))
        best_on, best_off = min(on), min(off)
        lines += [
            f"Full build of {releases} copies of the seed, {rounds} alternated rounds (best of):",
            f"  plugin off: {best_off:.2f} s ({best_off / releases * 1000:.2f} ms/release)",
            f"  plugin on:  {best_on:.2f} s ({best_on / releases * 1000:.2f} ms/release; "
            f"asides, JSON-LD and speaker pages with {releases * 4} entries included)",
            f"  ratio on/off: {best_on / best_off:.3f} "
            f"(medians: {statistics.median(on) / statistics.median(off):.3f})",
            f"  extraction alone / plugin-off build: {extract_ms * releases / 1000 / best_off:.1%}",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(_build_once(sys.argv[1], sys.argv[2], sys.argv[3] == "on"))
