"""``/incidents``: list, one incident with its evidence, and GeoJSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from api.deps import SessionDep
from incidents.domain import EventType
from incidents.store.models import IncidentDetail, IncidentPublic
from incidents.store.queries import IncidentFilter, incident_detail, list_incidents

router = APIRouter(tags=["incidents"])

TypeQuery = Annotated[list[EventType] | None, Query(alias="type", description="Event type(s).")]
CountryQuery = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2.")]
SinceQuery = Annotated[dt.date | None, Query(description="Events on or after (YYYY-MM-DD).")]
UntilQuery = Annotated[dt.date | None, Query(description="Events on or before (YYYY-MM-DD).")]


class IncidentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[IncidentPublic]


def incident_filter(
    types: list[EventType] | None,
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    located_only: bool = False,
) -> IncidentFilter:
    if since and until and since > until:
        raise HTTPException(422, detail="'since' must not be after 'until'")
    return IncidentFilter(
        types=tuple(t.value for t in types or ()),
        country=country,
        since=since,
        until=until,
        located_only=located_only,
    )


@router.get("/incidents", response_model=IncidentPage)
def get_incidents(
    session: SessionDep,
    types: TypeQuery = None,
    country: CountryQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> IncidentPage:
    """Incidents, newest first, with the total matching the filters."""
    rows, total = list_incidents(
        session, incident_filter(types, country, since, until), limit, offset
    )
    items = [IncidentPublic.model_validate(r.model_dump()) for r in rows]
    return IncidentPage(total=total, limit=limit, offset=offset, items=items)


@router.get("/incidents.geojson")
def get_incidents_geojson(
    session: SessionDep,
    types: TypeQuery = None,
    country: CountryQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    limit: Annotated[int, Query(ge=1, le=50000)] = 5000,
) -> dict[str, Any]:
    """Located incidents as an RFC 7946 FeatureCollection (lon, lat order)."""
    rows, _ = list_incidents(session, incident_filter(types, country, since, until, True), limit, 0)
    features = [
        {
            "type": "Feature",
            "id": r.id,
            "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
            "properties": IncidentPublic.model_validate(r.model_dump()).model_dump(mode="json"),
        }
        for r in rows
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get("/incidents/{incident_id}", response_model=IncidentDetail)
def get_incident(session: SessionDep, incident_id: int) -> IncidentDetail:
    """One incident with every report, its evidence sentence and source document."""
    detail = incident_detail(session, incident_id)
    if detail is None:
        raise HTTPException(404, detail=f"no incident with id {incident_id}")
    return detail
