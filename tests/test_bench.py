"""The benchmark works end to end at a small N (figures are printed, never asserted)."""

import json

from bench.corpus import make_releases, pelican_text, yaml_text
from bench.run import main as bench_main


def test_corpus_is_deterministic_and_seed_like():
    first, again = make_releases(40, seed=3), make_releases(40, seed=3)
    assert first == again
    assert make_releases(40, seed=4) != first
    years = {release.date.year for release in first}
    assert len(years) == 10  # spread over ten years
    assert len({release.slug for release in first}) == 40
    body = first[0].body
    assert '*"' in body and "said" in body  # attributed quote
    assert "**" in body and "\n- " in body and "## **Background**" in body
    assert len({tag for release in first for tag in release.tags}) > 5
    assert len({release.category for release in first}) > 1


def test_both_formats_carry_the_same_release():
    release = make_releases(1)[0]
    ours, plain = yaml_text(release), pelican_text(release)
    assert ours.startswith("---\n") and f'title: "{release.title}"' in ours
    assert plain.startswith(f"Title: {release.title}\n")
    assert ours.endswith(release.body) and plain.endswith(release.body)


def test_small_benchmark_runs_every_mode(tmp_path, capsys):
    out = tmp_path / "bench.json"
    # Two repetitions: the second runs after the edit modes changed a release.
    bench_main(["--releases", "20", "--repeat", "2", "--json", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["releases"] == 20
    expected = {"cold", "plain", "fast_off", "serve_cold", "edit", "unchanged", "serve_edit"}
    if report["sidebar_plugin_present"]:
        expected |= {"plugin_off", "plugin_floor"}
    assert set(report["modes"]) == expected
    for figures in report["modes"].values():
        assert figures["wall_s_median"] > 0 and figures["peak_rss_mb_max"] > 0
    assert report["ratios"]["cold_vs_plain"] is not None
    if report["sidebar_plugin_present"]:
        assert report["ratios"]["plugin_floor_vs_off"] is not None
        floor = [m for m in report["measurements"] if m["mode"] == "plugin_floor"]
        assert all(m["replayed_extractions"] == 20 for m in floor)  # extraction really skipped
    assert report["modes"]["serve_edit"]["in_process_edit_rebuild_s_median"] > 0
    assert "Ratios (median wall)" in capsys.readouterr().out
