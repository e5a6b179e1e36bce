"""Replace a document's reports and claims with a new extraction, keeping incidents right."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from incidents.domain import Claim, EventMention
from incidents.geocode.entry import acled_geo_precision
from incidents.store.merge import attach_report, group_key, refresh_incident, regroup
from incidents.store.models import ClaimRecord, DocumentRecord, Incident, Report


def replace_reports(
    session: Session,
    document: DocumentRecord,
    events: tuple[EventMention, ...],
    claims: tuple[Claim, ...],
) -> set[int]:
    """Store ``events`` as the document's reports (dropping older ones); return incident ids."""
    assert document.id is not None
    touched = _drop_previous(session, document.id)
    for event in events:
        incident = attach_report(session, _report(document, event))
        touched.add(incident.id or 0)
    for claim in claims:
        session.add(_claim(session, document.id, claim))
    for incident_id in touched:
        stored = session.get(Incident, incident_id)
        if stored is not None and refresh_incident(session, stored):
            _adopt_claims(session, stored)
    session.flush()
    return {i for i in touched if session.get(Incident, i) is not None}


def _adopt_claims(session: Session, incident: Incident) -> None:
    """Link claims stored before their incident existed (a comment read before the
    comment that reports the event)."""
    if incident.geonameid is None:
        return
    orphans = session.exec(
        select(ClaimRecord).where(
            col(ClaimRecord.incident_id).is_(None),
            ClaimRecord.event_type == incident.type,
            ClaimRecord.geonameid == incident.geonameid,
        )
    )
    for claim in orphans:
        claim.incident_id = incident.id
        session.add(claim)


def _drop_previous(session: Session, document_id: int) -> set[int]:
    old = session.exec(select(Report).where(Report.document_id == document_id)).all()
    groups = {group_key(r) for r in old}
    touched = {r.incident_id for r in old if r.incident_id is not None}
    for report in old:
        session.delete(report)
    for claim in session.exec(select(ClaimRecord).where(ClaimRecord.document_id == document_id)):
        session.delete(claim)
    session.flush()
    for key in groups:
        touched |= regroup(session, key)
    return touched


def _report(document: DocumentRecord, event: EventMention) -> Report:
    place = event.place
    assert document.id is not None
    return Report(
        document_id=document.id,
        type=event.type.value,
        place=place.name if place else None,
        country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geonameid=place.geonameid if place else None,
        anchor_geonameid=place.anchor_geonameid if place else None,
        precision=place.precision if place else None,
        geo_precision=acled_geo_precision(place.precision, place.near) if place else None,
        place_surface=place.surface if place else None,
        killed=event.killed,
        injured=event.injured,
        event_date=event.date,
        date_source=event.date_source,
        evidence_start=event.evidence.start,
        evidence_end=event.evidence.end,
        evidence_text=event.evidence_text,
        trigger_start=event.trigger.start,
        trigger_end=event.trigger.end,
        extractor=event.extractor,
        confidence=event.confidence,
        source_kind=document.kind,
        extra_evidence=json.dumps([[s.start, s.end] for s in event.extra_evidence]),
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
