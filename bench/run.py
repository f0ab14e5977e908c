"""Run the benchmark: every build in a fresh subprocess, variants alternated, figures printed
and written to JSON. Usage: ``python -m bench --releases 1000 --repeat 3``.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpus import edit_release, make_releases, write_corpus

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SIDEBAR_PLUGIN = "press_sidebars"
SPEED_PLUGINS = ("fast_reader", "fast_writer")


@dataclass
class Measurement:
    mode: str
    repetition: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    build_s: float  # inside the subprocess, without interpreter start-up
    edit_rebuild_s: float | None = None
    edit_rebuild_cpu_s: float | None = None
    edit_collect_after_s: float | None = None  # the garbage collection `make serve` defers
    load_average: float = 0.0  # 1-minute load when the build ended: how contended it was
    replayed_extractions: int | None = None  # plugin_floor: sidebar results taken from a record


def run_build(mode: str, repetition: int, args: list[str], scratch: Path) -> Measurement:
    """One build in a fresh subprocess; wall time, its CPU time and peak RSS via wait4."""
    result_file = scratch / "result.json"
    result_file.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bench.build_once", *args, "--result", str(result_file)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (with its reaped workers), not the whole family's.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{mode} build failed ({process.returncode}):\n{errors}")
    inner = json.loads(result_file.read_text(encoding="utf-8"))
    return Measurement(
        mode=mode,
        repetition=repetition,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        build_s=inner["build_s"],
        edit_rebuild_s=inner.get("edit_rebuild_s"),
        edit_rebuild_cpu_s=inner.get("edit_rebuild_cpu_s"),
        edit_collect_after_s=inner.get("edit_collect_after_s"),
        replayed_extractions=inner.get("replayed_extractions"),
        load_average=os.getloadavg()[0],
    )


def plugin_present(name: str) -> bool:
    sys.path.insert(0, str(ROOT / "plugins"))
    from pelican.settings import read_settings

    return name in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]


def benchmark(releases: int, repeat: int, seed: int, scratch: Path, log=print) -> dict:
    corpus = make_releases(releases, seed)
    ours, plain = scratch / "content", scratch / "content-plain"
    paths = write_corpus(ours, corpus, "yaml")
    write_corpus(plain, corpus, "pelican")
    edited = paths[len(paths) // 2]
    sidebars = plugin_present(SIDEBAR_PLUGIN)

    def io(name: str, content: Path, rep: int) -> list[str]:
        # A new output folder for every build, all deleted only when the run is over. On this
        # machine's ext4 (no journal), creating a file scans past the inodes freed in the last
        # minutes (perf: recently_deleted), so deleting the previous output first made each
        # build pay for the one before: kernel time 0.2 s without, 0.9–2.5 s with, growing run
        # after run, and our build creates 2.7 times the files and folders of plain Pelican.
        return [
            "--content",
            str(content),
            "--output",
            str(scratch / f"out-{name}-{rep}"),
            "--cache",
            str(scratch / f"cache-{name}-{rep}"),
        ]

    cold_variants = {
        "cold": lambda rep: ["full", *io("cold", ours, rep)],
        "plain": lambda rep: ["plain", *io("plain", plain, rep)],
        # What the speed plugins buy: our configuration without them.
        "fast_off": lambda rep: [
            "full",
            *io("fast-off", ours, rep),
            *(arg for plugin in SPEED_PLUGINS for arg in ("--drop-plugin", plugin)),
        ],
    }
    if sidebars:
        cold_variants["plugin_off"] = lambda rep: [
            "full",
            *io("off", ours, rep),
            "--drop-plugin",
            SIDEBAR_PLUGIN,
        ]
        # The plugin with its extraction taken from a record (bench/sidebars_floor.py), made
        # again at each repetition: the edit modes change a release.
        extractions = scratch / "sidebars-record.pickle"
        cold_variants["plugin_floor"] = lambda rep: [
            "full",
            *io("floor", ours, rep),
            "--sidebars-from",
            str(extractions),
        ]

    measurements: list[Measurement] = []

    def record(m: Measurement) -> None:
        measurements.append(m)
        log(
            f"  rep {m.repetition} {m.mode:<12} wall {m.wall_s:7.2f} s  cpu {m.cpu_s:7.2f} s  "
            f"{1000 * m.wall_s / releases:6.2f} ms/release  peak {m.peak_rss_mb:6.0f} MB"
            + (
                f"  in-process edit rebuild {m.edit_rebuild_s:.2f} s"
                f" (cpu {m.edit_rebuild_cpu_s:.2f}, then gc {m.edit_collect_after_s:.2f})"
                if m.edit_rebuild_s
                else ""
            )
            + f"  load {m.load_average:.1f}"
        )

    for rep in range(repeat):
        if "plugin_floor" in cold_variants:
            recording = ["full", *io("record", ours, rep), "--record-sidebars", str(extractions)]
            run_build("record", rep, recording, scratch)
        names = list(cold_variants)
        names = names[rep % len(names) :] + names[: rep % len(names)]  # alternate the order
        for name in names:
            record(run_build(name, rep, cold_variants[name](rep), scratch))
        # The edit loop, with the settings `make serve` uses (content cache on).
        serve = ["full", *io("serve", ours, rep), "--serve"]
        record(run_build("serve_cold", rep, serve, scratch))
        edit_release(edited, f"{rep}-a")
        record(run_build("edit", rep, serve, scratch))
        record(run_build("unchanged", rep, serve, scratch))
        record(run_build("serve_edit", rep, [*serve, "--edit-in-process", str(edited)], scratch))
    return summarise(measurements, releases, repeat, seed, sidebars)


def summarise(measurements, releases, repeat, seed, sidebars) -> dict:
    by_mode: dict[str, list[Measurement]] = {}
    for m in measurements:
        by_mode.setdefault(m.mode, []).append(m)

    def values(mode: str, field: str) -> list[float]:
        return [getattr(m, field) for m in by_mode.get(mode, []) if getattr(m, field)]

    def median(mode: str, field: str = "wall_s") -> float | None:
        found = values(mode, field)
        return statistics.median(found) if found else None

    def best(mode: str, field: str = "wall_s") -> float | None:
        found = values(mode, field)
        return min(found) if found else None

    def spread(mode: str) -> float | None:
        found = values(mode, "wall_s")
        return (max(found) - min(found)) / statistics.median(found) if found else None

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a and b else None

    modes = {
        mode: {
            "wall_s_median": round(median(mode), 3),
            "wall_s_min": round(best(mode), 3),
            "cpu_s_median": round(median(mode, "cpu_s"), 3),
            "build_s_median": round(median(mode, "build_s"), 3),
            "ms_per_release": round(1000 * median(mode) / releases, 2),
            "ms_per_release_min": round(1000 * best(mode) / releases, 2),
            "peak_rss_mb_max": round(max(m.peak_rss_mb for m in by_mode[mode]), 1),
            "spread": round(spread(mode), 3),
            "load_average_median": round(median(mode, "load_average") or 0, 2),
        }
        for mode in by_mode
    }
    if values("serve_edit", "edit_rebuild_s"):
        modes["serve_edit"].update(
            in_process_edit_rebuild_s_median=round(median("serve_edit", "edit_rebuild_s"), 3),
            in_process_edit_rebuild_s_min=round(best("serve_edit", "edit_rebuild_s"), 3),
            in_process_edit_rebuild_cpu_s_median=round(
                median("serve_edit", "edit_rebuild_cpu_s"), 3
            ),
            in_process_collect_after_s_median=round(
                median("serve_edit", "edit_collect_after_s"), 3
            ),
        )

    def ratios(pick, field: str = "wall_s") -> dict:
        cold = pick("cold", field)
        floor_field = "build_s" if field == "wall_s" else field
        return {
            "cold_vs_plain": ratio(cold, pick("plain", field)),
            "plugin_on_vs_off": ratio(cold, pick("plugin_off", field)),
            # What the plugin would cost if its extraction were free (its output only). Timed
            # inside the build's process: plugin_floor loads its record before the clock starts.
            "plugin_floor_vs_off": ratio(
                pick("plugin_floor", floor_field), pick("plugin_off", floor_field)
            ),
            "speed_plugins_on_vs_off": ratio(cold, pick("fast_off", field)),
            "edit_vs_cold": ratio(pick("edit", field), cold),
            "unchanged_vs_cold": ratio(pick("unchanged", field), cold),
            "in_process_edit_vs_cold": ratio(
                pick("serve_edit", "edit_rebuild_s" if field == "wall_s" else "edit_rebuild_cpu_s"),
                cold,
            ),
        }

    return {
        "releases": releases,
        "repeat": repeat,
        "seed": seed,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sidebar_plugin_present": sidebars,
        "modes": modes,
        # Wall-time ratios of medians, of best runs (least disturbed by other load) and CPU.
        "ratios": ratios(median),
        "ratios_best": ratios(best),
        "ratios_cpu": ratios(median, "cpu_s"),
        "measurements": [asdict(m) for m in measurements],
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", "-n", type=int, default=1000)
    parser.add_argument("--repeat", "-r", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="default: bench/results/bench-N-<time>.json")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    if args.releases < 1 or args.repeat < 1:
        parser.error("--releases and --repeat must be at least 1")

    scratch = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
    print(f"Benchmark: {args.releases} releases, {args.repeat} repetition(s), scratch {scratch}")
    try:
        report = benchmark(args.releases, args.repeat, args.seed, scratch)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    out = args.json or RESULTS / f"bench-{args.releases}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print("Medians:")
    for mode, figures in report["modes"].items():
        print(f"  {mode:<12} {figures}")
    print("Ratios (median wall):", json.dumps(report["ratios"]))
    print("Ratios (best wall):  ", json.dumps(report["ratios_best"]))
    print("Ratios (median CPU): ", json.dumps(report["ratios_cpu"]))
    print(f"Written to {out}")
    return report


if __name__ == "__main__":
    main()
