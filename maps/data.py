"""Read what a map shows from the store: incidents as :class:`MapIncident` values,
the features of a view, and the facts of its header, legend and slider.

The one place the map layer reads the database; the API's ``/map`` routes and
``incidents map --out`` both call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlmodel import Session

from incidents.store.models import DocumentRecord, Incident, Report
from incidents.store.queries import (
    BBox,
    IncidentFilter,
    count_incidents,
    date_extent,
    grid_cells,
    incident_documents,
    list_incidents,
    located_extent,
    type_counts,
)
from maps.build import MapView
from maps.features import MAX_MARKERS, cell_degrees, cells_collection, incidents_collection
from maps.markers import EVIDENCE_LANGS, MapIncident, MapSource
from maps.popup import POPUP_SOURCES


def source_label(document: DocumentRecord) -> str:
    label = document.outlet or "unknown outlet"
    if document.kind == "comment":
        label = f"{document.author or 'anonymous'} on {label}"
    return label


def map_incident(
    incident: Incident, reports: Sequence[tuple[Report, DocumentRecord]]
) -> MapIncident:
    """``incident`` as a marker, its most confident report first in ``reports``."""
    assert incident.id is not None and incident.lat is not None and incident.lon is not None
    lead, document = reports[0]
    return MapIncident(
        id=incident.id,
        type=incident.type,
        place=incident.place or "",
        country=incident.country or "",
        lat=incident.lat,
        lon=incident.lon,
        date=incident.event_date.isoformat() if incident.event_date else None,
        killed=incident.killed,
        injured=incident.injured,
        evidence=lead.evidence_text,
        evidence_lang=document.lang if document.lang in EVIDENCE_LANGS else None,
        source_kind=incident.source_kind,
        sources=tuple(MapSource(source_label(d), d.url, d.kind) for _, d in reports),
        n_reports=max(1, incident.n_reports),
        n_sources=max(1, incident.n_sources),
    )


def map_incidents(session: Session, flt: IncidentFilter, limit: int) -> list[MapIncident]:
    """Up to ``limit`` located incidents matching ``flt``, most recent first."""
    rows, _ = list_incidents(session, replace(flt, located_only=True), limit)
    documents = incident_documents(session, [r.id for r in rows if r.id is not None], POPUP_SOURCES)
    return [map_incident(r, documents[r.id]) for r in rows if r.id in documents]


def view_features(session: Session, flt: IncidentFilter, bbox: BBox, zoom: int) -> dict[str, Any]:
    """The features of one view: each incident when at most :data:`MAX_MARKERS`
    match in ``bbox``, else grid cells sized for ``zoom``."""
    in_view = replace(flt, bbox=bbox, located_only=True)
    total = count_incidents(session, in_view)
    if total <= MAX_MARKERS:
        return incidents_collection(map_incidents(session, in_view, MAX_MARKERS), total)
    return cells_collection(grid_cells(session, in_view, cell_degrees(zoom)), total)


def describe_filters(flt: IncidentFilter) -> tuple[tuple[str, str], ...]:
    """The active filters as (name, value) pairs for the header."""
    pairs: list[tuple[str, str]] = []
    if flt.types:
        pairs.append(("type", ", ".join(flt.types)))
    if flt.country:
        pairs.append(("country", flt.country.upper()))
    if flt.since:
        pairs.append(("since", flt.since.isoformat()))
    if flt.until:
        pairs.append(("until", flt.until.isoformat()))
    if flt.min_killed is not None:
        pairs.append(("killed at least", str(flt.min_killed)))
    if flt.text:
        pairs.append(("text", flt.text))
    if flt.source_kind:
        pairs.append(("source", flt.source_kind))
    if flt.min_confidence is not None:
        pairs.append(("confidence at least", f"{flt.min_confidence:g}"))
    if flt.bbox:
        box = flt.bbox
        pairs.append(("area", f"{box.west:g},{box.south:g},{box.east:g},{box.north:g}"))
    return tuple(pairs)


def map_view(
    session: Session,
    flt: IncidentFilter,
    *,
    title: str = "Incidents",
    data_url: str | None = None,
    features: dict[str, Any] | None = None,
    **options: Any,
) -> MapView:
    """The :class:`MapView` of the incidents matching ``flt``: header, legend and
    slider facts from the database, features from ``data_url`` or ``features``."""
    located = replace(flt, located_only=True)
    first, last = date_extent(session, located)
    counts = type_counts(session, located)
    return MapView(
        title=title,
        filters=describe_filters(flt),
        total=sum(counts.values()),
        type_counts=counts,
        date_min=first.isoformat() if first else None,
        date_max=last.isoformat() if last else None,
        since=flt.since.isoformat() if flt.since else None,
        until=flt.until.isoformat() if flt.until else None,
        data_url=data_url,
        features=features,
        bounds=located_extent(session, located),
        **options,
    )
