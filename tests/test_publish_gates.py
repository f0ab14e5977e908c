"""The publish gates on small hand-made sites: each finds what it must, and only that."""

import datetime as dt
import gzip
import json

from publishing.config import PublishConfig
from publishing.gates.feeds import broken_feeds, feed_problems
from publishing.gates.html_validator import html_errors, parse_vnu_report
from publishing.gates.links import broken_links
from publishing.gates.unpublished import find_unpublished, leaks, read_front_matter

SITE = "https://news.example.org"
UTC = dt.UTC
NOW = dt.datetime(2025, 1, 1, tzinfo=UTC)


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{body}</body></html>'


# --- links ------------------------------------------------------------------------------------


def test_links_anchors_and_css_urls_are_resolved_against_the_built_files(tmp_path):
    write(
        tmp_path,
        "index.html",
        page(
            f'<a href="{SITE}/2024/a/">ok</a> <a href="2024/a/#quote-1">ok</a>'
            f' <a href="{SITE}/2024/a/index.html#nope">bad anchor</a>'
            ' <a href="/2024/missing/">bad</a> <a href="https://elsewhere.example/">external</a>'
            ' <a href="mailto:x@example.org">m</a> <a href="#top">top</a>'
            ' <img src="img/a.png" srcset="img/a.png 1x, img/b.png 2x" alt="">'
        ),
    )
    write(tmp_path, "2024/a/index.html", page('<p id="quote-1">q</p>'))
    write(tmp_path, "img/a.png", "png")
    write(tmp_path, "theme/style.css", "body{background:url(../img/gone.png)}")
    problems = broken_links(tmp_path, SITE)
    assert problems == [
        "index.html: broken link 'https://news.example.org/2024/a/index.html#nope': "
        "no element with id='nope' in 2024/a/index.html",
        "index.html: broken link '/2024/missing/': no such file in the built site",
        "index.html: broken link 'img/b.png': no such file in the built site",
        "theme/style.css: broken link '../img/gone.png': no such file in the built site",
    ]


def test_sitemap_and_feed_links_are_checked(tmp_path):
    write(tmp_path, "index.html", page(""))
    write(
        tmp_path,
        "sitemap.xml",
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{SITE}/</loc></url><url><loc>{SITE}/gone/</loc></url></urlset>",
    )
    assert broken_links(tmp_path, SITE) == [
        f"sitemap.xml: broken link '{SITE}/gone/': no such file in the built site"
    ]


# --- feeds ------------------------------------------------------------------------------------

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<link href="https://news.example.org/" rel="alternate"/><id>https://news.example.org/</id>
<updated>2024-03-01T09:30:00+01:00</updated>
<entry><title>One</title><link href="https://news.example.org/2024/one/" rel="alternate"/>
<id>tag:news.example.org,2024-03-01:/2024/one/</id><updated>2024-03-01T09:30:00+01:00</updated></entry>
{extra}</feed>"""


def test_a_complete_feed_passes_and_missing_entry_fields_are_named():
    assert feed_problems(ATOM.format(extra="").encode(), "all.atom.xml") == []
    incomplete = "<entry><title>Two</title><id>urn:two</id></entry>"
    assert feed_problems(ATOM.format(extra=incomplete).encode(), "all.atom.xml") == [
        "all.atom.xml: 'Two' has no updated, link"
    ]


def test_malformed_and_missing_feeds_fail(tmp_path):
    write(tmp_path, "feeds/all.atom.xml", ATOM.format(extra="<entry>"))
    write(tmp_path, "sitemap.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')
    problems = broken_feeds(tmp_path, ["feeds/all.atom.xml", "feeds/other.atom.xml"])
    assert problems == ["feeds/other.atom.xml: expected feed was not written"]
    write(tmp_path, "feeds/all.atom.xml", ATOM.format(extra="").replace("</feed>", "</fed>"))
    assert feed_problems((tmp_path / "feeds/all.atom.xml").read_bytes(), "x")[0].startswith(
        "x: not a well-formed feed"
    )


# --- drafts and embargoes ---------------------------------------------------------------------


def test_front_matter_in_yaml_and_pelican_headers():
    assert read_front_matter("---\ntitle: A\nstatus: draft\n---\nbody")["status"] == "draft"
    assert read_front_matter("Title: B\nEmbargo: 2030-01-01 10:00\n\nbody")["embargo"] == (
        "2030-01-01 10:00"
    )


def test_drafts_future_dates_and_embargoes_are_found(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: Draft one\ndate: 2024-01-01\nstatus: draft\n---\n")
    write(tmp_path, "b.md", "---\ntitle: Later\ndate: 2030-01-01T09:00:00+01:00\n---\n")
    write(tmp_path, "c.md", "Title: Held back\nDate: 2024-01-01\nEmbargo: 2025-01-01 00:01\n\n")
    write(tmp_path, "d.md", "---\ntitle: Out\ndate: 2024-01-01\nembargo: 2024-06-01\n---\n")
    write(tmp_path, "e.md", "---\ntitle: [unclosed\n---\n")
    found, problems = find_unpublished(tmp_path, NOW, UTC)
    assert [(u.source, u.slug, u.reason.split()[0]) for u in found] == [
        ("a.md", "draft-one", "status:"),
        ("b.md", "later", "dated"),
        ("c.md", "held-back", "embargoed"),
    ]
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 'e.md'}: cannot tell")


def test_leaks_are_found_in_paths_text_and_pagefind_fragments(tmp_path):
    write(tmp_path, "content/x.md", '---\ntitle: Harbour <closes> & "goes"\nstatus: draft\n---\n')
    unpublished, _ = find_unpublished(tmp_path / "content", NOW, UTC)
    site = tmp_path / "site"
    write(site, "index.html", page("<p>Nothing to see</p>"))
    assert leaks(site, unpublished) == []
    write(site, "drafts/harbour-goes.html", page(""))
    write(site, "feeds/all.atom.xml", '<title>Harbour &lt;closes&gt; &amp; "goes"</title>')
    (site / "pagefind/fragment").mkdir(parents=True)
    fragment = json.dumps({"meta": {"title": 'Harbour <closes> & "goes"'}}).encode()
    (site / "pagefind/fragment/en_1.pf_fragment").write_bytes(gzip.compress(fragment))
    assert [p.split(":")[0] for p in leaks(site, unpublished)] == [
        "drafts/harbour-goes.html",
        "feeds/all.atom.xml",
        "pagefind/fragment/en_1.pf_fragment",
    ]


# --- Nu Html Checker --------------------------------------------------------------------------


def test_vnu_report_is_turned_into_readable_problems(tmp_path):
    report = json.dumps(
        {
            "messages": [
                {
                    "type": "error",
                    "url": f"file:{tmp_path.resolve()}/a/index.html",
                    "lastLine": 7,
                    "message": "Duplicate ID “x”.",
                },
                {"type": "info", "url": "file:/x", "message": "not an error"},
            ]
        }
    )
    assert parse_vnu_report(report, tmp_path) == ["a/index.html:7: Duplicate ID “x”."]


def test_vnu_finds_invalid_markup_and_passes_valid_pages(tmp_path, nu_checker):
    write(tmp_path, "good.html", page("<p>fine</p>"))
    write(
        tmp_path,
        "bad.html",
        page('<span><div>block in inline</div></span><p id="a"></p><p id="a"></p>'),
    )
    problems = html_errors(tmp_path, "java", PublishConfig().vnu_jar)
    assert problems and all(p.startswith("bad.html:") for p in problems)
    assert any("Duplicate ID" in p for p in problems)


def test_a_missing_validator_is_a_problem_not_a_pass(tmp_path):
    write(tmp_path, "a.html", page(""))
    assert html_errors(tmp_path, "java", str(tmp_path / "no.jar"))[0].startswith(
        "Nu Html Checker cannot run"
    )
