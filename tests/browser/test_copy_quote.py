"""Copy a quote, end to end in Chromium, on the seed release built with stand-in sidebar data
and a minimal quotes partial following the contract's markup (tests/sidebar_contract.py)."""

import pytest
from a11y import axe_violations

from conftest import run_build
from sidebar_contract import sidebars_on_every_article, write_quotes_partial

SEED = "/2021/amnesty-international-to-close-its-hong-kong-offices/"


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve_dir) -> str:
    templates = write_quotes_partial(tmp_path_factory.mktemp("templates"))
    output = tmp_path_factory.mktemp("site")
    with sidebars_on_every_article():
        run_build(output, THEME_TEMPLATES_OVERRIDES=[str(templates)])
    return serve_dir(output)


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def copy(page, index: int) -> str:
    figure = page.locator("aside.quotes figure.quote").nth(index)
    figure.get_by_role("button", name="Copy quote").click()
    figure.get_by_role("status").filter(has_text="Copied").wait_for()
    return page.evaluate("navigator.clipboard.readText()")


def test_copied_quote_is_attributed_and_links_the_release(clipboard_page, site):
    clipboard_page.goto(site + SEED)
    assert copy(clipboard_page, 0) == (
        "“This decision, made with a heavy heart, has been driven by Hong Kong's national "
        "security law,” said Anjhula Mya Singh Bais, chair of Amnesty's International Board.\n"
        + site
        + SEED
    )


def test_question_keeps_its_mark_and_no_role_no_comma(clipboard_page, site):
    clipboard_page.goto(site + SEED + "#q-2")
    assert copy(clipboard_page, 1) == "“Is this the end?” said Agnes Callamard.\n" + site + SEED


def test_unattributed_quote_is_copied_as_is(clipboard_page, site):
    clipboard_page.goto(site + SEED)
    assert copy(clipboard_page, 2) == (
        "“No one and no power can demolish that legacy.”\n" + site + SEED
    )


def test_sidebars_sit_beside_the_text_on_desktop_and_after_it_on_phones(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + SEED)
    body, quotes = page.locator(".body").bounding_box(), page.locator("aside.quotes").bounding_box()
    assert quotes["x"] >= body["x"] + body["width"]
    assert quotes["y"] < body["y"] + 200
    page.set_viewport_size({"width": 375, "height": 812})
    body, quotes = page.locator(".body").bounding_box(), page.locator("aside.quotes").bounding_box()
    assert quotes["y"] >= body["y"] + body["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_a_release_with_sidebars_and_copy_buttons(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site + SEED)
    page.get_by_role("button", name="Copy quote").first.wait_for()
    assert axe_violations(page) is None
