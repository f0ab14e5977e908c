"""fast_reader: the parallel, libyaml, plain-summary build is byte-identical to a serial one."""

import shutil

import markdown
import pytest
from fast_reader import parallel
from fast_reader.cache_key import cache_key
from fast_reader.plain_text import extensions_are_safe, plain_paragraph
from fast_reader.settings import FastReaderSettingsError, load
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from bench.corpus import make_releases, write_corpus
from conftest import ROOT, file_tree, run_build

SEED = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"
MARKDOWN = {"extensions": ["markdown.extensions.extra"], "output_format": "html5"}


def _plugins_without(name: str) -> list[str]:
    return [p for p in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"] if p != name]


@pytest.mark.parametrize("pooled_step", ["build_all", "read_all"])
def test_parallel_build_is_byte_identical_to_serial(tmp_path, monkeypatch, pooled_step):
    """Workers build whole articles; with a plugin on a read-time signal, they only read."""
    from pelican import signals

    pooled = []
    step = getattr(parallel, pooled_step)

    def spy(owner, paths, workers):
        paths = list(paths)
        results = step(owner, paths, workers)
        pooled.append((len(paths), len(results)))
        return results

    monkeypatch.setattr(parallel, pooled_step, spy)
    monkeypatch.setattr(parallel, "usable_workers", lambda requested: 2)  # even on one core
    if pooled_step == "read_all":
        signals.article_generator_context.connect(_note_read, weak=False)
    content = tmp_path / "content"
    write_corpus(content, make_releases(60, seed=11))
    shutil.copy(SEED, content / SEED.name)
    (content / "2024-01-01-colon-summary.md").write_text(
        "---\ntitle: Markdown in a summary\ndate: 2024-01-01\nlang: en\ncategory: Notes\n"
        "summary: 'Prices rise: **10%** & more, see [the report](https://example.org)'\n"
        "---\n\nBody.\n",
        encoding="utf-8",
    )
    run_build(tmp_path / "fast", PATH=str(content), FAST_READER={"min_files": 2})
    run_build(tmp_path / "serial", PATH=str(content), PLUGINS=_plugins_without("fast_reader"))
    assert pooled == [(62, 62)]  # every release was read by the pool
    fast, serial = file_tree(tmp_path / "fast"), file_tree(tmp_path / "serial")
    assert len(fast) > 60
    assert fast.keys() == serial.keys()
    differing = [name for name in fast if fast[name] != serial[name]]
    assert differing == []


def _note_read(generator, metadata):
    """A plugin acting when Pelican reads a file (never for an article built elsewhere)."""


def test_broken_release_is_still_reported_with_parallel_reading(write_release, tmp_path):
    from strict_build import StrictBuildError

    write_corpus(write_release.content, make_releases(10))
    broken = write_release("broken.md", "---\ntitle: [unclosed\ndate: 2024-05-02\n---\nBody.\n")
    with pytest.raises(StrictBuildError) as failure:
        run_build(tmp_path / "out", PATH=str(write_release.content), FAST_READER={"min_files": 2})
    assert str(broken) in str(failure.value)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_plain_paragraph_matches_markdown_whenever_it_answers(text):
    html = plain_paragraph(text)
    if html is not None:
        assert html == markdown.Markdown(**MARKDOWN).convert(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab 12.,:;-–()'’“”%/!?", max_size=40))
def test_plain_paragraph_with_punctuation_matches_markdown(text):
    html = plain_paragraph(text)
    if html is not None:
        assert html == markdown.Markdown(**MARKDOWN).convert(text)


def test_plain_paragraph_answers_for_typical_summaries_only():
    assert plain_paragraph("The quay opens on 2 March, at 10:00.") == (
        "<p>The quay opens on 2 March, at 10:00.</p>"
    )
    for text in ["**Bold** claim", "A & B", "1. First", "- item", "x_y_z", "# Title", " lead"]:
        assert plain_paragraph(text) is None, text


def test_shortcut_only_with_known_extensions():
    assert extensions_are_safe(["markdown.extensions.extra", "markdown.extensions.meta"])
    assert not extensions_are_safe(["markdown.extensions.extra", "markdown.extensions.smarty"])


def test_settings_are_validated():
    assert load({}).min_files == 48
    assert load({"FAST_READER": {"workers": 3}}).workers == 3
    with pytest.raises(FastReaderSettingsError):
        load({"FAST_READER": {"threads": 2}})
    with pytest.raises(FastReaderSettingsError):
        load({"FAST_READER": {"workers": -1}})


def test_cache_key_changes_with_settings_but_not_output_path():
    base = {"SITEURL": "", "OUTPUT_PATH": "/a", "PLUGIN_PATHS": [str(ROOT / "plugins")]}
    assert cache_key(base) == cache_key({**base, "OUTPUT_PATH": "/b"})
    assert cache_key(base) != cache_key({**base, "SITEURL": "https://example.org"})


@pytest.mark.parametrize("enabled_before", [True, False], ids=["collector-on", "paused-by-serve"])
def test_articles_are_unpickled_without_the_cyclic_collector(tmp_path, monkeypatch, enabled_before):
    """Unpickled articles live as long as the build: no collection walks them meanwhile; the
    collector is as it was afterwards (`make serve` may have paused it)."""
    import gc

    seen = []
    loads = parallel.loads

    def watched(*args):
        seen.append(gc.isenabled())
        return loads(*args)

    monkeypatch.setattr(parallel, "loads", watched)
    monkeypatch.setattr(parallel, "usable_workers", lambda requested: 2)  # even on one core
    content = tmp_path / "content"
    write_corpus(content, make_releases(4, seed=3))
    (gc.enable if enabled_before else gc.disable)()
    try:
        run_build(tmp_path / "out", PATH=str(content), FAST_READER={"min_files": 2})
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()
    assert seen == [False] * 4


def _build_watching_the_pool(tmp_path, monkeypatch, seed: int, look) -> None:
    """A 4-release build read by the pool (even on one core); ``look(articles)`` sees the
    workers' articles as build_all returns them, before this process has used them."""
    build_all = parallel.build_all

    def watched(*args):
        articles = build_all(*args)
        look(articles)
        return articles

    monkeypatch.setattr(parallel, "build_all", watched)
    monkeypatch.setattr(parallel, "usable_workers", lambda requested: 2)
    content = tmp_path / "content"
    write_corpus(content, make_releases(4, seed=seed))
    run_build(tmp_path / "out", PATH=str(content), FAST_READER={"min_files": 2})


def test_unpickled_articles_are_frozen_out_of_collections_until_the_build_ends(
    tmp_path, monkeypatch
):
    """Frozen before the collector is back on (collector.py); given back at `finalized`."""
    import gc

    frozen = []

    def look(articles):
        frozen.append((gc.isenabled(), gc.get_freeze_count() >= len(articles) > 0))

    _build_watching_the_pool(tmp_path, monkeypatch, 3, look)
    assert frozen == [(True, True)]
    assert gc.get_freeze_count() == 0


def test_workers_send_tags_categories_and_authors_with_their_slugs(tmp_path, monkeypatch):
    """Worked out in the workers, not serially in this process when first hashed."""
    slugs = []

    def look(articles):
        for article in articles.values():
            slugs.extend(w._slug for w in (*article.tags, *article.authors, article.category))

    _build_watching_the_pool(tmp_path, monkeypatch, 5, look)
    assert len(slugs) > 8 and all(slugs)


def test_a_build_is_not_kept_alive_by_pelicans_memos_once_the_next_starts(tmp_path):
    """Pelican memoizes get_content/get_summary per article in class-level dicts: without
    forget_pelican_memos every build in a process (`make serve`) stayed in memory."""
    import gc
    import weakref

    from pelican import signals

    content = tmp_path / "content"
    write_corpus(content, make_releases(3, seed=4))
    articles: list[weakref.ref] = []

    def note(generator):
        articles.append(weakref.ref(generator.articles[0]))

    signals.article_generator_pretaxonomy.connect(note)
    try:
        run_build(tmp_path / "first", PATH=str(content))
    finally:
        signals.article_generator_pretaxonomy.disconnect(note)
    gc.collect()
    assert articles[0]() is not None  # the memo still holds it (its page was rendered)
    run_build(tmp_path / "next", PATH=str(content))
    gc.collect()
    assert articles[0]() is None


def test_exit_freezes_the_heap_once_per_process(monkeypatch):
    """Python's collections at exit then skip the last build's garbage (collector.py)."""
    import gc

    from fast_reader import collector

    registered = []
    monkeypatch.setattr(collector.atexit, "register", registered.append)
    monkeypatch.setitem(collector._state, "freeze_at_exit", False)
    collector.freeze_at_exit()
    collector.freeze_at_exit()
    assert registered == [gc.freeze]
