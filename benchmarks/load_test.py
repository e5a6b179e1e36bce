"""A load test: mixed queries at a steady rate through a real uvicorn while the
nightly job writes into the same database, on SQLite (WAL) and on PostgreSQL (when
a server answers at ``INCIDENTS_TEST_POSTGRES_URL``).

    python -m benchmarks load                               # 60 s per phase
    INCIDENTS_LOAD_SECONDS=10 python -m benchmarks load     # shorter
    INCIDENTS_LOAD_RATE=100 INCIDENTS_LOAD_INCIDENTS=20000 python -m benchmarks load
    INCIDENTS_LOAD_WORKERS=2 python -m benchmarks load      # as `incidents serve --workers 2`

With 100,000 incidents stored, locust (in a subprocess, on 127.0.0.1 only) sends
200 requests/s of mixed queries (``/incidents`` with bbox + since + type,
``/incidents/{id}``, ``/stats``, ``/incidents.geojson`` with a small limit,
``/map/features`` with bbox and zoom, ``/health``) to ``uvicorn --factory
api.main:app_from_env`` (one process, as ``incidents serve`` runs it) for a fixed
time, twice: alone (the baseline), then while ``incidents nightly`` (another
process, one extraction worker) stores documents into the same database. Printed:
the requests and errors, p50 / p99 latency, the achieved requests/s, the documents
the nightly run stored during the load, and the ratios of the second phase to the
baseline (the cost of the concurrent writer).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.engine import Engine

from benchmarks.api_query import DAYS, START, TYPES, _free_port, _load, _postgres
from benchmarks.nightly_job import _inbox
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade

ROOT = Path(__file__).resolve().parents[1]
#: Simulated clients; each sends rate / USERS requests per second (constant throughput),
#: so a request may take up to USERS / rate seconds before the rate falls behind.
USERS = 100
#: Documents per second of load the nightly inbox holds, so the run outlasts the load.
INBOX_PER_SECOND = 300
#: Weights of the mixed queries (a map client: mostly lists and single incidents).
MIX = {
    "/incidents?bbox&since&type": 5,
    "/incidents/{id}": 5,
    "/health": 3,
    "/incidents.geojson?bbox&since&limit=50": 2,
    "/stats?since": 1,
    "/map/features?bbox&zoom": 1,
}


def _seconds() -> float:
    return float(os.environ.get("INCIDENTS_LOAD_SECONDS", "60"))


def _rate() -> float:
    return float(os.environ.get("INCIDENTS_LOAD_RATE", "200"))


def _workers() -> int:
    return int(os.environ.get("INCIDENTS_LOAD_WORKERS", "1"))


def _incidents() -> int:
    return int(os.environ.get("INCIDENTS_LOAD_INCIDENTS", "100000"))


def _request(rng: random.Random, name: str, incidents: int) -> str:
    """The path and query of one request of kind ``name``: lists over a 7 x 4 degree
    box and 30 days, the map over a 2 x 1.5 degree view at zoom 8, stats over 30 days."""
    west, south = rng.uniform(34, 43), rng.uniform(29, 34)
    bbox = f"{west:.3f},{south:.3f},{west + 7:.3f},{south + 4:.3f}"
    since = START + dt.timedelta(days=rng.randrange(DAYS - 30))
    window = f"since={since.isoformat()}&until={(since + dt.timedelta(days=30)).isoformat()}"
    if name == "/incidents?bbox&since&type":
        kind = TYPES[rng.randrange(len(TYPES))]
        return f"/incidents?bbox={bbox}&{window}&type={kind}&limit=100"
    if name == "/incidents/{id}":
        return f"/incidents/{rng.randint(1, incidents)}"
    if name == "/incidents.geojson?bbox&since&limit=50":
        return f"/incidents.geojson?bbox={bbox}&{window}&limit=50"
    if name == "/stats?since":
        return f"/stats?{window}"
    if name == "/map/features?bbox&zoom":
        return f"/map/features?bbox={west:.3f},{south:.3f},{west + 2:.3f},{south + 1.5:.3f}&zoom=8"
    return name


def drive(host: str, seconds: float, rate: float, incidents: int) -> dict[str, Any]:
    """Run locust against ``host`` (in a process that imported locust first, so
    gevent patched everything): ``USERS`` users at ``rate`` requests/s in all for
    ``seconds`` after they are all spawned; return the figures."""
    import gevent
    from locust import FastHttpUser, constant_throughput, task
    from locust.env import Environment

    names = list(MIX)
    weights = [MIX[n] for n in names]
    rng = random.Random(2)

    class Queries(FastHttpUser):
        wait_time = constant_throughput(rate / USERS)
        network_timeout = 30.0

        @task
        def query(self) -> None:
            name = rng.choices(names, weights)[0]
            self.client.get(_request(rng, name, incidents), name=name)

    env = Environment(user_classes=[Queries], host=host)
    runner = env.create_local_runner()
    runner.start(USERS, spawn_rate=rate)  # each user's first request as it spawns: no burst
    if runner.spawning_greenlet is not None:
        runner.spawning_greenlet.join()
    env.stats.reset_all()
    started = time.perf_counter()
    gevent.sleep(seconds)
    elapsed = time.perf_counter() - started
    runner.quit()
    total = env.stats.total
    return {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "seconds": elapsed,
        "p50": total.get_response_time_percentile(0.5),
        "p99": total.get_response_time_percentile(0.99),
        "by_name": {
            name: [entry.num_requests, entry.get_response_time_percentile(0.99)]
            for (name, _), entry in env.stats.entries.items()
        },
        "errors": [
            f"{e.occurrences} x {e.method} {e.name}: {e.error}" for e in env.stats.errors.values()
        ],
    }


def _drive_in_subprocess(host: str, seconds: float, rate: float, incidents: int) -> dict[str, Any]:
    code = (
        "import locust, json, sys\n"  # locust first: gevent patches before anything else
        "from benchmarks.load_test import drive\n"
        "print(json.dumps(drive(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]),"
        " int(sys.argv[4]))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, host, str(seconds), str(rate), str(incidents)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"locust failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "INCIDENTS_DATABASE_URL": url}


@contextmanager
def _uvicorn(url: str, log: Path) -> Iterator[str]:
    """``uvicorn --factory api.main:app_from_env`` on a free port of 127.0.0.1."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "--factory", "api.main:app_from_env"),
                *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
                *("--workers", str(_workers())),
            ],
            cwd=ROOT,
            env=_env(url),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"uvicorn exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not answer /health within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        _stop(server, signal.SIGTERM)


@contextmanager
def _nightly(url: str, inbox: Path, engine: Engine, log: Path) -> Iterator[subprocess.Popen[str]]:
    """``incidents nightly INBOX --database-url URL --workers 1``, yielded once it
    has stored its first document; interrupted (Ctrl-C) when done."""
    before = _documents(engine)
    with log.open("w") as out:
        job = subprocess.Popen(
            [
                *(sys.executable, "-m", "incidents", "nightly", str(inbox)),
                *("--database-url", url, "--workers", "1"),
            ],
            cwd=ROOT,
            env=_env(url),
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        deadline = time.monotonic() + 180
        while _documents(engine) == before:
            if job.poll() is not None:
                raise RuntimeError(f"the nightly run exited: {log.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("the nightly run stored nothing within 180 s")
            time.sleep(0.2)
        yield job
    finally:
        _stop(job, signal.SIGINT)


def _settle(base: str) -> None:
    """Wait (up to 120 s) until the server answers /health within a second: the
    backlog of the previous phase is served."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            ok = httpx.get(f"{base}/health", timeout=10).status_code == 200
            if ok and time.perf_counter() - started < 1.0:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)


def _stop(process: subprocess.Popen[Any], how: signal.Signals) -> None:
    if process.poll() is None:
        process.send_signal(how)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _documents(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM documents")).scalar_one())


def _line(label: str, result: dict[str, Any]) -> str:
    return (
        f"  {label}: {result['requests']:,} requests, {result['failures']} errors, "
        f"{result['requests'] / result['seconds']:6.1f} req/s, "
        f"p50 {result['p50']:5.0f} ms, p99 {result['p99']:5.0f} ms"
    )


def _slowest(result: dict[str, Any]) -> str:
    by_p99 = sorted(result["by_name"].items(), key=lambda item: -item[1][1])
    return ", ".join(f"{name} {p99:.0f}" for name, (_, p99) in by_p99)


def _measure(name: str, url: str, inbox: Path, folder: Path) -> list[str]:
    n, seconds, rate = _incidents(), _seconds(), _rate()
    upgrade(url)
    engine = make_engine(url)
    try:
        loaded = _load(engine, n)
        lines = [f"{name}: {n:,} incidents loaded ({loaded:,.0f}/s)"]
        with _uvicorn(url, folder / f"uvicorn-{name}.log") as base:
            alone = _drive_in_subprocess(base, seconds, rate, n)
            _settle(base)
            log = folder / f"nightly-{name}.log"
            with _nightly(url, inbox, engine, log) as job:
                before = _documents(engine)
                loaded_run = _drive_in_subprocess(base, seconds, rate, n)
                stored = _documents(engine) - before
                finished = job.poll() is not None
        lines.append(_line("reads alone          ", alone))
        lines.append(_line("with nightly writing ", loaded_run))
        lines.append(
            f"  nightly run stored {stored:,} documents during the load "
            f"({stored / loaded_run['seconds']:,.1f}/s"
            f"{'; it finished before the load ended' if finished else ''})"
        )
        rates = [r["requests"] / r["seconds"] for r in (alone, loaded_run)]
        lines.append(
            f"  ratio with / without writer: p50 {loaded_run['p50'] / alone['p50']:.2f}x, "
            f"p99 {loaded_run['p99'] / alone['p99']:.2f}x, req/s {rates[1] / rates[0]:.2f}x"
        )
        lines.append(f"  p99 ms by query, alone:   {_slowest(alone)}")
        lines.append(f"  p99 ms by query, writing: {_slowest(loaded_run)}")
        for label, result in (("alone", alone), ("writing", loaded_run)):
            lines.extend(f"  error ({label}): {error}" for error in result["errors"][:10])
        errors = [line for line in log.read_text().splitlines() if line.lower().startswith("error")]
        lines.extend(f"  nightly error: {error}" for error in errors[:10])
        return lines
    finally:
        engine.dispose()


def bench_load() -> list[str]:
    seconds, rate = _seconds(), _rate()
    lines = [
        f"{rate:.0f} requests/s of mixed queries for {seconds:.0f} s per phase, {USERS} users, "
        f"uvicorn with {_workers()} worker process(es) (INCIDENTS_LOAD_WORKERS); nightly "
        "writer: one extraction worker"
    ]
    with tempfile.TemporaryDirectory() as tmp, _postgres() as postgres:
        folder = Path(tmp)
        inbox, documents, _ = _inbox(folder / "inbox", max(2000, int(INBOX_PER_SECOND * seconds)))
        lines.append(f"nightly inbox: {documents:,} documents")
        backends = [("SQLite", f"sqlite:///{folder / 'load.db'}")]
        if postgres is not None:
            backends.append(("PostgreSQL", postgres))
        else:
            lines.append("PostgreSQL: no server answers, skipped")
        for name, url in backends:
            lines.extend(_measure(name, url, inbox, folder))
    return lines
