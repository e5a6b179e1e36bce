"""One database hit by SIGKILL at many random points, run after run, then finished by
a run to completion: it ends equal to that of a run never interrupted, and intact
after every kill.

The kill points come from a seeded :class:`random.Random` (the seed is in every
assertion message): "after N more documents stored", "right as the run's first
in-run merge starts" (N = ``MERGE_EVERY``), and "T milliseconds after the run
recorded itself" (its first write, before the merge of what the last run left and
the storing), so kills land between documents, inside a document's transaction and
inside a merge.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from incidents.extract.extractor import Extractor
from incidents.pipeline import MERGE_EVERY
from incidents.store.migrations import upgrade
from tests.nightly.helpers import serial_run, snapshot, write_inbox
from tests.nightly.test_resume import _nightly
from tests.postgres import fresh_postgres_database

pytestmark = pytest.mark.slow

SEED = 20261129
#: Rounds of the bundled articles: 476 documents, some seconds of storing.
COPIES = 14
#: Kills that may land after the run ended (they count for nothing and are drawn again).
MISSES_ALLOWED = 2

#: Reports pointing at no incident or no document, incidents holding no report or
#: not as many as they say: none may exist after any kill.
BROKEN = {
    "reports of a missing incident": (
        "SELECT count(*) FROM reports r WHERE r.incident_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = r.incident_id)"
    ),
    "reports of a missing document": (
        "SELECT count(*) FROM reports r "
        "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.document_id)"
    ),
    "incidents without reports": (
        "SELECT count(*) FROM incidents i "
        "WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.incident_id = i.id)"
    ),
    "incidents whose n_reports is wrong": (
        "SELECT count(*) FROM incidents i "
        "WHERE i.n_reports <> (SELECT count(*) FROM reports r WHERE r.incident_id = i.id)"
    ),
}


@dataclass
class Kill:
    kind: str  # "documents", "merge" or "milliseconds"
    value: int
    cap: int  # documents this run may store before it is killed, whatever ``kind``
    stored_before: int
    stored_after: int = 0
    unmerged_after: int = 0  # reports left for the next run's merge
    live: bool = False

    def __str__(self) -> str:
        unit = f"ms (at most {self.cap} documents)" if self.kind == "milliseconds" else "more"
        where = "killed" if self.live else "ended before the kill"
        return (
            f"{self.kind} {self.value} {unit}: {where} at {self.stored_after} documents "
            f"({self.stored_after - self.stored_before} stored by this run, "
            f"{self.unmerged_after} reports unmerged)"
        )


def _counts(engine: Engine) -> tuple[int, int]:
    """Documents stored, and the id of the latest run recorded."""
    with engine.connect() as connection:
        documents, run = connection.execute(
            text("SELECT (SELECT count(*) FROM documents), (SELECT max(id) FROM runs)")
        ).one()
    return int(documents), int(run or 0)


def _unmerged(engine: Engine) -> int:
    with engine.connect() as connection:
        sql = "SELECT count(*) FROM reports WHERE incident_id IS NULL"
        return int(connection.execute(text(sql)).scalar_one())


def _broken(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        counts = {
            name: int(connection.execute(text(sql)).scalar_one()) for name, sql in BROKEN.items()
        }
    return {name: n for name, n in counts.items() if n}


def _draw(
    rng: random.Random, stored: int, remaining: int, kills_left: int, ms_per_doc: float
) -> Kill:
    """A kill point that leaves, on average, work for the kills after it and for the
    last run (about ``remaining / (kills_left + 1)`` documents stored). T ms run up to
    three times the reference's pace for ``share`` documents (a run first merges and
    skips what is stored), and a kill after T ms also comes once ``share`` documents
    are stored: the pace of a run varies."""
    share = max(1, 2 * remaining // (kills_left + 2))
    if remaining - MERGE_EVERY >= 25 * kills_left and rng.random() < 0.25:
        return Kill("merge", MERGE_EVERY, MERGE_EVERY, stored)
    if rng.random() < 0.5:
        n = rng.randint(1, share)
        return Kill("documents", n, n, stored)
    return Kill("milliseconds", rng.randint(0, max(1, int(3 * share * ms_per_doc))), share, stored)


def _run_and_kill(inbox: Path, url: str, engine: Engine, kill: Kill, context: str) -> Kill:
    """Start the nightly job on ``url``, SIGKILL it at ``kill``'s point."""
    stored, last_run = _counts(engine)
    assert stored == kill.stored_before
    process = _nightly(inbox, url)
    recorded_at: float | None = None
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None:
            assert time.monotonic() < deadline, f"{context}: the kill point never came"
            documents, run = _counts(engine)
            if recorded_at is None and run > last_run:
                recorded_at = time.monotonic()
            if documents - stored >= kill.cap:
                break
            if recorded_at is None:
                time.sleep(0.02)  # the process is starting
                continue
            if kill.kind == "milliseconds":
                left = recorded_at + kill.value / 1000 - time.monotonic()
                if left <= 0:
                    break
                time.sleep(min(left, 0.002))
            else:
                time.sleep(0.002)
        process.send_signal(signal.SIGKILL)  # nothing when it has ended and been reaped
        returncode = process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        output = process.stdout.read() if process.stdout else ""
        if process.stdout is not None:
            process.stdout.close()
    kill.live = returncode == -signal.SIGKILL
    assert kill.live or returncode == 0, f"{context}: exit {returncode}\n{output}"
    kill.stored_after = _counts(engine)[0]
    kill.unmerged_after = _unmerged(engine)
    return kill


@contextmanager
def _databases(
    backend: str, request: pytest.FixtureRequest, folder: Path
) -> Iterator[tuple[str, str]]:
    """Two empty databases on ``backend``: the reference and the one to kill."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'reference.db'}", f"sqlite:///{folder / 'killed.db'}"
        return
    # New databases rather than the session's ``postgres_url``: other tests store into that.
    server = request.getfixturevalue("postgres_server")
    with fresh_postgres_database(server) as reference, fresh_postgres_database(server) as killed:
        yield reference, killed


@pytest.mark.parametrize(
    ("backend", "kills"), [("sqlite", 10), pytest.param("postgres", 4, marks=pytest.mark.postgres)]
)
def test_random_kills_leave_a_sound_database_the_next_run_finishes(
    backend: str, kills: int, extractor: Extractor, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    inbox = write_inbox(tmp_path / "inbox", copies=COPIES)
    with _databases(backend, request, tmp_path) as (reference_url, url):
        started = time.perf_counter()
        total = serial_run(reference_url, inbox, extractor)
        ms_per_doc = 1000 * (time.perf_counter() - started) / total.new_or_changed
        assert total.failed == 0 and total.new_or_changed == total.documents > 400
        expected = snapshot(reference_url)

        upgrade(url)  # as the first run would: the counts can be polled from the start
        engine = create_engine(url)
        rng = random.Random(SEED)
        done: list[Kill] = []
        history = f"seed {SEED}, {backend}: no kill yet"
        try:
            while sum(k.live for k in done) < kills and len(done) < kills + MISSES_ALLOWED:
                stored = _counts(engine)[0]
                left = kills - sum(k.live for k in done)
                kill = _draw(rng, stored, total.documents - stored, left, ms_per_doc)
                context = f"seed {SEED}, {backend}, draw {len(done) + 1} ({kill})"
                _run_and_kill(inbox, url, engine, kill, context)
                done.append(kill)
                history = f"seed {SEED}, {backend}, kills:\n" + "\n".join(map(str, done))
                print(history.splitlines()[-1])
                assert _broken(engine) == {}, history
                if backend == "sqlite":
                    path = make_url(url).database
                    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
                        assert connection.execute("PRAGMA integrity_check").fetchall() == [
                            ("ok",)
                        ], history
                        assert connection.execute("PRAGMA foreign_key_check").fetchall() == [], (
                            history
                        )
                if kill.stored_after == total.documents:
                    break  # all stored: nothing left to kill in the middle of
            live = [k.live for k in done]
            assert sum(live) >= kills - MISSES_ALLOWED, history

            last = _nightly(inbox, url)
            output, _ = last.communicate(timeout=300)
            assert last.returncode == 0, f"{history}\n{output}"
            assert _broken(engine) == {}, history
            with engine.connect() as connection:
                statuses = [
                    row[0]
                    for row in connection.execute(text("SELECT status FROM runs ORDER BY id"))
                ]
        finally:
            engine.dispose()
        assert statuses == ["interrupted" if k else "succeeded" for k in live] + ["succeeded"], (
            history
        )
        assert snapshot(url) == expected, history
