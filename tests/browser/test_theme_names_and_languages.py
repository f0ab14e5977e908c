"""In Chromium: every sidebar link and copy button has its own accessible name and a comfortable
target, the "Copied" status is polite and clears, and a French release copies in French style."""

import pytest

from conftest import run_build
from theme_site import BOARDWALK_FR, write_sample_content

SEED = "/2021/amnesty-international-to-close-its-hong-kong-offices/"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory, serve_dir) -> str:
    content = write_sample_content(tmp_path_factory.mktemp("content"))
    output = tmp_path_factory.mktemp("sample")
    run_build(output, PATH=str(content))
    return serve_dir(output)


def test_in_text_links_have_unique_names_and_comfortable_targets(page, site):
    page.goto(site + SEED)
    links = page.locator("a.in-text")
    assert links.count() == 6
    names = [
        "In the text: key fact 1",
        "In the text: key fact 2",
        "In the text: quote 1, Anjhula Mya Singh Bais",
        "In the text: quote 2, Agnes Callamard",
        "In the text: quote 3, Anjhula Mya Singh Bais",
        "In the text: quote 4, Agnes Callamard",
    ]
    for name in names:
        assert page.get_by_role("link", name=name, exact=True).count() == 1, name
    for index in range(links.count()):
        size = links.nth(index).bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24, size  # WCAG 2.5.8


def test_copy_buttons_have_unique_names(page, site):
    page.goto(site + SEED)
    buttons = page.locator("button.copy-quote")
    buttons.first.wait_for()
    names = [buttons.nth(i).get_attribute("aria-label") for i in range(buttons.count())]
    assert names == [
        "Copy quote 1, Anjhula Mya Singh Bais",
        "Copy quote 2, Agnes Callamard",
        "Copy quote 3, Anjhula Mya Singh Bais",
        "Copy quote 4, Agnes Callamard",
    ]
    for name in names:
        assert page.get_by_role("button", name=name, exact=True).count() == 1
        size = page.get_by_role("button", name=name, exact=True).bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24


def test_copied_status_is_polite_and_clears(clipboard_page, site):
    page = clipboard_page
    page.goto(site + SEED)
    page.get_by_role("button", name="Copy quote 2, Agnes Callamard", exact=True).click()
    status = page.locator("aside.quotes figure.quote").nth(1).locator(".copy-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.get_attribute("role") == "status"
    status.filter(has_text="Copied").wait_for()
    # It empties itself after a few seconds (waited for, not timed).
    page.wait_for_function("s => s.textContent === ''", arg=status.element_handle())
    assert "said Agnes Callamard, Secretary General" in page.evaluate(
        "navigator.clipboard.readText()"
    )


def test_french_release_copies_in_french_press_style(clipboard_page, sample_site):
    page = clipboard_page
    page.goto(f"{sample_site}/{BOARDWALK_FR.removesuffix('index.html')}")
    button = page.get_by_role("button", name="Copier la citation 1, Mira Castellanos", exact=True)
    assert button.inner_text() == "Copier la citation"
    button.click()
    page.locator("aside.quotes .copy-status", has_text="Copié").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    quote, url = copied.split("\n")
    assert quote == (
        "«\u00a0Le quai appartient à tous ceux qui vivent ici\u00a0», a déclaré "
        "Mira Castellanos, directrice du Harbour Trust."
    )
    assert url == page.url
