"""Gazetteer build time and lookups per second, beside a plain dict lookup baseline."""

from __future__ import annotations

import time
import tracemalloc

from benchmarks.timing import best_of
from incidents.geocode import Gazetteer

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


def bench_gazetteer(repeats: int = 5, rounds: int = 5000) -> list[str]:
    tracemalloc.start()
    started = time.perf_counter()
    gazetteer = Gazetteer.build()
    build = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    plain = {q: (q,) for q in QUERIES}
    n = rounds * len(QUERIES)

    def dict_lookups() -> None:
        for _ in range(rounds):
            for q in QUERIES:
                plain.get(q)

    def gazetteer_lookups() -> None:
        for _ in range(rounds):
            for q in QUERIES:
                gazetteer.lookup(q)

    baseline = best_of(repeats, dict_lookups)
    measured = best_of(repeats, gazetteer_lookups)
    return [
        f"build: {build:.2f} s, peak traced memory {peak / 2**20:.0f} MiB",
        f"index: {len(gazetteer):,} places",
        f"dict.get:          {n / baseline:,.0f} lookups/s",
        f"Gazetteer.lookup:  {n / measured:,.0f} lookups/s",
        f"ratio lookup / dict.get: {baseline / measured:.3f}",
    ]
