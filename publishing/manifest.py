"""A record, beside output/, of exactly what `invoke publish` wrote.

Deploying checks the folder against it, so a local `make build` over a published
output/ (relative URLs, no feeds, mixed with the published files) or any hand edit
is refused instead of going live. It lives outside output/ so it is never deployed.
"""

import hashlib
import json
from pathlib import Path


def manifest_path(site: Path) -> Path:
    return site.with_name(f".{site.name}.publish.json")


def tree_digest(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        digest.update(path.relative_to(site).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_manifest(site: Path, siteurl: str) -> None:
    record = {"digest": tree_digest(site), "siteurl": siteurl}
    manifest_path(site).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def unpublished_changes(site: Path) -> str | None:
    """Why ``site`` is not exactly what the last publish wrote, or None if it is."""
    path = manifest_path(site)
    if not site.is_dir():
        return f"{site} does not exist"
    if not path.is_file():
        return f"{site} was not written by `invoke publish`"
    if json.loads(path.read_text(encoding="utf-8"))["digest"] != tree_digest(site):
        return f"{site} has changed since `invoke publish` wrote it"
    return None
