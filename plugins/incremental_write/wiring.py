"""Signal wiring for incremental write, kept thin."""

from pelican import signals

from .writer import IncrementalWriter

_state: dict = {}


def _active(settings) -> bool:
    names = {getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []}
    listed = bool(names & {"incremental_write", __package__})
    return listed and settings.get("INCREMENTAL_WRITE") is True


def _writer(pelican):
    _state.pop("pelican", None)
    if not _active(pelican.settings):
        return None
    _state["pelican"] = pelican
    return _RecordingWriter


class _RecordingWriter(IncrementalWriter):
    """Remembers itself so the manifest is saved once every page is written."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        _state["writer"] = self


def _save(pelican) -> None:
    writer = _state.pop("writer", None)
    if writer is not None and _state.pop("pelican", None) is pelican:
        writer.save_manifest()


def register() -> None:
    signals.get_writer.connect(_writer)
    signals.finalized.connect(_save)
