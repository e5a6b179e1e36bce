"""Run every benchmark and print each result beside a baseline measured in the same run.

    python -m benchmarks            # all
    python -m benchmarks extract    # one

Figures are ratios against a baseline on the same machine and input, so they can be
compared across machines; absolute rates are printed for context only.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from benchmarks.api_query import bench_api
from benchmarks.bulk_reports import bench_reports
from benchmarks.extraction import bench_extraction, bench_memory
from benchmarks.gazetteer import bench_gazetteer
from benchmarks.load_test import bench_load
from benchmarks.map_render import bench_map
from benchmarks.nightly_job import bench_nightly

BENCHMARKS: dict[str, Callable[[], list[str]]] = {
    "extract": bench_extraction,
    "memory": bench_memory,
    "gazetteer": bench_gazetteer,
    "api": bench_api,
    "reports": bench_reports,
    "map": bench_map,
    "nightly": bench_nightly,
    "load": bench_load,
}


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    for name in names or list(BENCHMARKS):
        started = time.perf_counter()
        print(f"== {name}")
        for line in BENCHMARKS[name]():
            print(f"   {line}")
        print(f"   ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
