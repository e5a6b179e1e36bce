"""Build the long-lived objects a process needs, once, from settings."""

from __future__ import annotations

from incidents.config import Settings
from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer


def build_extractor(settings: Settings) -> Extractor:
    """The gazetteer and the per-language pipelines (a second or two to build)."""
    return Extractor.build(Gazetteer.build(min_population=settings.min_city_population))
