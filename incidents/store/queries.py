"""Read incidents back: filtered lists and one incident with its evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from incidents.store.models import (
    ClaimPublic,
    ClaimRecord,
    DocumentPublic,
    DocumentRecord,
    Incident,
    IncidentDetail,
    IncidentPublic,
    Report,
    ReportPublic,
)


@dataclass(frozen=True, slots=True)
class BBox:
    """A box in degrees: west, south, east, north (GeoJSON's order)."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    types: Sequence[str] = ()
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    located_only: bool = False
    bbox: BBox | None = None
    min_killed: int | None = None
    text: str | None = None
    source_kind: str | None = None
    min_confidence: float | None = None


#: Orders a caller may ask for; each ends with the id so that pages never overlap.
SORTS = {
    "-event_date": (col(Incident.event_date).desc(), col(Incident.id)),
    "event_date": (col(Incident.event_date).asc(), col(Incident.id)),
    "-killed": (col(Incident.killed).desc(), col(Incident.id)),
    "-confidence": (col(Incident.confidence).desc(), col(Incident.id)),
    "-last_seen": (col(Incident.last_seen).desc(), col(Incident.id)),
}


def _filtered(query, flt: IncidentFilter):  # type: ignore[no-untyped-def]
    if flt.types:
        query = query.where(col(Incident.type).in_(list(flt.types)))
    if flt.country:
        query = query.where(Incident.country == flt.country.upper())
    if flt.since:
        query = query.where(col(Incident.event_date) >= flt.since)
    if flt.until:
        query = query.where(col(Incident.event_date) <= flt.until)
    if flt.located_only or flt.bbox:
        query = query.where(col(Incident.lat).is_not(None), col(Incident.lon).is_not(None))
    if flt.bbox:
        box = flt.bbox
        query = query.where(col(Incident.lat).between(box.south, box.north))
        if box.west <= box.east:
            query = query.where(col(Incident.lon).between(box.west, box.east))
        else:  # the box crosses the antimeridian
            query = query.where(or_(col(Incident.lon) >= box.west, col(Incident.lon) <= box.east))
    if flt.min_killed is not None:
        query = query.where(col(Incident.killed) >= flt.min_killed)
    if flt.source_kind:
        query = query.where(Incident.source_kind == flt.source_kind)
    if flt.min_confidence is not None:
        query = query.where(col(Incident.confidence) >= flt.min_confidence)
    if flt.text:
        pattern = f"%{_escape_like(flt.text)}%"
        evidence = select(Report.incident_id).where(
            col(Report.evidence_text).ilike(pattern, escape="\\")
            | col(Report.place_surface).ilike(pattern, escape="\\")
        )
        query = query.where(
            col(Incident.place).ilike(pattern, escape="\\") | col(Incident.id).in_(evidence)
        )
    return query


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _total(session: Session, flt: IncidentFilter) -> int:
    return int(session.exec(_filtered(select(func.count()).select_from(Incident), flt)).one())


def _page(query, flt: IncidentFilter, limit: int, offset: int, sort: str):  # type: ignore[no-untyped-def]
    return _filtered(query, flt).order_by(*SORTS[sort]).limit(limit).offset(offset)


def list_incidents(
    session: Session,
    flt: IncidentFilter,
    limit: int = 100,
    offset: int = 0,
    sort: str = "-event_date",
) -> tuple[list[Incident], int]:
    """A page of incidents in ``sort`` order and the total that match ``flt``."""
    rows = session.exec(_page(select(Incident), flt, limit, offset, sort)).all()
    return list(rows), _total(session, flt)


def list_incident_rows(
    session: Session,
    flt: IncidentFilter,
    limit: int = 100,
    offset: int = 0,
    sort: str = "-event_date",
) -> tuple[list[dict[str, Any]], int]:
    """Like :func:`list_incidents`, as plain column mappings: no ORM object per row,
    which keeps a page of 500 light (and the garbage collector quiet) for the API."""
    table = Incident.__table__  # type: ignore[attr-defined]
    query = _page(select(table), flt, limit, offset, sort)
    rows = session.connection().execute(query).mappings().all()
    return [dict(row) for row in rows], _total(session, flt)


def iter_incidents(
    session: Session, flt: IncidentFilter, sort: str = "-event_date", batch: int = 1000
) -> Iterator[Incident]:
    """Every incident that matches ``flt``, streamed ``batch`` rows at a time (exports):
    one query read as it goes, not a page per batch that rescans what came before."""
    query = _filtered(select(Incident), flt).order_by(*SORTS[sort])
    yield from session.exec(query.execution_options(yield_per=batch))


@dataclass(frozen=True, slots=True)
class Tally:
    key: str
    incidents: int
    killed: int
    injured: int


def stats(session: Session, flt: IncidentFilter) -> dict[str, list[Tally]]:
    """Incidents, killed and injured by day, by type and by country."""
    groups = {"day": Incident.event_date, "type": Incident.type, "country": Incident.country}
    out: dict[str, list[Tally]] = {}
    for name, column in groups.items():
        query = _filtered(
            select(
                column,
                func.count(),
                func.coalesce(func.sum(Incident.killed), 0),
                func.coalesce(func.sum(Incident.injured), 0),
            ),
            flt,
        )
        rows = session.exec(query.group_by(column).order_by(column)).all()  # type: ignore[call-overload]
        out[name] = [
            Tally(str(key) if key is not None else "unknown", int(n), int(k), int(i))
            for key, n, k, i in rows
        ]
    return out


def incident_detail(session: Session, incident_id: int) -> IncidentDetail | None:
    """An incident with each report, the document it came from, and claims about it."""
    incident = session.get(Incident, incident_id)
    if incident is None:
        return None
    rows = session.exec(
        select(Report, DocumentRecord)
        .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
        .where(Report.incident_id == incident_id)
        .order_by(col(Report.id))
    ).all()
    reports = [
        ReportPublic.model_validate(
            {**report.model_dump(), "document": DocumentPublic.model_validate(doc.model_dump())}
        )
        for report, doc in rows
    ]
    claims = session.exec(select(ClaimRecord).where(ClaimRecord.incident_id == incident_id)).all()
    return IncidentDetail.model_validate(
        {
            **IncidentPublic.model_validate(incident.model_dump()).model_dump(),
            "reports": reports,
            "claims": [ClaimPublic.model_validate(c.model_dump()) for c in claims],
        }
    )


def lead_reports(
    session: Session, incident_ids: Sequence[int]
) -> dict[int, tuple[Report, DocumentRecord]]:
    """For each incident, its most confident report and that report's document."""
    rows = session.exec(
        select(Report, DocumentRecord)
        .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
        .where(col(Report.incident_id).in_(list(incident_ids)))
        .order_by(col(Report.confidence).desc(), col(Report.id))
    ).all()
    lead: dict[int, tuple[Report, DocumentRecord]] = {}
    for report, document in rows:
        if report.incident_id is not None:
            lead.setdefault(report.incident_id, (report, document))
    return lead
