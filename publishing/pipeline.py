"""`invoke publish`: build into a fresh directory, post-process, gate, then swap into place."""

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .build import isolated_builds, read_build_settings
from .compress import precompress_site
from .config import ConfigError, load_config
from .fingerprint import FingerprintError, fingerprint_site
from .gates.feeds import broken_feeds
from .gates.html_validator import html_errors
from .gates.links import broken_links
from .gates.unpublished import find_unpublished, leaks
from .headers import write_headers_file
from .manifest import write_manifest
from .static_host import (
    fix_sitemap_alternates,
    required_files_problems,
    write_robots_txt,
)
from .stats import SiteStats, site_stats
from .swap import replace_directory


class PublishFailed(Exception):
    """The site did not pass; ``problems`` lists every reason, grouped by gate."""

    def __init__(self, problems: dict[str, list[str]]):
        self.problems = problems
        count = sum(len(p) for p in problems.values())
        lines = [f"Publish failed: {count} problem(s); output/ was left untouched."]
        for gate, items in problems.items():
            lines.append(f"[{gate}]")
            lines += [f"  - {item}" for item in items]
        super().__init__("\n".join(lines))


@dataclass
class PublishReport:
    output: Path
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    fingerprinted: int = 0
    stats: SiteStats | None = None


def _timed(timings: dict, name: str, step: Callable):
    start = time.perf_counter()
    try:
        return step()
    finally:
        timings[name] = round(time.perf_counter() - start, 3)


def publish_site(
    output: Path,
    publish_settings: Path,
    local_settings: Path | None = None,
    now: dt.datetime | None = None,
    **overrides,
) -> PublishReport:
    """Publish into ``output`` or raise PublishFailed, leaving ``output`` as it was.

    ``local_settings``: also run the contributors' check (a strict local build).
    ``overrides``: Pelican settings (tests point PATH at fixture content).
    """
    started = time.perf_counter()
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".publish-", dir=output.parent))
    timings: dict[str, float] = {}
    try:
        site = staging / "site"
        settings = read_build_settings(publish_settings, **overrides, OUTPUT_PATH=str(site))
        try:
            config = load_config(settings)
        except ConfigError as error:
            raise PublishFailed({"settings": [str(error)]}) from None
        builds = [(publish_settings, {**overrides, "OUTPUT_PATH": str(site)})]
        if local_settings is not None:
            builds.append((local_settings, {**overrides, "OUTPUT_PATH": str(staging / "check")}))
        results = _timed(timings, "build", lambda: isolated_builds(builds))
        problems = {"strict build": results[0]}
        if local_settings is not None:
            problems["invoke check"] = results[1]
        failed = {gate: items for gate, items in problems.items() if items}
        if failed:
            raise PublishFailed(failed)

        siteurl = settings["SITEURL"]
        try:
            fingerprinted = _timed(
                timings,
                "fingerprint",
                lambda: fingerprint_site(site, config.fingerprint_dirs, siteurl),
            )
        except FingerprintError as error:
            raise PublishFailed({"fingerprints": [str(error)]}) from None
        sitemap = site / "sitemap.xml"
        if sitemap.is_file():
            sitemap.write_text(fix_sitemap_alternates(sitemap.read_text("utf-8")), "utf-8")
        write_robots_txt(site, siteurl)
        problems["content security policy"] = _timed(
            timings, "headers", lambda: write_headers_file(site, config)
        )
        problems["static host files"] = required_files_problems(site)
        problems["links and anchors"] = _timed(
            timings, "links", lambda: broken_links(site, siteurl)
        )
        feeds = [settings[k] for k in ("FEED_ALL_ATOM", "FEED_ALL_RSS") if settings.get(k)]
        problems["feeds"] = _timed(timings, "feeds", lambda: broken_feeds(site, feeds))
        problems["drafts and embargoes"] = _timed(
            timings, "unpublished", lambda: _unpublished_problems(site, settings, now)
        )
        problems["Nu Html Checker"] = _timed(
            timings, "vnu", lambda: html_errors(site, config.java, config.vnu_jar)
        )
        failed = {gate: items for gate, items in problems.items() if items}
        if failed:
            raise PublishFailed(failed)
        _timed(timings, "compress", lambda: precompress_site(site, config.compress_extensions))
        _set_mtimes(site, os.environ.get("SOURCE_DATE_EPOCH"))
        stats = site_stats(site)
        replace_directory(site, output)
        write_manifest(output, siteurl)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    seconds = round(time.perf_counter() - started, 3)
    return PublishReport(output, seconds, timings, len(fingerprinted), stats)


def _unpublished_problems(site: Path, settings: dict, now: dt.datetime | None) -> list[str]:
    timezone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    now = now or dt.datetime.now(dt.UTC)
    unpublished, problems = find_unpublished(
        Path(settings["PATH"]), now, timezone, settings["SLUG_REGEX_SUBSTITUTIONS"]
    )
    return problems + leaks(site, unpublished)


def _set_mtimes(root: Path, source_date_epoch: str | None) -> None:
    """With SOURCE_DATE_EPOCH, every file gets that mtime (archives of the site stay identical)."""
    if not source_date_epoch:
        return
    stamp = int(source_date_epoch)
    for path in root.rglob("*"):
        os.utime(path, (stamp, stamp), follow_symlinks=False)
