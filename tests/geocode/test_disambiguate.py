"""Choosing among candidates, with and without the document's countries."""

from __future__ import annotations

import pytest

from incidents.domain import PlaceMatch, Span
from incidents.geocode import Gazetteer, GazetteerEntry, choose, rank, to_place_match

from .helpers import km_between, resolve


@pytest.mark.parametrize("surface", ["طرابلس", "Tripoli"])
def test_tripoli_is_libyan_without_context(gazetteer: Gazetteer, surface: str) -> None:
    entry = resolve(gazetteer, surface)
    assert entry.country == "LY"
    assert km_between(entry, 32.89, 13.19) < 20


@pytest.mark.parametrize("surface", ["طرابلس", "Tripoli", "بطرابلس"])
def test_tripoli_is_lebanese_in_a_lebanese_context(gazetteer: Gazetteer, surface: str) -> None:
    entry = resolve(gazetteer, surface, "LB")
    assert entry.country == "LB"
    assert km_between(entry, 34.43, 35.84) < 20


@pytest.mark.parametrize("context", [(), ("SY",), ("US",), ("US", "SY"), ("lb",)])
def test_damascus_is_always_syrian(gazetteer: Gazetteer, context: tuple[str, ...]) -> None:
    entry = resolve(gazetteer, "Damascus", *context)
    assert entry.country == "SY"
    assert km_between(entry, 33.51, 36.29) < 20


@pytest.mark.parametrize(
    ("surface", "iso2"), [("Armenia", "AM"), ("الجزائر", "DZ"), ("تونس", "TN")]
)
def test_a_country_beats_a_town_of_the_same_name(
    gazetteer: Gazetteer, surface: str, iso2: str
) -> None:
    candidates = gazetteer.lookup(surface)
    assert any(entry.kind == "city" for entry in candidates)  # Armenia, Colombia; Algiers
    chosen = choose(candidates)
    assert chosen is not None
    assert (chosen.kind, chosen.country) == ("country", iso2)


def test_context_picks_the_town_over_the_country(gazetteer: Gazetteer) -> None:
    # عمان is Oman, and Amman in Arabic: a Jordanian context means the city.
    assert resolve(gazetteer, "عمان").country == "OM"
    amman = resolve(gazetteer, "عمان", "JO")
    assert (amman.kind, amman.country) == ("city", "JO")


def test_a_place_by_its_own_name_beats_a_larger_one_by_another_name(
    gazetteer: Gazetteer,
) -> None:
    # Chattogram (3.9 M) was once called Islamabad; the name as written is Pakistan's capital.
    candidates = gazetteer.lookup("Islamabad")
    assert {entry.country for entry in candidates} >= {"PK", "BD"}
    chosen = choose(candidates, (), "Islamabad")
    assert chosen is not None and chosen.country == "PK"
    in_context = choose(candidates, ("BD",), "Islamabad")
    assert in_context is not None and in_context.name == "Chattogram"
    # "Islamabad's Red Zone": the possessive is not part of the name as written.
    possessive = choose(gazetteer.lookup("Islamabad's"), (), "Islamabad's")
    assert possessive is not None and possessive.country == "PK"


def _entry(
    name: str, country: str, population: int, kind: str = "city", gid: int = 1
) -> GazetteerEntry:
    return GazetteerEntry(gid, name, country, 0.0, 0.0, population, kind)


def test_a_large_town_beats_a_small_one() -> None:
    small, large = _entry("X", "AA", 20_000, gid=1), _entry("X", "BB", 900_000, gid=2)
    assert choose([small, large]) == large
    assert choose([small, large], ["AA"]) == small


def test_curated_districts_count_as_sizeable_places() -> None:
    village = _entry("Mezzeh", "XX", 30_000)
    district = _entry("Mezzeh", "SY", 0, kind="district", gid=0)
    assert choose([village, district]) == district


def test_ties_are_broken_the_same_way_in_any_order() -> None:
    first, second = _entry("A", "AA", 50_000, gid=7), _entry("A", "BB", 50_000, gid=3)
    assert choose([first, second]) == choose([second, first])
    assert rank([first, second]) == rank([second, first])


def test_nothing_to_choose_from() -> None:
    assert choose([]) is None
    assert choose((), ["SY"]) is None


def test_rank_puts_the_choice_first(gazetteer: Gazetteer) -> None:
    candidates = gazetteer.lookup("Tripoli")
    assert rank(candidates, ["LB"])[0] == choose(candidates, ["LB"])
    assert len(rank(candidates)) == len(candidates)


@pytest.mark.parametrize(
    ("surface", "precision"),
    [("المزة", "district"), ("بغداد", "city"), ("دیالی", "region"), ("سوریه", "country")],
)
def test_place_match_precision(gazetteer: Gazetteer, surface: str, precision: str) -> None:
    entry = resolve(gazetteer, surface)
    match = to_place_match(entry, surface, Span(10, 10 + len(surface)))
    assert isinstance(match, PlaceMatch)
    assert match.precision == precision
    assert (match.name, match.country, match.lat, match.lon) == (
        entry.name,
        entry.country,
        entry.lat,
        entry.lon,
    )
    assert match.geonameid == entry.geonameid
    assert match.surface == surface
    assert match.span == Span(10, 10 + len(surface))


def test_place_match_without_span(gazetteer: Gazetteer) -> None:
    match = to_place_match(resolve(gazetteer, "Mezzeh"), "Mezzeh")
    assert match.span is None
    assert match.geonameid is None  # a hand-placed district


def test_old_names_of_focus_towns_do_not_hide_large_towns_elsewhere(
    gazetteer: Gazetteer,
) -> None:
    # Philadelphia is also Amman's ancient name; the American city is larger.
    assert resolve(gazetteer, "Philadelphia").country == "US"
    assert resolve(gazetteer, "Philadelphia", "JO").name == "Amman"
