"""Every rebuild that found a saved change reloads the browser.

livereload drops the reload for a change found within 3 s of the previous reload
(`LiveReloadHandler.DEFAULT_RELOAD_TIME`), a guard against reloading again and again while
polling finds a batch of files over several polls. A release saved twice within 3 s was then
rebuilt but never shown. With `make serve` the guard is not needed: the change watcher lets a
burst of writes settle into one rebuild, and a rebuild blocks the server, so a page the
browser fetches after a reload is always the latest build.
"""

from livereload.handlers import LiveReloadHandler


def reload_after_every_rebuild() -> None:
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
