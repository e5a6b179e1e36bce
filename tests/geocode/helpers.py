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
    never reusing a word, as an extractor would. Minor towns (taken by the
    extractor only when a place word announces them) are left out."""
    words = text.split()
    found = []
    start = 0
    while start < len(words):
        for size in range(min(gazetteer.max_tokens, len(words) - start), 0, -1):
            found_here = gazetteer.lookup(" ".join(words[start : start + size]))
            entry = choose([e for e in found_here if not gazetteer.is_minor(e)])
            if entry is not None:
                found.append(entry)
                start += size
                break
        else:
            start += 1
    return found
