"""Read a release file's front matter with the line of every key, without Pelican.

Two header styles are accepted, like Pelican with pelican-yaml-metadata: YAML between
``---`` lines, or Pelican's own ``Key: value`` lines ending at the first blank line.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, line_of

# The same header pattern as pelican-yaml-metadata, so both agree on what is front matter.
YAML_HEADER = re.compile(
    r"\s*^---$(?P<metadata>.+?)^(?:---|\.\.\.)$(?P<content>.*)", re.MULTILINE | re.DOTALL
)
# Python-Markdown's meta extension, which Pelican uses for `Key: value` headers.
META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")

INVALID = object()  # a value YAML could not even construct (reported already)


@dataclass
class Entry:
    key: str
    value: Any
    line: int
    # Lines of nested items: (index,) for list items, (index, "email") for their keys.
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_at(self, *where) -> int:
        return self.lines.get(tuple(where), self.line)


@dataclass
class FrontMatter:
    path: Path
    text: str
    style: str  # "yaml" or "pelican"
    start_line: int
    entries: list[Entry]
    body: str
    body_line: int

    def get(self, key: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == key), None)


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem saying why it cannot be read as a release."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        message = f"file is not UTF-8 text (byte 0x{byte:02x}); save it with UTF-8 encoding"
        return None, [Problem(path, line, "file", message)]
    # As Pelican reads it: text mode (universal newlines), byte-order mark dropped.
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if not text.strip():
        return None, [Problem(path, 1, "file", "file is empty; a release needs front matter")]
    return text, []


def read_front_matter(path: Path, text: str) -> tuple[FrontMatter | None, list[Problem]]:
    match = YAML_HEADER.fullmatch(text)
    if match:
        return _read_yaml(path, text, match)
    if text.lstrip().startswith("---"):
        start = line_of(text, text.index("---"))
        message = "front matter opened with `---` is never closed by a `---` line"
        return None, [Problem(path, start, "front matter", message)]
    return _read_pelican(path, text)


def _read_yaml(path: Path, text: str, match: re.Match) -> tuple[FrontMatter | None, list[Problem]]:
    start_line = line_of(text, match.start("metadata"))  # the opening `---` line
    body_line = line_of(text, match.start("content"))  # the body starts on the closing line
    try:
        loader, root = _compose(match.group("metadata"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = start_line + mark.line, mark.column + 1
        detail = error.problem or error.context or "invalid YAML"
        message = f"YAML syntax error at line {line}, column {column}: {detail}"
        if error.context and error.context_mark and error.context_mark.line != mark.line:
            message += f" ({error.context} on line {start_line + error.context_mark.line})"
        return None, [Problem(path, line, "front matter", message)]
    except yaml.reader.ReaderError as error:  # a control character: no mark, a position
        line = start_line + match.group("metadata").count("\n", 0, error.position)
        message = f"character {error.character!r} is not allowed in front matter; delete it"
        return None, [Problem(path, line, "front matter", message)]
    if root is None:
        return None, [Problem(path, start_line, "front matter", "front matter is empty")]
    if not isinstance(root, yaml.MappingNode):
        message = "front matter must be `key: value` lines"
        return None, [Problem(path, start_line + root.start_mark.line, "front matter", message)]

    problems, entries = [], []
    for key_node, value_node in root.value:
        line = start_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
            message = "each line needs a field name, then `:` and its value"
            problems.append(Problem(path, line, "front matter", message))
            continue
        try:
            value = loader.construct_object(value_node, deep=True)
        except (ValueError, TypeError, yaml.YAMLError) as error:
            value = INVALID
            message = f"cannot read this value ({error}); put it in quotes or fix it"
            problems.append(Problem(path, line, key_node.value.lower(), message))
        entries.append(
            Entry(key_node.value.lower(), value, line, _nested_lines(value_node, start_line))
        )
    front = FrontMatter(path, text, "yaml", start_line, entries, match.group("content"), body_line)
    return front, problems


# libyaml is several times faster; the pure-Python parser words its errors more precisely.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(metadata: str) -> tuple[yaml.SafeLoader, yaml.Node | None]:
    """The YAML node tree (with line marks) and a loader to construct values from it."""
    try:
        loader = FAST_LOADER(metadata)
        return loader, loader.get_single_node()
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError):
        if FAST_LOADER is yaml.SafeLoader:
            raise
    loader = yaml.SafeLoader(metadata)
    return loader, loader.get_single_node()  # raises, with the better message


def _nested_lines(node: yaml.Node, start_line: int) -> dict[tuple, int]:
    """Lines of list items and of their keys, for messages about one contact or speaker."""
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(index,)] = start_line + item.start_mark.line
            if isinstance(item, yaml.MappingNode):
                for key, _ in item.value:
                    lines[(index, str(key.value).lower())] = start_line + key.start_mark.line
    elif isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            lines[(str(key.value),)] = start_line + key.start_mark.line
    return lines


def _read_pelican(path: Path, text: str) -> tuple[FrontMatter | None, list[Problem]]:
    lines = text.split("\n")
    entries: list[Entry] = []
    number = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        meta, more = META_LINE.match(line), META_MORE.match(line)
        if meta:
            entries.append(Entry(meta["key"].lower(), meta["value"].strip(), number))
        elif more and entries:
            entries[-1].value = f"{entries[-1].value} {more['value'].strip()}".strip()
        else:
            number -= 1  # this line is already body text
            break
    if not entries:
        message = "no front matter found; start the file with `---`, the fields, and `---`"
        return None, [Problem(path, 1, "front matter", message)]
    body = "\n".join(lines[number:])
    return FrontMatter(path, text, "pelican", 1, entries, body, number + 1), []
