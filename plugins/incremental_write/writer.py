"""A Pelican Writer that skips rendering pages whose fingerprint is unchanged."""

import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Content
from pelican.writers import Writer

from . import fingerprints

log = logging.getLogger(__name__)

MANIFEST_NAME = "incremental-write.json"
# Context entries holding every listed item (articles, pages, drafts, translations…).
_LISTED = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
)


class _Unrendered:
    """Stands in for a template whose page on disk is already up to date."""

    def __init__(self, template):
        self.name = getattr(template, "name", None)

    def render(self, *args, **kwargs) -> str:
        return ""


def _listed_items(context: dict) -> list[Content]:
    seen: dict[int, Content] = {}
    for key in _LISTED:
        for item in context.get(key) or []:
            if isinstance(item, Content):
                seen[id(item)] = item
    return list(seen.values())


class IncrementalWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._manifest_path = Path(settings["CACHE_PATH"]) / MANIFEST_NAME
        self._previous = self._load_manifest()
        self._current: dict[str, dict] = {}
        self._site = fingerprints.site_digest(settings)
        template_dirs = [str(Path(settings["THEME"]) / "templates")]
        template_dirs += list(settings.get("THEME_TEMPLATES_OVERRIDES") or [])
        self._with_bodies = fingerprints.templates_show_bodies(template_dirs)
        self._listing: fingerprints.Listing | None = None
        self._skipping = False
        self._outputs: list[str] = []
        self.rendered = 0
        self.skipped = 0

    def _load_manifest(self) -> dict:
        try:
            return json.loads(self._manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_manifest(self) -> None:
        self._manifest_path.parent.mkdir(parents=True, exist_ok=True)
        self._manifest_path.write_text(json.dumps(self._current), encoding="utf-8")
        log.info("incremental write: %d rendered, %d unchanged", self.rendered, self.skipped)

    def _up_to_date(self, name: str, digest: str) -> bool:
        record = self._previous.get(name)
        if not record or record.get("digest") != digest or not record.get("outputs"):
            return False
        return all(os.path.exists(os.path.join(self.output_path, o)) for o in record["outputs"])

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if not name:
            return super().write_file(
                name,
                template,
                context,
                relative_urls,
                paginated,
                template_name,
                override_output,
                url,
                **kwargs,
            )
        if self._listing is None:
            # All content is read before anything is written: the listing is final here.
            self._listing = fingerprints.Listing(_listed_items(context), self._with_bodies)
        options = (relative_urls, template_name, override_output, url, sorted(paginated or {}))
        digest = fingerprints.call_digest(
            self._site, self._listing, name, getattr(template, "name", ""), options, kwargs
        )
        self._skipping = self._up_to_date(name, digest)
        self._outputs = []
        if self._skipping and not signals.content_written.receivers:
            # Nobody listens for written files: Pelican's steps would only do bookkeeping.
            self._outputs = list(self._previous[name]["outputs"])
            self._written_files.update(os.path.join(self.output_path, o) for o in self._outputs)
            self._skipping = False
            self.skipped += 1
            self._current[name] = {"digest": digest, "outputs": self._outputs}
            return None
        try:
            super().write_file(
                name,
                _Unrendered(template) if self._skipping else template,
                context,
                relative_urls=relative_urls,
                paginated=paginated,
                template_name=template_name,
                override_output=override_output,
                url=url,
                **kwargs,
            )
        finally:
            if self._skipping:
                self.skipped += 1
            else:
                self.rendered += 1
            self._skipping = False
        self._current[name] = {"digest": digest, "outputs": self._outputs}

    def _open_w(self, filename, encoding, override=False):
        self._outputs.append(os.path.relpath(filename, self.output_path))
        if not self._skipping:
            return super()._open_w(filename, encoding, override=override)
        # The page on disk is current: keep Pelican's bookkeeping, write nothing.
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return open(os.devnull, "w", encoding=encoding)
