"""The gazetteer's record of one place, shared by the index, the disambiguator and
the geopy adapter (kept apart from :mod:`gazetteer` so the data sources can build
entries without importing the index)."""

from __future__ import annotations

from dataclasses import dataclass

#: The kinds of place, broadest first. A kind is also the precision of a match.
KINDS = ("country", "region", "city", "district")


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
