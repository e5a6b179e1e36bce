"""Offline geocoding: a gazetteer of GeoNames towns, countries and curated
districts and regions under their English, Persian and Arabic names; a
disambiguator; and a geopy ``Geocoder`` over the gazetteer.

Importing this package builds nothing: call :func:`load_gazetteer` once (a fraction
of a second from its disk cache; ~13 s to build the first time) and share the result.
"""

from incidents.geocode.cache import default_cache_dir, load_gazetteer
from incidents.geocode.disambiguate import choose, rank, to_place_match
from incidents.geocode.gazetteer import Gazetteer, GazetteerEntry
from incidents.geocode.geopy_adapter import OfflineGeocoder

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "OfflineGeocoder",
    "choose",
    "default_cache_dir",
    "load_gazetteer",
    "rank",
    "to_place_match",
]
