"""Previous/next and related releases, from plain objects with ``date`` and ``tags``."""

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

DEFAULTS = {"RELATED_LIMIT": 3}


@dataclass
class ReleaseLinks:
    older: Any = None
    newer: Any = None
    related: list = field(default_factory=list)


def read_settings(settings: dict) -> dict:
    """The RELEASE_LINKS setting over the defaults; unknown keys and bad values are refused."""
    given = settings.get("RELEASE_LINKS") or {}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"RELEASE_LINKS: unknown keys {sorted(unknown)}")
    merged = {**DEFAULTS, **given}
    limit = merged["RELATED_LIMIT"]
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ValueError("RELEASE_LINKS['RELATED_LIMIT'] must be a whole number ≥ 0")
    return merged


def link_releases(releases: Sequence, related_limit: int = 3) -> dict[int, ReleaseLinks]:
    """Links for each release, keyed by ``id(release)``.

    ``releases`` is newest first (Pelican's order). Related releases share at least one tag;
    most shared tags first, then newest first.
    """
    tags = [getattr(release, "tags", None) or () for release in releases]  # untagged: no attr
    by_tag = defaultdict(list)
    for position, release_tags in enumerate(tags):
        for tag in release_tags:
            by_tag[tag].append(position)
    links = {}
    for position, release in enumerate(releases):
        shared = Counter(
            other for tag in tags[position] for other in by_tag[tag] if other != position
        )
        # nsmallest is sorted(...)[:limit] without sorting every release sharing a tag.
        ranked = heapq.nsmallest(related_limit, shared, key=lambda other: (-shared[other], other))
        links[id(release)] = ReleaseLinks(
            older=releases[position + 1] if position + 1 < len(releases) else None,
            newer=releases[position - 1] if position > 0 else None,
            related=[releases[other] for other in ranked],
        )
    return links
