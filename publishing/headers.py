"""The `_headers` file (Netlify and Cloudflare Pages format) and its Content-Security-Policy.

The CSP allows no inline script unless its exact text is hashed: every inline
``<script>`` of the built site gets a ``'sha256-…'`` source. JSON-LD and other data
blocks are never executed, so they need no hash. Inline ``style`` attributes (Markdown
tables align columns with them) are allowed by hash through ``'unsafe-hashes'``.
Inline event handlers and ``javascript:`` URLs cannot be allowed safely: they are problems.
"""

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from .config import PublishConfig
from .site_files import site_files

# Script types the browser does not execute (https://html.spec.whatwg.org/#data-block).
_EXECUTED_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript", "importmap"}


@dataclass
class InlineCode:
    script_hashes: set[str] = field(default_factory=set)
    style_hashes: set[str] = field(default_factory=set)
    attribute_style_hashes: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def collect_inline_code(html: str, where: str, found: InlineCode) -> None:
    """Add the hashes of the inline scripts and styles of one page to ``found``."""
    if not html.strip():
        return
    document = lxml.html.document_fromstring(html)
    for script in document.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if script.get("src") is None and kind in _EXECUTED_SCRIPT_TYPES and script.text:
            found.script_hashes.add(csp_hash(script.text))
    for style in document.iter("style"):
        if style.text:
            found.style_hashes.add(csp_hash(style.text))
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.problems.append(
                    f"{where}: inline event handler {name}= on <{element.tag}> "
                    "is not allowed by the Content-Security-Policy; use a script file"
                )
            elif name == "style":
                found.attribute_style_hashes.add(csp_hash(value))
            elif name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                found.problems.append(
                    f"{where}: javascript: URL in <{element.tag} {name}> is not allowed "
                    "by the Content-Security-Policy"
                )


def content_security_policy(directives: dict, found: InlineCode) -> str:
    sources = {name: list(values) for name, values in directives.items()}
    if found.script_hashes:
        sources.setdefault("script-src", ["'self'"]).extend(sorted(found.script_hashes))
    style_sources = sorted(found.style_hashes)
    if found.attribute_style_hashes:
        style_sources += ["'unsafe-hashes'", *sorted(found.attribute_style_hashes)]
    if style_sources:
        sources.setdefault("style-src", ["'self'"]).extend(style_sources)
    return "; ".join(" ".join([name, *values]) for name, values in sources.items())


@dataclass(frozen=True)
class HeaderRule:
    path: str
    headers: tuple[tuple[str, str], ...]


def header_rules(root: Path, config: PublishConfig, csp: str) -> list[HeaderRule]:
    """One rule with the security headers for every path, then non-overlapping cache rules.

    Netlify and Cloudflare join the values of a header set by two matching rules, so each
    path gets exactly one Cache-Control: long for the fingerprinted folders, short for
    everything else (listed by its top-level file or folder).
    """
    security = (("Content-Security-Policy", csp), *config.security_headers.items())
    rules = [HeaderRule("/*", tuple(security))]
    long_cache = (("Cache-Control", config.asset_cache_control),)
    short_cache = (("Cache-Control", config.page_cache_control),)
    fingerprinted = {folder.strip("/") for folder in config.fingerprint_dirs}
    for entry in sorted(root.iterdir()):
        if entry.name == "_headers" or entry.name.startswith("."):
            continue
        if entry.is_dir():
            cache = long_cache if entry.name in fingerprinted else short_cache
            rules.append(HeaderRule(f"/{entry.name}/*", cache))
        elif entry.suffix not in (".gz", ".br", ".zst"):
            if entry.name == "index.html":
                rules.append(HeaderRule("/", short_cache))
            rules.append(HeaderRule(f"/{entry.name}", short_cache))
    return rules


def render_headers_file(rules: list[HeaderRule]) -> str:
    blocks = []
    for rule in rules:
        lines = [rule.path] + [f"  {name}: {value}" for name, value in rule.headers]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def parse_headers_file(text: str) -> list[HeaderRule]:
    """Read a `_headers` file back (used by the test server and the tests)."""
    rules: list[HeaderRule] = []
    path, headers = None, []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if path is not None:
                rules.append(HeaderRule(path, tuple(headers)))
            path, headers = line.strip(), []
        else:
            name, _, value = line.strip().partition(":")
            headers.append((name.strip(), value.strip()))
    if path is not None:
        rules.append(HeaderRule(path, tuple(headers)))
    return rules


def headers_for(rules: list[HeaderRule], url_path: str) -> list[tuple[str, str]]:
    """The headers a Netlify-style host sends for ``url_path`` (``*`` matches the rest)."""
    matched = []
    for rule in rules:
        if rule.path.endswith("*"):
            if url_path.startswith(rule.path[:-1]):
                matched.extend(rule.headers)
        elif url_path == rule.path:
            matched.extend(rule.headers)
    return matched


def write_headers_file(root: Path, config: PublishConfig) -> list[str]:
    """Write `_headers` for the built site; return the CSP problems found in its pages."""
    found = InlineCode()
    for path in site_files(root):
        if path.suffix in (".html", ".htm"):
            where = str(path.relative_to(root))
            collect_inline_code(path.read_text(encoding="utf-8"), where, found)
    csp = content_security_policy(config.csp, found)
    (root / "_headers").write_text(render_headers_file(header_rules(root, config, csp)), "utf-8")
    return found.problems
