"""Copy a quote, end to end in Chromium, on the seed release built with stand-in sidebar data
and a minimal quotes partial following the contract's markup (tests/sidebar_contract.py)."""

import pytest
from a11y import axe_violations
from test_theme_browser import save_screenshot

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


def test_sidebars_sit_beside_the_text_on_desktop_and_around_it_on_phones(page, site):
    def box(selector):
        return page.locator(selector).bounding_box()

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + SEED)
    body = box(".body")
    for sidebar in ("aside.key-facts", "aside.quotes"):
        assert box(sidebar)["x"] >= body["x"] + body["width"], sidebar
    assert box("aside.key-facts")["y"] < body["y"] + 100, "key facts start beside the top"
    save_screenshot(page, "release-sidebars-1280")
    page.set_viewport_size({"width": 375, "height": 812})
    body = box(".body")
    assert box("aside.key-facts")["y"] + box("aside.key-facts")["height"] <= body["y"]
    assert box("aside.quotes")["y"] >= body["y"] + body["height"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    save_screenshot(page, "release-sidebars-375")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_a_release_with_sidebars_and_copy_buttons(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site + SEED)
    page.get_by_role("button", name="Copy quote").first.wait_for()
    assert axe_violations(page) is None
