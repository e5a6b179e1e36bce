"""Gazetteer build and cached load (time, memory) and geocoded mentions per second,
beside a plain dict lookup baseline."""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from importlib import resources
from pathlib import Path

from benchmarks.timing import best_of
from incidents.geocode import Gazetteer, choose, load_gazetteer
from incidents.geocode.gazetteer import DEFAULT_MIN_POPULATION

QUERIES = [
    "دمشق",
    "بدمشق",
    "Damascus",
    "حلب",
    "وحلب",
    "Baghdad",
    "الكرادة",
    "مزه",
    "Tripoli",
    "طرابلس",
    "Kabul",
    "کابل",
    "Mosul",
    "الموصل",
    "Beirut",
    "بیروت",
    "Homs",
    "Aden",
    "security",
    "انفجار",
]


def _queries() -> list[tuple[str, tuple[str, ...]]]:
    """Place mentions with the countries their text is about: the geocoding gold set
    when present (every mention is a real case), else the fixed list above."""
    gold = Path(str(resources.files("incidents.geocode").joinpath("data", "gold.jsonl")))
    if gold.is_file():
        rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
        return [(row["mention"], (row["country"],)) for row in rows]
    return [(q, ()) for q in QUERIES]


def bench_gazetteer(repeats: int = 5, rounds: int = 500) -> list[str]:
    started = time.perf_counter()
    Gazetteer.build(DEFAULT_MIN_POPULATION)
    build = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        load_gazetteer(DEFAULT_MIN_POPULATION, cache)  # builds and saves
        load = best_of(3, lambda: load_gazetteer(DEFAULT_MIN_POPULATION, cache))
        tracemalloc.start()  # traced separately: tracing slows the load itself
        gazetteer = load_gazetteer(DEFAULT_MIN_POPULATION, cache)
        loaded, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    queries = _queries()
    plain = {q: (q,) for q, _ in queries}
    n = rounds * len(queries)

    def dict_lookups() -> None:
        for _ in range(rounds):
            for q, _context in queries:
                plain.get(q)

    def geocode() -> None:
        for _ in range(rounds):
            for q, context in queries:
                choose(gazetteer.lookup(q), context)

    baseline = best_of(repeats, dict_lookups)
    measured = best_of(repeats, geocode)
    return [
        f"index: {len(gazetteer):,} places (towns down to {DEFAULT_MIN_POPULATION:,} people)",
        f"build from GeoNames: {build:.1f} s (once per data change)",
        f"load from cache: {load:.2f} s, {loaded / 2**20:.0f} MiB held (targets < 2 s, < 300 MB)",
        f"{len(queries)} mentions, each looked up and disambiguated {rounds} times:",
        f"dict.get:          {n / baseline:,.0f} lookups/s",
        f"lookup + choose:   {n / measured:,.0f} mentions/s (target >= 50,000)",
        f"ratio geocode / dict.get: {baseline / measured:.3f}",
    ]
