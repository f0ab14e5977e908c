"""Replace the live output directory with a finished one in a single step."""

import ctypes
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def replace_directory(new: Path, target: Path) -> None:
    """Make ``new`` the contents of ``target``; both must be on the same filesystem.

    Readers of ``target`` see the old site or the new one, never a mixture: the two
    directories are exchanged atomically, or (without renameat2) the old one is renamed
    aside and the new one renamed in, two renames with nothing half-written in between.
    """
    if not target.exists():
        os.rename(new, target)
        return
    if not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a directory")
    if _exchange(new, target):
        shutil.rmtree(new)
        return
    previous = new.with_name(new.name + ".previous")
    os.rename(target, previous)
    os.rename(new, target)
    shutil.rmtree(previous)
