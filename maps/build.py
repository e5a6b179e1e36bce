"""Build the incident map page: Folium + vendored Leaflet, no network at run time.

The page is a shell Folium builds: the basemap, one layer per event type and a heat
layer in a layer control, a header with the active filters and the count, a legend,
and the page's script (``static/incidents-map.js``), which draws the incidents. On
the API's ``/map`` the script loads them for the visible area from
``/map/features`` (one marker per incident, or grid cells when too many are in
view), so a map of 100,000 incidents never embeds 100,000 markers. A static export
(:func:`maps.export.export_map`) embeds them instead.

Scripts and styles come from ``{static_url}/...``; the rendered HTML is checked for
any remote script or stylesheet before it is returned, so a new Folium default
cannot quietly put a CDN back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

import folium
from branca.element import Element
from folium.plugins import HeatMap

from maps.elements import (
    BasemapLayer,
    HeaderBar,
    IncidentData,
    LegendControl,
    use_local_assets,
)
from maps.icons import glyph_svg
from maps.markers import MapError
from maps.popup import header_html, legend_html
from maps.style import OTHER_COLOR, color_for, legend_types, type_label

#: View when there is nothing to fit: the Middle East, from the Mediterranean to Iran.
DEFAULT_CENTER = (31.0, 45.0)
DEFAULT_ZOOM = 4
#: Zoom range of the map. Leaflet.markercluster needs a max zoom; without a tile
#: server nothing else sets one, and past 13 the 1:110m outlines say nothing more.
MIN_ZOOM, MAX_ZOOM = 2, 13
#: fitBounds stops here, so one incident (or one city's) is not zoomed to a blank.
FIT_MAX_ZOOM = 7
BASEMAP_PATH = "basemap/countries-110m.geojson"
HEAT_LAYER_NAME = "Heat map"

_ASSET_URL = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE
)


@dataclass(frozen=True)
class MapView:
    """What one map page shows.

    Either ``data_url`` (the page loads features for its view from there; the
    filters are already in its query) or ``features`` (a FeatureCollection embedded
    in the page, for a static file). ``type_counts`` are the incidents per type under
    the filters (legend and layers); ``date_min`` / ``date_max`` their first and last
    dates (the time slider's range); ``since`` / ``until`` the active date filters.
    """

    title: str = "Incidents"
    filters: tuple[tuple[str, str], ...] = ()
    total: int = 0
    type_counts: Mapping[str, int] = field(default_factory=dict)
    date_min: str | None = None
    date_max: str | None = None
    since: str | None = None
    until: str | None = None
    data_url: str | None = None
    features: dict[str, Any] | None = None
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None
    #: An XYZ tile URL of the user's own tile server; None draws only the outlines.
    tile_url: str | None = None
    tile_attribution: str = ""
    #: The basemap GeoJSON itself, for a page opened from a file (fetch cannot read
    #: file:// URLs); None fetches it from the static folder.
    basemap: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if (self.data_url is None) == (self.features is None):
            raise MapError("a MapView needs exactly one of data_url and features")


def build_incident_map(view: MapView, *, static_url: str = "/static") -> str:
    """The complete HTML page for ``view``; ``static_url`` is where
    :func:`maps.static_dir` is served. Text is escaped in :mod:`maps.popup`, the
    title here. Raises :class:`MapError` if the page would load anything remotely."""
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
    root.title = escape(view.title)  # type: ignore[attr-defined]  # branca puts it in <title> raw
    root.header.add_child(  # type: ignore[attr-defined]
        Element(
            f'<link rel="icon" type="image/svg+xml" href="{escape(static)}/incidents-icon.svg">'
        ),
        name="favicon",
    )
    if view.tile_url:
        folium.TileLayer(
            tiles=view.tile_url,
            attr=view.tile_attribution or "Tiles: your tile server",
            name="Tiles",
            max_zoom=MAX_ZOOM,
        ).add_to(fmap)
    BasemapLayer(f"{static}/{BASEMAP_PATH}", data=view.basemap).add_to(fmap)

    types = legend_types(t for t, n in view.type_counts.items() if n > 0)
    layers = {}
    for event_type in types:
        label = (
            f'<i class="layer-icon" style="background: {color_for(event_type)}">'
            f"{glyph_svg(event_type)}</i>{escape(type_label(event_type))}"
        )
        layers[event_type] = folium.FeatureGroup(name=label, overlay=True, show=True)
        layers[event_type].add_to(fmap)
    heat = HeatMap(
        [], name=HEAT_LAYER_NAME, show=False, radius=22, blur=16, max_zoom=10, min_opacity=0.35
    )
    use_local_assets(heat, js=[("leaflet_heat", f"{static}/leaflet.heat/leaflet-heat.js")], css=[])
    heat.add_to(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)

    HeaderBar(header_html(view.title, view.filters, view.total)).add_to(fmap)
    IncidentData(
        layers=layers,
        heat=heat,
        config=_config(view, types),
        js=[
            (
                "leaflet_markercluster",
                f"{static}/leaflet.markercluster/leaflet.markercluster.js",
            ),
            ("incidents_map", f"{static}/incidents-map.js"),
        ],
        css=[
            ("markercluster_css", f"{static}/leaflet.markercluster/MarkerCluster.css"),
            ("incidents_map_css", f"{static}/incidents-map.css"),
        ],
    ).add_to(fmap)
    LegendControl(legend_html(view.type_counts, "Legend")).add_to(fmap)
    if view.bounds is not None:
        fmap.fit_bounds(
            [list(view.bounds[0]), list(view.bounds[1])],
            max_zoom=FIT_MAX_ZOOM,
            padding_top_left=(40, 70),  # under the header
            padding_bottom_right=(260, 40),  # beside the layer control and legend
        )

    page = root.render()
    check_local_assets(page)
    return page


def _config(view: MapView, types: list[str]) -> dict[str, Any]:
    """What the page's script needs; every string in it is a constant of this
    package, a URL we built, a date or pre-escaped HTML."""
    return {
        "dataUrl": view.data_url,
        "features": view.features,
        "since": view.since,
        "until": view.until,
        "dateMin": view.date_min,
        "dateMax": view.date_max,
        "maxZoom": MAX_ZOOM,
        "styles": {t: {"color": color_for(t), "glyph": glyph_svg(t)} for t in types},
        "other": {"color": OTHER_COLOR, "glyph": glyph_svg("")},
    }


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
