"""Lighthouse 12.8.2 (npm) on Debian's Chromium: at least 0.95 in performance, accessibility,
best practices and SEO for the home page and a release page of the published site."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "/", "release": "/2021/amnesty-international-to-close-its-hong-kong-offices/"}


@pytest.fixture(scope="module")
def published(tmp_path_factory, serve_dir) -> str:
    missing = [str(p) for p in (LIGHTHOUSE, CHROMIUM) if not p.exists()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"missing under CI: {missing}; .ci/run must install them (npm ci, apt)")
        pytest.skip(f"missing: {missing}")
    output = tmp_path_factory.mktemp("published")
    base = serve_dir(output)  # the port is needed for SITEURL before building
    run_build(output, ROOT / "publishconf.py", SITEURL=base, DELETE_OUTPUT_DIRECTORY=False)
    return base


def lighthouse_scores(url: str, report: Path) -> dict[str, float]:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=300,
    )
    categories = json.loads(report.read_text())["categories"]
    return {name: categories[name]["score"] for name in CATEGORIES}


@pytest.mark.parametrize("kind", list(PAGES))
def test_lighthouse_scores(published, kind, tmp_path):
    scores = lighthouse_scores(published + PAGES[kind], tmp_path / "report.json")
    print(f"Lighthouse {kind}: {scores}")
    assert all(score >= 0.95 for score in scores.values()), scores
