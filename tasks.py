"""Project tasks (`invoke --list`). The Makefile only bootstraps .venv and calls these."""

import logging
import os
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
os.environ.setdefault("COLUMNS", "160")  # rich wraps Pelican's log at 80 columns otherwise

LOCAL_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
OUTPUT = ROOT / "output"
GOLDEN_SITE = ROOT / "tests" / "golden"


def build_site(settings_file: Path = LOCAL_SETTINGS, **overrides) -> None:
    """Run one strict Pelican build; print every problem and exit 1 if there were any."""
    from pelican import Pelican
    from pelican.log import init as init_logging
    from pelican.settings import read_settings

    from strict_build import StrictBuildError

    init_logging(level=logging.WARNING)
    settings = read_settings(str(settings_file), override=overrides)
    try:
        Pelican(settings).run()
    except StrictBuildError as error:
        print(error, file=sys.stderr)
        sys.exit(error.exitcode)
    print(f"Site written to {settings['OUTPUT_PATH']}")


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c):
    """Build the site into output/ with local settings; fails on any problem."""
    build_site(LOCAL_SETTINGS)


@task
def check(c):
    """Check every release (front matter, encoding, unsafe HTML, URL clashes); writes nothing.

    Also lists unattributed quotations (press_sidebars), as the build does."""
    from press_sidebars.check import list_unattributed
    from release_checks.tools import read_pelican_settings, run_check

    settings = read_pelican_settings(LOCAL_SETTINGS)
    sys.exit(run_check(settings) | list_unattributed(settings))


@task
def new(c, title):
    """Create content/YYYY-MM-DD-<slug>.md with a valid front matter: invoke new "Title"."""
    from release_checks.tools import create_release, read_pelican_settings

    try:
        create_release(read_pelican_settings(LOCAL_SETTINGS), title)
    except (ValueError, FileExistsError) as error:
        sys.exit(str(error))


@task
def publish(c):
    """Build with publishconf.py into a fresh directory, run every gate, swap it into output/."""
    from publishing.pipeline import PublishFailed, publish_site

    try:
        report = publish_site(OUTPUT, PUBLISH_SETTINGS, LOCAL_SETTINGS)
    except PublishFailed as failure:
        print(failure, file=sys.stderr)
        sys.exit(1)
    steps = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in report.timings.items())
    print(f"Published to {report.output} in {report.seconds:.2f}s ({steps})")
    print(report.stats.summary())


@task
def serve(c, host="127.0.0.1", port=8000):
    """Build, serve at http://HOST:PORT and rebuild + reload the browser on every edit."""
    from livereload import Server

    from serving.change_watcher import make_watcher
    from serving.garbage import CollectionAfterReload
    from serving.reload import reload_after_every_rebuild

    garbage = CollectionAfterReload()
    reload_after_every_rebuild()  # also a save made within 3 s of the last one

    def rebuild():
        try:
            with garbage.paused():  # Python's cyclic GC waits until the browser reloaded
                build_site(LOCAL_SETTINGS, **SERVE_OVERRIDES)
        except SystemExit:
            # Problems were printed; keep serving the last good site. Forget the content
            # cache, so the next build reads every release again and reports all problems.
            shutil.rmtree(ROOT / "cache", ignore_errors=True)

    rebuild()
    server = Server(watcher=make_watcher())  # woken by inotify where it can be, else polling
    # livereload logs with its own handler; passing its records on to Pelican's too doubled them.
    logging.getLogger("livereload").propagate = False
    for folder in ("content", "theme", "plugins"):
        server.watch(str(ROOT / folder / "**" / "*"), rebuild)
    server.watch(str(LOCAL_SETTINGS), rebuild)
    if not getattr(server.watcher, "notifies", False):
        poll_for_changes_every(SERVE_POLL_MS)
    print(f"Serving on http://{host}:{port}/ (Ctrl-C to stop)")
    server.serve(host=host, port=port, root=str(OUTPUT), open_url_delay=None)


@task
def test(c, args=""):
    """Run the whole test suite (pytest)."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task
def lint(c):
    """ruff over the project."""
    c.run(f"{sys.executable} -m ruff check .")


@task
def golden(c):
    """Regenerate the expected output of the golden sample site (review the diff!)."""
    expected = GOLDEN_SITE / "expected"
    shutil.rmtree(expected, ignore_errors=True)
    build_site(**_golden_overrides(expected))


def _golden_overrides(output: Path) -> dict:
    """Settings for the golden sample site; shared with tests/test_golden.py."""
    return {
        "PATH": str(GOLDEN_SITE / "content"),
        "OUTPUT_PATH": str(output),
        # Pagefind's bundle (wasm, hashed files) is tested on its own (tests/test_search_index.py).
        "SEARCH_INDEX": {"ENABLED": False},
        # The theme's CSS and JS are copied verbatim: comparing them would only add noise.
        "THEME_STATIC_PATHS": [],
    }


@task
def lock(c):
    """Compile requirements.in into the fully pinned requirements.txt."""
    c.run(
        f"{sys.executable} -m piptools compile -q --strip-extras --no-header "
        "--no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in"
    )


@task(
    help={
        "to": "gh-pages (push output/ to a branch with ghp-import) or rsync",
        "dest": "rsync destination, HOST:PATH",
        "branch": "branch for gh-pages (default gh-pages)",
        "remote": "git remote for gh-pages (default origin)",
    }
)
def deploy(c, to, dest="", branch="gh-pages", remote="origin"):
    """Deploy the published output/ (run `invoke publish` first)."""
    from publishing.deploy import DeployError, deploy_gh_pages, deploy_rsync

    try:
        if to == "gh-pages":
            deploy_gh_pages(OUTPUT, ROOT, branch=branch, remote=remote)
            print(f"Pushed {OUTPUT} to {remote}/{branch}")
        elif to == "rsync":
            changes = deploy_rsync(OUTPUT, dest)
            print(changes or "Nothing changed", end="")
            print(f"Synced {OUTPUT} to {dest}")
        else:
            raise DeployError(f"unknown target {to!r}: use --to gh-pages or --to rsync")
    except DeployError as error:
        print(f"Deploy failed: {error}", file=sys.stderr)
        sys.exit(1)


@task
def quotes(c, path):
    """Print what the sidebar plugin reads from one release: statements, speakers, roles, facts."""
    from pelican.settings import read_settings

    from press_sidebars.report import describe_release

    print(describe_release(Path(path), read_settings(str(LOCAL_SETTINGS))))


@task(name="sidebars-bench")
def sidebars_bench(c, repeat=1000, releases=300, rounds=2):
    """Measure the sidebar plugin: extraction per release and full builds with it on and off."""
    from press_sidebars.benchmark import run

    seed = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"
    print(run(seed, LOCAL_SETTINGS, int(repeat), int(releases), int(rounds)))


# Settings `make serve` adds for a quick edit loop (the benchmark's edit modes use them too):
# Pelican's content cache (in cache/, keyed by settings and plugin code) and incremental write.
SERVE_OVERRIDES = {
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    "CONTENT_CACHING_LAYER": "generator",
    "FAST_WRITER": {"incremental": True},
    "GZIP_CACHE": False,  # gzip costs more time than the cache saves disk
}

# Pagefind re-indexes the whole site, slower than the rebuild: `make serve` reloads the browser
# first and swaps the new index in when it is ready (plugins/search_index/background.py).
SERVE_OVERRIDES["SEARCH_INDEX"] = {"BACKGROUND": True}

# livereload looks for changes every 0.8 s; looking more often shows a save sooner.
SERVE_POLL_MS = 200


def poll_for_changes_every(milliseconds: int) -> None:
    """Have livereload examine the watched files this often, on the loop it will run."""
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import PeriodicCallback

    def poll():
        if LiveReloadHandler.watcher is not None:
            LiveReloadHandler.poll_tasks()

    PeriodicCallback(poll, milliseconds).start()


@task
def bench(c, releases=1000, repeat=3):
    """Benchmark: our build vs plain Pelican on generated releases (figures in bench/results/)."""
    c.run(f"{sys.executable} -m bench --releases {releases} --repeat {repeat}", pty=False)


@task(name="bench-serve")
def bench_serve(c, releases=1000, edits=5, poll=False):
    """Benchmark `make serve`: seconds from saving a release to seeing it in Chromium."""
    flags = " --poll" if poll else ""  # livereload's polling watcher, to compare
    c.run(f"{sys.executable} -m bench.serve_latency --releases {releases} --edits {edits}{flags}")
