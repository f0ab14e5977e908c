"""The YAML front-matter reader, faster: libyaml parsing, no Markdown for plain summaries, and
inline patterns skipped where they cannot match (inline_guard.py)."""

import yaml
from pelican.plugins.yaml_metadata import yaml_metadata

from .inline_guard import install as guard_inline_patterns
from .plain_text import extensions_are_safe, plain_paragraph

log = yaml_metadata.__log__  # the same logger and messages as the reader it extends

# libyaml builds the same Python data as the pure-Python loader, about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _PlainTextShortcut:
    """Stands in for the reader's Markdown instance while front matter is parsed.

    The base reader converts each formatted field with ``self._md.reset().convert(value)``;
    for plain text the HTML is known, so Markdown is skipped. Everything else is passed on.
    """

    def __init__(self, md):
        self._md = md

    def reset(self):
        return self

    def convert(self, text: str) -> str:
        html = plain_paragraph(text)
        return html if html is not None else self._md.reset().convert(text)


# Same class name as the reader it extends: Pelican stores it as the `reader` metadata.
class YAMLMetadataReader(yaml_metadata.YAMLMetadataReader):
    """pelican-yaml-metadata's reader with libyaml and the plain-summary shortcut."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        guard_inline_patterns(self._md)
        self._shortcut = extensions_are_safe(self.settings["MARKDOWN"].get("extensions", []))

    def _load_yaml_metadata(self, text, source_path):
        # The base class's error handling and messages, with the C loader.
        try:
            metadata = yaml.load(text, Loader=_LOADER)
        except Exception:
            log.error("Error parsing YAML for file '%s", source_path, exc_info=True)
            return {}
        if not isinstance(metadata, dict):
            log.error("YAML header didn't parse as a dict for file '%s'", source_path)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)

    def _parse_yaml_metadata(self, meta, source_path):
        if not self._shortcut:
            return super()._parse_yaml_metadata(meta, source_path)
        md = self._md
        self._md = _PlainTextShortcut(md)
        try:
            return super()._parse_yaml_metadata(meta, source_path)
        finally:
            self._md = md


def use_fast_reader(readers) -> None:
    """readers_init: take over the extensions the YAML-metadata plugin registered."""
    for ext, cls in list(readers.reader_classes.items()):
        if cls is yaml_metadata.YAMLMetadataReader:
            readers.reader_classes[ext] = YAMLMetadataReader
