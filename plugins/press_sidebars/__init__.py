"""Sidebar plugin: every quotation with its speaker and role, every bold fact with its sentence.

The work is done by plain functions (`extract`) from a release's HTML to dataclasses
(`Sidebars`, `Statement`, `Speaker`, `Fact`); `register()` only wires them into Pelican.
"""

from .extract import Extraction, extract
from .model import Fact, Sidebars, Speaker, Statement
from .settings import Config, PressSidebarsSettingsError, load_config
from .wiring import register

__all__ = [
    "Config",
    "Extraction",
    "Fact",
    "PressSidebarsSettingsError",
    "Sidebars",
    "Speaker",
    "Statement",
    "extract",
    "load_config",
    "register",
]
