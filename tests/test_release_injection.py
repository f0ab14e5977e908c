"""Script, event-handler and javascript: injection never reaches the output as active content.

A malicious release is built with the publish settings; every written file is parsed.
"""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from strict_build import StrictBuildError

MALICIOUS = """---
title: Harbour <script>alert("title")</script> news
date: 2024-02-01T10:00:00+00:00
summary: Summary <img src=x onerror="alert('summary')"> [x](javascript:alert('summary-link'))
category: Press <script>alert("category")</script>
author: Trust "><script>alert("author")</script>
tags: [Harbour, '<b onmouseover=alert("tag")>tag</b>']
lang: en
location: '"><svg onload=alert("location")>'
---

Opening paragraph <script>alert("body")</script> with text.

<img src="x" onerror="alert('img')"> and <a href="javascript:alert('link')">a link</a>.

[Markdown link](javascript:alert('markdown'))

<div onclick="alert('div')" style="position:fixed;inset:0">overlay</div>

<iframe src="javascript:alert('iframe')"></iframe><object data="x.swf"></object>

*"Safe quote,"* said Ana Test, spokesperson.
"""


FIRE_EVENTS = """() => document.querySelectorAll("*").forEach(element =>
    ["mouseover", "click", "focus", "error", "load"].forEach(type =>
        element.dispatchEvent(new Event(type, {cancelable: true}))))"""


def build_malicious(output: Path, write_release, settings_file: Path) -> str:
    path = write_release("2024-02-01-malicious.md", MALICIOUS)
    with pytest.raises(StrictBuildError) as failure:
        run_build(output, settings_file, PATH=str(write_release.content))
    report = str(failure.value)
    assert f"{path}:" in report  # the contributor is told which file
    return report


def active_content(html: str) -> list[str]:
    """Everything in a parsed HTML document that could run script."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        # The theme's own search forms: a GET to the site's search page, nothing else.
        is_theme_search = (
            tag.name == "form"
            and tag.get("role") == "search"
            and tag.get("method") == "get"
            and str(tag.get("action", "")).endswith("/search/")
        )
        if tag.name in ("iframe", "object", "embed", "svg", "form") and not is_theme_search:
            found.append(f"<{tag.name}>")
        if tag.name == "script":
            if tag.get("type") in ("application/ld+json", "application/json"):
                json.loads(tag.string or "null")  # data, must stay valid JSON
            elif tag.get("src") is None:
                found.append(f"inline script {tag.string!r}")
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{name} on <{tag.name}>")
            values = value if isinstance(value, list) else [value]
            if any(str(v).strip().lower().startswith("javascript:") for v in values):
                found.append(f"javascript: URL in {name} on <{tag.name}>")
            if name == "style" and tag.name not in ("td", "th"):
                found.append(f"inline style on <{tag.name}>")
    return found


def test_injection_in_body_and_metadata_is_inert_everywhere(write_release, tmp_path):
    output = tmp_path / "published"
    report = build_malicious(output, write_release, ROOT / "publishconf.py")
    for what in (
        "<script> element",
        "onerror",
        "href=\"javascript:alert('link')\" attribute on <a>",
        "<iframe>",
        "onclick",
    ):
        assert what in report
    html_files = list(output.rglob("*.html"))
    assert any("harbour-script" in str(p) or "harbour" in str(p) for p in html_files)
    for path in html_files:
        assert active_content(path.read_text(encoding="utf-8")) == [], path
    page = next(p for p in html_files if p.parent.name.startswith("harbour"))
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert text.h1.get_text() == 'Harbour <script>alert("title")</script> news'  # shown, as text

    for feed in output.rglob("*.xml"):
        root = ET.parse(feed).getroot()  # well-formed: metadata was escaped
        for element in root.iter():
            if (
                element.text
                and "<" in element.text
                and element.tag.endswith(("content", "summary"))
            ):
                assert active_content(element.text) == [], feed


def test_browser_opens_no_dialog_on_a_malicious_release(page, write_release, tmp_path, serve_dir):
    output = tmp_path / "preview"
    build_malicious(output, write_release, ROOT / "pelicanconf.py")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = serve_dir(output)
    pages = sorted(output.rglob("*.html"))
    assert pages
    for path in pages:
        url = f"{base}/{path.relative_to(output).as_posix()}"
        assert page.goto(url).ok
        page.wait_for_load_state("load")
        # Fire the events a surviving handler attribute would listen to, on every element.
        page.evaluate(FIRE_EVENTS)
    assert dialogs == []
    # Control: the same listener does see a dialog from an unsanitized handler.
    with page.expect_event("dialog"):
        page.set_content("<img src='nowhere.png' onerror=\"alert('control')\">")
    assert dialogs == ["control"]
