"""`invoke publish` end to end: real Pelican builds, real validators, into tmp_path."""

import datetime as dt
import gzip
import hashlib
import os
import re
import shutil
from pathlib import Path

import brotli
import feedparser
import pytest

from conftest import ROOT, file_tree
from publishing.pipeline import PublishFailed, publish_site

# Every publish runs the Nu Html Checker gate.
pytestmark = pytest.mark.usefixtures("nu_checker")

GOLDEN_CONTENT = ROOT / "tests" / "golden" / "content"
SEED_PAGE = "2021/amnesty-international-to-close-its-hong-kong-offices/index.html"
COMPRESSED = (".html", ".css", ".js", ".xml", ".json")


def publish(output: Path, **overrides):
    return publish_site(output, ROOT / "publishconf.py", ROOT / "pelicanconf.py", **overrides)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("published") / "output"
    report = publish(output)
    print(f"publish of content/ took {report.seconds:.2f}s: {report.timings}")
    return output


LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


def test_two_publishes_on_different_days_are_byte_identical(published, tmp_path, monkeypatch):
    if not LIBFAKETIME.exists():
        if os.environ.get("CI"):
            pytest.fail("libfaketime is missing under CI: .ci/run must install it")
        pytest.skip("apt-get install libfaketime to publish 400 days in the future")
    # Every process of the second publish (Pelican builds, validator) lives 400 days later.
    monkeypatch.setenv("LD_PRELOAD", str(LIBFAKETIME))
    monkeypatch.setenv("FAKETIME", "+400d")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    again = tmp_path / "elsewhere" / "output"
    publish(again)
    first, second = file_tree(published), file_tree(again)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_no_build_time_leaks_into_the_sitemap(published):
    sitemap = (published / "sitemap.xml").read_text()
    lastmods = set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap))
    assert lastmods == {"2021-10-25T00:00:00+08:00"}  # the seed release's own date
    assert "404.html" not in sitemap
    assert str(dt.date.today().year) not in sitemap.replace("2021", "")


def test_files_for_static_hosts_are_at_the_root(published):
    assert (published / "404.html").read_text().lower().startswith("<!doctype html>")
    assert (
        (published / "robots.txt")
        .read_text()
        .endswith("Sitemap: https://newsroom.example.org/sitemap.xml\n")
    )
    headers = (published / "_headers").read_text()
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert f"  {name}: " in headers
    assert "unsafe-inline" not in headers and "'unsafe-eval'" not in headers


def test_every_text_file_has_identical_precompressed_siblings(published):
    files = [p for p in published.rglob("*") if p.suffix in COMPRESSED]
    assert files
    for path in files:
        data = path.read_bytes()
        gz = path.with_name(path.name + ".gz")
        br = path.with_name(path.name + ".br")
        if len(data) < 20 or len(gzip.compress(data, mtime=0)) >= len(data):
            continue  # too small to gain from compression; pelican-precompress skips it
        assert gzip.decompress(gz.read_bytes()) == data, path
        assert brotli.decompress(br.read_bytes()) == data, path


def test_theme_assets_are_fingerprinted_and_referenced_by_their_new_names(published):
    assets = [
        p
        for p in (published / "theme").rglob("*")
        if p.is_file() and p.suffix not in (".gz", ".br")
    ]
    assert assets
    page = (published / SEED_PAGE).read_text()
    for asset in assets:
        digest = re.search(r"\.([0-9a-f]{10})\.[^.]+$", asset.name)
        assert digest, f"{asset} is not fingerprinted"
        assert hashlib.sha256(asset.read_bytes()).hexdigest()[:10] == digest.group(1)
    stylesheets = re.findall(r'href="([^"]+\.css)"', page)
    assert stylesheets and all(re.search(r"\.[0-9a-f]{10}\.css$", s) for s in stylesheets)


def test_feeds_are_written_with_absolute_links(published):
    feed = feedparser.parse((published / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [
        "https://newsroom.example.org/2021/amnesty-international-to-close-its-hong-kong-offices/"
    ]


# --- failing publishes leave output/ alone ---------------------------------------------------

BROKEN_TEMPLATES = {
    "broken link": '<a href="{{ SITEURL }}/no-such-page/">gone</a> <a href="#no-such-id">here</a>',
    "invalid page": "<span><div>a block inside an inline element</div></span>",
}


@pytest.fixture
def previous_output(tmp_path) -> Path:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the site that is live now")
    return output


def golden_copy(tmp_path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(GOLDEN_CONTENT, content)
    return content


@pytest.mark.parametrize("fault", sorted(BROKEN_TEMPLATES))
def test_a_failed_publish_leaves_the_previous_output_untouched(tmp_path, previous_output, fault):
    templates = tmp_path / "templates"
    templates.mkdir()
    # A standalone article template, so the fault does not depend on the theme. It keeps
    # the body: speaker pages link to its quotation anchors.
    (templates / "article.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>{{ article.title|striptags }}</title></head><body><main>"
        f"<h1>{{{{ article.title }}}}</h1>{{{{ article.content|safe }}}}{BROKEN_TEMPLATES[fault]}"
        "</main></body></html>"
    )
    before = file_tree(previous_output)
    with pytest.raises(PublishFailed) as failure:
        publish(
            previous_output,
            PATH=str(golden_copy(tmp_path)),
            THEME_TEMPLATES_OVERRIDES=[str(templates), str(ROOT / "publishing" / "templates")],
        )
    gate = {"broken link": "links and anchors", "invalid page": "Nu Html Checker"}[fault]
    assert list(failure.value.problems) == [gate]
    assert "output/ was left untouched" in str(failure.value)
    assert file_tree(previous_output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".publish-")] == []
    if fault == "broken link":
        problems = failure.value.problems[gate]
        assert any("no-such-page" in p for p in problems)
        assert any("no-such-id" in p for p in problems)


def test_an_embargoed_release_in_the_output_fails_the_publish(tmp_path, previous_output):
    content = golden_copy(tmp_path)
    (content / "2024-05-01-held.md").write_text(
        "---\ntitle: Harbour Trust buys the West Quay\ndate: 2024-05-01T09:00:00+01:00\n"
        "embargo: 2999-01-01T09:00:00+01:00\nauthor: Harbour Trust\ncategory: Press releases\n"
        "summary: Not yet.\nlang: en\n---\n\nThe Trust bought the West Quay.\n"
    )
    before = file_tree(previous_output)
    with pytest.raises(PublishFailed) as failure:
        # The preview setting shows embargoed releases, as a misconfigured publish would.
        publish(previous_output, PATH=str(content), PRESS_SHOW_UNPUBLISHED=True)
    problems = failure.value.problems["drafts and embargoes"]
    assert any(p.startswith("2024/harbour-trust-buys-the-west-quay/index.html") for p in problems)
    assert file_tree(previous_output) == before


def test_a_successful_publish_replaces_the_previous_output(tmp_path, previous_output):
    (previous_output / "stale.html").write_text("removed since")
    publish(previous_output, PATH=str(golden_copy(tmp_path)))
    assert not (previous_output / "stale.html").exists()
    assert "Harbour Trust names new chair" in (previous_output / "index.html").read_text()


def test_a_strict_build_problem_stops_the_publish_before_any_gate(tmp_path, previous_output):
    content = golden_copy(tmp_path)
    (content / "2024-05-02-linked.md").write_text(
        "---\ntitle: Harbour Trust links a missing release\ndate: 2024-05-02T09:00:00+01:00\n"
        "author: Harbour Trust\ncategory: Press releases\nsummary: A link.\nlang: en\n---\n\n"
        "See [the earlier release]({filename}no-such-release.md).\n"
    )
    before = file_tree(previous_output)
    with pytest.raises(PublishFailed) as failure:
        publish(previous_output, PATH=str(content))
    assert set(failure.value.problems) == {"strict build", "invoke check"}
    assert any("no-such-release.md" in p for p in failure.value.problems["strict build"])
    assert file_tree(previous_output) == before
