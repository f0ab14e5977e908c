"""Front-matter checks as plain functions over file text: no Pelican run."""

import datetime
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from release_checks import check_release, check_releases, check_settings, release_files
from release_checks.schema import FIELDS
from release_checks.tools import read_pelican_settings, run_check

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = check_settings(
    {
        "TIMEZONE": "Europe/Paris",
        "PRESS_LANGUAGES": ["en", "fr"],
        "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html",
        "ARTICLE_LANG_SAVE_AS": "{date:%Y}/{slug}/{lang}/index.html",
    }
)

VALID = """---
title: Harbour Trust opens the East Quay boardwalk
date: 2024-03-01T09:30:00+01:00
summary: The boardwalk opens on 2 March.
category: Press releases
lang: en
tags: [Harbour, Public space]
source: https://example.org/releases/east-quay
contacts:
  - name: Ana Reis
    email: press@example.org
    phone: "+351 21 000 0000"
speakers:
  Mira Castellanos: director of the Harbour Trust
embargo: 2024-03-01T08:00:00Z
status: published
image: images/quay.jpg
image_alt: The boardwalk at dawn
sidebars: false
---

Body.
"""


def check(text, name="release.md", settings=SETTINGS):
    path = Path("/content") / name
    data = text.encode("utf-8") if isinstance(text, str) else text
    return check_release(path, data, settings)


def replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new)


def only_problem(text):
    _, problems = check(text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_valid_release_has_no_problems_and_typed_values():
    release, problems = check(VALID)
    assert problems == []
    assert release.values["tags"] == ["Harbour", "Public space"]
    assert release.values["contacts"][0]["email"] == "press@example.org"
    assert release.values["sidebars"] is False
    assert release.save_as == "2024/harbour-trust-opens-the-east-quay-boardwalk/index.html"


def test_problem_reads_path_line_field_message():
    problem = only_problem(replace("lang: en", "lang: de"))
    assert str(problem) == (
        "/content/release.md:6: lang: 'de' is not a site language; use one of: en, fr"
    )


def test_unknown_key_suggests_nearest_known_key():
    _, problems = check(replace("summary:", "summmary:"))
    messages = {(p.line, p.field): p.message for p in problems}
    assert messages[(4, "summmary")] == "unknown field; did you mean `summary`?"


@pytest.mark.parametrize("field", ["title", "date", "summary", "category", "lang"])
def test_each_required_field_is_reported_when_missing(field):
    text = "\n".join(line for line in VALID.split("\n") if not line.startswith(f"{field}:"))
    problem = only_problem(text)
    assert (problem.line, problem.field) == (1, field)
    assert problem.message == f"required field missing; add a `{field}:` line"


def test_naive_date_gets_the_site_timezone():
    release, problems = check(replace("2024-03-01T09:30:00+01:00", "2024-03-01 09:30"))
    assert problems == []
    assert release.values["date"] == datetime.datetime(
        2024, 3, 1, 9, 30, tzinfo=ZoneInfo("Europe/Paris")
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "words"),
    [
        ("2024-03-01T09:30:00+01:00", "next Tuesday", 3, "date", "is not a date"),
        ("2024-03-01T09:30:00+01:00", "2024-13-45", 3, "date", "month must be in 1..12"),
        ("lang: en", "lang: de", 6, "lang", "'de' is not a site language; use one of: en, fr"),
        ("https://example.org/releases/east-quay", "example.org/x", 8, "source", "http(s) URL"),
        ("https://example.org/releases/east-quay", "javascript:alert(1)", 8, "source", "http(s)"),
        ("press@example.org", "press-at-example", 11, "contacts", "not an email address"),
        ('"+351 21 000 0000"', "call us", 12, "contacts", "not a phone number"),
        ("    email:", "    emial:", 11, "contacts", "did you mean `email`?"),
        ("status: published", "status: ready", 16, "status", "use draft, hidden or published"),
        ("sidebars: false", "sidebars: maybe", 19, "sidebars", "expected true or false"),
        ("2024-03-01T08:00:00Z", "soon", 15, "embargo", "is not a date"),
        ("images/quay.jpg", "javascript:alert(1)", 17, "image", "path or an http(s) URL"),
        ("image_alt: The boardwalk at dawn", "", 17, "image_alt", "needs `image_alt`"),
        ("title: Harbour", "title: [Harbour]\nxtitle: Harbour", 2, "title", "expected text"),
        ("category: Press releases", "category:", 5, "category", "is empty"),
        ("tags: [Harbour, Public space]", "tags: {a: 1}", 7, "tags", "list of tags"),
        ("lang: en", "lang: en\nlang: fr", 7, "lang", "given twice (first on line 6)"),
    ],
)
def test_each_type_error_names_line_and_field(old, new, line, field, words):
    _, problems = check(replace(old, new))
    matching = [p for p in problems if p.field == field]
    assert matching, [str(p) for p in problems]
    assert matching[0].line == line
    assert words in matching[0].message


def test_yaml_syntax_error_gives_line_and_column():
    problem = only_problem(replace("tags: [Harbour, Public space]", "tags: [Harbour, Public"))
    assert problem.field == "front matter"
    assert problem.line == 8
    assert "YAML syntax error at line 8, column 7" in problem.message
    assert "flow sequence on line 7" in problem.message


def test_not_utf8_file_is_reported_with_its_line():
    problem = only_problem(VALID.encode("utf-8").replace(b"Body.", b"Caf\xe9."))
    assert (problem.line, problem.field) == (22, "file")
    assert "not UTF-8" in problem.message


def test_windows_line_endings_and_byte_order_mark_are_read_like_pelican_does():
    data = b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8")
    release, problems = check(data)
    assert problems == []
    assert release.values["title"] == "Harbour Trust opens the East Quay boardwalk"
    _, problems = check(replace("lang: en", "lang: de").replace("\n", "\r\n"))
    assert [(p.line, p.field) for p in problems] == [(6, "lang")]


@pytest.mark.parametrize("text", ["", "\n  \n"])
def test_empty_file_is_reported(text):
    problem = only_problem(text)
    assert (problem.line, problem.field, problem.message.startswith("file is empty")) == (
        1,
        "file",
        True,
    )


def test_unclosed_front_matter_is_reported():
    problem = only_problem(VALID.replace("---\n\nBody.", "\nBody."))
    assert (problem.line, problem.field) == (1, "front matter")
    assert "never closed" in problem.message


def test_pelican_key_value_header_still_works():
    text = (
        "Title: Harbour Trust names new chair\nDate: 2024-04-15 12:00\nSummary: A new chair.\n"
        "Category: Press releases\nTags: Harbour, Governance\nLang: fr\n\nThe board met.\n"
    )
    release, problems = check(text)
    assert problems == []
    assert release.values["tags"] == ["Harbour", "Governance"]
    assert release.save_as == "2024/harbour-trust-names-new-chair/fr/index.html"


def test_pelican_header_errors_name_their_line():
    text = "Title: T\nDate: 2024-04-15\nSumary: s\nCategory: c\nLang: xx\n\nBody\n"
    _, problems = check(text)
    # The misspelt required field is one problem, not also "summary: required field missing".
    assert sorted((p.line, p.field) for p in problems) == [
        (3, "sumary"),
        (5, "lang"),
    ]


def test_two_releases_written_to_the_same_url_are_both_named(tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(VALID, encoding="utf-8")
    second.write_text(VALID.replace("Body.", "Other body."), encoding="utf-8")
    problems = check_releases([first, second], SETTINGS)
    assert [(p.path, p.line, p.field) for p in problems] == [
        (first, 2, "url"),
        (second, 2, "url"),
    ]
    assert str(second) in problems[0].message and str(first) in problems[1].message


def test_same_slug_in_another_language_is_a_translation_not_a_clash(tmp_path):
    (tmp_path / "en.md").write_text(VALID, encoding="utf-8")
    (tmp_path / "fr.md").write_text(VALID.replace("lang: en", "lang: fr"), encoding="utf-8")
    assert check_releases(sorted(tmp_path.glob("*.md")), SETTINGS) == []


def test_every_problem_of_every_file_in_one_run(tmp_path):
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    files = {
        "unknown.md": replace("category:", "categroy:"),
        "latin1.md": VALID.replace("Body.", "Café.").encode("latin-1"),
        "empty.md": "",
        "yaml.md": replace("lang: en", "lang: [en"),
        "nolang.md": replace("lang: en", ""),
        "unsafe.md": replace("Body.", "Body <script>alert(1)</script>."),
    }
    for name, text in files.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (content / name).write_bytes(data)
    (content / "pages" / "about.md").write_text("not a release", encoding="utf-8")
    (content / "notes.txt").write_text("", encoding="utf-8")
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(content))
    assert len(release_files(settings)) == len(files)

    out = io.StringIO()
    assert run_check(settings, out=out) == 1
    lines = out.getvalue().splitlines()
    named = {line.split(":", 1)[0].rsplit("/", 1)[-1] for line in lines[:-1]}
    assert named == set(files)
    assert f"{content / 'unknown.md'}:5: categroy: unknown field; did you mean `category`?" in lines
    assert any(line.startswith(f"{content / 'unsafe.md'}:22: body: unsafe HTML") for line in lines)
    assert lines[-1] == (
        f"{len(lines) - 1} problem(s) in 6 of 6 release(s). CONTRIBUTING.md explains every field."
    )


def test_the_real_content_passes():
    out = io.StringIO()
    assert run_check(read_pelican_settings(ROOT / "pelicanconf.py"), out=out) == 0, out.getvalue()


@settings(max_examples=300, deadline=None)
@given(header=st.text(), body=st.text(), raw=st.binary(max_size=200))
def test_any_input_gives_problems_never_a_crash(header, body, raw):
    """Whatever a contributor saves, the checker answers with messages, not a traceback."""
    for data in (
        raw,
        f"---\n{header}\n---\n{body}".encode("utf-8", "replace"),
        f"{header}\n\n{body}".encode("utf-8", "replace"),
    ):
        release, problems = check_release(Path("/content/x.md"), data, SETTINGS)
        assert release is not None or problems
        assert all(p.line >= 1 and p.field and p.message for p in problems)


YAML_SNIPPETS = [
    "",
    "[",
    "{a: 1}",
    "\n  - a\n  - {name: x, email: y}",
    "\n  - 3",
    "\n  Name: [role]",
    "2024-13-01",
    "2024-01-01T10:00",
    "yes",
    "1.5",
    "!!binary eA==",
    "!!python/object:os.system x",
    "&a [*a]",
    '"unclosed',
    "https://example.org",
    "javascript:alert(1)",
    "~",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*FIELDS, "summmary", "Title"]),
            st.sampled_from(YAML_SNIPPETS) | st.text(max_size=12),
        ),
        max_size=12,
    )
)
def test_any_field_values_give_problems_never_a_crash(fields):
    header = "\n".join(f"{key}: {value}" for key, value in fields)
    release, problems = check_release(
        Path("/content/x.md"), f"---\n{header}\n---\nBody\n".encode("utf-8", "replace"), SETTINGS
    )
    assert release is not None or problems
    assert all(p.line >= 1 and p.field and p.message for p in problems)
