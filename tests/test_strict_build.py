"""A broken release fails the build, after every problem of the run is reported."""

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from strict_build import ProblemCollector, StrictBuildError, unpublished_sources

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


def test_each_problem_is_reported_once_like_invoke_check_without_tracebacks(
    write_release, tmp_path
):
    """`make build` on bad files: the check's lines, each once, paths from where it runs."""
    write_release("good.md", GOOD)
    write_release("bad-yaml.md", BAD_YAML)
    write_release("no-title.md", NO_TITLE)
    write_release("empty.md", "")
    write_release("clash.md", GOOD.replace("Body.", "Another body."))
    content, output = str(write_release.content), str(tmp_path / "out")
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); import tasks; "
        f"tasks.build_site(PATH={content!r}, OUTPUT_PATH={output!r})"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = result.stderr[result.stderr.index("problem(s) found") :].splitlines()[1:]
    assert len(report) == len(set(report))
    named = [line.removeprefix("  - ").split(":", 1)[0] for line in report]
    assert set(named) == {
        "content/bad-yaml.md",
        "content/no-title.md",
        "content/empty.md",
        "content/good.md",
        "content/clash.md",
    }
    assert named.count("content/no-title.md") == 3  # title, summary, category missing
    assert not any("was not turned into a page" in line for line in report)
    clash = next(line for line in report if line.startswith("  - content/good.md"))
    assert clash.endswith("like content/clash.md; change the title or give one a different `slug`")


def test_a_file_nobody_reported_is_still_named(write_release, tmp_path):
    """An HTML article without a title: Pelican skips it, strict_build names it."""
    write_release("good.md", GOOD)
    lost = write_release("lost.html", "<html><head></head><body>x</body></html>")
    with pytest.raises(StrictBuildError) as failure:
        run_build(tmp_path / "out", PATH=str(write_release.content))
    assert f"{lost}: was not turned into a page" in str(failure.value)


def test_problems_logged_with_a_source_path_account_for_the_file():
    collector = ProblemCollector()
    logger = logging.getLogger("test_strict_build")
    logger.addHandler(collector)
    try:
        logger.warning("a.md:1: title: missing", extra={"source_path": "/c/a.md"})
        logger.warning("a.md:1: title: missing", extra={"source_path": "/c/a.md"})
        logger.warning("something general")
    finally:
        logger.removeHandler(collector)
    assert collector.problems == ["a.md:1: title: missing", "something general"]
    assert collector.sources == {"/c/a.md"}


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
