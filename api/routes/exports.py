"""Exports (CSV with ACLED's column names, JSON Lines), statistics and health.

Exports are streamed: rows are read a thousand at a time in their own session and
written as they come, so a million incidents never sit in memory at once. They take
the same filters as ``/incidents``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

import incidents
from api import problems
from api.deps import SessionDep
from api.routes.incidents import FilterDep, SortQuery
from incidents.store.models import DocumentRecord, Incident, IncidentPublic, Report
from incidents.store.queries import IncidentFilter, Tally, iter_incidents, lead_reports, stats

router = APIRouter(tags=["exports"], responses=problems.responses(422))

#: ACLED's event type and sub-event type for each of our types.
ACLED_TYPES = {
    "armed_clash": ("Battles", "Armed clash"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "attack_on_civilians": ("Violence against civilians", "Attack"),
    "shooting": ("Violence against civilians", "Attack"),
    "kidnapping": ("Violence against civilians", "Abduction/forced disappearance"),
    "arrest": ("Strategic developments", "Arrests"),
    "road_closure": ("Strategic developments", "Other"),
    "security_deployment": ("Strategic developments", "Other"),
}
CSV_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "injured",
    "incident_id",
)
BATCH = 1000


def _batches(engine: Engine, flt: IncidentFilter, sort: str) -> Iterator[list[Any]]:
    """Incidents with their lead report and document, a batch at a time."""
    with Session(engine) as session:
        batch: list[Incident] = []
        for incident in iter_incidents(session, flt, sort, BATCH):
            batch.append(incident)
            if len(batch) == BATCH:
                yield _with_leads(session, batch)
                batch = []
        if batch:
            yield _with_leads(session, batch)


def _with_leads(
    session: Session, batch: list[Incident]
) -> list[tuple[Incident, tuple[Report, DocumentRecord] | None]]:
    leads = lead_reports(session, [i.id for i in batch if i.id is not None])
    return [(i, leads.get(i.id) if i.id is not None else None) for i in batch]


def _csv_row(
    incident: Incident, lead: tuple[Report, DocumentRecord] | None, countries: dict[str, str]
) -> list[Any]:
    event_type, sub_event_type = ACLED_TYPES.get(incident.type, ("", ""))
    report, document = lead if lead else (None, None)
    return [
        incident.event_date.isoformat() if incident.event_date else "",
        event_type,
        sub_event_type,
        countries.get(incident.country or "", incident.country or ""),
        incident.place if incident.precision == "region" else "",
        incident.place or "",
        incident.lat if incident.lat is not None else "",
        incident.lon if incident.lon is not None else "",
        incident.geo_precision or "",
        (document.outlet or document.source) if document else "",
        report.evidence_text if report else "",
        incident.killed if incident.killed is not None else "",
        incident.injured if incident.injured is not None else "",
        incident.id,
    ]


@router.get("/incidents.csv", response_class=StreamingResponse)
def export_csv(request: Request, flt: FilterDep, sort: SortQuery = "-event_date") -> Any:
    """Incidents as CSV with ACLED's column names (``fatalities`` = killed), plus
    ``injured`` and ``incident_id``; ``notes`` is the evidence sentence."""
    engine = request.app.state.engine
    countries: dict[str, str] = request.app.state.country_names

    def rows() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for batch in _batches(engine, flt, sort):
            for incident, lead in batch:
                writer.writerow(_csv_row(incident, lead, countries))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    headers = {"Content-Disposition": 'attachment; filename="incidents.csv"'}
    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/incidents.jsonl", response_class=StreamingResponse)
def export_jsonl(request: Request, flt: FilterDep, sort: SortQuery = "-event_date") -> Any:
    """One JSON object per line: the incident, its lead evidence sentence and source."""
    engine = request.app.state.engine

    def lines() -> Iterator[str]:
        for batch in _batches(engine, flt, sort):
            chunk = []
            for incident, lead in batch:
                record = IncidentPublic.model_validate(incident.model_dump()).model_dump(
                    mode="json"
                )
                report, document = lead if lead else (None, None)
                record["evidence"] = report.evidence_text if report else None
                record["source"] = (document.outlet or document.source) if document else None
                chunk.append(json.dumps(record, ensure_ascii=False) + "\n")
            yield "".join(chunk)

    return StreamingResponse(lines(), media_type="application/x-ndjson")


class TallyOut(BaseModel):
    key: str
    incidents: int
    killed: int
    injured: int


class Stats(BaseModel):
    by_day: list[TallyOut]
    by_type: list[TallyOut]
    by_country: list[TallyOut]


def _tallies(rows: list[Tally]) -> list[TallyOut]:
    return [
        TallyOut(key=t.key, incidents=t.incidents, killed=t.killed, injured=t.injured) for t in rows
    ]


@router.get("/stats", response_model=Stats)
def get_stats(session: SessionDep, flt: FilterDep) -> Stats:
    """Incidents, killed and injured by day, type and country, with the list's filters."""
    groups = stats(session, flt)
    return Stats(
        by_day=_tallies(groups["day"]),
        by_type=_tallies(groups["type"]),
        by_country=_tallies(groups["country"]),
    )


class Health(BaseModel):
    status: str
    database: str
    version: str


@router.get("/health", response_model=Health, responses=problems.responses(503))
def health(session: SessionDep) -> Health:
    """Whether the service and its database answer (503 when the database does not)."""
    try:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    except SQLAlchemyError as exc:
        raise HTTPException(503, detail=f"database unavailable: {type(exc).__name__}") from exc
    return Health(status="ok", database="ok", version=incidents.__version__)
