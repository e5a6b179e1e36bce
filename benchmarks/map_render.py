"""The map page with 100,000 incidents stored: its HTML size, and its first render
in headless Chromium (Debian's, through Playwright), served by uvicorn.

    python -m benchmarks map
    INCIDENTS_BENCH_MAP_INCIDENTS=20000 python -m benchmarks map

First render is the time from asking for ``/map`` to the page's script having
drawn its first answer from ``/map/features`` (the ``data-incidents-loaded``
attribute), median of :data:`LOADS` loads in fresh browser contexts. The baseline,
measured in the same run, is the same page over an empty database: the ratio is
what 100,000 incidents cost. Targets: HTML under 2 MB, first render under 3 s.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.api_query import _load, _serving
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade

LOADS = 5
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _count() -> int:
    return int(os.environ.get("INCIDENTS_BENCH_MAP_INCIDENTS", "100000"))


def _chromium() -> str | None:
    path = os.environ.get("INCIDENTS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.access(path, os.X_OK) else None


def _first_renders(playwright: Any, chromium: str, base: str) -> tuple[list[float], str]:
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    times, mode = [], ""
    try:
        for _ in range(LOADS):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(base + "/map", wait_until="commit")
            page.wait_for_function(
                "document.querySelector('.folium-map')?.dataset.incidentsLoaded",
                timeout=60_000,
            )
            times.append(time.perf_counter() - started)
            mode = str(page.evaluate("document.querySelector('.folium-map').dataset.incidentsMode"))
            context.close()
    finally:
        browser.close()
    return times, mode


def bench_map() -> list[str]:
    chromium = _chromium()
    if chromium is None:
        return ["Chromium not found (apt-get install chromium): skipped"]
    from playwright.sync_api import sync_playwright

    n = _count()
    lines = [f"{n:,} incidents in SQLite; first render = /map until its first features are drawn"]
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        results = {}
        for name, size in (("empty", 0), ("loaded", n)):
            url = f"sqlite:///{Path(folder) / f'{name}.db'}"
            upgrade(url)
            engine = make_engine(url)
            if size:
                _load(engine, size)
            engine.dispose()
            with _serving(url) as base:
                html = httpx.get(base + "/map", timeout=60).content
                times, mode = _first_renders(playwright, chromium, base)
            results[name] = (len(html), statistics.median(times), mode)
        empty_size, empty_time, _ = results["empty"]
        size, first, mode = results["loaded"]
        lines += [
            f"  HTML: {size / 1024:,.1f} KiB (empty database: {empty_size / 1024:,.1f} KiB; "
            "target < 2 MB)",
            f"  first render: {first * 1000:,.0f} ms, drawn as {mode} "
            f"(empty database: {empty_time * 1000:,.0f} ms); ratio {first / empty_time:.2f} "
            "(target < 3 s)",
        ]
    return lines
