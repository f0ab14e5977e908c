"""Strict build: every warning or error of a Pelican run fails it, after all are reported.

Pelican's own ``--fatal`` stops at the first problem; contributors need the whole list.
So this plugin records every WARNING-or-worse log record of the run, checks that every
release file became a page, and raises once at the end with all of them.
"""

from .problems import ProblemCollector, StrictBuildError, unpublished_sources
from .wiring import register

__all__ = ["ProblemCollector", "StrictBuildError", "register", "unpublished_sources"]
