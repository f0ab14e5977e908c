"""One problem found in a release file, printed the way editors and CI logs link to it."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.field}: {self.message}"


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it (clickable, short), else absolute."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
