"""Signal wiring, kept thin: the work is in links.py."""

from pelican import signals

from .links import link_releases, read_settings


def _link(generator) -> None:
    settings = read_settings(generator.settings)
    links = link_releases(generator.articles, settings["RELATED_LIMIT"])
    for article in generator.articles:
        article.release_links = links[id(article)]


def register() -> None:
    signals.article_generator_finalized.connect(_link)
