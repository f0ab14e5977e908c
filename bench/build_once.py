"""One build, run in a fresh subprocess by bench.run so every build starts cold.

``full`` builds through the project's own entry point (tasks.build_site with pelicanconf.py,
every plugin in its PLUGINS and our theme), so the benchmark follows whatever plugins the
branch has. ``plain`` is Pelican with its defaults: default theme, no plugins.
"""

import argparse
import gc
import json
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITEMAP_PLUGINS = ["pelican.plugins.sitemap", "sitemap_dates"]


def plain_settings(content: Path, output: Path, cache: Path) -> dict:
    """Pelican's defaults; only the paths, and feeds off as in our local build (no SITEURL)."""
    return {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "PLUGINS": [],
        "TIMEZONE": "UTC",
        "DEFAULT_PAGINATION": 10,
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
    }


def full_overrides(content: Path, output: Path, cache: Path, serve: bool, drop: list[str]):
    from pelican.settings import read_settings

    import tasks

    overrides = dict(tasks.SERVE_OVERRIDES) if serve else {}
    overrides.update(PATH=str(content), OUTPUT_PATH=str(output), CACHE_PATH=str(cache))
    plugins = read_settings(str(tasks.LOCAL_SETTINGS))["PLUGINS"]
    if not serve:
        # The whole configuration the issue asks to measure: the sitemap too (publishconf
        # adds it; `make serve` has none).
        plugins = [*plugins, *SITEMAP_PLUGINS]
    overrides["PLUGINS"] = [p for p in plugins if p not in drop]
    return overrides


def main(argv=None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["full", "plain"])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--serve", action="store_true", help="the settings `make serve` uses")
    parser.add_argument("--drop-plugin", action="append", default=[])
    parser.add_argument(
        "--record-sidebars",
        type=Path,
        help="keep what the sidebar extraction made of each release in this file (untimed)",
    )
    parser.add_argument(
        "--sidebars-from",
        type=Path,
        help="take each sidebar extraction from this record instead of extracting",
    )
    parser.add_argument(
        "--edit-in-process",
        type=Path,
        help="build, edit this release, then time a second build in the same process "
        "(what `make serve` does after a save)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "plugins"))

    result: dict = {}
    if args.kind == "plain":
        from pelican import Pelican
        from pelican.settings import read_settings

        settings = read_settings(
            None, override=plain_settings(args.content, args.output, args.cache)
        )
        start = time.perf_counter()
        Pelican(settings).run()
        result["build_s"] = time.perf_counter() - start
    else:
        import tasks

        from . import sidebars_floor
        from .corpus import edit_release

        overrides = full_overrides(
            args.content, args.output, args.cache, args.serve, args.drop_plugin
        )
        if args.record_sidebars:
            overrides.update(sidebars_floor.RECORD_OVERRIDES)
            build = partial(tasks.build_site, tasks.LOCAL_SETTINGS, **overrides)
            sidebars_floor.record_extractions(args.record_sidebars, build)
            args.result.write_text(json.dumps({"build_s": 0.0}), encoding="utf-8")
            return
        if args.sidebars_from:
            result["replayed_extractions"] = sidebars_floor.replay_extractions(args.sidebars_from)
        start = time.perf_counter()
        tasks.build_site(tasks.LOCAL_SETTINGS, **overrides)
        result["build_s"] = time.perf_counter() - start
        if args.edit_in_process:
            edit_release(args.edit_in_process, f"in-process {time.time()}")
            # As `make serve` (serving/garbage.py): no cyclic collection inside the rebuild,
            # one after it (timed apart: the browser has reloaded by then).
            gc.disable()
            start, cpu = time.perf_counter(), time.process_time()
            tasks.build_site(tasks.LOCAL_SETTINGS, **overrides)
            result["edit_rebuild_s"] = time.perf_counter() - start
            result["edit_rebuild_cpu_s"] = time.process_time() - cpu
            start = time.perf_counter()
            gc.collect()
            gc.enable()
            result["edit_collect_after_s"] = time.perf_counter() - start
    args.result.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
