"""Fast reader: read releases on all cores, with a faster YAML front-matter reader.

Pelican reads every file serially, and reading is most of a build (YAML in pure Python,
Markdown for the body and again for the summary). This plugin

* replaces the YAML-metadata reader by a subclass that parses front matter with libyaml and
  skips the Markdown conversion of a summary that is plain text (the HTML is known);
* before the articles generator reads, converts every file it will read in a pool of worker
  processes (fork) and puts the results into the generator's reader cache, so Pelican's own
  loop then only builds the content objects — with output byte-identical to a serial build;
* keys the content cache folder by the settings and plugin code, so a cache written by other
  settings or older plugins is never reused.
"""

from .wiring import register

__all__ = ["register"]
