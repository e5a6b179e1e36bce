"""A million incidents: bulk loading, and a bbox + 30-day + type query returning up to
500 rows, through the HTTP API on a real uvicorn and directly in SQL, on SQLite and
on PostgreSQL (when a server answers at ``INCIDENTS_TEST_POSTGRES_URL``).

    python -m benchmarks api            # 1,000,000 incidents
    INCIDENTS_BENCH_INCIDENTS=100000 python -m benchmarks api

The SQL figure is the same filter through the same query function without HTTP, so
the ratio API / SQL is the API's overhead. Target: API p99 under 100 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import numpy as np
import uvicorn
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from api.app import create_app
from incidents.config import Settings
from incidents.domain import EventType
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade
from incidents.store.models import Incident
from incidents.store.queries import BBox, IncidentFilter, list_incident_rows

TYPES = [t.value for t in EventType]
START = dt.date(2024, 1, 1)
DAYS = 730
QUERIES = 200


def _count() -> int:
    return int(os.environ.get("INCIDENTS_BENCH_INCIDENTS", "1000000"))


def _load(engine: Engine, n: int, batch: int = 20_000) -> float:
    """Insert ``n`` incidents spread over the Middle East and two years; rows per second."""
    rng = np.random.default_rng(0)
    now = dt.datetime.now(dt.UTC)
    table = Incident.__table__  # type: ignore[attr-defined]
    started = time.perf_counter()
    with engine.begin() as connection:
        for offset in range(0, n, batch):
            size = min(batch, n - offset)
            lats = rng.uniform(29.0, 38.0, size)
            lons = rng.uniform(34.0, 50.0, size)
            days = rng.integers(0, DAYS, size)
            types = rng.integers(0, len(TYPES), size)
            killed = rng.integers(0, 20, size)
            rows = [
                {
                    "type": TYPES[int(types[i])],
                    "place": "Somewhere",
                    "country": "SY",
                    "lat": float(lats[i]),
                    "lon": float(lons[i]),
                    "precision": "city",
                    "geo_precision": 1,
                    "event_date": START + dt.timedelta(days=int(days[i])),
                    "killed": int(killed[i]),
                    "n_reports": 1,
                    "n_sources": 1,
                    "confidence": 0.8,
                    "source_kind": "article",
                    "first_seen": now,
                    "last_seen": now,
                }
                for i in range(size)
            ]
            connection.execute(insert(table), rows)
    elapsed = time.perf_counter() - started
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE incidents"))
        else:
            connection.execute(text("ANALYZE"))
    return n / elapsed


def _filters(count: int) -> list[IncidentFilter]:
    rng = np.random.default_rng(1)
    out = []
    for _ in range(count):
        west, south = float(rng.uniform(34, 43)), float(rng.uniform(29, 34))
        since = START + dt.timedelta(days=int(rng.integers(0, DAYS - 30)))
        out.append(
            IncidentFilter(
                types=(TYPES[int(rng.integers(0, len(TYPES)))],),
                since=since,
                until=since + dt.timedelta(days=30),
                bbox=BBox(west, south, west + 7.0, south + 4.0),
            )
        )
    return out


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _serving(url: str) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(database_url=url)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _measure(url: str, engine: Engine) -> list[str]:
    filters = _filters(QUERIES)
    direct, rows = [], []
    with Session(engine) as session:
        for flt in filters:
            started = time.perf_counter()
            found, _ = list_incident_rows(session, flt, 500)
            direct.append(time.perf_counter() - started)
            rows.append(len(found))
    over_http = []
    with _serving(url) as base, httpx.Client(base_url=base, timeout=30) as client:
        for flt in filters:
            box = flt.bbox
            assert box is not None and flt.since and flt.until
            params: dict[str, str | int] = {
                "type": flt.types[0],
                "since": flt.since.isoformat(),
                "until": flt.until.isoformat(),
                "bbox": f"{box.west},{box.south},{box.east},{box.north}",
                "limit": 500,
            }
            started = time.perf_counter()
            response = client.get("/incidents", params=params)
            over_http.append(time.perf_counter() - started)
            response.raise_for_status()
    sql50, sql99 = _percentiles(direct)
    api50, api99 = _percentiles(over_http)
    return [
        f"  query returns {statistics.median(rows):.0f} rows (median; limit 500)",
        f"  SQL directly:    p50 {sql50:6.1f} ms   p99 {sql99:6.1f} ms",
        f"  API via uvicorn: p50 {api50:6.1f} ms   p99 {api99:6.1f} ms (target p99 < 100 ms)",
        f"  ratio API / SQL: p50 {api50 / sql50:.2f}   p99 {api99 / sql99:.2f}",
    ]


@contextmanager
def _postgres() -> Iterator[str | None]:
    server = os.environ.get(
        "INCIDENTS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"incidents_bench_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        admin.dispose()
        yield None
        return
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def bench_api() -> list[str]:
    n = _count()
    lines = [f"{n:,} incidents, {QUERIES} queries (bbox 7x4 degrees, 30 days, one type)"]
    with tempfile.TemporaryDirectory() as folder, _postgres() as postgres:
        backends = [("SQLite", f"sqlite:///{Path(folder) / 'bench.db'}")]
        if postgres is not None:
            backends.append(("PostgreSQL", postgres))
        else:
            lines.append("PostgreSQL: no server answers, skipped")
        for name, url in backends:
            upgrade(url)
            engine = make_engine(url)
            rate = _load(engine, n)
            lines.append(f"{name}: bulk insert {rate:,.0f} incidents/s (target >= 20,000/s)")
            lines.extend(_measure(url, engine))
            engine.dispose()
    return lines
