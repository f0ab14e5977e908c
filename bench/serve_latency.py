"""How long until a saved edit is visible in the browser, as `make serve` runs it.

A child process serves a generated corpus the way tasks.serve does (livereload watching the
same folders, the same rebuild with tasks.SERVE_OVERRIDES); Debian's Chromium, driven by
Playwright, shows a release page; then the release file is edited and the time until the
page in the browser shows the new sentence is measured (livereload's polling for changes is
part of what a user waits for). Usage: ``python -m bench.serve_latency -n 1000``.
"""

import argparse
import contextlib
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .corpus import edit_release, make_releases, write_corpus

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CHROMIUM = "/usr/bin/chromium"


def serve(content: Path, output: Path, cache: Path, port: int, poll: bool = False) -> None:
    """In the child: tasks.serve's loop on the generated corpus (``poll``: livereload's
    polling watcher, as before inotify, for comparison)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "plugins"))
    from livereload import Server

    import tasks

    overrides = dict(tasks.SERVE_OVERRIDES)
    overrides.update(PATH=str(content), OUTPUT_PATH=str(output), CACHE_PATH=str(cache))

    from serving.garbage import CollectionAfterReload
    from serving.reload import reload_after_every_rebuild

    garbage = CollectionAfterReload()
    reload_after_every_rebuild()

    def rebuild():
        with contextlib.suppress(SystemExit), garbage.paused():
            tasks.build_site(tasks.LOCAL_SETTINGS, **overrides)

    from livereload.watcher import Watcher

    from serving.change_watcher import make_watcher

    rebuild()
    server = Server(watcher=Watcher() if poll else make_watcher())
    server.watch(str(content / "**" / "*"), rebuild)
    for folder in ("theme", "plugins"):
        server.watch(str(ROOT / folder / "**" / "*"), rebuild)
    server.watch(str(tasks.LOCAL_SETTINGS), rebuild)
    if not getattr(server.watcher, "notifies", False):
        tasks.poll_for_changes_every(tasks.SERVE_POLL_MS)
    server.serve(host="127.0.0.1", port=port, root=str(output), open_url_delay=None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def _visible(page, marker: str) -> bool:
    try:
        return marker in page.inner_text("body", timeout=1000)
    except Exception:  # the page is reloading
        return False


def measure(
    releases: int, edits: int, scratch: Path, log=print, poll: bool = False, gap: float = 3.5
) -> dict:
    from playwright.sync_api import sync_playwright

    corpus = make_releases(releases)
    paths = write_corpus(scratch / "content", corpus)
    target = len(paths) // 2
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.serve_latency", "--child", str(scratch), str(port)]
        + (["--poll"] if poll else []),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(scratch / "serve.log").open("w"),
    )
    latencies = []
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/", timeout=600)
        url = f"{base}/{corpus[target].date:%Y}/{corpus[target].slug}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()
            page.goto(url)
            # let the livereload script connect
            time.sleep(3.5)
            for index in range(edits):
                marker = f"visible-{index}-{time.time_ns()}"
                start = time.perf_counter()
                edit_release(paths[target], marker)
                while not _visible(page, f"Edited paragraph {marker}."):
                    if time.perf_counter() - start > 60:
                        raise TimeoutError("the edit never showed up in the browser")
                    time.sleep(0.02)
                latencies.append(time.perf_counter() - start)
                log(f"  edit {index}: visible after {latencies[-1]:.2f} s")
                time.sleep(gap)  # the time an author takes before the next save
            browser.close()
    except Exception:
        log((scratch / "serve.log").read_text(errors="replace")[-3000:])
        raise
    finally:
        child.terminate()
        child.wait(timeout=30)
    return {
        "releases": releases,
        "edits": edits,
        "watcher": "poll" if poll else "notify",
        "gap_s": gap,
        "latency_s": [round(x, 3) for x in latencies],
        "latency_s_median": round(statistics.median(latencies), 3),
        "latency_s_max": round(max(latencies), 3),
    }


def main(argv=None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--releases", "-n", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--poll", action="store_true", help="livereload's polling watcher instead of inotify"
    )
    parser.add_argument("--gap", type=float, default=3.5, help="seconds between two saves")
    parser.add_argument("--child", nargs=2, metavar=("SCRATCH", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        scratch = Path(args.child[0])
        serve(
            scratch / "content", scratch / "out", scratch / "cache", int(args.child[1]), args.poll
        )
        return None
    scratch = Path(tempfile.mkdtemp(prefix="newsroom-serve-latency-"))
    watcher = "polling" if args.poll else "inotify"
    print(f"Serve latency: {args.releases} releases, {args.edits} edits, {watcher}")
    try:
        report = measure(args.releases, args.edits, scratch, poll=args.poll, gap=args.gap)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    out = (
        args.json
        or RESULTS / f"serve-latency-{args.releases}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"Median {report['latency_s_median']} s, max {report['latency_s_max']} s -> {out}")
    return report


if __name__ == "__main__":
    main()
