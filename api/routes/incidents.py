"""``/incidents``: list, one incident with its evidence, and GeoJSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel

from api import problems
from api.deps import SessionDep
from incidents.domain import EventType
from incidents.store.models import IncidentDetail, IncidentPublic
from incidents.store.queries import BBox, IncidentFilter, incident_detail, list_incident_rows

router = APIRouter(tags=["incidents"], responses=problems.responses(422))

#: The largest integer an integer column holds on both backends (PostgreSQL's
#: ``integer``; SQLAlchemy binds ``::INTEGER``): a larger one failed in the database.
MAX_INT = 2**31 - 1
#: Most values of ``type`` in one request (there are far fewer types).
MAX_TYPES = 32

TypeQuery = Annotated[
    list[EventType] | None,
    Query(alias="type", max_length=MAX_TYPES, description="Event type(s)."),
]
CountryQuery = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2.")]
SinceQuery = Annotated[dt.date | None, Query(description="Events on or after (YYYY-MM-DD).")]
UntilQuery = Annotated[dt.date | None, Query(description="Events on or before (YYYY-MM-DD).")]
BBoxQuery = Annotated[
    str | None,
    Query(
        description="west,south,east,north in degrees (GeoJSON order); west > east crosses "
        "the antimeridian.",
        examples=["35.0,32.0,42.5,37.5"],
    ),
]
SortQuery = Annotated[
    Literal["-event_date", "event_date", "-killed", "-confidence", "-last_seen"],
    Query(description="Order; '-' is descending."),
]


class IncidentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[IncidentPublic]


def parse_bbox(raw: str | None, name: str = "bbox") -> BBox | None:
    """``west,south,east,north`` in degrees as a box; a 422 naming the parameter
    ``name`` and what is wrong with it."""
    if raw is None:
        return None
    parts = raw.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(
            422, detail=f"'{name}' must be four numbers: west,south,east,north"
        ) from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise HTTPException(422, detail=f"'{name}' longitudes must lie in [-180, 180]")
    if not (-90 <= south <= north <= 90):
        raise HTTPException(422, detail=f"'{name}' latitudes must lie in [-90, 90], south <= north")
    return BBox(west, south, east, north)


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
        types=tuple(dict.fromkeys(t.value for t in types or ())),
        country=country,
        since=since,
        until=until,
        located_only=located_only,
    )


def query_filter(
    types: TypeQuery = None,
    country: CountryQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    bbox: BBoxQuery = None,
    min_killed: Annotated[
        int | None, Query(ge=0, le=MAX_INT, description="At least this many killed.")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=200,
            # NUL cannot be stored in, nor searched for in, PostgreSQL text.
            pattern="^[^\\x00]*$",
            description="Text in the evidence or the place (no NUL characters).",
        ),
    ] = None,
    source_kind: Annotated[
        Literal["article", "comment"] | None,
        Query(description="Incidents whose lead report is from an article or a comment."),
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> IncidentFilter:
    """Every filter the list and the exports share."""
    base = incident_filter(types, country, since, until)
    return replace(
        base,
        bbox=parse_bbox(bbox),
        min_killed=min_killed,
        text=q,
        source_kind=source_kind,
        min_confidence=min_confidence,
    )


FilterDep = Annotated[IncidentFilter, Depends(query_filter)]


@router.get("/incidents", response_model=IncidentPage)
def get_incidents(
    session: SessionDep,
    flt: FilterDep,
    sort: SortQuery = "-event_date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
) -> IncidentPage:
    """Incidents in ``sort`` order (newest first by default), with the total matching."""
    rows, total = list_incident_rows(session, flt, limit, offset, sort)
    items = [IncidentPublic.model_validate(r) for r in rows]
    return IncidentPage(total=total, limit=limit, offset=offset, items=items)


@router.get("/incidents.geojson")
def get_incidents_geojson(
    session: SessionDep,
    flt: FilterDep,
    limit: Annotated[int, Query(ge=1, le=50000)] = 5000,
) -> dict[str, Any]:
    """Located incidents as an RFC 7946 FeatureCollection (lon, lat order)."""
    rows, _ = list_incident_rows(session, replace(flt, located_only=True), limit, 0)
    features = [
        {
            "type": "Feature",
            "id": r["id"],
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
            "properties": IncidentPublic.model_validate(r).model_dump(mode="json"),
        }
        for r in rows
    ]
    return {"type": "FeatureCollection", "features": features}


@router.get(
    "/incidents/{incident_id}", response_model=IncidentDetail, responses=problems.responses(404)
)
def get_incident(
    session: SessionDep, incident_id: Annotated[int, Path(ge=1, le=MAX_INT)]
) -> IncidentDetail:
    """One incident with every report, its evidence sentence and source document."""
    detail = incident_detail(session, incident_id)
    if detail is None:
        raise HTTPException(404, detail=f"no incident with id {incident_id}")
    return detail
