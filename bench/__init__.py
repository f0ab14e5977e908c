"""Build benchmark: a generated corpus of releases, built with our setup and with plain Pelican."""
