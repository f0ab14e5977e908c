"""Short mentions resolved across releases (no Pelican: the data the plugin produces)."""

from press_sidebars.speakers import resolve_site_names

from .helpers import read


class Release:
    def __init__(self, markdown_text: str):
        self.press_sidebars = read(markdown_text).sidebars


def names(release: Release) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.speaker.slug) for s in release.press_sidebars.statements]


def test_a_surname_resolves_to_the_one_full_name_known_on_the_site():
    first = Release('"We open on Monday," said Mira Castellanos, director of the Trust.')
    second = Release('"I am honoured," Castellanos said.')
    original = second.press_sidebars
    resolve_site_names([first, second])
    assert names(second) == [("Mira Castellanos", "mira-castellanos")]
    assert names(first) == [("Mira Castellanos", "mira-castellanos")]
    # The cached result of the release is shared between builds: never changed in place.
    assert original.statements[0].speaker.name == "Castellanos"


def test_an_ambiguous_surname_stays_as_written():
    releases = [
        Release('"We open," said Mira Castellanos.'),
        Release('"We close," said Luis Castellanos.'),
        Release('"I am honoured," Castellanos said.'),
    ]
    resolve_site_names(releases)
    assert names(releases[2]) == [("Castellanos", "castellanos")]


def test_names_are_learnt_from_published_releases_only():
    draft = Release('"We open," said Mira Castellanos.')
    published = Release('"I am honoured," Castellanos said.')
    resolve_site_names([published], [draft])
    assert names(published) == [("Castellanos", "castellanos")]
    resolve_site_names([published, draft := Release('"Soon," Castellanos said.')], [])
    assert names(draft) == [("Castellanos", "castellanos")]
