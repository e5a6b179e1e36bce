"""Build the long-lived objects a process needs, once, from settings."""

from __future__ import annotations

from incidents.config import Settings
from incidents.extract.extractor import Extractor
from incidents.geocode import load_gazetteer
from incidents.geocode.online import OnlineGeocoder


def build_extractor(settings: Settings) -> Extractor:
    """The gazetteer (from its disk cache) and the per-language pipelines."""
    gazetteer = load_gazetteer(settings.min_city_population, settings.cache_dir)
    return Extractor.build(gazetteer)


def build_online_geocoder(settings: Settings) -> OnlineGeocoder | None:
    """The configured online geocoder, or None when geocoding stays offline."""
    if settings.geocoder == "offline":
        return None
    return OnlineGeocoder.connect(
        settings.geocoder,
        settings.geocoder_domain,
        scheme=settings.geocoder_scheme,
        min_delay_seconds=settings.geocoder_min_delay_seconds,
        timeout=settings.geocoder_timeout_seconds,
    )
