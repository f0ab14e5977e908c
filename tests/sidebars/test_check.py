"""`invoke check` lists unattributed quotations, like the build, without running Pelican."""

import io
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT, run_build
from press_sidebars import extract, load_config
from press_sidebars.check import list_unattributed, unattributed_in_body
from press_sidebars.frontmatter import FrontMatterError
from release_checks.tools import read_pelican_settings

from .helpers import CONFIG, render


def found(body: str, body_line: int = 7, **front) -> list[tuple[int, str]]:
    located = unattributed_in_body(body, body_line, front, "en", CONFIG, render)
    return [(line, statement.anchor) for line, statement in located]


def test_only_unattributed_quotations_with_the_line_they_start_on():
    body = textwrap.dedent("""
        The board met on Monday.

        "The quay is open," said Mira Castellanos.

        The Trust met the neighbours.

        *"Nobody asked the fishermen,"* wrote
        a neighbour.

        "We will listen," she said.
        """)
    # body_line is the closing `---` line: the body text starts on the next one.
    # "she" is the unnamed neighbour, not Mira Castellanos: unattributed too, never guessed.
    assert found(body) == [(14, "quote-2"), (17, "quote-3")]


def test_markup_and_entities_inside_the_quotation_do_not_lose_its_line():
    body = '\nIntro.\n\n"The **quay** &amp; the _boardwalk_ belong to us all."\n'
    assert found(body, body_line=1) == [(4, "quote-1")]


def test_the_same_opening_twice_gets_each_its_own_line():
    body = (
        '\n"We are ready," said Ana Ruiz.\n\nThen:\n\n"We are ready."\n\nAnd:\n\n"We are ready."\n'
    )
    assert found(body, body_line=1) == [(6, "quote-2"), (10, "quote-3")]


def test_front_matter_switches_and_language_are_those_of_the_build():
    body = '\n"Off the record."\n'
    assert found(body, sidebars=False) == []
    assert found(body, sidebars="false") == []
    fr = '\n"Le quai est ouvert," déclare Marie Dupont.\n'
    assert found(fr, lang="fr") == []
    assert found(fr) == [(8, "quote-1")]  # English cues do not read "déclare"
    with pytest.raises(FrontMatterError):
        found(body, speakers=["Mira"])


def test_a_body_without_any_quotation_mark_is_not_even_rendered():
    def render_must_not_run(source):
        raise AssertionError("rendered")

    plain = "\nThe board met on **Monday**. It is 1.2 km long.\n"
    assert unattributed_in_body(plain, 1, {}, "en", CONFIG, render_must_not_run) == []


def test_plugin_switched_off_lists_nothing():
    off = load_config({"enabled": False})
    assert unattributed_in_body('\n"Hello."\n', 1, {}, "en", off, render) == []


RELEASES = {
    "2024-03-01-quay.md": """---
title: Quay opens
date: 2024-03-01T09:00:00+01:00
category: Press releases
summary: Quay opens.
lang: en
---

The quay opens on **2 March**.

*"The quay belongs to everyone,"* said Mira Castellanos.

The boardwalk is 1.2 km long.

"Nobody asked the fishermen."

The Trust will reply.

> We were never consulted.
""",
    "2024-03-02-fr.md": """---
title: Le quai ouvre
date: 2024-03-02T09:00:00+01:00
category: Press releases
summary: Le quai ouvre.
lang: fr
---

« Le quai appartient à tous », a déclaré Marie Dupont.

Le quai mesure 1,2 km.

« Personne ne nous a demandé. »
""",
    "2024-03-03-draft.md": """---
title: Draft
date: 2024-03-03T09:00:00+01:00
category: Press releases
summary: Draft.
lang: en
status: draft
---

"A secret plan."
""",
    "2024-03-04-hidden.md": """---
title: Hidden
date: 2024-03-04T09:00:00+01:00
category: Press releases
summary: Hidden.
lang: en
status: hidden
---

"Another secret."
""",
    "2024-03-05-off.md": """---
title: Switched off
date: 2024-03-05T09:00:00+01:00
category: Press releases
summary: Switched off.
lang: en
sidebars: false
---

"Off the record."
""",
    "2024-03-06-declared.md": """---
title: Declared
date: 2024-03-06T09:00:00+01:00
category: Press releases
summary: Declared.
lang: en
speakers:
  Mira Castellanos: chair of the Harbour Trust
---

"Twelve benches arrive," Castellanos said.
""",
}


@pytest.fixture
def newsroom(write_release):
    for name, text in RELEASES.items():
        write_release(name, text)
    return write_release.content


def test_every_release_is_listed_in_the_same_words_as_the_build(newsroom, tmp_path, capsys):
    out = io.StringIO()
    settings = read_pelican_settings(ROOT / "pelicanconf.py", PATH=str(newsroom))
    assert list_unattributed(settings, out=out) == 0  # notes, like the build
    lines = out.getvalue().splitlines()
    assert lines[0] == "press_sidebars: 5 unattributed quotation(s):"
    quay, fr, draft, hidden = (str(newsroom / name) for name in sorted(RELEASES)[:4])
    assert lines[1:] == [
        f"{quay}:15: unattributed quotation #quote-2: “Nobody asked the fishermen.” "
        "(name the speaker in the text, e.g. '…,\" said Name.')",
        f"{quay}:19: unattributed quotation #quote-3: “We were never consulted.” "
        "(name the speaker in the text, e.g. '…,\" said Name.')",
        f"{fr}:13: unattributed quotation #quote-2: “Personne ne nous a demandé.” "
        "(name the speaker in the text, e.g. '…,\" said Name.')",
        f"{draft}:10: unattributed quotation #quote-1: “A secret plan.” "
        "(name the speaker in the text, e.g. '…,\" said Name.')",
        f"{hidden}:10: unattributed quotation #quote-1: “Another secret.” "
        "(name the speaker in the text, e.g. '…,\" said Name.')",
    ]

    # The local preview build (drafts shown, hidden releases written) lists the same ones.
    run_build(tmp_path / "out", PATH=str(newsroom), SEARCH_INDEX={"ENABLED": False})
    built = [
        line.removeprefix("  - ")
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("  - ")
    ]
    checked = [line.split(":", 2) for line in lines[1:]]
    assert sorted(built) == sorted(f"{path}:{message}" for path, _, message in checked)


def test_fail_on_unattributed_makes_the_check_fail(newsroom):
    settings = read_pelican_settings(
        ROOT / "pelicanconf.py",
        PATH=str(newsroom),
        PRESS_SIDEBARS={"fail_on_unattributed": True},
    )
    assert list_unattributed(settings, out=io.StringIO()) == 1


def test_invoke_check_runs_the_front_matter_checks_and_lists_unattributed_quotations(newsroom):
    (newsroom / "2024-03-07-broken.md").write_text(
        RELEASES["2024-03-05-off.md"]
        .replace("summary: Switched off.\n", "")
        .replace("title: Switched off", "title: Broken"),
        encoding="utf-8",
    )
    # `invoke check` reads pelicanconf.py; only its PATH is pointed at the test releases.
    script = (
        "import functools, sys; sys.path[:0] = ['plugins', '.']\n"
        "from release_checks import tools\n"
        "tools.read_pelican_settings = functools.partial("
        f"tools.read_pelican_settings, PATH={str(newsroom)!r})\n"
        "import tasks; from invoke import Context\n"
        "tasks.check(Context())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1  # the missing summary
    assert f"{newsroom / '2024-03-07-broken.md'}:1: summary: required field missing" in (
        result.stderr
    )
    assert "press_sidebars: 5 unattributed quotation(s):" in result.stderr
    assert f"{newsroom / '2024-03-01-quay.md'}:15: unattributed quotation #quote-2" in (
        result.stderr
    )


def test_invoke_quotes_shows_how_an_unnamed_speaker_is_described():
    from press_sidebars.report import describe

    sidebars = extract(render('"Too soon," said the minister.'), "en", CONFIG).sidebars
    out = describe(sidebars, "release.md", "en")
    assert "1. UNATTRIBUTED (described as “the minister”, not a name)  [#quote-1]" in out
    assert "“Too soon.”" in out and "Speakers (0):" in out


def test_a_long_unattributed_quotation_is_shown_cut_between_words():
    from press_sidebars.report import unattributed_message

    text = "Nobody asked the neighbours about the benches, the lights or the walkway, and nobody"
    (statement,) = extract(render(f'"{text} listened."'), "en", CONFIG).sidebars.statements
    message = unattributed_message(statement)
    # Cut between words, and not after "or the", which would leave the phrase hanging.
    assert "“Nobody asked the neighbours about the benches, the lights …”" in message
