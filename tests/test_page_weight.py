"""Light pages: a release's HTML plus CSS fits one round trip (14 KB gzip), nothing blocks
rendering, and nothing is fetched from another host."""

import gzip

from bs4 import BeautifulSoup

from conftest import ROOT, run_build

SEED_PAGE = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"
BUDGET = 14 * 1024


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def test_release_page_html_and_css_fit_in_14_kb_gzip(built_site):
    html = (built_site / SEED_PAGE).read_bytes()
    page = BeautifulSoup(html, "html.parser")
    stylesheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    css = [(built_site / SEED_PAGE).parent.joinpath(href).resolve() for href in stylesheets]
    total = gzipped(html) + sum(gzipped(path.read_bytes()) for path in css)
    print(f"release page: HTML+CSS {total / 1024:.1f} KB gzip (budget 14 KB)")
    assert total <= BUDGET


def test_no_render_blocking_script_and_no_third_party_request(tmp_path):
    site = "https://news.example.org"
    run_build(tmp_path, ROOT / "publishconf.py", SITEURL=site)
    for path in tmp_path.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            data_only = script.get("type") in ("application/json", "application/ld+json")
            assert data_only or script.has_attr("defer"), (path, script)
        fetched = [e.get("src") for e in page.find_all(["script", "img", "iframe"])]
        fetched += [
            link["href"]
            for link in page.find_all("link", href=True)
            if {"stylesheet", "icon", "preload", "modulepreload"} & set(link.get("rel", []))
        ]
        for url in filter(None, fetched):
            assert url.startswith(site + "/"), (path, url)
