"""Deploy the published output/ to GitHub Pages (ghp-import) or a host over rsync."""

import shutil
import subprocess
import sys
from pathlib import Path

from .manifest import unpublished_changes


class DeployError(RuntimeError):
    pass


def ensure_published(site: Path) -> None:
    why = unpublished_changes(site)
    if why:
        raise DeployError(f"{why}: run `invoke publish` first")


def ghp_import_command(site: Path, branch: str, remote: str, message: str, push: bool) -> list[str]:
    # --no-jekyll: GitHub's Jekyll would drop `_headers`; the site is already built.
    command = [sys.executable, "-m", "ghp_import", "--no-jekyll", "--branch", branch]
    command += ["--remote", remote, "--message", message]
    if push:
        command.append("--push")
    return [*command, str(site)]


def rsync_command(site: Path, dest: str) -> list[str]:
    # --checksum: decide by content, so unchanged files are not re-sent even though every
    # publish rewrites them; --delete: files removed from the site go; --delay-updates:
    # changed files are moved into place together at the end.
    return [
        "rsync",
        "--recursive",
        "--links",
        "--perms",
        "--times",
        "--checksum",
        "--delete",
        "--delay-updates",
        "--itemize-changes",
        f"{site}/",
        dest,
    ]


def source_revision(repository: Path) -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=repository, capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 else "unknown revision"


def deploy_gh_pages(
    site: Path,
    repository: Path,
    branch: str = "gh-pages",
    remote: str = "origin",
    push: bool = True,
) -> None:
    """Commit ``site`` as the whole of ``branch`` in ``repository`` and push it to ``remote``."""
    ensure_published(site)
    message = f"Publish site from {source_revision(repository)}"
    command = ghp_import_command(site.resolve(), branch, remote, message, push)
    result = subprocess.run(command, cwd=repository, capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployError(f"ghp-import failed: {(result.stderr or result.stdout).strip()}")


def deploy_rsync(site: Path, dest: str) -> str:
    """Mirror ``site`` to ``dest`` (HOST:PATH or a local folder); returns rsync's change list."""
    ensure_published(site)
    if not dest:
        raise DeployError("rsync needs a destination: --dest HOST:PATH")
    if shutil.which("rsync") is None:
        raise DeployError("rsync is not installed (apt-get install rsync)")
    result = subprocess.run(rsync_command(site, dest), capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployError(f"rsync failed (exit {result.returncode}): {result.stderr.strip()}")
    return result.stdout
