"""Replace a document's reports and claims with a new extraction, keeping incidents right."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from incidents.collector import collector_paused
from incidents.domain import Claim, EventMention, PlaceMatch
from incidents.geocode.entry import acled_geo_precision
from incidents.store.fast_insert import fast_insert_rows
from incidents.store.merge import (
    SEARCHED_COLUMNS,
    Changes,
    GroupKey,
    Member,
    changes_of,
    draw_ids,
    earliest_changes,
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
    already linked, with one bulk insert. The result equals :func:`store_batch`
    followed by :func:`merge_pending`. Returns the incidents touched.

    The reports are built as tuples (a :class:`Member` and the columns merging does
    not read), never as dictionaries: building, reading and grouping a dictionary
    per report took a sixth of the time of a load."""
    with collector_paused():
        touched = _bulk_store(session, items)
    for document, _, claims in items:
        assert document.id is not None
        for claim in claims:
            session.add(_claim(session, document.id, claim))
    return touched


def _bulk_store(
    session: Session,
    items: Sequence[tuple[DocumentRecord, tuple[EventMention, ...], tuple[Claim, ...]]],
) -> set[int]:
    """:func:`bulk_store`'s reports and incidents."""
    # Merging looks reports up by type, town and date (incidents.store.merge._members).
    refresh_statistics(session, {"reports": SEARCHED_COLUMNS})
    located = _locate(session, [e.place for _, mentions, _ in items for e in mentions])
    count = sum(len(mentions) for _, mentions, _ in items)
    ids = draw_ids(session, "reports", count)
    members, rests = _incoming(items, ids, located, utcnow())
    incoming: dict[GroupKey, list[Member]] = defaultdict(list)
    for member in members:
        incoming[group_key(member)].append(member)
    assigned: dict[int, int] = {}
    touched = merge_groups(
        session, earliest_changes(incoming), incoming=incoming, assigned=assigned
    )
    rows = [
        (*member[:_LINK], assigned[member.id], member.place_id, *rest)
        for member, rest in zip(members, rests, strict=True)
    ]
    fast_insert_rows(session, Report.__table__, _BULK_COLUMNS, rows)  # type: ignore[attr-defined]
    return touched


#: Where a :class:`Member`'s ``incident_id`` is: its fields up to there are columns
#: of its report as they are, the incident is the one merging assigns.
_LINK = Member._fields.index("incident_id")
#: The columns of :func:`bulk_store`'s rows: a member's first fields (through
#: ``place_id``), then the columns merging does not read (see :func:`_incoming`).
_BULK_COLUMNS = (
    *Member._fields[: _LINK + 2],
    "document_id",
    "place_surface",
    "date_source",
    "evidence_end",
    "evidence_text",
    "trigger_start",
    "trigger_end",
    "extractor",
    "extra_evidence",
)


def _locate(session: Session, places: list[PlaceMatch | None]) -> dict[int, tuple[Any, ...]]:
    """The place columns (:func:`_place_values`) of each place object, by ``id()``:
    a bulk load names each town thousands of times, through the same objects or
    a few. Places are stored as :func:`place_ids` would store ``places`` in order
    (distinct objects in the order of their last use: the last of equal keys wins)."""
    distinct = {id(place): place for place in reversed(places)}
    stored = place_ids(session, (p for p in reversed(distinct.values()) if p is not None))
    return {key: _place_values(place, stored) for key, place in distinct.items()}


def _incoming(
    items: Sequence[tuple[DocumentRecord, tuple[EventMention, ...], tuple[Claim, ...]]],
    ids: list[int],
    located: dict[int, tuple[Any, ...]],
    now: dt.datetime,
) -> tuple[list[Member], list[tuple[Any, ...]]]:
    """Each new report as a :class:`Member` (with id ``ids[i]``), and the values of its
    other columns, those of :data:`_BULK_COLUMNS` after ``place_id``."""
    members: list[Member] = []
    rests: list[tuple[Any, ...]] = []
    make = Member._make
    drawn = iter(ids)
    for document, mentions, _ in items:
        # Read once per document: ORM attributes are slow to read.
        document_id, kind = document.id, document.kind
        assert document_id is not None
        owner = (document.key, document.outlet or document.source)
        for event in mentions:
            place = located[id(event.place)]
            members.append(
                make(
                    (
                        next(drawn),
                        event.type.value,
                        *place[:_PLACE_ID],
                        event.date,
                        event.killed,
                        event.injured,
                        event.confidence,
                        kind,
                        event.evidence.start,
                        now,
                        None,
                        place[_PLACE_ID],
                        *owner,
                    )
                )
            )
            rests.append(
                (
                    document_id,
                    place[_SURFACE],
                    event.date_source,
                    event.evidence.end,
                    event.evidence_text,
                    event.trigger.start,
                    event.trigger.end,
                    event.extractor,
                    _extra_evidence(event),
                )
            )
    return members, rests


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
    return {
        **dict(zip(_PLACE_COLUMNS, _place_values(event.place, places), strict=True)),
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
        "extra_evidence": _extra_evidence(event),
        "created_at": now,
    }


#: A report's place columns, in the order of :func:`_place_values`: first those a
#: :class:`Member` holds, in its order (see :func:`_incoming`), up to ``place_id``.
_PLACE_COLUMNS = (
    "anchor_geonameid",
    "geonameid",
    "place",
    "country",
    "lat",
    "lon",
    "precision",
    "geo_precision",
    "place_id",
    "place_surface",
)
_PLACE_ID = _PLACE_COLUMNS.index("place_id")
_SURFACE = _PLACE_COLUMNS.index("place_surface")
assert Member._fields[2 : 2 + _PLACE_ID] == _PLACE_COLUMNS[:_PLACE_ID]
_NO_PLACE = (None,) * len(_PLACE_COLUMNS)


def _place_values(place: PlaceMatch | None, places: dict[str, int]) -> tuple[Any, ...]:
    """The values of :data:`_PLACE_COLUMNS` for a report at ``place``; ``places`` maps
    place keys to ``places`` ids."""
    if place is None:
        return _NO_PLACE
    return (
        place.geonameid if place.anchor_geonameid is None else place.anchor_geonameid,
        place.geonameid,
        place.name,
        place.country,
        place.lat,
        place.lon,
        place.precision,
        acled_geo_precision(place.precision, place.near),
        places.get(key_of_match(place)),
        place.surface,
    )


def _extra_evidence(event: EventMention) -> str:
    """The ``extra_evidence`` column: the other evidence spans, as JSON."""
    if not event.extra_evidence:
        return "[]"
    return json.dumps([[span.start, span.end] for span in event.extra_evidence])


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
