"""Bulk insertion of reports, merged into incidents, on SQLite and PostgreSQL.

    python -m benchmarks reports                     # 100,000 reports
    INCIDENTS_BENCH_REPORTS=20000 python -m benchmarks reports

Two paths are timed, each into a fresh database, with documents stored before the
clock starts:

- **bulk**: :data:`BULK_DOCUMENTS` documents per transaction through
  :func:`incidents.store.reports.bulk_store`: the reports are cut into incidents in
  memory with the stored ones and inserted already linked;
- **nightly**: the nightly job's path, one transaction per document
  (:func:`incidents.store.reports.store_reports`), merged every
  :data:`incidents.pipeline.MERGE_EVERY` documents.

The baseline, on the same rows and backend, is a bare executemany INSERT of the
report rows in one transaction, with no places and no merging; the ratios show what
places, transactions and merging cost over raw writing. Target: at least 20,000
reports per second (bulk).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

import numpy as np
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from benchmarks.api_query import _postgres
from incidents.domain import EventMention, EventType, PlaceMatch, Span
from incidents.pipeline import MERGE_EVERY
from incidents.store.engine import make_engine
from incidents.store.merge import merge_pending
from incidents.store.migrations import upgrade
from incidents.store.models import DocumentRecord, Incident, Report
from incidents.store.reports import bulk_store, report_row, store_reports
from incidents.store.types import utcnow

REPORTS_PER_DOCUMENT = 5
BULK_DOCUMENTS = 1000
TOWNS = 600
TYPES = list(EventType)


def _count() -> int:
    return int(os.environ.get("INCIDENTS_BENCH_REPORTS", "100000"))


def _order() -> str:
    order = os.environ.get("INCIDENTS_BENCH_ORDER", "news")
    if order not in ("news", "random"):
        raise SystemExit(f"INCIDENTS_BENCH_ORDER={order!r}: use news or random")
    return order


def _events(n_documents: int, order: str = "news") -> list[tuple[EventMention, ...]]:
    """Five events per document at :data:`TOWNS` towns over a year. In ``news``
    order, documents come out day after day and report events of their day or the
    two before, as a news stream does; in ``random`` order any document may report
    any day of the year (the worst case: every merge reaches far back)."""
    rng = np.random.default_rng(2)
    towns = [
        PlaceMatch(
            name=f"Town {i}",
            country="SY",
            lat=float(rng.uniform(32.5, 37.0)),
            lon=float(rng.uniform(35.7, 42.0)),
            geonameid=1_000_000 + i,
            precision="city",
            surface=f"Town {i}",
            anchor_geonameid=1_000_000 + i,
        )
        for i in range(TOWNS)
    ]
    start = dt.date(2025, 1, 1)
    out = []
    for number in range(n_documents):
        published = number * 365 // n_documents
        events = []
        for k in range(REPORTS_PER_DOCUMENT):
            at = k * 60
            events.append(
                EventMention(
                    type=TYPES[int(rng.integers(0, 4))],
                    evidence=Span(at, at + 55),
                    evidence_text="A car bomb exploded near the market, killing three.",
                    trigger=Span(at + 2, at + 10),
                    extractor="bench",
                    confidence=float(rng.uniform(0.5, 1.0)),
                    place=towns[int(rng.integers(0, TOWNS))],
                    killed=int(rng.integers(0, 10)),
                    injured=None,
                    date=start
                    + dt.timedelta(
                        days=int(rng.integers(0, 365))
                        if order == "random"
                        else max(0, published - int(rng.integers(0, 3)))
                    ),
                    date_source="explicit",
                )
            )
        out.append(tuple(events))
    return out


def _documents(engine: Engine, n: int, prefix: str) -> list[DocumentRecord]:
    now = utcnow()
    rows = [
        {
            "key": f"{prefix}-{i}",
            "kind": "article",
            "lang": "en",
            "source": "bench",
            "outlet": f"outlet {i % 40}",
            "text": "x" * 300,
            "content_hash": f"{prefix}{i}",
            "ingested_at": now,
            "status": "extracted",
        }
        for i in range(n)
    ]
    with Session(engine) as session, session.begin():
        session.execute(insert(DocumentRecord), rows)
        records = session.scalars(
            select(DocumentRecord).where(DocumentRecord.key.startswith(f"{prefix}-"))  # type: ignore[attr-defined]
        ).all()
        session.expunge_all()
    return sorted(records, key=lambda r: int(r.key.rsplit("-", 1)[1]))


def _baseline(engine: Engine, events: list[tuple[EventMention, ...]]) -> float:
    """Bare executemany of the same report rows, one transaction, no merging."""
    documents = _documents(engine, len(events), "raw")
    rows = [report_row(d, e) for d, es in zip(documents, events, strict=True) for e in es]
    started = time.perf_counter()
    with Session(engine) as session, session.begin():
        session.execute(insert(Report), rows)
    return len(rows) / (time.perf_counter() - started)


def _nightly(engine: Engine, events: list[tuple[EventMention, ...]]) -> float:
    documents = _documents(engine, len(events), "doc")
    started = time.perf_counter()
    for at, (document, mentions) in enumerate(zip(documents, events, strict=True), 1):
        with Session(engine) as session, session.begin():
            store_reports(session, document, mentions, ())
        if at % MERGE_EVERY == 0:
            with Session(engine) as session, session.begin():
                merge_pending(session)
    with Session(engine) as session, session.begin():
        merge_pending(session)
    return sum(len(m) for m in events) / (time.perf_counter() - started)


def _bulk(engine: Engine, events: list[tuple[EventMention, ...]]) -> float:
    documents = _documents(engine, len(events), "doc")
    started = time.perf_counter()
    for at in range(0, len(documents), BULK_DOCUMENTS):
        batch = zip(
            documents[at : at + BULK_DOCUMENTS], events[at : at + BULK_DOCUMENTS], strict=True
        )
        with Session(engine) as session, session.begin():
            bulk_store(session, [(d, m, ()) for d, m in batch])
    return sum(len(m) for m in events) / (time.perf_counter() - started)


def _incidents(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        incidents = session.scalar(select(func.count()).select_from(Incident)) or 0
        pending = session.scalar(
            select(func.count()).select_from(Report).where(Report.incident_id.is_(None))  # type: ignore[union-attr]
        )
    return incidents, pending or 0


def bench_reports() -> list[str]:
    n_documents = max(1, _count() // REPORTS_PER_DOCUMENT)
    order = _order()
    events = _events(n_documents, order)
    n = n_documents * REPORTS_PER_DOCUMENT
    lines = [
        f"{n:,} reports in {n_documents:,} documents; {TOWNS:,} towns; a year of dates "
        f"in {order} order (INCIDENTS_BENCH_ORDER=news|random)"
    ]
    with tempfile.TemporaryDirectory() as folder, _postgres() as postgres, _postgres() as other:
        backends = [
            (
                "SQLite",
                f"sqlite:///{Path(folder) / 'bulk.db'}",
                f"sqlite:///{Path(folder) / 'n.db'}",
            )
        ]
        if postgres is not None and other is not None:
            backends.append(("PostgreSQL", postgres, other))
        else:
            lines.append("PostgreSQL: no server answers, skipped")
        for name, bulk_url, nightly_url in backends:
            rates = {}
            for path, url, run in (("bulk", bulk_url, _bulk), ("nightly", nightly_url, _nightly)):
                upgrade(url)
                engine = make_engine(url)
                rates[path] = run(engine, events)
                incidents, pending = _incidents(engine)
                if path == "bulk":
                    baseline = _baseline(engine, events)
                engine.dispose()
            lines.append(
                f"{name}: bulk {rates['bulk']:,.0f} reports/s ({BULK_DOCUMENTS} documents per "
                f"transaction), nightly {rates['nightly']:,.0f} reports/s (one per document); "
                f"{incidents:,} incidents, {pending} reports left unmerged"
            )
            lines.append(
                f"  bare INSERT {baseline:,.0f} rows/s; ratio bulk {rates['bulk'] / baseline:.2f}, "
                f"nightly {rates['nightly'] / baseline:.2f} (target: bulk >= 20,000 reports/s)"
            )
    return lines
