"""Build the long-lived objects a process needs, once, from settings."""

from __future__ import annotations

from incidents.config import Settings
from incidents.extract.extractor import Extractor
from incidents.geocode import load_gazetteer


def build_extractor(settings: Settings) -> Extractor:
    """The gazetteer (from its disk cache) and the per-language pipelines."""
    gazetteer = load_gazetteer(settings.min_city_population, settings.cache_dir)
    return Extractor.build(gazetteer)
