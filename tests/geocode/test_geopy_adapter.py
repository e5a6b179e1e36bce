"""The gazetteer behind geopy's Geocoder interface."""

from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from incidents.errors import GeocodingError
from incidents.geocode import Gazetteer, OfflineGeocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gazetteer)


def test_is_a_geopy_geocoder(geocoder: OfflineGeocoder) -> None:
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize("query", ["دمشق", "Damascus", "بدمشق"])
def test_geocode_returns_a_location_with_the_right_point(
    geocoder: OfflineGeocoder, query: str
) -> None:
    location = geocoder.geocode(query)
    assert isinstance(location, Location)
    assert location.latitude == pytest.approx(33.51, abs=0.05)
    assert location.longitude == pytest.approx(36.29, abs=0.05)
    assert location.address == "Damascus, SY"
    assert location.raw["geonameid"] == 170654
    assert location.raw["country_code"] == "SY"
    assert location.raw["kind"] == "city"
    assert location.raw["population"] > 1_000_000


def test_districts_name_their_city(geocoder: OfflineGeocoder) -> None:
    location = geocoder.geocode("المزة")
    assert isinstance(location, Location)
    assert location.address == "Mezzeh, Damascus, SY"
    assert location.raw["kind"] == "district"
    assert location.raw["geonameid"] is None


def test_unknown_names_and_news_words_give_none(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Xyzzyville") is None
    assert geocoder.geocode("امنیتی") is None
    assert geocoder.geocode("police") is None


def test_country_codes_restrict_the_answer(geocoder: OfflineGeocoder) -> None:
    libya = geocoder.geocode("Tripoli")
    lebanon = geocoder.geocode("Tripoli", country_codes="lb")
    assert isinstance(libya, Location) and isinstance(lebanon, Location)
    assert libya.raw["country_code"] == "LY"
    assert lebanon.raw["country_code"] == "LB"
    assert lebanon.latitude == pytest.approx(34.43, abs=0.05)
    assert geocoder.geocode("Tripoli", country_codes=["FR"]) is None


def test_all_candidates_best_first(geocoder: OfflineGeocoder) -> None:
    locations = geocoder.geocode("طرابلس", exactly_one=False)
    assert isinstance(locations, list)
    assert [location.raw["country_code"] for location in locations][:2] == ["LY", "LB"]


def test_language_is_accepted_and_names_stay_english(geocoder: OfflineGeocoder) -> None:
    location = geocoder.geocode("حلب", language="fa")
    assert isinstance(location, Location)
    assert location.raw["name"] == "Aleppo"


def test_structured_queries_are_refused_by_name(geocoder: OfflineGeocoder) -> None:
    with pytest.raises(GeocodingError, match="query must be a place name"):
        geocoder.geocode({"city": "Damascus"})  # type: ignore[arg-type]


def test_reverse_is_not_supported(geocoder: OfflineGeocoder) -> None:
    with pytest.raises(NotImplementedError, match="cannot reverse-geocode"):
        geocoder.reverse((33.51, 36.29))


def test_the_transport_refuses_the_network(geocoder: OfflineGeocoder) -> None:
    with pytest.raises(GeocodingError, match="no network calls"):
        geocoder.adapter.get_json("https://example.invalid/search", timeout=1, headers={})
    with pytest.raises(GeocodingError, match="no network calls"):
        geocoder.adapter.get_text("https://example.invalid/search", timeout=1, headers={})
