"""Copy a quote, end to end in Chromium: a release read by the real sidebar plugin, its real
quotes partial, the theme's copy buttons (statements from the page's JSON-LD)."""

import pytest
from a11y import axe_violations

from conftest import run_build

RELEASE = """---
title: Harbour Trust reopens the East Quay
date: 2024-06-01T10:00:00+00:00
author: Harbour Trust
category: Press releases
summary: The East Quay reopens after three years of works.
lang: en
---

The East Quay reopens to the public on **2 June**.

"The quay belongs to everyone who lives here. We rebuilt it with the neighbourhood, not for it,"
said Mira Castellanos, director of the Harbour Trust.

"It took three years, and it was worth every day."

The works cost less than planned.

"Are fees < 5% & fair?" asked Rui Almeida.

Residents were consulted at every stage.

"Nobody will be turned away from the quay."
"""
PAGE = "/2024/harbour-trust-reopens-the-east-quay/"


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve_dir) -> str:
    content = tmp_path_factory.mktemp("content")
    (content / "2024-06-01-quay.md").write_text(RELEASE, encoding="utf-8")
    output = tmp_path_factory.mktemp("site")
    run_build(output, PATH=str(content))
    return serve_dir(output)


def copy(page, index: int) -> str:
    figure = page.locator("aside.quotes figure.quote").nth(index)
    figure.get_by_role("button", name="Copy quote").click()
    figure.get_by_role("status").filter(has_text="Copied").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


def test_statement_over_two_paragraphs_is_copied_whole_in_press_style(clipboard_page, site):
    clipboard_page.goto(site + PAGE)
    assert clipboard_page.locator("aside.quotes figure.quote").count() == 3
    assert copy(clipboard_page, 0) == (
        "“The quay belongs to everyone who lives here. We rebuilt it with the neighbourhood, "
        "not for it,” said Mira Castellanos, director of the Harbour Trust.\n"
        "\n"
        "“It took three years, and it was worth every day.”\n" + site + PAGE
    )


def test_question_keeps_its_mark_and_no_role_no_comma(clipboard_page, site):
    clipboard_page.goto(site + PAGE + "#quote-2")
    assert copy(clipboard_page, 1) == "“Are fees < 5% & fair?” said Rui Almeida.\n" + site + PAGE


def test_unattributed_quote_is_copied_as_is(clipboard_page, site):
    clipboard_page.goto(site + PAGE)
    assert copy(clipboard_page, 2) == "“Nobody will be turned away from the quay.”\n" + site + PAGE


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_a_release_with_sidebars_and_copy_buttons(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site + PAGE)
    page.get_by_role("button", name="Copy quote").first.wait_for()
    assert page.locator("aside.quotes cite.unattributed").count() == 1
    assert axe_violations(page) is None
