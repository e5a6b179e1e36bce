"""The gazetteer's record of one place, shared by the index, the disambiguator and
the geopy adapter (kept apart from :mod:`gazetteer` so the data sources can build
entries without importing the index)."""

from __future__ import annotations

from dataclasses import dataclass

#: The kinds of place, broadest first. A kind is also the precision of a match.
KINDS = ("country", "region", "city", "district")

#: ACLED's geo_precision for each precision: 1, the town or a part of it; 3, a
#: province or larger. 2 is a place *near* a town ("the outskirts of", «ريف حلب»).
ACLED_GEO_PRECISION = {"district": 1, "city": 1, "region": 3, "country": 3}
NEAR_TOWN = 2


def acled_geo_precision(precision: str | None, near: bool = False) -> int | None:
    """ACLED's 1 / 2 / 3 for a precision ("district", "city", "region", "country")."""
    if precision is None:
        return None
    if near and ACLED_GEO_PRECISION.get(precision) == 1:
        return NEAR_TOWN
    return ACLED_GEO_PRECISION.get(precision)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: an English exonym, its country and a representative point.

    ``geonameid`` is None for hand-placed districts and regions; ``parent`` is the
    city a district belongs to ("Damascus" for Mezzeh), None otherwise.
    """

    geonameid: int | None
    name: str
    country: str
    lat: float
    lon: float
    population: int
    kind: str
    parent: str | None = None
