"""``/map``: a Folium page of the stored incidents, built per request from public data."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from api.deps import SessionDep, SettingsDep
from api.routes.incidents import CountryQuery, SinceQuery, TypeQuery, UntilQuery, incident_filter
from incidents.store.queries import lead_reports, list_incidents
from maps import MapIncident, build_incident_map

router = APIRouter(tags=["map"])


@router.get("/map", response_class=HTMLResponse)
def get_map(
    session: SessionDep,
    settings: SettingsDep,
    types: TypeQuery = None,
    country: CountryQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
) -> HTMLResponse:
    """The incidents matching the filters, one marker each (untrusted text escaped)."""
    rows, _ = list_incidents(
        session, incident_filter(types, country, since, until, True), settings.map_limit
    )
    lead = lead_reports(session, [r.id for r in rows if r.id is not None])
    markers = []
    for incident in rows:
        if incident.id not in lead or incident.lat is None or incident.lon is None:
            continue
        report, document = lead[incident.id]
        markers.append(
            MapIncident(
                id=incident.id,
                type=incident.type,
                place=incident.place or "",
                country=incident.country or "",
                lat=incident.lat,
                lon=incident.lon,
                date=incident.event_date.isoformat() if incident.event_date else None,
                killed=incident.killed,
                injured=incident.injured,
                evidence=report.evidence_text,
                evidence_lang=document.lang if document.lang in ("fa", "ar", "en") else None,
                source=_source_label(document.outlet, document.kind, document.author),
                source_kind=document.kind,
                url=document.url,
                n_reports=incident.n_reports,
            )
        )
    return HTMLResponse(build_incident_map(markers, static_url="/static"))


def _source_label(outlet: str | None, kind: str, author: str | None) -> str:
    label = outlet or "unknown outlet"
    if kind == "comment":
        label = f"reader comment ({author or 'anonymous'}) on {label}"
    return label
