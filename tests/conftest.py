"""Shared fixtures: real Pelican builds into tmp_path."""

import contextlib
import functools
import os
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))


def run_build(output: Path, settings_file: Path = ROOT / "pelicanconf.py", **overrides) -> None:
    """Build the site with the project's settings (plus overrides) into ``output``."""
    from pelican import Pelican
    from pelican.settings import read_settings

    overrides.setdefault("OUTPUT_PATH", str(output))
    with pelican_signals_restored():
        Pelican(read_settings(str(settings_file), override=overrides)).run()


@contextlib.contextmanager
def pelican_signals_restored():
    """Disconnect, on leaving, what was connected to Pelican's signals inside the block.

    Blinker signals are process-wide: a plugin registered by one build (say the sitemap, which
    only publishconf loads) would otherwise keep running in every later build of the session.
    """
    from blinker import NamedSignal
    from blinker.base import ANY_ID
    from pelican.plugins import signals

    every_signal = [s for s in vars(signals).values() if isinstance(s, NamedSignal)]
    before = {id(signal): set(signal.receivers) for signal in every_signal}
    try:
        yield
    finally:
        for signal in every_signal:
            for receiver_id in set(signal.receivers) - before[id(signal)]:
                # By id: a weakly held receiver may be gone. blinker (pinned) has no public API.
                signal._disconnect(receiver_id, ANY_ID)


def file_tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path, with its bytes (to compare whole sites)."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(autouse=True)
def isolated_plugin_signals():
    """Builds a test runs by other means than run_build leave no receivers behind either."""
    with pelican_signals_restored():
        yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content/ built once with local settings."""
    output = tmp_path_factory.mktemp("site")
    run_build(output)
    return output


@pytest.fixture
def write_release(tmp_path):
    """Write a release file into a fresh content folder: write_release(name, text)."""
    content = tmp_path / "content"
    content.mkdir()

    def write(name: str, text: str) -> Path:
        path = content / name
        path.write_text(text, encoding="utf-8")
        return path

    write.content = content
    return write


# --- Real browser: Debian's Chromium driven by Playwright -------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium (`playwright install` cannot download browsers here)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing under CI: .ci/run must `apt-get install chromium`")
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def serve_dir():
    """Serve a folder over HTTP on 127.0.0.1 (random port): serve_dir(path) -> base URL."""
    servers = []

    def serve(root: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(root))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="module")
def site(built_site, serve_dir) -> str:
    """The real content/ built once, served over HTTP: its base URL."""
    return serve_dir(built_site)


@pytest.fixture
def clipboard_page(browser):
    """A page allowed to read and write the clipboard (the copy-a-quote buttons)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # signature fixed by the base class
        pass


# --- System tools some tests need: skip without them on a laptop, never under CI ---------------

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require_tools(**available: bool) -> None:
    """Skip (fail under CI) unless every named tool is available."""
    missing = [name for name, ok in available.items() if not ok]
    if not missing:
        return
    if os.environ.get("CI"):
        pytest.fail(f"missing under CI: {', '.join(missing)}; .ci/run must install them")
    pytest.skip(f"missing: {', '.join(missing)} (`make test` runs npm ci when npm exists)")


@pytest.fixture(scope="session")
def nu_checker() -> list[str]:
    """The Nu Html Checker command (Java + npm's vnu-jar), used by the validity tests and by
    every publish, whose gates run it."""
    java = shutil.which("java")
    require_tools(java=java is not None, **{"vnu.jar (npm ci)": VNU_JAR.exists()})
    return [java, "-jar", str(VNU_JAR)]


def in_own_thread(test):
    """Run a test in a thread of its own: a Tornado loop cannot run in a thread where another
    event loop runs (the browser tests' Playwright keeps one in the main thread)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        outcome = {}

        def target():
            try:
                test(*args, **kwargs)
            except BaseException as error:  # re-raised in the test's thread
                outcome["error"] = error

        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
        if "error" in outcome:
            raise outcome["error"]

    return run
