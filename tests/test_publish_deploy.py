"""Deploying a published site: to a local bare git repository (gh-pages) and with rsync."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, file_tree
from publishing.deploy import DeployError, deploy_gh_pages, deploy_rsync
from publishing.manifest import manifest_path
from publishing.pipeline import publish_site

# Every publish runs the Nu Html Checker gate.
pytestmark = pytest.mark.usefixtures("nu_checker")


def git(*args, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("deploy") / "output"
    publish_site(output, ROOT / "publishconf.py", PATH=str(ROOT / "tests" / "golden" / "content"))
    return output


@pytest.fixture
def project(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A project checkout whose `origin` is a local bare repository."""
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(key, raising=False)
    remote, work = tmp_path / "remote.git", tmp_path / "project"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path)
    git("init", "--quiet", str(work), cwd=tmp_path)
    git("config", "user.name", "Newsroom CI", cwd=work)
    git("config", "user.email", "ci@newsroom.example.org", cwd=work)
    git("remote", "add", "origin", str(remote), cwd=work)
    git("commit", "--allow-empty", "--quiet", "-m", "source", cwd=work)
    return work, remote


def test_gh_pages_branch_holds_exactly_the_published_site(site, project):
    work, remote = project
    deploy_gh_pages(site, work)
    listed = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert sorted(listed) == sorted([*file_tree(site), ".nojekyll"])
    assert git("show", "gh-pages:_headers", cwd=remote) == (site / "_headers").read_text()
    # A second deploy builds on the remote branch instead of failing to push.
    deploy_gh_pages(site, work)
    assert len(git("rev-list", "gh-pages", cwd=remote).split()) == 2
    assert "Publish site from" in git("log", "-1", "--format=%s", "gh-pages", cwd=remote)


def test_rsync_mirrors_the_site_and_resends_nothing_unchanged(site, tmp_path):
    destination = tmp_path / "www"
    destination.mkdir()
    (destination / "old-release.html").write_text("deleted from the site since")
    deploy_rsync(site, f"{destination}/")
    assert file_tree(destination) == file_tree(site)
    # A new publish rewrites every file (new mtimes) with the same bytes: nothing is re-sent.
    for path in site.rglob("*"):
        os.utime(path, (1_800_000_000, 1_800_000_000))
    changes = deploy_rsync(site, f"{destination}/").splitlines()
    assert changes and not [line for line in changes if line.startswith(">f")]


def test_a_site_that_was_not_published_is_refused(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "index.html").write_text("local build")
    with pytest.raises(DeployError, match="not written by `invoke publish`"):
        deploy_rsync(tmp_path / "output", str(tmp_path / "www"))


def test_a_published_site_changed_afterwards_is_refused(site, tmp_path):
    copy = tmp_path / "output"
    shutil.copytree(site, copy)
    shutil.copy(manifest_path(site), manifest_path(copy))
    deploy_rsync(copy, f"{tmp_path / 'www'}/")  # an identical copy may go
    (copy / "index.html").write_text("a local build over the published site")
    with pytest.raises(DeployError, match="has changed since"):
        deploy_gh_pages(copy, tmp_path)
