"""Release links plugin: previous/next and related releases, without Pelican."""

from types import SimpleNamespace

import pytest

from release_links import link_releases, read_settings


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
