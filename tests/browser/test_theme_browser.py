"""The theme in a real Chromium: layout at phone and desktop widths, search, copying quotes,
and axe-core on every page type (light and dark)."""

from pathlib import Path

import pytest
from a11y import axe_violations

from conftest import ROOT, run_build
from theme_site import BOARDWALK, BOARDWALK_FR, FEES, write_sample_content

SEED = "/2021/amnesty-international-to-close-its-hong-kong-offices/"
ARTIFACTS = ROOT / "test-artifacts"

# Every kind of page the theme renders, on the real content/ (seed release + about page).
PAGE_TYPES = {
    "home": "/",
    "release": SEED,
    "category": "/category/press-releases/",
    "categories": "/categories/",
    "tag": "/tag/hong-kong/",
    "tags": "/tags/",
    "author": "/author/amnesty-international/",
    "authors": "/authors/",
    "archives": "/archives/",
    "year": "/2021/",
    "about": "/about/",
    "search": "/search/?q=Hong+Kong",
    "not-found": "/404.html",
    "speakers": "/speakers/",
    "speaker": "/speakers/anjhula-mya-singh-bais/",
}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory, serve_dir) -> str:
    """Translations, boilerplate, contacts, related releases and tricky characters."""
    content = write_sample_content(tmp_path_factory.mktemp("content"))
    output = tmp_path_factory.mktemp("sample")
    run_build(output, PATH=str(content), DEFAULT_PAGINATION=2)
    return serve_dir(output)


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def box(page, selector) -> dict:
    return page.locator(selector).first.bounding_box()


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- Layout -----------------------------------------------------------------------------------


def test_release_on_a_phone(page, site):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site + SEED)
    assert no_horizontal_scroll(page)
    assert save_screenshot(page, "release-375").stat().st_size > 0
    # On a phone the key facts come before the body, the quotes after it, full width.
    body = box(page, ".body")
    facts, quotes = box(page, "aside.key-facts"), box(page, "aside.quotes")
    assert facts["y"] + facts["height"] <= body["y"]
    assert quotes["y"] >= body["y"] + body["height"]
    assert facts["width"] >= body["width"] - 1 and quotes["width"] >= body["width"] - 1


def test_release_on_a_desktop(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + SEED)
    assert no_horizontal_scroll(page)
    assert save_screenshot(page, "release-1280").stat().st_size > 0
    body = box(page, ".body")
    assert body["width"] <= 42 * 17 + 1, "body text stays at a readable measure"
    # Sidebars sit beside the text, to its right: key facts level with its top, quotes below.
    facts, quotes = box(page, "aside.key-facts"), box(page, "aside.quotes")
    for sidebar in (facts, quotes):
        assert sidebar["x"] >= body["x"] + body["width"]
    assert facts["y"] < body["y"] + 100
    assert facts["y"] + facts["height"] <= quotes["y"] < body["y"] + body["height"]


@pytest.mark.parametrize("width", [375, 1280])
def test_lists_and_release_extras_fit_the_screen(page, sample_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/", "/" + BOARDWALK, "/" + FEES, "/tags/"):
        page.goto(sample_site + path)
        assert no_horizontal_scroll(page), path


def test_sidebar_links_scroll_to_their_paragraph(page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + SEED)
    links = page.locator("aside.quotes a.in-text, aside.key-facts a.in-text")
    assert links.count() == 6, "4 statements and 2 facts"
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("href")
        link.click()
        page.wait_for_function("hash => location.hash === hash", arg=target)
        paragraph = page.locator(".body " + target)
        assert paragraph.evaluate("p => p.matches(':target')"), target
        top = paragraph.bounding_box()["y"]
        assert 0 <= top < page.viewport_size["height"] / 2, f"{target} is scrolled into view"
    # The sidebar shows the opening words of the paragraph it links to.
    quote = page.locator("aside.quotes figure.quote").first
    excerpt = quote.locator("blockquote").inner_text()[:40]
    assert excerpt in page.locator(".body #quote-1").inner_text()


# --- Search -----------------------------------------------------------------------------------


def test_search_finds_the_seed_release(page, site):
    page.goto(site + "/")
    page.get_by_role("searchbox", name="Search releases").fill("Hong Kong")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=Hong+Kong")
    result = page.locator(".search-results a").first
    result.wait_for()
    assert result.inner_text() == "Amnesty International to close its Hong Kong offices"
    result.click()
    page.wait_for_url("**" + SEED)
    assert page.locator("h1").inner_text() == "Amnesty International to close its Hong Kong offices"


def test_search_box_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + SEED)
    page.get_by_role("searchbox", name="Search releases").fill("Hong Kong")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=Hong+Kong")
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    context.close()


# --- Copy a quote -----------------------------------------------------------------------------


def test_copy_button_puts_the_attributed_quote_on_the_clipboard(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site + SEED)
    assert page.get_by_role("button", name="Copy quote").count() == 4
    page.locator("aside.quotes figure.quote").first.get_by_role("button", name="Copy quote").click()
    page.locator("aside.quotes .copy-status", has_text="Copied").first.wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    # The whole statement (two paragraphs), attributed after the first, then the release URL.
    first, blank, second, url = copied.split("\n")
    assert first.startswith("“This decision, made with a heavy heart")
    assert first.endswith(
        "serious reprisals from the government,” said Anjhula Mya Singh Bais, "
        "chair of Amnesty's International Board."
    )
    assert blank == ""
    assert second.startswith("“Hong Kong has long been an ideal regional base")
    assert second.endswith("in such an unstable environment.”")
    assert url == site + SEED


def test_without_javascript_there_is_no_dead_copy_button(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + SEED)
    assert page.get_by_role("button", name="Copy quote").count() == 0
    context.close()


# --- Accessibility ----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_violation(page, site, kind, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site + PAGE_TYPES[kind])
    if kind == "search":
        page.locator(".search-results a").first.wait_for()
    assert axe_violations(page) is None


@pytest.mark.parametrize("path", ["/" + BOARDWALK, "/" + BOARDWALK_FR, "/" + FEES, "/page/2/"])
def test_axe_on_release_extras(page, sample_site, path):
    page.goto(sample_site + path)
    assert axe_violations(page) is None


# --- Keyboard, print --------------------------------------------------------------------------


def test_first_tab_shows_the_skip_link_with_a_visible_focus_ring(page, site):
    page.goto(site + SEED)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("e => e === document.activeElement")
    assert skip.bounding_box()["y"] >= 0, "the focused skip link is on screen"
    outline = skip.evaluate(
        "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth"
    )
    assert outline.startswith("solid") and outline != "solid 0px"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_print_copy_drops_navigation_and_keeps_the_release(page, site):
    page.goto(site + SEED)
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".search-box").is_visible()
    assert page.locator(".body").is_visible()
    assert page.get_by_role("link", name="Original release").is_visible()
