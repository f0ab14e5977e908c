"""How long `invoke check` takes: on the real content, and on N generated releases.

    .venv/bin/python bench/release_checks.py [N]

Prints figures only (no assertion): the check must stay fast enough for a pre-commit hook.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"


def timed_check(content: Path | None) -> tuple[float, int, str]:
    """Wall time of `invoke check` as a contributor runs it (fresh interpreter)."""
    if content is None:
        command = [sys.executable, "-m", "invoke", "check"]
    else:
        command = [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, 'plugins'); "
            "from release_checks.tools import read_pelican_settings, run_check; "
            f"sys.exit(run_check(read_pelican_settings('pelicanconf.py', PATH={str(content)!r})))",
        ]
    best = float("inf")
    for _ in range(3):  # the best of three: the machine is shared
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best, result.returncode, result.stderr.strip().splitlines()[-1]


VARIANTS = {
    "seed text only": "",
    "plus a Markdown link": "\n[Full report](https://example.org/reports/{number})\n",
    "plus raw HTML (body rendered)": "\nSee the <abbr title='report'>report</abbr> {number}.\n",
}


def generate(folder: Path, count: int, extra: str) -> None:
    """Copies of the seed with distinct titles, each with ``extra`` appended to its body."""
    text = SEED.read_text(encoding="utf-8")
    for number in range(count):
        title = f"Amnesty International to close its Hong Kong offices, part {number}"
        body = text.replace(
            "title: Amnesty International to close its Hong Kong offices", f"title: {title}", 1
        )
        body += extra.format(number=number)
        (folder / f"2021-10-25-release-{number:04d}.md").write_text(body, encoding="utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    seconds, code, last = timed_check(None)
    print(f"real content: {seconds:.2f} s (exit {code}: {last})")
    for kind, extra in VARIANTS.items():
        with tempfile.TemporaryDirectory() as folder:
            generate(Path(folder), count, extra)
            seconds, code, last = timed_check(Path(folder))
            print(f"{count} releases, {kind}: {seconds:.2f} s (exit {code}: {last})")


if __name__ == "__main__":
    main()
