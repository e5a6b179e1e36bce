"""Replace a document's reports and claims with a new extraction, keeping incidents right."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from incidents.domain import Claim, EventMention
from incidents.geocode.entry import acled_geo_precision
from incidents.store.fast_insert import fast_insert
from incidents.store.merge import (
    Changes,
    GroupKey,
    Member,
    changes_of,
    draw_ids,
    group_key,
    merge_groups,
)
from incidents.store.models import ClaimRecord, DocumentRecord, Incident, Report
from incidents.store.places import key_of_match, place_ids
from incidents.store.statistics import refresh_statistics
from incidents.store.types import utcnow

#: What a report's group and earliest date are read from (see ``changes_of``).
CHANGE_COLUMNS = ("type", "anchor_geonameid", "geonameid", "place", "country", "event_date")


def replace_reports(
    session: Session,
    document: DocumentRecord,
    events: tuple[EventMention, ...],
    claims: tuple[Claim, ...],
) -> set[int]:
    """Store ``events`` as the document's reports (dropping older ones); return incident ids."""
    touched = drop_reports(session, document)
    touched |= merge_groups(session, store_reports(session, document, events, claims))
    if not touched:
        return set()
    return set(session.scalars(sa_select(col(Incident.id)).where(col(Incident.id).in_(touched))))


def store_reports(
    session: Session,
    document: DocumentRecord,
    events: tuple[EventMention, ...],
    claims: tuple[Claim, ...],
) -> Changes:
    """Store a new document's reports and claims without merging; return the groups
    to merge (:func:`merge_groups` now, or :func:`merge_pending` after a batch).
    The reports are written with executemany and belong to no incident yet, so a
    run stopped before merging leaves nothing :func:`merge_pending` cannot finish.
    A document stored before must first go through :func:`drop_reports`."""
    return store_batch(session, [(document, events, claims)])


def store_batch(
    session: Session,
    items: Sequence[tuple[DocumentRecord, tuple[EventMention, ...], tuple[Claim, ...]]],
) -> Changes:
    """:func:`store_reports` for many documents at once: one lookup of their places
    and one executemany of their reports (a bulk load; the nightly job stores one
    document per transaction)."""
    events = [event for _, mentions, _ in items for event in mentions]
    places = place_ids(session, (e.place for e in events if e.place is not None))
    rows = [
        report_row(document, event, places) for document, mentions, _ in items for event in mentions
    ]
    if rows:
        session.execute(insert(Report.__table__), rows)  # type: ignore[attr-defined]
    for document, _, claims in items:
        assert document.id is not None
        for claim in claims:
            session.add(_claim(session, document.id, claim))
    return changes_of(_change_row(row) for row in rows)


def bulk_store(
    session: Session,
    items: Sequence[tuple[DocumentRecord, tuple[EventMention, ...], tuple[Claim, ...]]],
) -> set[int]:
    """Store many new documents' reports and merge them into incidents in one go
    (imports, re-extraction of an archive): the new reports are cut with the stored
    ones in memory, their incidents written first, and the reports then inserted
    already linked, with one executemany. The result equals :func:`store_batch`
    followed by :func:`merge_pending`. Returns the incidents touched."""
    # Merging looks reports up by type, town and date (incidents.store.merge._members).
    refresh_statistics(session, ("reports",))
    events = [event for _, mentions, _ in items for event in mentions]
    places = place_ids(session, (e.place for e in events if e.place is not None))
    now = utcnow()
    rows: list[dict[str, Any]] = []
    owners: list[tuple[str, str]] = []
    for document, mentions, _ in items:
        # Read once per document: ORM attributes are slow to read.
        document_id, kind, key = document.id, document.kind, document.key
        assert document_id is not None
        owner = (key, document.outlet or document.source)
        for event in mentions:
            rows.append(_row(document_id, kind, event, places, now))
            owners.append(owner)
    ids = draw_ids(session, "reports", len(rows))
    incoming: dict[GroupKey, list[Member]] = defaultdict(list)
    pick = itemgetter(*Member._fields[1:16])
    for row, report_id, (key, source) in zip(rows, ids, owners, strict=True):
        row["id"] = report_id
        member = Member._make(
            (report_id, *pick(row), row["created_at"], None, row["place_id"], key, source)
        )
        incoming[group_key(member)].append(member)
    assigned: dict[int, int] = {}
    touched = merge_groups(
        session, changes_of(_change_row(row) for row in rows), incoming=incoming, assigned=assigned
    )
    for row in rows:
        row["incident_id"] = assigned[row["id"]]
    fast_insert(session, Report.__table__, rows)  # type: ignore[attr-defined]
    for document, _, claims in items:
        assert document.id is not None
        for claim in claims:
            session.add(_claim(session, document.id, claim))
    return touched


def _change_row(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[name] for name in CHANGE_COLUMNS)


def drop_reports(session: Session, document: DocumentRecord) -> set[int]:
    """Delete the document's reports and claims and cut their groups again at once
    (an incident never outlives its reports); return the incident ids touched."""
    document_id = document.id
    old = session.execute(
        sa_select(
            col(Report.incident_id), *(getattr(Report, name) for name in CHANGE_COLUMNS)
        ).where(col(Report.document_id) == document_id)
    ).all()
    if old:
        session.execute(delete(Report).where(col(Report.document_id) == document_id))
    session.execute(delete(ClaimRecord).where(col(ClaimRecord.document_id) == document_id))
    previous = {row[0] for row in old if row[0] is not None}
    return merge_groups(session, changes_of(row[1:] for row in old), previous)


def report_row(
    document: DocumentRecord,
    event: EventMention,
    places: dict[str, int] | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """The ``reports`` row of ``event``; ``places`` maps place keys to ``places`` ids,
    ``now`` is when it is stored (default: now)."""
    assert document.id is not None
    return _row(document.id, document.kind, event, places or {}, now or utcnow())


def _row(
    document_id: int, kind: str, event: EventMention, places: dict[str, int], now: dt.datetime
) -> dict[str, Any]:
    place = event.place
    if place is None:
        located: dict[str, Any] = dict.fromkeys(_PLACE_COLUMNS)
    else:
        located = {
            "place_id": places.get(key_of_match(place)),
            "place": place.name,
            "country": place.country,
            "lat": place.lat,
            "lon": place.lon,
            "geonameid": place.geonameid,
            "anchor_geonameid": place.geonameid
            if place.anchor_geonameid is None
            else place.anchor_geonameid,
            "precision": place.precision,
            "geo_precision": acled_geo_precision(place.precision, place.near),
            "place_surface": place.surface,
        }
    return {
        **located,
        "document_id": document_id,
        "type": event.type.value,
        "killed": event.killed,
        "injured": event.injured,
        "event_date": event.date,
        "date_source": event.date_source,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence_text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "extractor": event.extractor,
        "confidence": event.confidence,
        "source_kind": kind,
        "extra_evidence": json.dumps([[s.start, s.end] for s in event.extra_evidence])
        if event.extra_evidence
        else "[]",
        "created_at": now,
    }


_PLACE_COLUMNS = (
    "place_id",
    "place",
    "country",
    "lat",
    "lon",
    "geonameid",
    "anchor_geonameid",
    "precision",
    "geo_precision",
    "place_surface",
)


def _claim(session: Session, document_id: int, claim: Claim) -> ClaimRecord:
    """A claim, linked to the incident of its type at its place when there is one."""
    query = select(Incident).where(Incident.type == claim.event_type.value)
    if claim.place is not None and claim.place.geonameid is not None:
        query = query.where(Incident.geonameid == claim.place.geonameid)
    incident = session.exec(query.order_by(col(Incident.id))).first() if claim.place else None
    return ClaimRecord(
        document_id=document_id,
        incident_id=incident.id if incident else None,
        event_type=claim.event_type.value,
        perpetrator=claim.perpetrator,
        place=claim.place.name if claim.place else None,
        geonameid=claim.place.geonameid if claim.place else None,
        evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end,
        evidence_text=claim.evidence_text,
    )
