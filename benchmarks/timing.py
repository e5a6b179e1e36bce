"""Best-of-N wall-clock timing (the least disturbed run is the closest to the truth)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeats: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best
