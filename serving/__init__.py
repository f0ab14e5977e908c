"""`make serve`'s edit loop: noticing a saved file (the rebuild itself is tasks.build_site)."""
