"""Contributor tools: `invoke new` makes a release that builds at once; `invoke check` exits."""

import datetime
import io
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from release_checks import check_settings
from release_checks.tools import create_release, new_release, read_pelican_settings, run_check


def test_new_release_is_named_after_date_and_title_and_builds_at_once(write_release, tmp_path):
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(write_release.content))
    path = create_release(settings, 'Harbour Trust: "East Quay" opens', out=io.StringIO())
    today = datetime.datetime.now(datetime.UTC).astimezone(check_settings(settings).tzinfo)
    assert re.fullmatch(rf"{today:%Y-%m-%d}-harbour-trust-east-quay-opens\.md", path.name)
    assert run_check(settings, out=io.StringIO()) == 0

    preview = tmp_path / "preview"
    run_build(preview, PATH=str(write_release.content))  # strict: no problem at all
    page = BeautifulSoup(
        (preview / f"{today:%Y}" / "harbour-trust-east-quay-opens" / "index.html").read_text(),
        "html.parser",
    )
    assert page.h1.get_text() == 'Harbour Trust: "East Quay" opens'
    assert "Draft" in page.select_one(".status-banner").get_text()

    published = tmp_path / "published"
    run_build(published, ROOT / "publishconf.py", PATH=str(write_release.content))
    assert not list(published.rglob("*east-quay*"))  # a draft until its author says so


def test_new_release_refuses_to_overwrite(write_release):
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(write_release.content))
    create_release(settings, "Same title", out=io.StringIO())
    with pytest.raises(FileExistsError):
        create_release(settings, "Same title", out=io.StringIO())


def test_new_release_needs_a_title(tmp_path):
    now = datetime.datetime(2024, 5, 1, 22, 30, tzinfo=datetime.UTC)
    with pytest.raises(ValueError):
        new_release("  ", tmp_path, check_settings({}), now)


def test_new_release_uses_site_timezone_language_and_category(tmp_path):
    settings = check_settings(
        {"TIMEZONE": "Asia/Hong_Kong", "DEFAULT_LANG": "fr", "DEFAULT_CATEGORY": "Communiqués"}
    )
    now = datetime.datetime(2024, 5, 1, 22, 30, 15, tzinfo=datetime.UTC)
    release = new_release("Écoles ouvertes", tmp_path, settings, now)
    assert release.path == tmp_path / "2024-05-02-ecoles-ouvertes.md"
    assert "date: 2024-05-02T06:30:00+08:00\n" in release.text
    assert "lang: fr\n" in release.text
    assert 'category: "Communiqués"\n' in release.text


def test_invoke_check_on_the_real_content_exits_zero():
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "release(s) checked: no problems" in result.stderr


def test_invoke_check_exits_non_zero_with_the_messages(write_release):
    bad = write_release("bad.md", "---\ntitle: x\n---\n")
    script = (
        "import sys; sys.path.insert(0, 'plugins'); "
        "from release_checks.tools import read_pelican_settings, run_check; "
        f"sys.exit(run_check(read_pelican_settings('pelicanconf.py', PATH={str(bad.parent)!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 1
    assert f"{bad}:1: date: required field missing" in result.stderr


def test_contributing_reference_table_lists_exactly_the_schema():
    from release_checks.schema import FIELDS

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z_]+)` \| (yes|no|with `image`) \|", text, flags=re.MULTILINE)
    assert [name for name, _ in table] == list(FIELDS)
    assert {name for name, required in table if required == "yes"} == {
        name for name, spec in FIELDS.items() if spec.required
    }


def test_contributing_template_is_a_valid_release(tmp_path):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    template = re.search(r"```markdown\n(---\n.*?)```", text, flags=re.DOTALL).group(1)
    (tmp_path / "2024-03-01-east-quay.md").write_text(template, encoding="utf-8")
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(tmp_path))
    out = io.StringIO()
    assert run_check(settings, out=out) == 0, out.getvalue()


def test_make_build_reports_the_same_messages_as_invoke_check(write_release, tmp_path):
    from strict_build import StrictBuildError

    good = (ROOT / "tests" / "golden" / "content" / "2024-03-01-first.md").read_text()
    write_release("typo.md", good.replace("summary:", "sumary:"))
    write_release("lang.md", good.replace("lang: en", "lang: de").replace("East", "West"))
    write_release("unsafe.md", good.replace("twelve benches.", "<b onclick=x()>bench</b>"))
    write_release("empty.md", "")
    (write_release.content / "latin1.md").write_bytes(
        good.replace("Lisbon", "Gen\xe8ve").encode("latin-1", "replace")
    )
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(write_release.content))
    out = io.StringIO()
    assert run_check(settings, out=out) == 1
    checked = set(out.getvalue().splitlines()[:-1])
    assert len(checked) >= 6

    with pytest.raises(StrictBuildError) as failure:
        run_build(tmp_path / "out", PATH=str(write_release.content))
    built = {line.removeprefix("  - ") for line in str(failure.value).splitlines()}
    assert checked <= built, checked - built


def test_yaml_reader_errors_are_condensed_to_one_line_without_traceback():
    import logging

    from release_checks.wiring import condense_yaml_errors

    try:
        raise ValueError("did not find expected ',' or ']'\n  in line 3, column 5")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "yaml", logging.ERROR, __file__, 1, "Error parsing YAML for file '%s", ("a.md",),
            sys.exc_info(),
        )  # fmt: skip
    assert condense_yaml_errors(record) is True
    assert record.exc_info is None
    assert record.getMessage() == (
        "Error parsing YAML for file 'a.md: did not find expected ',' or ']' in line 3, column 5"
    )
