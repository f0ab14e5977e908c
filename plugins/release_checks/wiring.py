"""Signal wiring, kept thin: checks, publishing rules and sanitizing live in plain modules.

List this plugin before any plugin that reads article content (press_sidebars): Pelican
calls receivers in plugin order, and the sanitizer must run first.
"""

import datetime
import logging
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page

from .checker import check_releases, release_files, removal_problems, unsafe_html_in
from .frontmatter import decode, read_front_matter
from .publishing import unpublished_status
from .sanitize import sanitize_html
from .schema import to_datetime
from .settings import CheckSettings, check_settings

logger = logging.getLogger(__name__)
YAML_READER_LOGGER = "pelican.plugins.yaml_metadata.yaml_metadata"

# Settings checked once per build, not once per article; the dict is kept so its id is too.
_current: dict = {"source": None, "checked": None}
# Each file's check result by its bytes, for the next build in this process (`make serve`).
_checked: dict = {}


def _settings_for(pelican_settings: dict) -> CheckSettings:
    if _current["source"] is not pelican_settings:
        _current.update(source=pelican_settings, checked=check_settings(pelican_settings))
    return _current["checked"]


def _check_all(generator) -> None:
    """`invoke check`'s front-matter checks; each problem is a warning, so strict_build fails.

    Runs when the articles generator starts (after strict_build began collecting, whatever
    the plugin order), before any release is read. Unsafe HTML is reported by the sanitizer
    below, from the HTML Pelican really made.

    A file with a problem is not given to Pelican at all: reading it would only repeat the
    problem in Pelican's words (tracebacks, "Skipping …", duplicate-slug warnings). Its
    warnings carry its ``source_path``, so strict_build counts it as reported, not lost.
    """
    settings = _settings_for(generator.settings)
    paths = release_files(generator.settings)
    if len(_checked) > 4 * len(paths):  # edited files leave old entries behind
        _checked.clear()
    problems = check_releases(paths, settings, render_markdown=False, memo=_checked)
    skipped = sorted({problem.path for problem in problems})
    # The sanitizer never sees the skipped files: report their unsafe HTML from here.
    problems = sorted(problems + unsafe_html_in(skipped, settings))
    for problem in problems:
        logger.warning("%s", problem, extra={"source_path": str(problem.path)})
    skip_files(generator, {path.resolve() for path in skipped})


def skip_files(generator, skipped: set[Path]) -> None:
    """Leave ``skipped`` out of the files this generator (and fast_reader's prefill) reads.

    Pelican has no setting to exclude single files, so this generator's get_files is wrapped.
    """
    if not skipped:
        return
    get_files = generator.get_files

    def without_skipped(paths, exclude=None, extensions=None):
        found = get_files(paths, exclude=exclude, extensions=extensions)
        return {name for name in found if Path(generator.path, name).resolve() not in skipped}

    generator.get_files = without_skipped


def condense_yaml_errors(record: logging.LogRecord) -> bool:
    """pelican-yaml-metadata logs a YAML error with its traceback: keep one line instead.

    Files whose front matter the checks could not read are never given to Pelican, so this
    only shapes errors the checks did not foresee.
    """
    if record.exc_info and record.exc_info[1] is not None:
        detail = " ".join(str(record.exc_info[1]).split())
        record.msg, record.args = f"{record.getMessage()}: {detail}", ()
        record.exc_info = record.exc_text = None
    return True


def _sanitize(instance) -> None:
    if not isinstance(instance, Article | Page) or not instance.source_path:
        return
    html = instance._content or ""
    body = sanitize_html(html)
    instance._content = body.html
    fields = []  # (name, HTML made by the reader, what the sanitizer made of it)
    for name in instance.settings.get("FORMATTED_FIELDS", []):
        name = name.lower()
        value = instance.metadata.get(name)
        if not isinstance(value, str):
            continue
        result = sanitize_html(value)
        instance.metadata[name] = result.html
        setattr(instance, "_summary" if name == "summary" else name, result.html)
        fields.append((name, value, result))
    if not body.removed and not any(result.removed for _, _, result in fields):
        return
    # Something was removed: read the source again to say on which line.
    path = Path(instance.source_path)
    text, _ = decode(path, path.read_bytes())
    front = read_front_matter(path, text)[0] if text is not None else None
    body_source, body_line = (front.body, front.body_line) if front else ("", 1)
    problems = removal_problems(path, "body", body_source, body_line, html, body)
    for name, value, result in fields:
        entry = front.get(name) if front else None
        source, line = (str(entry.value), entry.line) if entry else ("", 1)
        problems += removal_problems(path, name, source, line, value, result)
    for problem in problems:
        logger.warning("%s", problem)


def _apply_publishing_rules(instance) -> None:
    if not isinstance(instance, Article):
        return
    settings = _settings_for(instance.settings)
    embargo = getattr(instance, "embargo", None)
    try:
        embargo = to_datetime(embargo, settings.tzinfo) if embargo is not None else None
    except ValueError:
        embargo = None  # reported by the checks; never publish early because of a typo
        instance.status = "draft"
    instance.embargo = embargo
    status = unpublished_status(
        instance.status,
        getattr(instance, "date", None),
        embargo,
        datetime.datetime.now(datetime.UTC),
    )
    instance.release_status = status
    if status is None:
        return
    elif settings.show_unpublished:
        instance.status = "published"  # local preview: listed and shown, with a banner
    else:
        _withhold(instance)


def _withhold(article) -> None:
    """A Pelican draft is in no list, feed or index; with no save_as it is not written."""
    article.status = "draft"
    article.override_save_as = ""
    article.override_url = ""


def set_translation_key(instance) -> None:
    """Every article gets a `translation_key` (ARTICLE_TRANSLATION_ID): its own, else its slug.

    Pelican groups articles by that attribute and fails on one that lacks it.
    """
    if isinstance(instance, Article) and not getattr(instance, "translation_key", None):
        instance.translation_key = instance.slug


def _content_object_init(instance) -> None:
    set_translation_key(instance)
    _sanitize(instance)
    _apply_publishing_rules(instance)


def register() -> None:
    logging.getLogger(YAML_READER_LOGGER).addFilter(condense_yaml_errors)
    signals.article_generator_init.connect(_check_all)
    signals.content_object_init.connect(_content_object_init)
