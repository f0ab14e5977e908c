"""Post-build steps of `invoke publish`, as plain functions over small built trees."""

import gzip
import hashlib

import pytest

from publishing.compress import precompress_site
from publishing.config import ConfigError, PublishConfig, load_config
from publishing.fingerprint import FingerprintError, fingerprint_site, rewrite_references
from publishing.headers import (
    InlineCode,
    collect_inline_code,
    content_security_policy,
    csp_hash,
    header_rules,
    headers_for,
    parse_headers_file,
    render_headers_file,
)
from publishing.static_host import fix_sitemap_alternates, robots_txt
from publishing.stats import site_stats
from publishing.swap import replace_directory

SITE = "https://news.example.org"


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


# --- fingerprints -----------------------------------------------------------------------------


def test_every_form_of_reference_is_rewritten_and_others_are_left_alone():
    renames = {f"{SITE}/theme/css/style.css": "style.abc.css"}
    page = f"{SITE}/2024/release/index.html"
    text = (
        f'<link href="{SITE}/theme/css/style.css"> <link href="/theme/css/style.css?v=1">'
        ' <link href="../../theme/css/style.css"> <a href="/other/style.css">'
        " <p>style.css is a file name in prose</p>"
    )
    assert rewrite_references(text, page, renames) == (
        f'<link href="{SITE}/theme/css/style.abc.css"> <link href="/theme/css/style.abc.css?v=1">'
        ' <link href="../../theme/css/style.abc.css"> <a href="/other/style.css">'
        " <p>style.css is a file name in prose</p>"
    )


def test_css_is_hashed_after_its_fonts_so_a_new_font_changes_the_css_name(tmp_path):
    def build(font: bytes):
        root = tmp_path / font.decode()
        write(root, "theme/css/style.css", "@font-face{src:url(../fonts/a.woff2)}")
        (root / "theme/fonts").mkdir(parents=True)
        (root / "theme/fonts/a.woff2").write_bytes(font)
        write(root, "index.html", f'<link rel="stylesheet" href="{SITE}/theme/css/style.css">')
        fingerprint_site(root, ("theme",), SITE)
        return root

    one, two = build(b"one"), build(b"two")
    font = f"a.{short_hash(b'one')}.woff2"
    assert (one / "theme/fonts" / font).exists()
    css_files = list((one / "theme/css").iterdir())
    assert [p.read_text() for p in css_files] == [f"@font-face{{src:url(../fonts/{font})}}"]
    assert css_files[0].name == f"style.{short_hash(css_files[0].read_bytes())}.css"
    assert f"theme/css/{css_files[0].name}" in (one / "index.html").read_text()
    assert {p.name for p in (two / "theme/css").iterdir()} != {p.name for p in css_files}
    assert not (one / "theme/css/style.css").exists()


def test_assets_referencing_each_other_in_a_cycle_are_an_error(tmp_path):
    write(tmp_path, "theme/css/a.css", "@import url(b.css);")
    write(tmp_path, "theme/css/b.css", "@import url(a.css);")
    with pytest.raises(FingerprintError, match="cycle"):
        fingerprint_site(tmp_path, ("theme",), SITE)


# --- headers and CSP --------------------------------------------------------------------------


def test_inline_scripts_are_hashed_and_json_ld_is_not():
    found = InlineCode()
    collect_inline_code(
        '<html><head><script>console.log("hi")</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
        '<script src="/a.js"></script></head><body><td style="text-align: left">x</td>'
        "</body></html>",
        "index.html",
        found,
    )
    script_hash = csp_hash('console.log("hi")')
    assert found.script_hashes == {script_hash}
    policy = content_security_policy({"script-src": ["'self'"], "style-src": ["'self'"]}, found)
    assert policy == (
        f"script-src 'self' {script_hash}; "
        f"style-src 'self' 'unsafe-hashes' {csp_hash('text-align: left')}"
    )
    assert not found.problems


def test_inline_event_handlers_and_javascript_urls_are_problems():
    found = InlineCode()
    collect_inline_code(
        '<html><body><img src="x.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a>'
        "</body></html>",
        "2024/x/index.html",
        found,
    )
    assert len(found.problems) == 2
    assert "onerror" in found.problems[0] and "2024/x/index.html" in found.problems[0]
    assert "javascript:" in found.problems[1]


def test_each_path_gets_exactly_one_cache_control(tmp_path):
    for name in ("index.html", "404.html", "sitemap.xml", "2024/x/index.html", "theme/a.1.css"):
        write(tmp_path, name, "x")
    config = PublishConfig()
    rules = parse_headers_file(
        render_headers_file(header_rules(tmp_path, config, "default-src 'self'"))
    )
    for path, cache in [
        ("/", config.page_cache_control),
        ("/index.html", config.page_cache_control),
        ("/2024/x/", config.page_cache_control),
        ("/sitemap.xml", config.page_cache_control),
        ("/theme/a.1.css", config.asset_cache_control),
    ]:
        headers = headers_for(rules, path)
        assert [v for k, v in headers if k == "Cache-Control"] == [cache], path
        assert ("Content-Security-Policy", "default-src 'self'") in headers
        assert ("X-Content-Type-Options", "nosniff") in headers


# --- small files, compression, swap, settings -------------------------------------------------


def test_robots_txt_points_to_the_sitemap():
    assert robots_txt(SITE + "/").splitlines()[-1] == f"Sitemap: {SITE}/sitemap.xml"


def test_sitemap_translations_get_an_href():
    broken = '<xhtml:link rel="alternate" hreflang="fr" ref="https://x/fr/"/>'
    assert fix_sitemap_alternates(broken) == (
        '<xhtml:link rel="alternate" hreflang="fr" href="https://x/fr/"/>'
    )


def test_precompressed_files_are_deterministic_and_complete(tmp_path):
    page = "<p>" + "newsroom " * 200 + "</p>"
    write(tmp_path, "index.html", page)
    write(tmp_path, "theme/a.css", "body{color:red}" * 20)
    write(tmp_path, "image.svg", "<svg/>" * 40)
    precompress_site(tmp_path, (".html", ".css"))
    data = (tmp_path / "index.html.gz").read_bytes()
    assert gzip.decompress(data).decode() == page
    assert data[4:8] == b"\0\0\0\0"  # gzip mtime 0: the same bytes on every build
    assert (tmp_path / "index.html.br").exists() and (tmp_path / "theme/a.css.br").exists()
    assert not (tmp_path / "image.svg.gz").exists()


def test_replace_directory_swaps_in_the_new_site(tmp_path):
    live, new = tmp_path / "output", tmp_path / "new"
    write(live, "old.html", "old")
    write(new, "index.html", "new")
    replace_directory(new, live)
    assert [p.name for p in live.iterdir()] == ["index.html"]
    assert not new.exists()


def test_settings_are_validated():
    assert load_config({"THEME_STATIC_DIR": "static"}).fingerprint_dirs == ("static",)
    with pytest.raises(ConfigError, match="unknown key"):
        load_config({"PUBLISHING": {"fingerprint": ["x"]}})
    with pytest.raises(ConfigError, match="must start with"):
        load_config({"PUBLISHING": {"compress_extensions": ["html"]}})


def test_site_stats_count_sizes_and_compressed_siblings(tmp_path):
    write(tmp_path, "index.html", "a" * 1000)
    write(tmp_path, "robots.txt", "x" * 10)
    precompress_site(tmp_path, (".html",))
    stats = site_stats(tmp_path)
    assert (stats.files, stats.bytes, stats.compressible_bytes) == (2, 1010, 1000)
    assert 0 < stats.brotli_bytes < stats.gzip_bytes < 1000
    assert "gzip" in stats.summary()


def test_a_text_asset_that_is_not_utf8_is_a_clear_error(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme/a.css").write_bytes("body{content:'é'}".encode("latin-1"))
    with pytest.raises(FingerprintError, match=r"theme/a\.css: not UTF-8"):
        fingerprint_site(tmp_path, ("theme",), SITE)
