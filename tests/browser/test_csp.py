"""The Content-Security-Policy of `_headers`, enforced by a real Chromium on the published site."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from publishing.headers import headers_for, parse_headers_file
from publishing.pipeline import publish_site

# Every publish runs the Nu Html Checker gate.
pytestmark = pytest.mark.usefixtures("nu_checker")

SEED_URL = "/2021/amnesty-international-to-close-its-hong-kong-offices/"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
"""


class HeadersHandler(SimpleHTTPRequestHandler):
    """Serves a folder like Netlify or Cloudflare Pages: with the headers of its `_headers`."""

    def end_headers(self):
        headers_file = Path(self.directory) / "_headers"
        if headers_file.is_file():
            rules = parse_headers_file(headers_file.read_text(encoding="utf-8"))
            for name, value in headers_for(rules, urlsplit(self.path).path):
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # signature fixed by the base class
        pass


@pytest.fixture
def headers_server(tmp_path):
    site = tmp_path / "output"
    handler = functools.partial(HeadersHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def open_recording(page, url: str):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(url)
    page.wait_for_load_state("load")
    csp_console = [m for m in console if "Content Security Policy" in m]
    return response, page.evaluate("window.__violations"), csp_console


def test_release_page_loads_with_no_csp_violation(page, headers_server):
    site, base = headers_server
    publish_site(site, ROOT / "publishconf.py", SITEURL=base)

    response, violations, console = open_recording(page, base + SEED_URL)
    assert response.ok
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert violations == [] and console == []
    # The fingerprinted stylesheet was allowed and applied.
    assert page.evaluate("[...document.styleSheets].filter(s => s.cssRules.length).length") >= 1

    # Control: the same policy does report an unhashed inline script on this server.
    (site / "csp-probe.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>probe</title></head>'
        "<body><script>document.title = 'ran'</script></body></html>"
    )
    page.goto("about:blank")
    _, violations, console = open_recording(page, base + "/csp-probe.html")
    assert violations and violations[0].startswith("script-src")
    assert page.title() == "probe"
