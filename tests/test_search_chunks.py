"""Search index chunking: which pages Pagefind is given, in which bundle (no Pagefind here)."""

import subprocess

from search_index.chunks import (
    MarkedPage,
    bundle_subdirs,
    glob_of,
    marked_page,
    marked_pages,
    plan_chunks,
)
from search_index.indexer import pagefind_binary

RELEASE = b'<html lang="fr-CA" dir="ltr"><body><article data-pagefind-body>Texte</article></body>'


def test_only_pages_with_the_body_marker_are_given_to_pagefind():
    assert marked_page(RELEASE, "a/index.html") == MarkedPage("a/index.html", "fr-ca")
    assert marked_page(b'<html lang="en"><body>List</body></html>', "index.html") is None
    assert marked_page(b"<html><body data-pagefind-body>x</body>", "x.html").language == ""
    # A list page quoting a release about Pagefind mentions the marker; it is no release page.
    mention = b'<html lang="en"><body><p>Add data-pagefind-body to &lt;main data-pagefind-body&gt;'
    assert marked_page(mention, "tag/x/index.html") is None
    assert marked_page(b'<main class="b" data-pagefind-body="">', "y.html") is not None


def test_marked_pages_are_found_in_path_order(tmp_path):
    for folder in ("2024/b", "2023/a", "tag/x"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "2024/b/index.html").write_bytes(RELEASE)
    (tmp_path / "2023/a/index.html").write_bytes(RELEASE.replace(b"fr-CA", b"en"))
    (tmp_path / "tag/x/index.html").write_bytes(b'<html lang="en"><body>List</body></html>')
    (tmp_path / "2024/b/notes.txt").write_bytes(RELEASE)
    assert marked_pages(tmp_path) == [
        MarkedPage("2023/a/index.html", "en"),
        MarkedPage("2024/b/index.html", "fr-ca"),
    ]


def test_chunks_hold_at_most_the_limit_one_language_after_another():
    pages = [MarkedPage(f"{n}.html", "fr" if n % 2 else "en") for n in range(5)]
    chunks = plan_chunks(pages, 2)
    assert [[page.path for page in chunk] for chunk in chunks] == [
        ["0.html", "2.html"],
        ["4.html", "1.html"],
        ["3.html"],
    ]
    assert plan_chunks(pages, 10) == [sorted(pages, key=lambda p: (p.language, p.path))]
    assert plan_chunks([], 2) == []


def test_bundles_after_the_first_live_inside_it():
    assert bundle_subdirs("pagefind", 1) == ["pagefind"]
    assert bundle_subdirs("search/pf", 3) == ["search/pf", "search/pf/part-2", "search/pf/part-3"]


def test_the_glob_matches_exactly_the_given_paths_even_with_glob_syntax_in_names(tmp_path):
    names = ["plain.html", "we{ird},x.html", "a[1]*?.html", "é (b) $c:d.html"]
    for name in [*names, "other.html"]:
        (tmp_path / name).write_text(
            '<html lang="en"><body><main data-pagefind-body>Words</main></body></html>'
        )
    glob = glob_of(names)
    assert glob == r"{plain.html,we\{ird\}\,x.html,a\[1\]\*\?.html,é \(b\) \$c\:d.html}"
    # Pagefind itself agrees: it indexes the four pages and not the fifth.
    result = subprocess.run(
        [str(pagefind_binary()), "--site", str(tmp_path), "--glob", glob],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Indexed 4 pages" in result.stdout
