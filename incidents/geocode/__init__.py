"""Offline geocoding: a gazetteer of GeoNames towns, countries and curated
districts and regions under their English, Persian and Arabic names; a
disambiguator; and a geopy ``Geocoder`` over the gazetteer.

Importing this package builds nothing: call :meth:`Gazetteer.build` once (about a
second) and share the result.
"""

from incidents.geocode.disambiguate import choose, rank, to_place_match
from incidents.geocode.gazetteer import Gazetteer, GazetteerEntry
from incidents.geocode.geopy_adapter import OfflineGeocoder

__all__ = ["Gazetteer", "GazetteerEntry", "OfflineGeocoder", "choose", "rank", "to_place_match"]
