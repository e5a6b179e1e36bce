"""The gazetteer's record of one place, shared by the index, the disambiguator and
the geopy adapter (kept apart from :mod:`gazetteer` so the data sources can build
entries without importing the index)."""

from __future__ import annotations

from dataclasses import dataclass

#: The kinds of place, broadest first. A kind is also the precision of a match.
KINDS = ("country", "region", "city", "district")

#: ACLED's geo_precision for each precision: 1, the town or a part of it; 3, a
#: province or larger. (ACLED's 2, "near a town", is not told apart yet: an event
#: "in the countryside of Aleppo" is placed at Aleppo with precision 1.)
ACLED_GEO_PRECISION = {"district": 1, "city": 1, "region": 3, "country": 3}


def acled_geo_precision(precision: str | None) -> int | None:
    """ACLED's 1 / 2 / 3 for a precision ("district", "city", "region", "country")."""
    return ACLED_GEO_PRECISION.get(precision) if precision is not None else None


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
