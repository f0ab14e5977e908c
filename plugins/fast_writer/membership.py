"""Constant-time `in` for the article lists of tags, categories and authors.

Before writing each tag, category and author page, Pelican 4.12 computes
``[a for a in self.dates if a in articles]``: a scan of every article times a scan of the
list — quadratic, and most of the time of a rebuild with 10,000 releases. Content objects
are equal only to themselves, so membership by identity gives exactly the same answer.
"""

from collections.abc import Iterable


def _identity_equal(item) -> bool:
    return type(item).__eq__ is object.__eq__


class MembershipList(list):
    """A list whose ``in`` looks items up by identity when that is what equality means."""

    def __init__(self, items: Iterable = ()):
        super().__init__(items)
        self._index: tuple[int, set[int]] | None = None

    def __contains__(self, item) -> bool:
        if not _identity_equal(item):
            return super().__contains__(item)
        if self._index is None or self._index[0] != len(self):
            if not all(_identity_equal(x) for x in self):
                return super().__contains__(item)
            self._index = (len(self), {id(x) for x in self})
        return id(item) in self._index[1]


def speed_up_taxonomies(generator) -> None:
    """article_generator_finalized: swap the taxonomy article lists for MembershipLists."""
    generator.tags = {tag: MembershipList(items) for tag, items in generator.tags.items()}
    generator.categories = [(c, MembershipList(items)) for c, items in generator.categories]
    generator.authors = [(a, MembershipList(items)) for a, items in generator.authors]
    # The context holds the same lists (Generator._update_context flattens the tag dict).
    generator._update_context(("tags", "categories", "authors"))
