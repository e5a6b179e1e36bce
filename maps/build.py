"""Build the incident map page: Folium + vendored Leaflet, no network at run time.

The page's scripts and styles come from ``{static_url}/...`` (the API mounts
:func:`maps.static_dir` there), the basemap is a local GeoJSON of country outlines,
and the rendered HTML is checked for any remote script or stylesheet before it is
returned, so a new Folium default cannot quietly put a CDN back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

import folium
from folium.plugins import MarkerCluster

from maps.elements import (
    BasemapLayer,
    BindPopup,
    BindTooltip,
    LegendControl,
    PageStyle,
    use_local_assets,
)
from maps.markers import MapError, MapIncident
from maps.popup import legend_html, popup_html, tooltip_html
from maps.style import COMMENT_DASH, color_for, radius_for

#: View when there is nothing to fit: the Middle East, from the Mediterranean to Iran.
DEFAULT_CENTER = (31.0, 45.0)
DEFAULT_ZOOM = 4
#: Zoom range of the map. Leaflet.markercluster needs a max zoom, and with no tile
#: layer nothing else sets one; past 11 the 1:110m outlines say nothing more.
MIN_ZOOM, MAX_ZOOM = 2, 11
#: fitBounds stops here, so one incident (or one city's) is not zoomed to a blank.
FIT_MAX_ZOOM = 7
BASEMAP_PATH = "basemap/countries-110m.geojson"

_ASSET_URL = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE
)


def build_incident_map(
    incidents: Sequence[MapIncident],
    *,
    static_url: str = "/static",
    title: str = "Incidents",
) -> str:
    """The complete HTML page showing ``incidents`` as clustered, coloured circles.

    ``static_url`` is where :func:`maps.static_dir` is served. Data text (place,
    evidence, source, type) is escaped in :mod:`maps.popup`; ``title`` is escaped here.
    Raises :class:`MapError` if the page would load a script or stylesheet remotely.
    """
    static = static_url.rstrip("/")
    fmap = folium.Map(
        location=DEFAULT_CENTER,
        zoom_start=DEFAULT_ZOOM,
        tiles=None,
        prefer_canvas=False,
        control_scale=True,
    )
    fmap.options.update(min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM)
    use_local_assets(
        fmap,
        js=[("leaflet", f"{static}/leaflet/leaflet.js")],
        css=[("leaflet_css", f"{static}/leaflet/leaflet.css")],
    )
    root = fmap.get_root()
    root.title = escape(title)  # type: ignore[attr-defined]  # branca puts it in <title> raw
    PageStyle().add_to(fmap)
    BasemapLayer(f"{static}/{BASEMAP_PATH}").add_to(fmap)

    cluster = MarkerCluster(
        name="incidents", control=False, options={"show_coverage_on_hover": False}
    )
    use_local_assets(
        cluster,
        js=[
            (
                "leaflet_markercluster",
                f"{static}/leaflet.markercluster/leaflet.markercluster.js",
            )
        ],
        css=[
            ("markercluster_css", f"{static}/leaflet.markercluster/MarkerCluster.css"),
            (
                "markercluster_default_css",
                f"{static}/leaflet.markercluster/MarkerCluster.Default.css",
            ),
        ],
    )
    cluster.add_to(fmap)
    for incident in incidents:
        _incident_marker(incident).add_to(cluster)

    LegendControl(legend_html(incidents, title)).add_to(fmap)
    if incidents:
        lats = [i.lat for i in incidents]
        lons = [i.lon for i in incidents]
        fmap.fit_bounds(
            [[min(lats), min(lons)], [max(lats), max(lons)]],
            padding=(40, 40),
            max_zoom=FIT_MAX_ZOOM,
        )

    page = root.render()
    check_local_assets(page)
    return page


def _incident_marker(incident: MapIncident) -> folium.CircleMarker:
    """One circle: colour per type, radius per casualties, dashed if comment-only."""
    marker = folium.CircleMarker(
        location=(incident.lat, incident.lon),
        radius=radius_for(incident.casualties),
        color="#222222",
        weight=2 if incident.source_kind == "comment" else 1,
        dash_array=COMMENT_DASH if incident.source_kind == "comment" else None,
        fill=True,
        fill_color=color_for(incident.type),
        fill_opacity=0.8,
        class_name=f"incident-marker incident-{int(incident.id)}",
    )
    BindPopup(popup_html(incident)).add_to(marker)
    BindTooltip(tooltip_html(incident)).add_to(marker)
    return marker


def check_local_assets(page: str) -> None:
    """Raise :class:`MapError` if a ``<script src>`` / ``<link href>`` is not local.

    The only absolute URLs allowed in the page are incidents' own source links, which
    live inside popup strings, never in a script or link tag.
    """
    remote = [
        url for url in _ASSET_URL.findall(page) if re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)", url)
    ]
    if remote:
        raise MapError(
            f"the map page would load {remote} from the network; vendor the asset "
            "under maps/static (scripts/vendor_map_assets.sh), point static_url at it"
        )
