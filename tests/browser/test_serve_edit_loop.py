"""`make serve`'s edit loop end to end: a saved edit shows up in a real Chromium.

Runs the serve-latency benchmark at a small N in a subprocess (its own Playwright session):
livereload serving a generated site with the serve settings, a release edited on disk, the
browser polled until the new sentence is on the page. Figures are printed, never asserted.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("watcher", ["inotify", "poll"])
def test_saved_edit_appears_in_the_browser(tmp_path, watcher):
    """With inotify (what `make serve` uses on Linux) and livereload's polling fallback; the
    second save comes one second after the first is shown (livereload alone would have
    rebuilt it without reloading the browser: its guard drops reloads for 3 s)."""
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing under CI: .ci/run must `apt-get install chromium`")
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    out = tmp_path / "latency.json"
    command = [sys.executable, "-m", "bench.serve_latency", "-n", "12", "--edits", "2"]
    command += ["--gap", "1"]
    command += ["--poll"] if watcher == "poll" else []
    result = subprocess.run(
        [*command, "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["latency_s"]) == 2  # both edits became visible
    assert report["watcher"] == ("poll" if watcher == "poll" else "notify")
    print(result.stdout)
