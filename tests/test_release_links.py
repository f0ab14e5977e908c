"""Release links plugin: previous/next and related releases, without Pelican."""

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from release_links import link_releases, read_settings
from release_links import links as links_module
from release_links.links import _last, related_positions


def release(name, *tags):
    return SimpleNamespace(name=name, tags=list(tags))


def names(items):
    return [item.name for item in items]


def test_previous_is_older_next_is_newer():
    newest, middle, oldest = releases = [release("c"), release("b"), release("a")]
    links = link_releases(releases)
    assert (links[id(middle)].older, links[id(middle)].newer) == (oldest, newest)
    assert links[id(newest)].newer is None and links[id(oldest)].older is None


def test_related_share_a_tag_most_shared_first_then_newest():
    releases = [
        release("new-one-tag", "harbour"),
        release("two-tags", "harbour", "boats"),
        release("subject", "harbour", "boats"),
        release("unrelated", "budget"),
        release("old-one-tag", "boats"),
    ]
    links = link_releases(releases, related_limit=3)
    assert names(links[id(releases[2])].related) == ["two-tags", "new-one-tag", "old-one-tag"]
    assert links[id(releases[3])].related == []


def test_related_limit_and_untagged_releases():
    releases = [release(str(n), "t") for n in range(6)] + [SimpleNamespace(name="untagged")]
    links = link_releases(releases, related_limit=2)
    assert names(links[id(releases[0])].related) == ["1", "2"]
    assert links[id(releases[-1])].related == []


@pytest.mark.parametrize("given", [{"LIMIT": 3}, {"RELATED_LIMIT": -1}, {"RELATED_LIMIT": "3"}])
def test_bad_settings_are_refused(given):
    with pytest.raises(ValueError, match="RELEASE_LINKS"):
        read_settings({"RELEASE_LINKS": given})


def test_default_settings():
    assert read_settings({}) == {"RELATED_LIMIT": 3}


def _related_by_counting_every_pair(tags, limit):
    """The definition, quadratic: most shared tags first, then the lowest position."""
    ranked = []
    for position, own in enumerate(tags):
        scores = [
            (-len(set(own) & set(other)), other_position)
            for other_position, other in enumerate(tags)
            if other_position != position and set(own) & set(other)
        ]
        ranked.append([other for _, other in sorted(scores)[:limit]])
    return ranked


@settings(max_examples=300, deadline=None)
@given(
    tags=st.lists(st.lists(st.sampled_from("abcdef"), max_size=5), max_size=25),
    limit=st.integers(min_value=0, max_value=6),
)
def test_related_positions_match_counting_every_pair(tags, limit):
    _last.update(key=None, ranked=None)
    as_tuples = tuple(tuple(dict.fromkeys(t)) for t in tags)
    assert related_positions(as_tuples, limit) == _related_by_counting_every_pair(as_tuples, limit)


def test_releases_with_very_many_tags_are_ranked_the_same(monkeypatch):
    """Past the subset limit a release is ranked by counting: the same answer."""
    tags = tuple(tuple("abcdefghijkl"[: n % 12 + 1]) for n in range(40))
    expected = _related_by_counting_every_pair(tags, 3)
    _last.update(key=None, ranked=None)
    assert related_positions(tags, 3) == expected
    monkeypatch.setattr(links_module, "_MOST_TAGS_FOR_SUBSETS", 0)  # everything counted
    _last.update(key=None, ranked=None)
    assert related_positions(tags, 3) == expected
