"""Search in Chromium over an index split into bundles (SEARCH_INDEX["CHUNK_PAGES"] = 2):
every release is found, whichever bundle holds it, and the languages stay apart."""

import json

import pytest

from conftest import run_build
from theme_site import write_sample_content


@pytest.fixture(scope="module")
def split_site(tmp_path_factory, serve_dir) -> str:
    content = write_sample_content(tmp_path_factory.mktemp("content"))
    output = tmp_path_factory.mktemp("split")
    run_build(output, PATH=str(content), SEARCH_INDEX={"CHUNK_PAGES": 2})
    manifest = json.loads((output / "pagefind" / "bundles.json").read_text())
    # Three English releases and one French: chunks (chair, fees) and (boardwalk, its French).
    assert manifest["bundles"] == [
        {"path": "", "languages": ["en"]},
        {"path": "part-2/", "languages": ["en", "fr"]},
    ]
    return serve_dir(output)


def titles_found(page, site: str, query: str) -> list[str]:
    page.goto(f"{site}/search/?q={query}")
    page.wait_for_function(
        "() => !document.getElementById('search-status').textContent.startsWith('Searching')"
    )
    return sorted(page.locator(".search-results a").all_inner_texts())


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("names new chair", ["Harbour Trust names new chair"]),  # first bundle
        ("mooring", ['Fees < 5% & "fair" <b>deal</b>']),  # first bundle
        ("boardwalk", ["Harbour Trust opens the East Quay boardwalk"]),  # second bundle
        # Both bundles answer one query.
        (
            "Harbour Trust",
            ["Harbour Trust names new chair", "Harbour Trust opens the East Quay boardwalk"],
        ),
    ],
)
def test_every_release_is_found_across_bundles(page, split_site, query, titles):
    # Pagefind also returns near matches ("board" for "boardwalk"): the releases must be there.
    found = titles_found(page, split_site, query)
    assert set(titles) <= set(found), found


def test_the_english_search_page_does_not_find_the_french_release(page, split_site):
    # As with one index: Pagefind searches the page's language only.
    assert titles_found(page, split_site, "promenade") == []
    assert page.locator("#search-status").inner_text() == "No release found for “promenade”."


def test_results_link_to_the_releases(page, split_site):
    titles_found(page, split_site, "boardwalk")
    page.locator(".search-results a").first.click()
    page.wait_for_url("**/2024/harbour-trust-opens-the-east-quay-boardwalk/")
    assert page.locator("h1").inner_text() == "Harbour Trust opens the East Quay boardwalk"
