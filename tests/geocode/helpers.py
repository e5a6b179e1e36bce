"""Plain helpers for the geocoding tests."""

from __future__ import annotations

from geopy.distance import geodesic

from incidents.geocode import Gazetteer, GazetteerEntry, choose


def km_between(entry: GazetteerEntry, lat: float, lon: float) -> float:
    return float(geodesic((entry.lat, entry.lon), (lat, lon)).km)


def resolve(gazetteer: Gazetteer, surface: str, *context: str) -> GazetteerEntry:
    """The chosen place for ``surface``; fails the test when there is none."""
    entry = choose(gazetteer.lookup(surface), context)
    assert entry is not None, f"{surface!r} did not resolve"
    return entry


def places_in(gazetteer: Gazetteer, text: str) -> list[GazetteerEntry]:
    """Places named in ``text``, scanning whitespace n-grams longest first and
    never reusing a word, as an extractor would."""
    words = text.split()
    found = []
    start = 0
    while start < len(words):
        for size in range(min(gazetteer.max_tokens, len(words) - start), 0, -1):
            entry = choose(gazetteer.lookup(" ".join(words[start : start + size])))
            if entry is not None:
                found.append(entry)
                start += size
                break
        else:
            start += 1
    return found
