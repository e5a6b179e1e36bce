"""bulk_store builds its reports as tuples and store_batch as dictionaries: every
column of every report, and the places, come out the same, on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from incidents.domain import EventMention, EventType, PlaceMatch, Span
from incidents.store.engine import make_engine
from incidents.store.merge import changes_of, draw_ids, earliest_changes, group_key
from incidents.store.migrations import upgrade
from incidents.store.models import DocumentRecord, PlaceRecord, Report
from incidents.store.reports import (
    _incoming,
    _place_values,
    report_row,
)
from tests.store.two_paths import store

ALEPPO = PlaceMatch("Aleppo", "SY", 36.2, 37.15, 170063, "city", "Aleppo", anchor_geonameid=170063)
PLACES: list[PlaceMatch | None] = [
    ALEPPO,
    # A district known by name, anchored to its city.
    PlaceMatch("Mezzeh", "SY", 33.5, 36.25, None, "district", "al-Mezzeh", anchor_geonameid=170654),
    # Aleppo's key again, through another object that differs: the key's place row
    # is made of the last object used (here the first one).
    PlaceMatch("Halab", "SY", 36.21, 37.16, 170063, "city", "Halab", near=True),
    None,
]
#: Report columns compared as they are (the id, incident and time differ by design).
COMPARED = [c for c in Report.__table__.c if c.name not in ("id", "incident_id", "created_at")]  # type: ignore[attr-defined]


def _events(document: int) -> tuple[EventMention, ...]:
    return tuple(
        EventMention(
            type=list(EventType)[(document + k) % 3],
            evidence=Span(10 * k, 10 * k + 8),
            evidence_text=f"event {k}\tof\n{document}",
            trigger=Span(10 * k + 1, 10 * k + 3),
            extractor="test",
            confidence=0.5 + k / 10,
            place=PLACES[(document + k) % len(PLACES)],
            killed=None if k == 1 else k,
            injured=k if k == 2 else None,
            date=None if (document, k) == (3, 0) else dt.date(2025, 1, 1 + (document + k) % 4),
            date_source="explicit" if k else None,
            extra_evidence=(Span(50, 55), Span(60, 70)) if k == 2 else (),
        )
        for k in range(3)
    )


def _load(url: str, bulk: bool) -> None:
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        items = []
        for i in range(8):
            record = DocumentRecord(
                key=f"d{i}", kind="comment" if i % 3 == 0 else "article", lang="en",
                source="s", outlet=None if i % 2 else f"o{i % 3}", text="x" * 100,
                content_hash=str(i),
            )  # fmt: skip
            session.add(record)
            session.flush()
            items.append((record, _events(i), ()))
        store(session, items, bulk)
    engine.dispose()


def _stored(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        reports = connection.execute(
            select(DocumentRecord.key, *COMPARED)  # type: ignore[arg-type]
            .join(DocumentRecord, DocumentRecord.id == Report.document_id)  # type: ignore[arg-type]
            .order_by(DocumentRecord.key, Report.evidence_start)
        ).all()
        places = connection.execute(text("SELECT * FROM places ORDER BY key")).all()
        unmerged = connection.execute(text("SELECT id FROM reports WHERE incident_id IS NULL"))
        stored = {
            "reports": [tuple(row) for row in reports],
            "places": [tuple(row)[1:] for row in places],
            "unmerged": [tuple(row) for row in unmerged],
        }
    engine.dispose()
    return stored


def test_bulk_store_writes_what_store_batch_writes(database_url: str, tmp_path: Path) -> None:
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    upgrade(reference)
    _load(reference, bulk=False)
    _load(database_url, bulk=True)
    expected = _stored(reference)
    assert len(expected["reports"]) == 24 and expected["unmerged"] == []
    assert {row[-1] for row in expected["places"]} == {170063, 170654}  # anchors
    assert _stored(database_url) == expected


def test_earliest_changes_equal_changes_of_the_reports() -> None:
    records = [DocumentRecord(id=i, key=f"d{i}", kind="article", lang="en", source="s",
                              text="x", content_hash=str(i)) for i in range(8)]  # fmt: skip
    items = [(record, _events(i), ()) for i, record in enumerate(records)]
    located = {id(place): _place_values(place, {}) for place in PLACES}
    members, _ = _incoming(items, list(range(1, 25)), located, dt.datetime.now(dt.UTC))
    groups: dict[Any, list[Any]] = {}
    for member in members:
        groups.setdefault(group_key(member), []).append(member)
    rows = [report_row(record, event, {}) for record, events, _ in items for event in events]
    columns = ("type", "anchor_geonameid", "geonameid", "place", "country", "event_date")
    expected = changes_of(tuple(row[name] for name in columns) for row in rows)
    assert earliest_changes(groups) == expected
    assert list(earliest_changes(groups)) == list(expected)  # the same order, too
    assert None in expected.values()  # an undated report makes its group's change None


def test_drawn_ids_follow_the_stored_ones(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        session.add(PlaceRecord(key="k", name="n"))
        session.flush()
        stored = session.scalar(select(PlaceRecord.id))
        drawn = draw_ids(session, "places", 3)
    assert stored is not None
    assert drawn == list(range(drawn[0], drawn[0] + 3)) and drawn[0] > stored
