"""fast_writer: release pages rendered in parallel, and after an edit only the affected
pages, with a site byte-identical to a serial full build."""

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest
from fast_writer import parallel
from fast_writer.fingerprints import Listing, templates_show_bodies, value_text
from fast_writer.membership import MembershipList
from fast_writer.settings import FastWriterSettingsError, load
from fast_writer.writer import FastWriter
from pelican import signals
from pelican.settings import read_settings

from bench.corpus import edit_release, make_releases, write_corpus
from conftest import ROOT, file_tree, run_build
from search_index import wait_for_index
from tasks import SERVE_OVERRIDES


def _plugins_without(*names: str) -> list[str]:
    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    return [p for p in plugins if p not in names]


def _stamps(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*.html")}


def _serve_build(content: Path, output: Path, cache: Path, **settings) -> None:
    run_build(output, PATH=str(content), CACHE_PATH=str(cache), **SERVE_OVERRIDES, **settings)
    # `make serve` indexes in a background thread that renames folders in the output:
    # let it finish before the test walks the tree.
    wait_for_index()


def _pages(root: Path) -> dict[str, bytes]:
    """The pages Pelican's writer renders (other plugins may add files of their own)."""
    return {name: data for name, data in file_tree(root).items() if name.endswith(".html")}


def _assert_same_as_full_build(content: Path, output: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    run_build(full, PATH=str(content))
    incremental, expected = _pages(output), _pages(full)
    assert incremental.keys() == expected.keys()
    assert [name for name in expected if incremental[name] != expected[name]] == []


def _count_pool_batches(monkeypatch) -> list[int]:
    """How many release pages each pool rendered; a pool even on a one-core machine."""
    batches: list[int] = []

    class Counted(parallel.Rendering):
        def __init__(self, writer, jobs, workers):
            batches.append(len(jobs))
            super().__init__(writer, jobs, workers)

    monkeypatch.setattr(parallel, "Rendering", Counted)
    monkeypatch.setattr(parallel, "usable_workers", lambda requested: 2)
    return batches


def _setup(tmp_path):
    content = tmp_path / "content"
    paths = write_corpus(content, make_releases(24, seed=5))
    output, cache = tmp_path / "out", tmp_path / "cache"
    _serve_build(content, output, cache)
    return content, paths, output, cache


@pytest.mark.parametrize("listener", [False, True], ids=["no-listener", "content_written-listener"])
def test_body_edit_renders_only_that_release(tmp_path, listener):
    content, paths, output, cache = _setup(tmp_path)
    before = _stamps(output)
    edited = paths[7]
    edit_release(edited, "a new sentence")
    written = []

    def record(path, context):
        written.append(path)

    if listener:  # a plugin such as a sitemap hears of every page, rendered or not
        signals.content_written.connect(record)
    try:
        _serve_build(content, output, cache)
    finally:
        signals.content_written.disconnect(record)
    if listener:
        assert len(written) == len(before)
    after = _stamps(output)
    changed = sorted(name for name in after if after[name] != before.get(name))
    slug = make_releases(24, seed=5)[7].slug
    assert changed == [f"{make_releases(24, seed=5)[7].date:%Y}/{slug}/index.html"]
    assert "Edited paragraph a new sentence." in (output / changed[0]).read_text(encoding="utf-8")
    _assert_same_as_full_build(content, output, tmp_path)


def test_title_edit_updates_list_pages(tmp_path):
    content, paths, output, cache = _setup(tmp_path)
    text = paths[3].read_text(encoding="utf-8")
    old_title = make_releases(24, seed=5)[3].title
    paths[3].write_text(text.replace(old_title, "A renamed release"), encoding="utf-8")
    _serve_build(content, output, cache)
    showing = [p for p in output.rglob("*.html") if "A renamed release" in p.read_text("utf-8")]
    assert len(showing) >= 2  # its own page and the list pages
    _assert_same_as_full_build(content, output, tmp_path)


def test_deleted_page_is_written_again(tmp_path):
    content, _, output, cache = _setup(tmp_path)
    (output / "index.html").unlink()
    _serve_build(content, output, cache)
    _assert_same_as_full_build(content, output, tmp_path)


def test_new_release_appears_everywhere(tmp_path):
    content, _, output, cache = _setup(tmp_path)
    extra = make_releases(25, seed=99)[24]
    write_corpus(content, [extra])
    _serve_build(content, output, cache)
    _assert_same_as_full_build(content, output, tmp_path)


def test_an_edited_theme_partial_shows_in_the_next_serve_build(tmp_path):
    """Templates are not checked for changes during a build (JINJA_ENVIRONMENT's
    auto_reload is off), yet each build has new environments: an edit reaches the site."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    content = tmp_path / "content"
    write_corpus(content, make_releases(3, seed=5))
    output, cache = tmp_path / "out", tmp_path / "cache"
    _serve_build(content, output, cache, THEME=str(theme))
    footer = theme / "templates" / "partials" / "release_footer.html"
    footer.write_text(footer.read_text("utf-8") + "<p>Edited footer</p>\n", "utf-8")
    _serve_build(content, output, cache, THEME=str(theme))
    releases = [p for p in output.rglob("index.html") if "release-footer" in p.read_text("utf-8")]
    assert len(releases) == 3
    assert all("<p>Edited footer</p>" in p.read_text("utf-8") for p in releases)


class _Item:
    """Enough of a Pelican content object for the listing."""

    def __init__(self, source, title, body):
        self.source_path, self._content = source, body
        self.metadata = {"title": title, "summary": "S."}
        self.title, self.summary, self.translations = title, "S.", []


def test_listing_ignores_bodies_unless_templates_show_them():
    a, b = _Item("a.md", "A", "<p>one</p>"), _Item("b.md", "B", "<p>two</p>")
    edited = _Item("a.md", "A", "<p>changed</p>")
    renamed = _Item("a.md", "A2", "<p>one</p>")
    assert Listing([a, b], False).digest == Listing([edited, b], False).digest
    assert Listing([a, b], False).digest != Listing([renamed, b], False).digest
    assert Listing([a, b], True).digest != Listing([edited, b], True).digest
    keyed = _Item("a.md", "A", "<p>one</p>")
    keyed._plugin_key = "digest of the body"  # a plugin's internals: not shown by templates
    assert Listing([a, b], False).digest == Listing([keyed, b], False).digest
    shown = _Item("a.md", "A", "<p>one</p>")
    shown.press_sidebars = "a quotation"  # a plugin's result: list pages may show it
    assert Listing([a, b], False).digest != Listing([shown, b], False).digest


def test_value_text_tells_plugin_results_apart_by_every_field():
    from press_sidebars.model import Fact, Speaker, Statement

    def statement(text="We will close.", role="Chair", description=None):
        speaker = Speaker("Ana Ruiz", role, "ana-ruiz")
        return Statement("p-1", [text], text, speaker, ["p-1"], description)

    same = value_text([statement(), Fact("p-2", [("x", True)])], {})
    assert value_text([statement(), Fact("p-2", [("x", True)])], {}) == same
    assert value_text([statement(), Fact("p-2", [("x", False)])], {}) != same
    assert value_text([statement(role="Director"), Fact("p-2", [("x", True)])], {}) != same
    # A field left out of the dataclass's repr still counts.
    assert value_text(statement(description="d"), {}) != value_text(statement(), {})
    assert value_text(statement("x" * 500), {}) != value_text(statement("y" * 500), {})


def test_value_text_digests_a_shared_result_once_but_a_changed_page_again():
    from dataclasses import dataclass, field

    from press_sidebars.model import Speaker

    @dataclass
    class Page:  # mutable, like a speaker page being filled
        entries: list = field(default_factory=list)

    memo = {}
    speaker = Speaker("Ana Ruiz", "Chair", "ana-ruiz")
    page = Page([speaker])
    before = value_text(page, memo)
    assert value_text(speaker, memo) == memo[id(speaker)][1]  # frozen: remembered
    page.entries.append(Speaker("Li Wei", None, "li-wei"))
    assert value_text(page, memo) != before  # mutable: never taken from the memo
    assert id(page) not in memo


def test_templates_showing_bodies_are_detected(tmp_path):
    (tmp_path / "article.html").write_text("{{ article.content }}", encoding="utf-8")
    (tmp_path / "index.html").write_text("{{ a.summary }}{% block content %}", encoding="utf-8")
    assert not templates_show_bodies([str(tmp_path)])
    (tmp_path / "tag.html").write_text("{{ a.content|safe }}", encoding="utf-8")
    assert templates_show_bodies([str(tmp_path)])


def test_parallel_pages_are_byte_identical_to_serial(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_corpus(content, make_releases(40, seed=8))
    batches = _count_pool_batches(monkeypatch)
    run_build(tmp_path / "fast", PATH=str(content), FAST_WRITER={"min_pages": 2})
    assert batches == [40]  # every release page was rendered by the pool
    plain = _plugins_without("fast_writer", "fast_reader")
    run_build(tmp_path / "serial", PATH=str(content), PLUGINS=plain)
    fast, serial = file_tree(tmp_path / "fast"), file_tree(tmp_path / "serial")
    assert fast.keys() == serial.keys()
    assert [name for name in fast if fast[name] != serial[name]] == []


def test_content_written_listeners_hear_of_pool_pages_as_in_a_serial_build(tmp_path, monkeypatch):
    """A sitemap-like listener keeps the release pages in the pool and hears of the same pages
    with the same context; the release pages in their serial order, once the pool is done."""
    content = tmp_path / "content"
    write_corpus(content, make_releases(30, seed=4))
    heard = {"fast": [], "serial": []}

    def listener(build):
        def record(path, context):
            article = context.get("article")
            heard[build].append(
                (
                    os.path.relpath(path, tmp_path / build),
                    sorted(context),
                    context["SITEURL"],
                    context["localsiteurl"],
                    context["output_file"],
                    getattr(article, "source_path", None),
                )
            )

        return record

    batches = _count_pool_batches(monkeypatch)
    for build in ("fast", "serial"):
        record = listener(build)
        signals.content_written.connect(record)
        try:
            plugins = {} if build == "fast" else {"PLUGINS": _plugins_without("fast_writer")}
            run_build(tmp_path / build, PATH=str(content), FAST_WRITER={"min_pages": 2}, **plugins)
        finally:
            signals.content_written.disconnect(record)
    assert batches == [30]
    assert len(heard["fast"]) > 30
    assert sorted(heard["fast"]) == sorted(heard["serial"])

    def releases(events):
        return [event for event in events if event[5] is not None]

    assert releases(heard["fast"]) == releases(heard["serial"])
    fast, serial = file_tree(tmp_path / "fast"), file_tree(tmp_path / "serial")
    assert [name for name in fast if fast.get(name) != serial.get(name)] == []


def test_template_error_in_a_worker_surfaces_as_in_a_serial_build(tmp_path, write_release):
    write_corpus(write_release.content, make_releases(6))
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    for name in (
        "index",
        "tags",
        "categories",
        "authors",
        "archives",
        "tag",
        "category",
        "author",
        "page",
        "period_archives",
        "search",
        "404",
        "speaker",
        "speakers",
    ):
        (theme / "templates" / f"{name}.html").write_text("ok", encoding="utf-8")
    (theme / "templates" / "article.html").write_text(
        "{{ article.title }}{{ article.missing.attribute }}", encoding="utf-8"
    )
    with pytest.raises(Exception, match="missing"):
        run_build(
            tmp_path / "out",
            PATH=str(write_release.content),
            THEME=str(theme),
            FAST_WRITER={"min_pages": 2},
        )


def test_settings_are_validated():
    assert load({}).incremental is False and load({}).parallel is True
    assert load({"FAST_WRITER": {"incremental": True}}).incremental
    for bad in ({"incremental": 1}, {"workers": -1}, {"pages": 3}):
        with pytest.raises(FastWriterSettingsError):
            load({"FAST_WRITER": bad})


def test_membership_list_answers_like_a_list():
    class Item:  # equal only to itself, like Pelican's content objects
        pass

    items = [Item() for _ in range(5)]
    fast = MembershipList(items[:3])
    assert [x in fast for x in items] == [x in items[:3] for x in items]
    fast.append(items[4])
    assert items[4] in fast and items[3] not in fast
    words = MembershipList(["a", "b"])
    assert "".join(["a"]) in words and "c" not in words  # equal, not identical: by equality


def test_period_archives_by_identity_are_pelicans():
    """Years, months and days, each period's articles in Pelican's order (the generator's
    listed articles, not all the dated ones), as Pelican's own scan gives them."""
    import datetime
    import random
    from types import SimpleNamespace

    from fast_writer.membership import speed_up_period_archives
    from pelican.generators import ArticlesGenerator

    rng = random.Random(5)
    start = datetime.datetime(2019, 1, 1)
    dated = [SimpleNamespace(date=start + datetime.timedelta(days=rng.randrange(900)))
             for _ in range(200)]  # fmt: skip
    dated.sort(key=lambda article: article.date, reverse=True)
    listed = rng.sample(dated, 150)  # hidden ones are dated but not listed
    settings = {
        f"{period}_ARCHIVE_{kind}": f"{period}/{{date:%Y%m%d}}/"
        for period in ("YEAR", "MONTH", "DAY")
        for kind in ("SAVE_AS", "URL")
    }

    class Generator:
        def _build_period_archives(self, sorted_articles, articles, settings):
            return ArticlesGenerator._build_period_archives(
                self, sorted_articles, articles, settings
            )

    pelicans, fast = Generator(), Generator()
    speed_up_period_archives(fast)
    expected = pelicans._build_period_archives(dated, listed, settings)
    assert fast._build_period_archives(dated, listed, settings) == expected
    assert sum(len(archive["articles"]) for archive in expected["day"]) == 150


def test_compiled_templates_are_reused_only_with_the_same_source_and_options():
    from fast_writer.compiled_templates import MemoryBytecodeCache
    from jinja2 import DictLoader, Environment

    cache, sources = MemoryBytecodeCache(), {"page.html": "{{ x }}\n<p>{{ y|e }}</p>"}

    def render(**options):
        env = Environment(loader=DictLoader(sources), bytecode_cache=cache, **options)
        return env.get_template("page.html").render(x="<b>", y="&")

    assert render(autoescape=True) == "&lt;b&gt;\n<p>&amp;</p>"
    assert len(cache._store) == 1
    assert render(autoescape=True) == "&lt;b&gt;\n<p>&amp;</p>"  # from the cache
    assert render(autoescape=False) == "<b>\n<p>&amp;</p>"  # other options: compiled anew
    assert render(autoescape=False, keep_trailing_newline=True) == "<b>\n<p>&amp;</p>"
    assert len(cache._store) == 3
    sources["page.html"] = "{{ x }}!"
    assert render(autoescape=True) == "&lt;b&gt;!"  # edited template: not the old code
    assert render(autoescape=lambda name: True) == "&lt;b&gt;!"  # per-name escaping: not kept
    assert len(cache._store) == 3


def test_list_pages_are_written_while_the_pool_renders_release_pages(tmp_path, monkeypatch):
    """With no `content_written` listener, this process writes the list pages at once and
    waits for the pool only afterwards, before `finalized` (the search index reads the site)."""
    content = tmp_path / "content"
    write_corpus(content, make_releases(30, seed=6))
    events: list[str] = []
    _count_pool_batches(monkeypatch)
    counted = parallel.Rendering

    class Watched(counted):
        def outcomes(self):
            events.append("pool collected")
            return super().outcomes()

    monkeypatch.setattr(parallel, "Rendering", Watched)
    render = FastWriter._render

    def watched_render(self, name, *args):
        events.append(name)
        return render(self, name, *args)

    monkeypatch.setattr(FastWriter, "_render", watched_render)
    finalized = []
    signals.finalized.connect(record := lambda sender: finalized.append(list(events)))
    try:
        run_build(tmp_path / "out", PATH=str(content), FAST_WRITER={"min_pages": 2})
    finally:
        signals.finalized.disconnect(record)
    collected = events.index("pool collected")
    assert collected > 0  # list pages written here before the pool was waited for
    assert finalized == [events[: len(finalized[0])]] and "pool collected" in finalized[0]


def test_a_failed_build_leaves_no_pool_writing(tmp_path, monkeypatch):
    """`make serve` goes on after a failed build: its pool must not write pages later on."""
    content = tmp_path / "content"
    write_corpus(content, make_releases(30, seed=7))
    _count_pool_batches(monkeypatch)
    stopped = []

    class Watched(parallel.Rendering):
        def abort(self):
            stopped.append(len(parallel._work["jobs"]))
            super().abort()

    monkeypatch.setattr(parallel, "Rendering", Watched)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates" / "tags.html").write_text("{{ broken.attribute.here }}", "utf-8")
    output = tmp_path / "out"
    with pytest.raises(Exception, match="broken"):
        run_build(output, PATH=str(content), THEME=str(theme), FAST_WRITER={"min_pages": 2})
    assert stopped == []  # the failed build's pool may still be rendering…
    run_build(output, PATH=str(content), FAST_WRITER={"min_pages": 2})
    assert stopped == [30]  # …until the next build starts: it is stopped first
    assert multiprocessing.active_children() == []
    plain = _plugins_without("fast_writer", "fast_reader")
    run_build(tmp_path / "serial", PATH=str(content), PLUGINS=plain)
    assert _pages(output) == _pages(tmp_path / "serial")


def test_each_url_is_worked_out_once_and_is_the_one_pelican_gives(tmp_path, monkeypatch):
    """keep_urls stores every item's URL (translations and pages too) as Pelican's own
    override_url; a URL the front matter gave is left alone."""
    from fast_writer import urls, wiring

    from theme_site import write_sample_content

    seen = []
    monkeypatch.setattr(wiring, "keep_urls", lambda generators: seen.extend(generators))
    run_build(tmp_path / "site", PATH=str(write_sample_content(tmp_path / "content")))
    items = list(
        {
            id(each): each
            for generator in seen
            for name in urls._ITEM_LISTS
            for item in getattr(generator, name, None) or []
            for each in (item, *getattr(item, "translations", ()))
        }.values()
    )
    assert any(item.translations for item in items) and any(
        not item.in_default_lang for item in items
    )
    computed = [item.url for item in items]  # Pelican's own, before keep_urls
    items[0].override_url = "custom/"
    assert urls.keep_urls(seen) == len(items) - 1
    assert [item.url for item in items] == ["custom/", *computed[1:]]
    assert all(item.override_url == item.url for item in items)


def test_the_build_keeps_the_collector_off_its_objects_until_finalized(tmp_path, monkeypatch):
    """The articles and the context are frozen out of collections (collector.py) before the
    pool forks (Python's advice for fork without exec), and given back at the end."""
    import gc
    import multiprocessing as mp

    frozen_at_fork = []
    context = mp.get_context("fork")
    real_pool = context.Pool

    class RecordingContext:
        def Pool(self, workers):
            frozen_at_fork.append(gc.get_freeze_count())
            return real_pool(workers)

    monkeypatch.setattr(parallel.multiprocessing, "get_context", lambda kind: RecordingContext())
    monkeypatch.setattr(parallel, "usable_workers", lambda requested: 2)  # even on one core
    content = tmp_path / "content"
    write_corpus(content, make_releases(6, seed=9))
    frozen_while_writing = []
    signals.article_writer_finalized.connect(
        note := lambda generator, writer: frozen_while_writing.append(gc.get_freeze_count())
    )
    try:
        run_build(tmp_path / "out", PATH=str(content), FAST_WRITER={"min_pages": 2})
    finally:
        signals.article_writer_finalized.disconnect(note)
    assert len(frozen_at_fork) == 1 and frozen_at_fork[0] > 0
    assert frozen_while_writing and frozen_while_writing[0] > 0
    assert gc.get_freeze_count() == 0


def test_objects_a_failed_build_left_frozen_are_released_by_the_next_build(tmp_path):
    import gc

    content = tmp_path / "content"
    write_corpus(content, make_releases(3, seed=4))

    def fail(generators):
        raise RuntimeError("a plugin failed after the context was built")

    signals.all_generators_finalized.connect(fail)
    try:
        with pytest.raises(RuntimeError, match="plugin failed"):
            run_build(tmp_path / "failed", PATH=str(content))
    finally:
        signals.all_generators_finalized.disconnect(fail)
    assert gc.get_freeze_count() > 0  # `finalized` never came
    run_build(tmp_path / "next", PATH=str(content))
    assert gc.get_freeze_count() == 0
