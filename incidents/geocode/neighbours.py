"""Towns a few kilometres from a larger one: the larger town is their *anchor*.

Merging puts reports of one type in one town together (see
:mod:`incidents.store.merge`). A village three kilometres from a city's centre is,
for a reader, the same scene as the city: reports that name either should form one
incident. The anchor of a town is a property of the gazetteer alone (the most
populous root town of its country within :data:`NEAR_KM`), never of the reports,
so merging stays independent of the order reports arrive in.

There is no chaining: an anchor is never itself anchored, so a line of villages
does not walk an incident across a province.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from incidents.geocode.entry import GazetteerEntry

#: "Within a few km": towns closer than this to a larger town merge with it.
NEAR_KM = 5.0
#: Grid cell in degrees. 0.1° of latitude is 11 km, so the neighbours of a town lie
#: one row up or down; across longitude, the columns searched widen with latitude.
_CELL_DEGREES = 0.1
_EARTH_RADIUS_KM = 6371.0088


def distance_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle (haversine) distance between two places, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def _rank(entry: GazetteerEntry) -> tuple[int, int]:
    # Larger first; the GeoNames id breaks ties so the choice is fixed.
    return (entry.population, -(entry.geonameid or 0))


def town_anchors(towns: Iterable[GazetteerEntry], km: float = NEAR_KM) -> dict[int, int]:
    """geonameid → the geonameid of its anchor, for every town that has one: the
    most populous *root* town of the same country within ``km``. Towns are taken
    largest first, and a town with no root near it is a root (its own anchor)."""
    if km / 111.0 > _CELL_DEGREES:
        raise ValueError(f"km={km} is wider than the grid cell of {_CELL_DEGREES} degrees")
    roots: dict[tuple[int, int], list[GazetteerEntry]] = defaultdict(list)
    listed = [t for t in towns if t.geonameid is not None]
    anchors: dict[int, int] = {}
    # Largest first: a town is a root unless a larger root lies within ``km``; it
    # then takes the largest such root. Roots are never anchored, so no chains.
    for town in sorted(listed, key=_rank, reverse=True):
        row, column = _cell(town)
        span = _columns_within(km, town.lat)
        best: GazetteerEntry | None = None
        for dr in (-1, 0, 1):
            for dc in range(-span, span + 1):
                for other in roots.get((row + dr, column + dc), ()):
                    if (
                        other.country == town.country
                        and (best is None or _rank(other) > _rank(best))
                        and distance_km(town, other) <= km
                    ):
                        best = other
        if best is None:
            roots[(row, column)].append(town)
        elif best.geonameid is not None and town.geonameid is not None:
            anchors[town.geonameid] = best.geonameid
    return anchors


def _cell(entry: GazetteerEntry) -> tuple[int, int]:
    return (math.floor(entry.lat / _CELL_DEGREES), math.floor(entry.lon / _CELL_DEGREES))


def _columns_within(km: float, lat: float) -> int:
    """How many columns either side hold the points within ``km`` at latitude ``lat``."""
    per_degree = 111.32 * max(math.cos(math.radians(min(abs(lat) + _CELL_DEGREES, 89.0))), 0.01)
    return max(1, math.ceil(km / per_degree / _CELL_DEGREES))
