"""Helpers for the hostile-input tests: payloads, an incident made of markup, table
row counts, and a raw ASGI request (for what an HTTP client library refuses to send:
a 100 kB query string, a Content-Length that lies)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, inspect, select
from sqlmodel import Session

from incidents.store.engine import make_engine
from incidents.store.models import DocumentRecord, Incident, Report

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
#: Markup stored as an incident's place, evidence and source.
MARKUP = (SCRIPT, IMG)
SQL = (
    "' OR 1=1 --",
    "'; DROP TABLE incidents; --",
    '"; DROP TABLE incidents; --',
    "1 UNION SELECT name, sql FROM sqlite_master --",
    "' UNION SELECT version(), NULL --",
    "%27 OR %271%27=%271",
    "\u2019 OR \u20181\u2019=\u20181",  # unicode quotes
    "ab\x00c",
    "1); DELETE FROM reports; --",
    "\\'; SELECT pg_sleep(5); --",
)
TABLES = ("incidents", "reports", "documents", "sources", "places", "claims")


def row_counts(url: str) -> dict[str, int]:
    """Rows in each table (a dropped table is missing from the answer)."""
    engine = make_engine(url)
    try:
        present = set(inspect(engine).get_table_names())
        with engine.connect() as connection:
            return {
                name: connection.execute(
                    select(func.count()).select_from(Incident.metadata.tables[name])
                ).scalar_one()
                for name in TABLES
                if name in present
            }
    finally:
        engine.dispose()


def store_markup_incident(url: str) -> int:
    """An incident whose place, evidence, outlet and link are markup; its id."""
    text = f"A bomb exploded in {IMG} today {SCRIPT}, killing 3 people."
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            document = DocumentRecord(
                key="hostile:1",
                kind="article",
                lang="en",
                source="hostile",
                outlet=SCRIPT,
                title=IMG,
                url="javascript:alert(1)",
                author=SCRIPT,
                text=text,
                content_hash="0" * 64,
            )
            session.add(document)
            session.flush()
            incident = Incident(
                type="explosion",
                place=IMG + SCRIPT,
                country="SY",
                lat=33.51,
                lon=36.29,
                precision="city",
                geo_precision=1,
                event_date=dt.date(2025, 6, 1),
                killed=3,
                n_reports=1,
                n_sources=1,
                confidence=0.9,
                source_kind="article",
            )
            session.add(incident)
            session.flush()
            assert document.id is not None and incident.id is not None
            session.add(
                Report(
                    type="explosion",
                    place=IMG + SCRIPT,
                    country="SY",
                    lat=33.51,
                    lon=36.29,
                    place_surface=IMG,
                    killed=3,
                    event_date=dt.date(2025, 6, 1),
                    evidence_start=0,
                    evidence_end=len(text),
                    evidence_text=text,
                    trigger_start=2,
                    trigger_end=6,
                    extractor="hostile",
                    confidence=0.9,
                    source_kind="article",
                    document_id=document.id,
                    incident_id=incident.id,
                )
            )
            session.commit()
            return incident.id
    finally:
        engine.dispose()


def assert_no_markup(text: str) -> None:
    """``text`` holds none of :data:`MARKUP` as markup (escaped forms are fine)."""
    for needle in (SCRIPT, "<img", "onerror=alert(1)>", 'href="javascript:'):
        assert needle not in text, needle


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def asgi_request(
    app: Any,
    method: str,
    path: str,
    query_string: bytes = b"",
    headers: Iterable[tuple[str, str]] = (),
    chunks: Iterable[bytes] = (),
) -> RawResponse:
    """Send one request straight to ``app`` (ASGI), the body in ``chunks`` as they
    come; no client checks anything on the way."""
    response = RawResponse(0)
    pending = [*chunks] or [b""]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query_string,
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }

    async def receive() -> dict[str, Any]:
        if pending:
            chunk = pending.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(pending)}
        await asyncio.Future()  # the client waits for the answer (until cancelled)
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            response.status = message["status"]
            response.headers = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            response.body += message.get("body", b"")

    asyncio.run(app(scope, receive, send))
    return response
