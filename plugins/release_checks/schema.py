"""The release front-matter schema (contract 2 of the brief) and its field checks."""

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pelican.utils import get_date

from .frontmatter import INVALID, Entry, FrontMatter
from .problems import Problem, display_path
from .settings import CheckSettings

EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+$")
PHONE = re.compile(r"^\+?[0-9 ().\-/]{5,}$")
# Pelican's own statuses: "hidden" writes the page but lists it nowhere (a link-only release).
STATUSES = ("draft", "hidden", "published")
TRUE_WORDS, FALSE_WORDS = {"true", "yes", "on"}, {"false", "no", "off"}


@dataclass
class Checked:
    """The values of one release after checking (only those that passed)."""

    values: dict
    problems: list[Problem]


def _text(entry, front, settings):
    value = entry.value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None, "expected text; put the value in quotes"
    value = str(value).strip()
    if not value:
        return None, "is empty"
    return value, None


def to_datetime(value, tzinfo: datetime.tzinfo) -> datetime.datetime:
    """A front-matter date (YAML date/datetime or text) as an aware datetime.

    Raises ValueError when it is not a date; a naive value gets ``tzinfo`` as Pelican does.
    """
    if isinstance(value, datetime.datetime):
        parsed = value
    elif isinstance(value, datetime.date):
        parsed = datetime.datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        parsed = get_date(value.strip().replace("_", " "))
    else:
        raise ValueError(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tzinfo)


def _date(entry, front, settings):
    try:
        return to_datetime(entry.value, settings.tzinfo), None
    except ValueError:
        return None, (
            f"{entry.value!r} is not a date; write it like 2024-05-01 or 2024-05-01T09:30:00+02:00"
        )


def _url(entry, front, settings):
    value, error = _text(entry, front, settings)
    if error:
        return None, error
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        return None, f"{value!r} is not an absolute http(s) URL (https://…)"
    return value, None


def _image(entry, front, settings):
    value, error = _text(entry, front, settings)
    if error:
        return None, error
    parts = urlsplit(value)
    if parts.scheme or value.startswith("//"):
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            return None, f"{value!r}: an image is a path or an http(s) URL, like images/photo.jpg"
        return value, None
    return (None, error) if (error := _local_image_error(value, settings)) else (value, None)


def _local_image_error(value: str, settings) -> str | None:
    """A local image is copied only when it is a file in one of the STATIC_PATHS folders."""
    folders = settings.static_paths
    example = f"{folders[0]}/photo.jpg" if folders else "images/photo.jpg"
    if value.startswith("/") or ".." in value.split("/"):
        return f"{value!r}: write the path from the content folder, like {example}"
    if not any(value.startswith(f"{folder}/") for folder in folders if folder):
        where = ", ".join(f"content/{folder}/" for folder in folders) or "(no STATIC_PATHS set)"
        return f"{value!r}: put the image in {where} and write its path, like {example}"
    path = Path(settings.content_root or ".") / value
    if settings.content_root is not None and not path.is_file():
        return f"{value!r}: no such file ({display_path(path)}); add it or correct the path"
    return None


def _lang(entry, front, settings):
    value, error = _text(entry, front, settings)
    if error:
        return None, error
    if value not in settings.languages:
        return (
            None,
            f"{value!r} is not a site language; use one of: {', '.join(settings.languages)}",
        )
    return value, None


def _status(entry, front, settings):
    value, error = _text(entry, front, settings)
    if error:
        return None, error
    if value.lower() not in STATUSES:
        return None, f"{value!r} is not a status; use draft, hidden or published"
    return value.lower(), None


def _boolean(entry, front, settings):
    value = entry.value
    if isinstance(value, bool):
        return value, None
    if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return value.strip().lower() in TRUE_WORDS, None
    return None, "expected true or false"


def _tags(entry, front, settings):
    value = entry.value
    if isinstance(value, str):
        value = [tag.strip() for tag in value.split(",")]
    if not isinstance(value, list):
        return None, "expected a list of tags, like [Harbour, Public space]"
    if not all(isinstance(tag, str | int | float) and not isinstance(tag, bool) for tag in value):
        return None, "every tag must be a short text"
    tags = [str(tag).strip() for tag in value if str(tag).strip()]
    if not tags:
        return None, "is empty; remove the line or add tags"
    return tags, None


def _needs_yaml(front: FrontMatter, what: str) -> str | None:
    if front.style != "yaml":
        return f"{what} needs YAML front matter (start the file with a `---` line)"
    return None


def _speakers(entry, front, settings):
    error = _needs_yaml(front, "speakers")
    if error:
        return None, error
    value = entry.value
    if not isinstance(value, dict) or not value:
        return None, "expected `Name: role` lines, one per speaker"
    for name, role in value.items():
        if not isinstance(name, str) or not (role is None or isinstance(role, str)):
            return None, f"{name!r}: write each speaker as `Name: role` (role is text)"
    return {name.strip(): (role or None) for name, role in value.items()}, None


CONTACT_FIELDS = ("name", "email", "phone")


def _contacts(entry, front, settings):
    """Checked separately per contact so each problem gets its own line."""
    error = _needs_yaml(front, "contacts")
    if error:
        return None, error
    if not isinstance(entry.value, list) or not entry.value:
        return None, "expected a list of contacts, each with name, email and/or phone"
    return entry.value, None


@dataclass(frozen=True)
class Field:
    check: Callable
    required: bool = False
    description: str = ""


FIELDS: dict[str, Field] = {
    "title": Field(_text, True, "headline of the release"),
    "date": Field(_date, True, "publication date-time; without a zone, the site's TIMEZONE"),
    "summary": Field(_text, True, "one or two sentences for lists, feeds and search"),
    "category": Field(_text, True, "e.g. Press releases"),
    "lang": Field(_lang, True, "language code, one of PRESS_LANGUAGES"),
    "tags": Field(_tags, description="list of topics"),
    "author": Field(_text, description="the organisation issuing the release"),
    "location": Field(_text, description="dateline city"),
    "source": Field(_url, description="absolute http(s) URL of the original release"),
    "contacts": Field(_contacts, description="list of {name, email, phone} for press enquiries"),
    "boilerplate": Field(_text, description="'About us' text; default DEFAULT_BOILERPLATE"),
    "embargo": Field(_date, description="date-time before which the release is not published"),
    "status": Field(
        _status, description="draft, hidden (page written, listed nowhere) or published (default)"
    ),
    "translation_key": Field(
        _text, description="key shared by the translations of one release; default the slug"
    ),
    "speakers": Field(_speakers, description="Name: role, for quoted speakers"),
    "image": Field(_image, description="path or http(s) URL of the lead image"),
    "image_alt": Field(_text, description="text alternative of the image (required with it)"),
    "modified": Field(_date, description="date-time of the last correction"),
    "sidebars": Field(_boolean, description="false hides the quotes and key-facts sidebars"),
    "slug": Field(_text, description="last part of the URL; default made from the title"),
}


def check_fields(front: FrontMatter, settings: CheckSettings) -> Checked:
    problems: list[Problem] = []
    values: dict = {}
    seen: dict[str, Entry] = {}
    for entry in front.entries:
        where = (front.path, entry.line, entry.key)
        if entry.key in seen:
            first = seen[entry.key].line
            problems.append(Problem(*where, f"given twice (first on line {first}); keep one"))
            continue
        seen[entry.key] = entry
        spec = FIELDS.get(entry.key)
        if spec is None:
            problems.append(Problem(*where, _unknown_key_message(entry.key)))
            continue
        if entry.value is INVALID:
            continue  # the reader reported it already
        if entry.value is None or entry.value == "":
            problems.append(Problem(*where, "is empty; give a value or remove the line"))
            continue
        value, error = spec.check(entry, front, settings)
        if error:
            problems.append(Problem(*where, error))
            continue
        if entry.key == "contacts":
            value, contact_problems = _check_contacts(entry, front)
            problems += contact_problems
        values[entry.key] = value
    # A misspelt required field is one problem, reported on the misspelt line only.
    misspelt = {_nearest_field(key) for key in seen if key not in FIELDS}
    for name, spec in FIELDS.items():
        if spec.required and name not in seen and name not in misspelt:
            message = f"required field missing; add a `{name}:` line"
            problems.append(Problem(front.path, front.start_line, name, message))
    problems += _check_together(front, values, seen)
    return Checked(values, problems)


# Fields whose name means something else to Pelican, and what to write instead.
RENAMED = {
    "translation": (
        "is Pelican's own yes/no flag (and breaks the build as a key); "
        "write the key shared by translations as `translation_key:`"
    ),
}


def _nearest_field(key: str) -> str | None:
    if key in RENAMED:
        return None
    close = difflib.get_close_matches(key, FIELDS, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key_message(key: str) -> str:
    if key in RENAMED:
        return RENAMED[key]
    close = _nearest_field(key)
    if close:
        return f"unknown field; did you mean `{close}`?"
    return f"unknown field; known fields: {', '.join(FIELDS)}"


def _check_contacts(entry: Entry, front: FrontMatter) -> tuple[list[dict], list[Problem]]:
    contacts, problems = [], []
    for index, contact in enumerate(entry.value):
        line = entry.line_at(index)
        if not isinstance(contact, dict):
            message = f"contact {index + 1}: expected name, email and/or phone lines"
            problems.append(Problem(front.path, line, "contacts", message))
            continue
        clean = {}
        for key, value in contact.items():
            key_line = entry.line_at(index, str(key).lower())
            key = str(key).lower()
            if key not in CONTACT_FIELDS:
                close = difflib.get_close_matches(key, CONTACT_FIELDS, n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`?" if close else "use name, email, phone"
                message = f"contact {index + 1}: unknown field `{key}`; {hint}"
                problems.append(Problem(front.path, key_line, "contacts", message))
                continue
            text = str(value).strip() if isinstance(value, str | int) else ""
            if key == "email" and not EMAIL.match(text):
                message = f"contact {index + 1}: {value!r} is not an email address"
                problems.append(Problem(front.path, key_line, "contacts", message))
            elif key == "phone" and not PHONE.match(text):
                message = f"contact {index + 1}: {value!r} is not a phone number (+44 20 …)"
                problems.append(Problem(front.path, key_line, "contacts", message))
            elif not text:
                message = f"contact {index + 1}: {key} is empty"
                problems.append(Problem(front.path, key_line, "contacts", message))
            else:
                clean[key] = text
        if not {"email", "phone"} & set(contact):
            message = f"contact {index + 1}: give an email or a phone number"
            problems.append(Problem(front.path, line, "contacts", message))
        contacts.append(clean)
    return contacts, problems


def _check_together(front: FrontMatter, values: dict, seen: dict[str, Entry]) -> list[Problem]:
    """Rules that involve two fields."""
    problems = []
    if "image" in values and "image_alt" not in seen:
        message = "an image needs `image_alt`, a text describing it for blind readers"
        problems.append(Problem(front.path, seen["image"].line, "image_alt", message))
    if "modified" in values and "date" in values and values["modified"] < values["date"]:
        message = "is before the release's `date`"
        problems.append(Problem(front.path, seen["modified"].line, "modified", message))
    return problems
