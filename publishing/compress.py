"""Precompressed .gz and .br siblings, written by pelican-precompress after our own steps.

pelican-precompress normally runs inside Pelican's `finalized` signal, i.e. before the
post-build steps (fingerprinting rewrites HTML), so the pipeline calls it itself, last.
Its gzip output is deterministic: zlib writes no file name and an mtime of 0.
"""

from pathlib import Path
from types import SimpleNamespace

from pelican.plugins import precompress


def precompress_site(root: Path, extensions: tuple[str, ...]) -> None:
    settings = {
        "OUTPUT_PATH": str(root),
        "PRECOMPRESS_GZIP": True,
        "PRECOMPRESS_BROTLI": True,
        "PRECOMPRESS_ZOPFLI": False,
        "PRECOMPRESS_ZSTANDARD": False,
        "PRECOMPRESS_OVERWRITE": True,
        "PRECOMPRESS_TEXT_EXTENSIONS": set(extensions),
    }
    precompress.compress_files(SimpleNamespace(settings=settings))
