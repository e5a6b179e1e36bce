"""Read incidents back: filtered lists and one incident with its evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Integer, func, or_
from sqlalchemy import select as sa_select
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
    """Incidents, killed and injured by day, by type and by country.

    One query groups by all three at once (the date index covers it) and the three
    tallies are summed from its rows: three GROUP BY queries read the same rows
    three times, through the table."""
    query = _filtered(
        sa_select(
            col(Incident.event_date),
            col(Incident.type),
            col(Incident.country),
            func.count(),
            func.coalesce(func.sum(Incident.killed), 0),
            func.coalesce(func.sum(Incident.injured), 0),
        ),
        flt,
    ).group_by(Incident.event_date, Incident.type, Incident.country)
    sums: dict[str, dict[Any, list[int]]] = {"day": {}, "type": {}, "country": {}}
    for day, kind, country, n, killed, injured in session.execute(query).all():
        for name, key in (("day", day), ("type", kind), ("country", country)):
            total = sums[name].setdefault(key, [0, 0, 0])
            total[0] += int(n)
            total[1] += int(killed)
            total[2] += int(injured)
    return {
        name: [
            Tally("unknown" if key is None else str(key), *totals)
            for key, totals in sorted(groups.items(), key=lambda item: _tally_order(item[0]))
        ]
        for name, groups in sums.items()
    }


def _tally_order(key: Any) -> tuple[bool, Any]:
    """Keys in ascending order, unknown (None) first."""
    return (key is not None, key if key is not None else "")


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


def count_incidents(session: Session, flt: IncidentFilter) -> int:
    """How many incidents match ``flt``."""
    return _total(session, flt)


def type_counts(session: Session, flt: IncidentFilter) -> dict[str, int]:
    """Incidents matching ``flt``, per type."""
    query = _filtered(select(Incident.type, func.count()), flt).group_by(Incident.type)
    return {kind: int(n) for kind, n in session.exec(query).all()}


def date_extent(session: Session, flt: IncidentFilter) -> tuple[dt.date | None, dt.date | None]:
    """The first and last event dates among incidents matching ``flt``."""
    query = _filtered(select(func.min(Incident.event_date), func.max(Incident.event_date)), flt)
    first, last = session.exec(query).one()
    return first, last


@dataclass(frozen=True, slots=True)
class Cell:
    """Located incidents of one type in one grid cell."""

    type: str
    count: int
    lat: float
    lon: float
    south: float
    west: float
    north: float
    east: float
    killed: int
    injured: int


def grid_cells(session: Session, flt: IncidentFilter, degrees: float) -> list[Cell]:
    """Located incidents matching ``flt`` counted per type and per square cell of
    ``degrees`` (server-side clustering for maps): centroid, extent and casualties.
    Cells are numbered from the south-west corner of the world, so the integer
    part of a non-negative number is its floor on every backend."""
    if not degrees > 0:
        raise ValueError(f"degrees={degrees!r} must be positive")
    lat, lon = col(Incident.lat), col(Incident.lon)
    row = func.cast((lat + 90.0) / degrees, Integer)
    column = func.cast((lon + 180.0) / degrees, Integer)
    query = _filtered(
        sa_select(
            col(Incident.type),
            row.label("row"),
            column.label("column"),
            func.count(),
            func.avg(lat),
            func.avg(lon),
            func.min(lat),
            func.min(lon),
            func.max(lat),
            func.max(lon),
            func.coalesce(func.sum(col(Incident.killed)), 0),
            func.coalesce(func.sum(col(Incident.injured)), 0),
        ),
        replace(flt, located_only=True),
    ).group_by(Incident.type, row, column)
    cells = [
        Cell(
            kind,
            int(n),
            float(la),
            float(lo),
            float(s),
            float(w),
            float(nn),
            float(e),
            int(k),
            int(i),
        )
        for kind, _, _, n, la, lo, s, w, nn, e, k, i in session.execute(query).all()
    ]
    return sorted(cells, key=lambda c: (c.type, c.south, c.west))


def incident_documents(
    session: Session, incident_ids: Sequence[int], per_incident: int = 5
) -> dict[int, list[tuple[Report, DocumentRecord]]]:
    """For each incident, up to ``per_incident`` of its reports with their documents,
    the most confident first (the first is :func:`lead_reports`'s)."""
    out: dict[int, list[tuple[Report, DocumentRecord]]] = {}
    ids = list(incident_ids)
    for at in range(0, len(ids), 500):
        rows = session.exec(
            select(Report, DocumentRecord)
            .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
            .where(col(Report.incident_id).in_(ids[at : at + 500]))
            .order_by(col(Report.confidence).desc(), col(Report.id))
        ).all()
        for report, document in rows:
            if report.incident_id is None:
                continue
            listed = out.setdefault(report.incident_id, [])
            if len(listed) < per_incident:
                listed.append((report, document))
    return out


def located_extent(
    session: Session, flt: IncidentFilter
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """((south, west), (north, east)) of the located incidents matching ``flt``."""
    lat, lon = col(Incident.lat), col(Incident.lon)
    query = _filtered(
        sa_select(func.min(lat), func.min(lon), func.max(lat), func.max(lon)),
        replace(flt, located_only=True),
    )
    south, west, north, east = session.execute(query).one()
    if south is None:
        return None
    return (float(south), float(west)), (float(north), float(east))
