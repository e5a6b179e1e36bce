"""``/map``: the incident map page, and ``/map/features``, what it draws.

The page takes the filters of ``/incidents`` and holds no incident itself: its
script asks ``/map/features`` for the incidents in view (one feature each up to
:data:`maps.features.MAX_MARKERS`, grid cells beyond), so it stays small and fast
with any number of incidents stored.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api import problems
from api.deps import SessionDep, SettingsDep
from api.routes.incidents import FilterDep, parse_bbox
from incidents.store.queries import BBox, IncidentFilter
from maps import build_incident_map
from maps.data import map_view, view_features

router = APIRouter(tags=["map"], responses=problems.responses(422))

AreaQuery = Annotated[
    str | None,
    Query(
        description="An area filter (west,south,east,north) the map keeps while the view moves.",
        pattern=r"^[-0-9.,eE+ ]+$",
    ),
]


@router.get("/map", response_class=HTMLResponse)
def get_map(session: SessionDep, settings: SettingsDep, flt: FilterDep) -> HTMLResponse:
    """The map page for the incidents matching the filters (the same as
    ``/incidents``); ``bbox`` here is an area the map keeps while the view moves."""
    data_url = "/map/features?" + urlencode(_feature_params(flt), doseq=True)
    view = map_view(
        session,
        flt,
        data_url=data_url.rstrip("?"),
        tile_url=settings.map_tile_url,
        tile_attribution=settings.map_tile_attribution,
    )
    return HTMLResponse(build_incident_map(view, static_url="/static"))


@router.get("/map/features")
def get_map_features(
    session: SessionDep,
    flt: FilterDep,
    zoom: Annotated[int, Query(ge=0, le=22, description="The map's zoom level.")] = 4,
    area: AreaQuery = None,
) -> dict[str, Any]:
    """GeoJSON of the incidents in ``bbox`` (the view) matching the filters: one
    feature each (``mode: incidents``), or per type and grid cell (``mode: cells``)
    when too many are in view. ``total`` counts the incidents in view."""
    view = flt.bbox or BBox(-180.0, -90.0, 180.0, 90.0)
    kept = parse_bbox(area, "area")
    if kept is not None:
        both = _intersection(view, kept)
        if both is None:
            return {"type": "FeatureCollection", "mode": "incidents", "total": 0, "features": []}
        view = both
    return view_features(session, replace(flt, bbox=None), view, zoom)


def _feature_params(flt: IncidentFilter) -> dict[str, Any]:
    """The query of ``/map/features`` that keeps ``flt`` but its dates (the page's
    time slider sets those) and its box (which becomes ``area``)."""
    params: dict[str, Any] = {}
    if flt.types:
        params["type"] = list(flt.types)
    if flt.country:
        params["country"] = flt.country.upper()
    if flt.min_killed is not None:
        params["min_killed"] = flt.min_killed
    if flt.text:
        params["q"] = flt.text
    if flt.source_kind:
        params["source_kind"] = flt.source_kind
    if flt.min_confidence is not None:
        params["min_confidence"] = flt.min_confidence
    if flt.bbox:
        box = flt.bbox
        params["area"] = f"{box.west},{box.south},{box.east},{box.north}"
    return params


def _intersection(a: BBox, b: BBox) -> BBox | None:
    """The overlap of two boxes, or None; a box across the antimeridian wins whole."""
    if a.west > a.east:
        return b
    if b.west > b.east:
        return a
    west, east = max(a.west, b.west), min(a.east, b.east)
    south, north = max(a.south, b.south), min(a.north, b.north)
    if west > east or south > north:
        return None
    return BBox(west, south, east, north)
