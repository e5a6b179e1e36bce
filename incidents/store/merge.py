"""Merge reports into incidents, the same way whatever order they arrive in.

Reports of the same type in the same town form a *group*: the same gazetteer entry,
or a district and its city (Mezzeh goes with Damascus: ``anchor_geonameid``), or the
same name and country when the place has no id. A group is cut into incidents
by a fixed rule on the reports themselves: sorted by event date (then document and
offset), each incident starts at its earliest report and takes every report dated
within a day after it; reports without a date join the group's first incident.
Whenever a report arrives or leaves, its whole group is cut again, so the same
reports give the same incidents in any order (a test ingests a corpus forwards and
backwards). Existing incident rows are reused, so ids stay put where they can.

An incident's figures are *reconciled*, not summed: killed and injured come from its
most confident report that states them (article before comment, then document and
offset order), because several reports of one event repeat its toll; every report
keeps its own figures (``/incidents/{id}`` lists them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from incidents.store.models import ClaimRecord, DocumentRecord, Incident, Report

DATE_WINDOW = dt.timedelta(days=1)

#: What makes reports one group: type and place.
GroupKey = tuple[str, int | None, str | None, str | None]


def group_key(report: Report) -> GroupKey:
    """Type and town: a district's reports go with its city's (Mezzeh with Damascus)."""
    anchor = report.anchor_geonameid if report.anchor_geonameid is not None else report.geonameid
    if anchor is not None:
        return (report.type, anchor, None, None)
    return (report.type, None, report.place, report.country)


def _in_group(key: GroupKey) -> ColumnElement[bool]:
    kind, geonameid, place, country = key
    same_type = col(Report.type) == kind
    if geonameid is not None:
        anchored = col(Report.anchor_geonameid) == geonameid
        unanchored = col(Report.anchor_geonameid).is_(None) & (col(Report.geonameid) == geonameid)
        return same_type & (anchored | unanchored)
    no_id = col(Report.geonameid).is_(None) & col(Report.anchor_geonameid).is_(None)
    if place is None:
        return same_type & no_id & col(Report.place).is_(None)
    return same_type & no_id & (col(Report.place) == place) & (col(Report.country) == country)


def _order(row: tuple[Report, DocumentRecord]) -> tuple[dt.date, str, int, int]:
    report, document = row
    return (report.event_date or dt.date.max, document.key, report.evidence_start, report.id or 0)


def cut(rows: Sequence[tuple[Report, DocumentRecord]]) -> list[list[tuple[Report, DocumentRecord]]]:
    """The incidents of one group: a fixed function of its reports."""
    ordered = sorted(rows, key=_order)
    dated = [row for row in ordered if row[0].event_date is not None]
    undated = [row for row in ordered if row[0].event_date is None]
    clusters: list[list[tuple[Report, DocumentRecord]]] = []
    start: dt.date | None = None
    for row in dated:
        date = row[0].event_date
        assert date is not None
        if start is None or date > start + DATE_WINDOW:
            clusters.append([])
            start = date
        clusters[-1].append(row)
    if undated:
        if clusters:
            clusters[0].extend(undated)
        else:
            clusters.append(undated)
    return clusters


def regroup(session: Session, key: GroupKey) -> set[int]:
    """Cut the group ``key`` into incidents again; return the ids of its incidents
    (and of incidents it no longer needs, which are deleted)."""
    rows = session.exec(
        select(Report, DocumentRecord)
        .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
        .where(_in_group(key))
    ).all()
    previous = {r.incident_id for r, _ in rows if r.incident_id is not None}
    used: set[int] = set()
    touched: set[int] = set()
    for cluster in cut(rows):
        reusable = sorted({r.incident_id for r, _ in cluster if r.incident_id is not None} - used)
        incident = session.get(Incident, reusable[0]) if reusable else None
        if incident is None:
            incident = Incident(type=key[0])
            session.add(incident)
            session.flush()
        assert incident.id is not None
        used.add(incident.id)
        for report, _ in cluster:
            if report.incident_id != incident.id:
                report.incident_id = incident.id
                session.add(report)
        session.flush()
        refresh_incident(session, incident)
        touched.add(incident.id)
    for stale in previous - used:
        incident = session.get(Incident, stale)
        if incident is not None:
            refresh_incident(session, incident)  # deletes it: no report is left
    session.flush()
    return touched | previous


def attach_report(session: Session, report: Report) -> Incident:
    """Store ``report`` and cut its group again; return the incident it ends up in."""
    session.add(report)
    session.flush()
    regroup(session, group_key(report))
    session.refresh(report)
    incident = session.get(Incident, report.incident_id)
    assert incident is not None
    return incident


def refresh_incident(session: Session, incident: Incident) -> bool:
    """Recompute an incident from its reports; delete it when none is left (False)."""
    rows = session.exec(
        select(Report, DocumentRecord)
        .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
        .where(Report.incident_id == incident.id)
    ).all()
    if not rows:
        # Claims about it wait, unlinked, for the incident their report ends up in.
        for claim in session.exec(
            select(ClaimRecord).where(ClaimRecord.incident_id == incident.id)
        ):
            claim.incident_id = None
            session.add(claim)
        session.flush()
        session.delete(incident)
        session.flush()
        return False
    reports = [r for r, _ in rows]
    keys = {r.id: d.key for r, d in rows}
    ranked = sorted(
        reports,
        key=lambda r: (-r.confidence, r.source_kind != "article", keys[r.id], r.evidence_start),
    )
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
    return True
