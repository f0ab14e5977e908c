"""Golden output: the sample site under tests/golden builds to exactly the committed files.

When a change to the theme or plugins changes the output on purpose, run `invoke golden`
and review the diff of tests/golden/expected in the pull request.
"""

import difflib
from pathlib import Path

from conftest import run_build
from tasks import _golden_overrides

EXPECTED = Path(__file__).parent / "golden" / "expected"


def _files(root: Path) -> dict[str, Path]:
    return {str(p.relative_to(root)): p for p in sorted(root.rglob("*")) if p.is_file()}


def test_golden_site_matches_expected(tmp_path):
    run_build(tmp_path, **_golden_overrides(tmp_path))
    built, expected = _files(tmp_path), _files(EXPECTED)
    assert sorted(built) == sorted(expected), "files added or removed: run `invoke golden`"
    for name, path in built.items():
        new, old = path.read_bytes(), expected[name].read_bytes()
        if new != old:
            diff = difflib.unified_diff(
                old.decode(errors="replace").splitlines(),
                new.decode(errors="replace").splitlines(),
                f"expected/{name}",
                f"built/{name}",
                lineterm="",
            )
            raise AssertionError(
                f"{name} differs; run `invoke golden` if intended:\n" + "\n".join(diff)
            )
