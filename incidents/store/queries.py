"""Read incidents back: filtered lists and one incident with its evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
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
class IncidentFilter:
    types: Sequence[str] = ()
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    located_only: bool = False


def _filtered(query, flt: IncidentFilter):  # type: ignore[no-untyped-def]
    if flt.types:
        query = query.where(col(Incident.type).in_(list(flt.types)))
    if flt.country:
        query = query.where(Incident.country == flt.country.upper())
    if flt.since:
        query = query.where(col(Incident.event_date) >= flt.since)
    if flt.until:
        query = query.where(col(Incident.event_date) <= flt.until)
    if flt.located_only:
        query = query.where(col(Incident.lat).is_not(None), col(Incident.lon).is_not(None))
    return query


def list_incidents(
    session: Session, flt: IncidentFilter, limit: int = 100, offset: int = 0
) -> tuple[list[Incident], int]:
    """A page of incidents (newest event first) and the total that match ``flt``."""
    total = session.exec(_filtered(select(func.count()).select_from(Incident), flt)).one()
    rows = session.exec(
        _filtered(select(Incident), flt)
        .order_by(col(Incident.event_date).desc(), col(Incident.id))
        .limit(limit)
        .offset(offset)
    ).all()
    return list(rows), int(total)


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
