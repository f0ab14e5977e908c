"""Figures about a published site: file count, bytes, and what precompression saves."""

from dataclasses import dataclass
from pathlib import Path

from .site_files import site_files


@dataclass(frozen=True)
class SiteStats:
    files: int
    bytes: int
    compressible_bytes: int  # files that have precompressed siblings
    gzip_bytes: int
    brotli_bytes: int

    def summary(self) -> str:
        def ratio(size: int) -> str:
            return f"{size / self.compressible_bytes:.1%}" if self.compressible_bytes else "n/a"

        return (
            f"{self.files} files, {self.bytes / 1024:.1f} KiB; precompressed "
            f"{self.compressible_bytes / 1024:.1f} KiB → gzip {self.gzip_bytes / 1024:.1f} KiB "
            f"({ratio(self.gzip_bytes)}), brotli {self.brotli_bytes / 1024:.1f} KiB "
            f"({ratio(self.brotli_bytes)})"
        )


def site_stats(root: Path) -> SiteStats:
    files = list(site_files(root))
    compressible = gz = br = 0
    for path in files:
        gz_path, br_path = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if gz_path.exists() and br_path.exists():
            compressible += path.stat().st_size
            gz += gz_path.stat().st_size
            br += br_path.stat().st_size
    return SiteStats(len(files), sum(p.stat().st_size for p in files), compressible, gz, br)
