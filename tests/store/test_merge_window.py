"""Merging re-cuts a group only from a day before its earliest changed report; the
incidents must equal a full re-cut of every report, whatever the batches."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select
from sqlmodel import Session

from incidents.domain import EventMention, EventType, PlaceMatch, Span
from incidents.store.engine import make_engine
from incidents.store.merge import _MEMBER_COLUMNS, Member, _member, cut, merge_pending
from incidents.store.models import DocumentRecord, Incident, Report
from incidents.store.reports import drop_reports, store_reports

TOWN = PlaceMatch("Aleppo", "SY", 36.2, 37.15, 170063, "city", "Aleppo", anchor_geonameid=170063)


def _event(day: int | None, offset: int) -> EventMention:
    return EventMention(
        type=EventType.SHELLING,
        evidence=Span(offset, offset + 5),
        evidence_text="shelling",
        trigger=Span(offset, offset + 5),
        extractor="test",
        confidence=0.5 + (offset % 7) / 20,
        place=TOWN,
        killed=offset % 5,
        date=dt.date(2025, 1, 1) + dt.timedelta(days=day) if day is not None else None,
    )


def _grouping(session: Session) -> tuple[set[frozenset[int]], set[frozenset[int]]]:
    """(stored incidents, a full re-cut of all reports), each as sets of report ids."""
    members = [
        _member(row)
        for row in session.execute(
            select(*_MEMBER_COLUMNS).join(DocumentRecord, DocumentRecord.id == Report.document_id)  # type: ignore[arg-type]
        )
    ]
    stored: dict[int | None, set[int]] = {}
    for member in members:
        stored.setdefault(member.incident_id, set()).add(member.id)
    assert None not in stored, "every report is in an incident"
    full = {frozenset(m.id for m in cluster) for cluster in cut(members)}
    return {frozenset(ids) for ids in stored.values()}, full


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_windowed_merges_equal_a_full_recut(database_url: str, seed: int) -> None:
    rng = random.Random(seed)
    engine = make_engine(database_url)
    documents: list[DocumentRecord] = []
    with Session(engine) as session, session.begin():
        for i in range(60):
            record = DocumentRecord(
                key=f"d{i:03}",
                kind="article",
                lang="en",
                source="t",
                text="x" * 200,
                content_hash=str(i),
                outlet=f"o{i % 4}",
            )
            session.add(record)
            documents.append(record)
        session.flush()
        ids = [d.id for d in documents]
    days = list(range(0, 40))
    order = list(range(60))
    rng.shuffle(order)
    for batch_start in range(0, 60, 7):
        with Session(engine) as session, session.begin():
            for i in order[batch_start : batch_start + 7]:
                document = session.get(DocumentRecord, ids[i])
                assert document is not None
                events = tuple(
                    _event(rng.choice(days) if rng.random() > 0.05 else None, 10 * k)
                    for k in range(rng.randint(1, 3))
                )
                store_reports(session, document, events, ())
            merge_pending(session)
        with Session(engine) as session:
            stored, full = _grouping(session)
            assert stored == full
    # Dropping a document's reports re-cuts from its earliest date too.
    with Session(engine) as session, session.begin():
        for i in rng.sample(range(60), 10):
            document = session.get(DocumentRecord, ids[i])
            assert document is not None
            drop_reports(session, document)
    with Session(engine) as session:
        stored, full = _grouping(session)
        assert stored == full
        n_incidents = len(session.scalars(select(Incident.id)).all())
        assert n_incidents == len(full)
    engine.dispose()


def test_member_columns_match_the_member_fields() -> None:
    assert len(_MEMBER_COLUMNS) == len(Member._fields) + 1  # outlet and source make one
