"""Images: local files under content/images/ are checked, copied and linked; URLs are http(s)."""

import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from publishing.gates.links import broken_links
from release_checks import check_release, check_settings

PUBLISH = ROOT / "publishconf.py"
SITEURL = "https://newsroom.example.org"

RELEASE = """---
title: Harbour Trust opens the quay
date: 2024-03-01T09:30:00+01:00
summary: The quay opens.
category: Press releases
lang: en
image: {image}
image_alt: The boardwalk at dawn
---

The quay opens on **2 March**.

![The boardwalk at dawn]({{static}}/images/quay.png)

*"We are ready,"* said Ana Reis, spokesperson.
"""


def png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "quay.png").write_bytes(png())
    return folder


def image_problems(content: Path, image: str) -> list[tuple[int, str, str]]:
    settings = check_settings({"PATH": str(content), "STATIC_PATHS": ["images"]})
    path = content / "release.md"
    data = RELEASE.format(image=image).encode("utf-8")
    return [(p.line, p.field, p.message) for p in check_release(path, data, settings)[1]]


@pytest.mark.parametrize(
    "image", ["images/quay.png", "https://cdn.example.org/quay.png", "http://example.org/q.jpg"]
)
def test_a_local_file_in_images_or_an_http_url_is_accepted(content, image):
    assert image_problems(content, image) == []


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ("images/missing.png", "no such file"),
        ("quay.png", "put the image in content/images/"),
        ("/images/quay.png", "write the path from the content folder"),
        ("images/../images/quay.png", "write the path from the content folder"),
        ("ftp://example.org/quay.png", "path or an http(s) URL"),
        ("//example.org/quay.png", "path or an http(s) URL"),
        ("https:quay.png", "path or an http(s) URL"),
    ],
)
def test_a_bad_image_names_file_line_and_field(content, image, words):
    [(line, field, message)] = image_problems(content, image)
    assert (line, field) == (7, "image")
    assert words in message and repr(image) in message


def test_a_release_with_a_local_image_publishes_and_the_links_gate_passes(content, tmp_path):
    (content / "release.md").write_text(RELEASE.format(image="images/quay.png"), encoding="utf-8")
    output = tmp_path / "published"
    run_build(output, PUBLISH, PATH=str(content), SITEURL=SITEURL)
    assert (output / "images" / "quay.png").read_bytes() == png()
    page = output / "2024" / "harbour-trust-opens-the-quay" / "index.html"
    body_images = [img["src"] for img in BeautifulSoup(page.read_text(), "html.parser")("img")]
    assert f"{SITEURL}/images/quay.png" in body_images
    assert broken_links(output, SITEURL) == []


def test_an_image_added_while_serving_is_found_on_the_next_check(content):
    """`make serve` keeps check results between builds; not those that look at an image."""
    from release_checks import check_releases

    settings = check_settings({"PATH": str(content), "STATIC_PATHS": ["images"]})
    release = content / "release.md"
    release.write_text(RELEASE.format(image="images/later.png"), encoding="utf-8")
    memo: dict = {}
    [problem] = check_releases([release], settings, render_markdown=False, memo=memo)
    assert "no such file" in problem.message
    (content / "images" / "later.png").write_bytes(png())
    assert check_releases([release], settings, render_markdown=False, memo=memo) == []
