"""What the sidebars cost if their extraction were free: the `plugin_floor` mode.

A first, untimed build records what the extraction made of every release body; a
`plugin_floor` build then takes each result from that record instead of extracting. Its
difference to `plugin_off` is what the plugin's output costs: carrying the results from the
reading workers, rendering the asides, the JSON-LD and the speaker pages, writing and
indexing larger pages. No faster extraction can take that away. Compare in-process build
times (`build_s`): the record is loaded, and the plugin imported, before the clock starts.
"""

import gc
import hashlib
import logging
import pickle
from pathlib import Path

logger = logging.getLogger(__name__)

# Outside the fast_reader pool: the record is kept in this process, not in a worker's.
RECORD_OVERRIDES = {"FAST_READER": {"min_files": 10**9}}


def _key(html: str, lang: str) -> bytes:
    # A digest, not the body itself: a smaller record, loaded faster before the build.
    return hashlib.blake2b(f"{lang}\n{html}".encode(), digest_size=16).digest()


def _wiring():
    import press_sidebars.wiring  # the module Pelican loads as the plugin (plugins/ on path)

    return press_sidebars.wiring


def record_extractions(record: Path, build) -> None:
    """Run ``build()`` with every extraction kept, then write them to ``record``."""
    wiring = _wiring()
    extract, results = wiring.extract, {}

    def recording(html, lang, config, declared=None):
        result = extract(html, lang, config, declared)
        results[_key(html, lang)] = result
        return result

    wiring.extract = recording
    try:
        build()
    finally:
        wiring.extract = extract
    record.write_bytes(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))


def replay_extractions(record: Path) -> int:
    """From now on, take each extraction from ``record`` (forked workers inherit this).

    A body not in it is extracted as usual, with a warning: the strict build then fails, so a
    floor figure never silently includes extraction. Returns how many results it holds."""
    wiring = _wiring()
    results, extract = pickle.loads(record.read_bytes()), wiring.extract
    # Out of the cyclic collector's way, as fast_reader does with the build's own objects: a
    # thousand results it walked at every full collection would make the floor look higher.
    gc.freeze()

    def replaying(html, lang, config, declared=None):
        found = results.get(_key(html, lang))
        if found is None:
            logger.warning("plugin_floor: a release body not in the record; extracting it")
            return extract(html, lang, config, declared)
        return found

    wiring.extract = replaying
    return len(results)
