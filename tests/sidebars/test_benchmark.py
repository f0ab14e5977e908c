"""The sidebar benchmark runs (tiny N); it prints figures and asserts nothing about time."""

from pathlib import Path

from press_sidebars.benchmark import run

ROOT = Path(__file__).resolve().parents[2]


def test_benchmark_runs_at_a_small_size():
    seed = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"
    report = run(seed, ROOT / "pelicanconf.py", repeat=3, releases=3, rounds=1)
    assert "ms/release" in report and "ratio on/off" in report
