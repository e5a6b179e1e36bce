"""Merge reports into incidents.

Reports of the same type at the same place (same gazetteer entry, or the same name
and country when the entry has no id) whose dates are within a day of each other
form one incident. An incident's figures are *reconciled*, not summed: killed and
injured come from its most confident report that states them (article before
comment, then the earliest report), because several reports of one event repeat
its toll.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from incidents.store.models import DocumentRecord, Incident, Report

DATE_WINDOW = dt.timedelta(days=1)


def _same_place(report: Report) -> ColumnElement[bool]:
    if report.geonameid is not None:
        return col(Incident.geonameid) == report.geonameid
    if report.place is None:
        return col(Incident.place).is_(None)
    return (col(Incident.place) == report.place) & (col(Incident.country) == report.country)


def find_incident(session: Session, report: Report) -> Incident | None:
    """The incident ``report`` belongs to, if one exists already."""
    query = select(Incident).where(Incident.type == report.type, _same_place(report))
    if report.event_date is not None:
        query = query.where(
            or_(
                col(Incident.event_date).is_(None),
                col(Incident.event_date).between(
                    report.event_date - DATE_WINDOW, report.event_date + DATE_WINDOW
                ),
            )
        )
    return session.exec(query.order_by(col(Incident.id))).first()


def attach_report(session: Session, report: Report) -> Incident:
    """Put ``report`` into its incident (creating one) and refresh that incident."""
    incident = find_incident(session, report)
    if incident is None:
        incident = Incident(type=report.type)
        session.add(incident)
        session.flush()
    report.incident_id = incident.id
    session.add(report)
    session.flush()
    refresh_incident(session, incident)
    return incident


def refresh_incident(session: Session, incident: Incident) -> None:
    """Recompute an incident from its reports; delete it when none is left."""
    rows = session.exec(
        select(Report, DocumentRecord)
        .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
        .where(Report.incident_id == incident.id)
    ).all()
    if not rows:
        session.delete(incident)
        return
    reports = [r for r, _ in rows]
    ranked = sorted(reports, key=lambda r: (-r.confidence, r.source_kind != "article", r.id or 0))
    lead = ranked[0]
    for field in ("place", "country", "lat", "lon", "geonameid", "precision", "geo_precision"):
        setattr(incident, field, getattr(lead, field))
    dates = sorted(r.event_date for r in reports if r.event_date is not None)
    incident.event_date = dates[0] if dates else None
    incident.killed = next((r.killed for r in ranked if r.killed is not None), None)
    incident.injured = next((r.injured for r in ranked if r.injured is not None), None)
    incident.n_reports = len(reports)
    incident.n_sources = len({d.outlet or d.source for _, d in rows})
    incident.confidence = lead.confidence
    incident.source_kind = (
        "article" if any(r.source_kind == "article" for r in reports) else "comment"
    )
    created = [r.created_at for r in reports]
    incident.first_seen, incident.last_seen = min(created), max(created)
    session.add(incident)
