"""fast_reader.inline_guard: skipping inline patterns never changes Markdown's HTML."""

import re
import xml.etree.ElementTree as etree

import markdown
from fast_reader.inline_guard import GuardedInlineProcessor, install, triggers
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.treeprocessors import InlineProcessor

from bench.corpus import make_releases, yaml_text
from conftest import ROOT

MARKDOWN = {"extensions": ["markdown.extensions.extra"], "output_format": "html5"}
# Characters every inline pattern of Markdown and "extra" reacts to, and some that none does.
MARKUP = st.sampled_from([*"*_[]()!<>&`\\^#;:/@\"'=.- \n\t", "  \n", "&amp;", "&#8220;"])
DOCUMENT = st.lists(st.one_of(MARKUP, st.sampled_from(["a", "B", "1", "é", "«", "“"])), max_size=60)


def _converters():
    plain = markdown.Markdown(**MARKDOWN)
    guarded = markdown.Markdown(**MARKDOWN)
    install(guarded)
    return plain, guarded


def _convert(md, text: str) -> str:
    return md.reset().convert(text)


PLAIN, GUARDED = _converters()


def test_install_replaces_the_inline_treeprocessor_in_place():
    md = markdown.Markdown(**MARKDOWN)
    order = [type(processor) for processor in md.treeprocessors]
    install(md)
    install(md)  # idempotent
    assert isinstance(md.treeprocessors["inline"], GuardedInlineProcessor)
    at = md.treeprocessors.get_index_for_name("inline")
    order[at] = GuardedInlineProcessor
    assert [type(processor) for processor in md.treeprocessors] == order


def test_every_pattern_of_markdown_and_extra_is_guarded():
    """Else the guard would silently buy nothing after an upgrade of Markdown."""
    patterns = GUARDED.inlinePatterns
    assert [name for name in patterns._data if not triggers(patterns[name])] == []


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_no_pattern_matches_a_text_without_its_triggers(pieces):
    """The premise: a pattern skipped for want of its trigger would have found nothing."""
    text = "".join(pieces)
    for name in GUARDED.inlinePatterns._data:
        pattern = GUARDED.inlinePatterns[name]
        needed = triggers(pattern)
        if not any(trigger in text for trigger in needed):
            assert pattern.getCompiledRegExp().search(text) is None, name


@settings(max_examples=500, deadline=None)
@given(DOCUMENT)
def test_guarded_html_is_byte_identical(pieces):
    text = "".join(pieces)
    assume(text.strip())
    assert _convert(GUARDED, text) == _convert(PLAIN, text)


def test_seed_and_generated_releases_are_byte_identical():
    bodies = [path.read_text(encoding="utf-8") for path in (ROOT / "content").rglob("*.md")]
    bodies += [yaml_text(release) for release in make_releases(120, seed=3)]
    for body in bodies:
        assert _convert(GUARDED, body) == _convert(PLAIN, body)


class _Highlight(InlinePattern):
    """Another extension's pattern, which the guard knows nothing about."""

    def handleMatch(self, m, data):
        element = etree.Element("mark")
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


def test_patterns_it_does_not_know_always_run():
    md = markdown.Markdown(**MARKDOWN)
    md.inlinePatterns.register(_Highlight(r"@@(.+?)@@", md), "highlight", 65)
    install(md)
    assert triggers(md.inlinePatterns["highlight"]) is None
    assert "<mark>key</mark>" in md.convert("A @@key@@ fact.")


def test_an_inline_processor_replaced_by_an_extension_is_left_alone():
    class Custom(InlineProcessor):
        pass

    md = markdown.Markdown(**MARKDOWN)
    md.treeprocessors.register(Custom(md), "inline", 20)
    install(md)
    assert type(md.treeprocessors["inline"]) is Custom


def test_the_release_reader_uses_it(tmp_path):
    from fast_reader.reader import YAMLMetadataReader
    from pelican.settings import read_settings

    reader = YAMLMetadataReader(read_settings(str(ROOT / "pelicanconf.py")))
    assert isinstance(reader._md.treeprocessors["inline"], GuardedInlineProcessor)
    assert re.search(r"<strong>bold</strong>", _convert(reader._md, "Some **bold** text."))
