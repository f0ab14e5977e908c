"""Zero errors from the Nu Html Checker (vnu.jar from npm's vnu-jar, run with Java)."""

import contextlib
import json
import shutil
import subprocess
from pathlib import Path


class ValidatorMissing(RuntimeError):
    pass


def vnu_command(java: str, jar: str, root: Path) -> list[str]:
    if shutil.which(java) is None:
        raise ValidatorMissing(
            f"{java!r} not found: install Java (apt-get install default-jre-headless)"
        )
    if not Path(jar).is_file():
        raise ValidatorMissing(f"{jar} not found: run `npm ci` to install vnu-jar")
    return [java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", str(root)]


def parse_vnu_report(report: str, root: Path) -> list[str]:
    """vnu's JSON report → one readable problem per error."""
    problems = []
    for message in json.loads(report or '{"messages": []}')["messages"]:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        where = message.get("url", "")
        where = where.removeprefix("file:")
        with contextlib.suppress(ValueError):
            where = str(Path(where).relative_to(root.resolve()))
        line = f":{message['lastLine']}" if "lastLine" in message else ""
        problems.append(f"{where}{line}: {message.get('message', '').strip()}")
    return problems


def html_errors(root: Path, java: str, jar: str) -> list[str]:
    try:
        command = vnu_command(java, jar, root.resolve())
    except ValidatorMissing as error:
        return [f"Nu Html Checker cannot run: {error}"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        problems = parse_vnu_report(result.stderr, root)
    except (json.JSONDecodeError, KeyError):
        return [
            f"Nu Html Checker failed (exit {result.returncode}): {result.stderr.strip()[:2000]}"
        ]
    if result.returncode != 0 and not problems:
        problems.append(f"Nu Html Checker failed (exit {result.returncode})")
    return problems
