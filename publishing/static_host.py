"""Small files static hosts and crawlers look for at the root of the site."""

import re
from pathlib import Path

_BROKEN_ALTERNATE = re.compile(r'(<xhtml:link rel="alternate" hreflang="[^"]*") ref=')


def robots_txt(siteurl: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {siteurl.rstrip('/')}/sitemap.xml\n"


def write_robots_txt(root: Path, siteurl: str) -> None:
    (root / "robots.txt").write_text(robots_txt(siteurl), encoding="utf-8")


def fix_sitemap_alternates(text: str) -> str:
    """pelican-sitemap 1.2.2 writes `<xhtml:link … ref=…>` for translations; it must be href."""
    return _BROKEN_ALTERNATE.sub(r"\1 href=", text)


def required_files_problems(root: Path) -> list[str]:
    """Files every static host needs at the root of the site."""
    wanted = {
        "404.html": "the page hosts serve for unknown URLs (add '404' to DIRECT_TEMPLATES)",
        "sitemap.xml": "the sitemap (pelican-sitemap in PLUGINS)",
        "robots.txt": "robots.txt pointing to the sitemap",
        "_headers": "cache and security headers",
    }
    return [
        f"{name} is missing at the root of the site: {why}"
        for name, why in wanted.items()
        if not (root / name).is_file()
    ]
