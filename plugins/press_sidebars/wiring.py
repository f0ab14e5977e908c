"""Pelican wiring, kept thin: settings at start-up, extraction per article, speaker pages."""

import logging
import multiprocessing
import sys

from pelican import signals
from pelican.contents import Article
from pelican.generators import Generator

from .extract import cache_key, extract
from .frontmatter import FrontMatterError, declared_speakers, sidebars_switch
from .report import unattributed_message
from .settings import Config, load_config
from .speakers import resolve_site_names, speaker_pages

logger = logging.getLogger(__name__)

# Results by content hash, shared by every build in this process (`make serve` rebuilds).
_RESULTS: dict[str, tuple] = {}
_MAX_RESULTS = 20_000  # entries share their strings with the articles; this bounds `make serve`
_state: dict = {}
# Pelican drafts are not written (publishconf); everything else, hidden releases too, is read.
_UNWRITTEN = ("drafts", "drafts_translations")


def _configure(pelican) -> None:
    config = load_config(
        pelican.settings.get("PRESS_SIDEBARS"), pelican.settings.get("PRESS_LANGUAGES")
    )
    pelican.settings["PRESS_SIDEBARS_CONFIG"] = config
    _state["unattributed"] = []


def _config(settings) -> Config:
    return settings.get("PRESS_SIDEBARS_CONFIG") or load_config(settings.get("PRESS_SIDEBARS"))


def apply(article, config: Config) -> None:
    """Set article.press_sidebars and add the ids to its content (cached by content)."""
    try:
        enabled = config.enabled and sidebars_switch(article.metadata.get("sidebars"))
        declared = declared_speakers(article.metadata.get("speakers"))
    except FrontMatterError as error:
        logger.error("%s: %s", article.source_path, error)
        article.press_sidebars = None
        return
    if not enabled:
        article.press_sidebars = None
        return
    html, lang = article._content, getattr(article, "lang", "en")
    if lang not in config.cues:
        logger.error(
            "%s: no cue verbs for language %r; add PRESS_SIDEBARS['cues'][%r]",
            article.source_path,
            lang,
            lang,
        )
    key = cache_key(html, lang, config, declared)
    if getattr(article, "_press_sidebars_key", None) == key:
        return  # restored from Pelican's content cache, already done
    cached = _RESULTS.get(key)
    if cached is None:
        result = extract(html, lang, config, declared)
        cached = (result.html, result.sidebars)
        if _keeps_results():
            if len(_RESULTS) >= _MAX_RESULTS:
                _RESULTS.clear()
            _RESULTS[key] = cached
            if result.html != html:  # the processed body gives the same result: a lookup
                _RESULTS[cache_key(result.html, lang, config, declared)] = cached
    if cached[0] != html:
        key = cache_key(cached[0], lang, config, declared)
    article._content, article.press_sidebars = cached
    article._press_sidebars_key = key


def _keeps_results() -> bool:
    """Not in a child process (fast_reader's workers): its cache dies with it, and a cache
    growing there only makes Python's cyclic collector walk more objects each time — the
    sidebars' cost grew faster than the site (12× for 10× the releases) because of it."""
    return multiprocessing.parent_process() is None


def _extract_early(instance) -> None:
    """content_object_init: extract as the article is made, so fast_reader's workers do it.

    Only what goes through silently: a release with a front-matter or language problem is
    left to _process_articles, which reports it once.
    """
    if not isinstance(instance, Article) or "PRESS_SIDEBARS_CONFIG" not in instance.settings:
        return
    config = _config(instance.settings)
    try:
        sidebars_switch(instance.metadata.get("sidebars"))
        declared_speakers(instance.metadata.get("speakers"))
    except FrontMatterError:
        return
    if getattr(instance, "lang", "en") in config.cues:
        apply(instance, config)


def _process_articles(generator) -> None:
    """Runs for every article, cached or not, before Pelican saves its content cache."""
    config = _config(generator.settings)
    for name in ("articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations"):  # fmt: skip
        for article in getattr(generator, name, []) or []:
            apply(article, config)
            sidebars = article.press_sidebars
            if sidebars and sidebars.unattributed and name not in _UNWRITTEN:
                for statement in sidebars.unattributed:
                    _report_unattributed(config, article, statement)


def _report_unattributed(config: Config, article, statement) -> None:
    message = f"{article.source_path}: {unattributed_message(statement)}"
    if config.fail_on_unattributed:
        logger.warning(message)
    else:
        _state.setdefault("unattributed", []).append(message)


def _print_unattributed(pelican) -> None:
    notes = _state.pop("unattributed", [])
    if notes:
        print(f"press_sidebars: {len(notes)} unattributed quotation(s):", file=sys.stderr)
        for note in notes:
            print(f"  - {note}", file=sys.stderr)


class SpeakerPagesGenerator(Generator):
    """Writes speakers/<slug>/index.html per person and speakers/index.html."""

    def generate_context(self):
        config = _config(self.settings)
        if config.enabled:
            context = self.context
            resolve_site_names(
                _with_translations(context, ("articles", "hidden_articles")),
                _with_translations(context, ("drafts",)),
            )
        pages = speaker_pages(self.context.get("articles", [])) if config.enabled else []
        self.speaker_pages = pages if config.speaker_pages else []
        self.context["press_speakers"] = {page.slug: page for page in self.speaker_pages}
        self.written = False
        _state["speaker_generator"] = self

    def generate_output(self, writer):
        if not self.written:
            self.write_pages(writer)

    def write_pages(self, writer) -> None:
        self.written = True
        if not self.speaker_pages:
            return
        relative = self.settings["RELATIVE_URLS"]
        config = _config(self.settings)
        labels = config.labels.get(self.settings["DEFAULT_LANG"], config.labels["en"])
        template = self.get_template("speaker")
        for page in self.speaker_pages:
            writer.write_file(
                page.save_as, template, self.context, relative,
                url=page.url, speaker=page, labels=labels,
            )  # fmt: skip
        writer.write_file(
            "speakers/index.html", self.get_template("speakers"), self.context, relative,
            url="speakers/", speakers=self.speaker_pages, labels=labels,
        )  # fmt: skip


def _with_translations(context, names):
    seen = {}
    for name in names:
        for article in context.get(name, []) or []:
            for release in (article, *getattr(article, "translations", [])):
                seen.setdefault(id(release), release)
    return seen.values()


def _generators(pelican):
    return SpeakerPagesGenerator


def _write_speaker_pages_early(generator, writer) -> None:
    """Right after the articles generator's pages, not after every other generator's: a
    parallel writer (plugins/fast_writer) may still be rendering release pages in its worker
    processes, and the speaker pages are rendered here meanwhile."""
    speakers = _state.pop("speaker_generator", None)
    if speakers is not None and speakers.settings is generator.settings:
        speakers.write_pages(writer)


def register() -> None:
    signals.initialized.connect(_configure)
    signals.content_object_init.connect(_extract_early)
    signals.article_generator_pretaxonomy.connect(_process_articles)
    signals.get_generators.connect(_generators)
    signals.article_writer_finalized.connect(_write_speaker_pages_early)
    signals.finalized.connect(_print_unattributed)
