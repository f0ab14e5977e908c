"""Previous/next and related releases, from plain objects with ``date`` and ``tags``."""

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
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
# place unchanged.
_last: dict = {"key": None, "ranked": None}

# A release with more tags than this is ranked by counting shared tags with every release
# that shares one (its subsets of tags would be too many to walk).
_MOST_TAGS_FOR_SUBSETS = 10


def related_positions(tags: tuple[tuple, ...], related_limit: int) -> list[list[int]]:
    """For each position, the positions of its related releases, best first.

    Best first means most shared tags, then lowest position (newest). Counting the shared tags
    of every pair is quadratic when tags are popular (7 s at 10,000 releases); instead, the
    releases sharing all k of a release's tags are read first, then those sharing k - 1…, each
    set of positions walked in order and only as far as the limit needs.
    """
    key = (related_limit, tags)
    if _last["key"] == key:
        return _last["ranked"]
    tag_sets = [tuple(dict.fromkeys(release_tags)) for release_tags in tags]
    holders = _Holders(tag_sets)
    ranked = []
    for position, own in enumerate(tag_sets):
        if len(own) > _MOST_TAGS_FOR_SUBSETS:
            ranked.append(_by_counting(holders, position, own, related_limit))
        else:
            ranked.append(_by_shared_subsets(holders, position, own, related_limit))
    _last.update(key=key, ranked=ranked)
    return ranked


class _Holders:
    """The positions of the releases holding a set of tags, ascending (intersections cached)."""

    def __init__(self, tag_sets: list[tuple]):
        self.single: dict = defaultdict(list)
        for position, own in enumerate(tag_sets):
            for tag in own:
                self.single[tag].append(position)
        self._members: dict = {}
        self._holding: dict = {}

    def holding(self, subset: tuple) -> list[int]:
        if len(subset) == 1:
            return self.single[subset[0]]
        key = frozenset(subset)
        found = self._holding.get(key)
        if found is None:
            found = sorted(set.intersection(*(self._member_set(tag) for tag in subset)))
            self._holding[key] = found
        return found

    def _member_set(self, tag) -> set[int]:
        members = self._members.get(tag)
        if members is None:
            members = self._members[tag] = set(self.single[tag])
        return members


def _by_shared_subsets(holders: _Holders, position: int, own: tuple, limit: int) -> list[int]:
    # At level `size`, every release not seen yet shares exactly `size` tags: one sharing
    # more was met at a higher level, which was read to the end (the limit was not reached).
    chosen: list[int] = []
    seen = {position}
    for size in range(len(own), 0, -1):
        if len(chosen) >= limit:
            break
        lists = [holders.holding(subset) for subset in combinations(own, size)]
        for other in heapq.merge(*lists):
            if other not in seen:
                seen.add(other)
                chosen.append(other)
                if len(chosen) >= limit:
                    break
    return chosen


def _by_counting(holders: _Holders, position: int, own: tuple, limit: int) -> list[int]:
    shared = Counter()
    for tag in own:
        shared.update(holders.single[tag])  # counted in C
    shared.pop(position, None)
    # The smallest (-count, position) pairs: sorted(...)[:limit] without sorting them all.
    return [other for _, other in heapq.nsmallest(limit, [(-n, o) for o, n in shared.items()])]
