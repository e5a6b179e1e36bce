"""Towns a few km from a larger town take it as their anchor, without chains."""

from __future__ import annotations

import random

import pytest

from incidents.geocode.entry import GazetteerEntry
from incidents.geocode.neighbours import NEAR_KM, distance_km, town_anchors


def _town(
    geonameid: int, lat: float, lon: float, population: int, country: str = "SY"
) -> GazetteerEntry:
    return GazetteerEntry(geonameid, f"t{geonameid}", country, lat, lon, population, "city")


def test_distance_is_haversine() -> None:
    damascus, aleppo = _town(1, 33.5102, 36.2913, 1), _town(2, 36.2021, 37.1343, 1)
    assert distance_km(damascus, aleppo) == pytest.approx(309, abs=3)


def test_a_village_near_a_city_takes_the_city() -> None:
    city = _town(1, 33.50, 36.30, 1_000_000)
    village = _town(2, 33.52, 36.31, 5_000)  # about 2.4 km away
    far = _town(3, 33.80, 36.30, 8_000)  # 33 km away
    assert town_anchors([city, village, far]) == {2: 1}


def test_no_chains_an_anchor_is_never_anchored() -> None:
    # a — b — c on a line 4 km apart: b is near a, c is near b but 8 km from a.
    a = _town(1, 34.0, 36.0, 50_000)
    b = _town(2, 34.036, 36.0, 20_000)
    c = _town(3, 34.072, 36.0, 10_000)
    anchors = town_anchors([c, b, a])
    assert anchors == {2: 1}
    assert not set(anchors.values()) & set(anchors)


def test_a_border_does_not_merge() -> None:
    near_each_other = [_town(1, 33.0, 35.5, 90_000, "LB"), _town(2, 33.01, 35.5, 5_000, "IL")]
    assert town_anchors(near_each_other) == {}


def test_the_result_does_not_depend_on_input_order() -> None:
    rng = random.Random(7)
    towns = [
        _town(i, 33 + rng.random() * 0.3, 36 + rng.random() * 0.3, rng.randint(1_000, 99_999))
        for i in range(1, 400)
    ]
    expected = town_anchors(towns)
    assert expected, "some of 400 towns in 30 km x 30 km lie within 5 km of a larger one"
    for anchor_of, anchor in expected.items():
        assert distance_km(towns[anchor_of - 1], towns[anchor - 1]) <= NEAR_KM
    rng.shuffle(towns)
    assert town_anchors(towns) == expected


def test_far_north_columns_are_searched_wide_enough() -> None:
    # At 70°N, 0.1° of longitude is 3.8 km: a neighbour 4.5 km east is two columns away.
    town, village = _town(1, 70.0, 20.0, 60_000, "NO"), _town(2, 70.0, 20.118, 2_000, "NO")
    assert distance_km(town, village) < NEAR_KM
    assert town_anchors([town, village]) == {2: 1}
