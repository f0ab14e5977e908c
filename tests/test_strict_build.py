"""A broken release fails the build, after every problem of the run is reported."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from strict_build import StrictBuildError, unpublished_sources

GOOD = (
    "---\ntitle: A good release\ndate: 2024-05-01T10:00:00+00:00\nlang: en\n"
    "summary: A good release.\ncategory: Press releases\n---\nBody.\n"
)
BAD_YAML = "---\ntitle: [unclosed\ndate: 2024-05-02\n---\nBody.\n"
NO_TITLE = "---\ndate: 2024-05-03\nlang: en\n---\nBody.\n"


def test_two_broken_releases_are_both_named(write_release, tmp_path):
    write_release("good.md", GOOD)
    bad_yaml = write_release("bad-yaml.md", BAD_YAML)
    no_title = write_release("no-title.md", NO_TITLE)
    with pytest.raises(StrictBuildError) as failure:
        run_build(tmp_path / "out", PATH=str(write_release.content))
    report = str(failure.value)
    assert str(bad_yaml) in report
    assert str(no_title) in report


def test_make_build_style_run_exits_non_zero_and_names_file(write_release, tmp_path):
    """Through the same entry point as `make build` (invoke's build_site), in a subprocess."""
    write_release("good.md", GOOD)
    bad = write_release("broken.md", BAD_YAML)
    content, output = str(write_release.content), str(tmp_path / "out")
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); import tasks; "
        f"tasks.build_site(PATH={content!r}, OUTPUT_PATH={output!r})"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 1
    assert str(bad) in result.stderr
    assert "problem(s) found" in result.stderr


def test_good_release_builds(write_release, tmp_path):
    write_release("good.md", GOOD)
    run_build(tmp_path / "out", PATH=str(write_release.content))
    assert (tmp_path / "out" / "2024" / "a-good-release" / "index.html").exists()


def test_unpublished_sources_lists_files_nothing_read(tmp_path):
    (tmp_path / "read.md").write_text("x")
    (tmp_path / "lost.md").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden.md").write_text("x")
    missing = unpublished_sources(tmp_path, ["md"], [str(tmp_path / "read.md")], [".*"])
    assert missing == [Path(tmp_path / "lost.md")]
