"""The Nu Html Checker (npm vnu-jar, run with Java) finds no error in the built sites."""

import json
import subprocess

import pytest

from conftest import ROOT, run_build
from theme_site import write_sample_content


@pytest.fixture(scope="module")
def vnu(nu_checker) -> list[str]:
    return nu_checker


def html_errors(vnu: list[str], *sites) -> list[str]:
    """Every error the checker reports, as readable lines."""
    result = subprocess.run(
        [*vnu, "--skip-non-html", "--errors-only", "--format", "json", *map(str, sites)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_the_checker_does_find_errors(vnu, tmp_path):
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html><title>x</title><p></span>")
    assert any("Stray end tag" in error for error in html_errors(vnu, tmp_path))


def test_built_sites_have_no_html_errors(vnu, built_site, tmp_path):
    content = write_sample_content(tmp_path / "content")
    run_build(tmp_path / "local", PATH=str(content), DEFAULT_PAGINATION=2)
    run_build(
        tmp_path / "published",
        ROOT / "publishconf.py",
        PATH=str(content),
        SITEURL="https://news.example.org",
    )
    pages = [p for site in (built_site, tmp_path) for p in site.rglob("*.html")]
    assert len(pages) > 30, "the checker must see every page type"
    assert html_errors(vnu, built_site, tmp_path / "local", tmp_path / "published") == []
