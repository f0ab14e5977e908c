"""A content-cache folder per settings and plugin code.

Pelican's content cache is keyed by file stamps only: after a change of settings or of a
plugin, cached articles would still carry the old results. Keying the folder by a digest of
both makes such a cache simply unused.
"""

import hashlib
import re
import sys
from pathlib import Path

import pelican

# Reprs of functions and objects carry memory addresses that change from run to run.
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
# Settings that do not change what a content object holds.
_IGNORED = {"CACHE_PATH", "OUTPUT_PATH", "LOAD_CONTENT_CACHE", "FAST_READER"}


def settings_digest(settings: dict) -> str:
    relevant = sorted((key, repr(value)) for key, value in settings.items() if key not in _IGNORED)
    return _ADDRESS.sub("", repr(relevant))


def code_digest(plugin_paths) -> str:
    digest = hashlib.sha256()
    for folder in plugin_paths:
        for path in sorted(Path(folder).rglob("*.py")):
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(settings: dict) -> str:
    digest = hashlib.sha256()
    digest.update(f"{pelican.__version__} {sys.version}".encode())
    digest.update(settings_digest(settings).encode())
    digest.update(code_digest(settings.get("PLUGIN_PATHS", [])).encode())
    return digest.hexdigest()[:16]
