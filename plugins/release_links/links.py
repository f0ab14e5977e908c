"""Previous/next and related releases, from plain objects with ``date`` and ``tags``."""

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from settings_dict import merge_over_defaults, require_counts

DEFAULTS = {"RELATED_LIMIT": 3}


@dataclass
class ReleaseLinks:
    older: Any = None
    newer: Any = None
    related: list = field(default_factory=list)


def read_settings(settings: dict) -> dict:
    """The RELEASE_LINKS setting over the defaults; unknown keys and bad values are refused."""
    merged = merge_over_defaults(settings, "RELEASE_LINKS", DEFAULTS)
    require_counts(merged, "RELEASE_LINKS", ["RELATED_LIMIT"])
    return merged


def link_releases(releases: Sequence, related_limit: int = 3) -> dict[int, ReleaseLinks]:
    """Links for each release, keyed by ``id(release)``.

    ``releases`` is newest first (Pelican's order). Related releases share at least one tag;
    most shared tags first, then newest first.
    """
    tags = tuple(tuple(getattr(release, "tags", None) or ()) for release in releases)
    ranked = related_positions(tags, related_limit)
    links = {}
    for position, release in enumerate(releases):
        links[id(release)] = ReleaseLinks(
            older=releases[position + 1] if position + 1 < len(releases) else None,
            newer=releases[position - 1] if position > 0 else None,
            related=[releases[other] for other in ranked[position]],
        )
    return links


# The last answer: `make serve` rebuilds after a body edit leave every release's tags and
# place unchanged, and ranking compares each release with every other sharing a tag.
_last: dict = {"key": None, "ranked": None}


def related_positions(tags: tuple[tuple, ...], related_limit: int) -> list[list[int]]:
    """For each position, the positions of its related releases, best first."""
    key = (related_limit, tags)
    if _last["key"] == key:
        return _last["ranked"]
    by_tag = defaultdict(list)
    for position, release_tags in enumerate(tags):
        for tag in release_tags:
            by_tag[tag].append(position)
    ranked = []
    for position, release_tags in enumerate(tags):
        shared = Counter()
        for tag in release_tags:
            shared.update(by_tag[tag])  # counted in C
        shared.pop(position, None)
        # The smallest (-count, position) pairs: sorted(...)[:limit] without sorting them all.
        best = heapq.nsmallest(related_limit, [(-n, other) for other, n in shared.items()])
        ranked.append([other for _, other in best])
    _last.update(key=key, ranked=ranked)
    return ranked
