"""GeoJSON (RFC 7946) for the map page: one feature per incident, or one per cell
of a grid when too many incidents are in view (server-side clustering).

The popup and tooltip HTML travel inside the features already escaped by
:mod:`maps.popup`, the one place data becomes HTML; the page's script inserts
nothing else from the data but numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from incidents.store.queries import Cell
from maps.markers import MapIncident
from maps.popup import popup_html, tooltip_html
from maps.style import radius_for, type_label

#: Incidents in view up to which the page gets one marker each; above, grid cells.
MAX_MARKERS = 2000


def incident_feature(incident: MapIncident) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [incident.lon, incident.lat]},
        "properties": {
            "id": incident.id,
            "type": incident.type,
            "date": incident.date,
            "killed": incident.killed,
            "injured": incident.injured,
            "size": round(2 * radius_for(incident.casualties)),
            "comment": incident.source_kind == "comment",
            "popup": popup_html(incident),
            "tooltip": tooltip_html(incident),
        },
    }


def cell_feature(cell: Cell) -> dict[str, Any]:
    label = type_label(cell.type).lower()
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [cell.lon, cell.lat]},
        "bbox": [cell.west, cell.south, cell.east, cell.north],
        "properties": {
            "type": cell.type,
            "count": cell.count,
            "killed": cell.killed,
            "injured": cell.injured,
            "tooltip": f"{cell.count:,} incidents ({label}); zoom in to see them",
        },
    }


def feature_collection(
    features: Iterable[dict[str, Any]], *, mode: str, total: int
) -> dict[str, Any]:
    """A FeatureCollection with two foreign members the page reads: ``mode``
    (``incidents`` or ``cells``) and ``total`` (incidents matching, in view)."""
    return {"type": "FeatureCollection", "mode": mode, "total": total, "features": list(features)}


def incidents_collection(incidents: Sequence[MapIncident], total: int) -> dict[str, Any]:
    return feature_collection(map(incident_feature, incidents), mode="incidents", total=total)


def cells_collection(cells: Sequence[Cell], total: int) -> dict[str, Any]:
    return feature_collection(map(cell_feature, cells), mode="cells", total=total)


def cell_degrees(zoom: int) -> float:
    """Grid cell size for a zoom level: about 64 screen pixels (a 256-pixel tile
    spans 360 / 2**zoom degrees of longitude)."""
    return 360.0 / (2 ** max(0, zoom)) / 4
