"""The seed release page opens in a real Chromium, served over HTTP."""

SEED_URL = "/2021/amnesty-international-to-close-its-hong-kong-offices/"


def test_seed_release_opens_in_chromium(page, built_site, serve_dir):
    base = serve_dir(built_site)
    response = page.goto(base + SEED_URL)
    assert response.ok
    assert page.locator("h1").inner_text() == "Amnesty International to close its Hong Kong offices"
