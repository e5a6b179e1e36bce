"""Folium elements the incident map needs and Folium does not provide safely.

Why not Folium's own: ``folium.Popup`` and ``folium.Tooltip`` paste their HTML into a
JavaScript template literal (a `${...}` or a backslash in news text would run or
break the script), and ``GeoJson(embed=False)`` needs jQuery. These elements hand
the page its content as JSON literals instead (Folium's ``tojavascript`` filter,
or Jinja's ``tojson`` where keys must stay as they are; both escape ``<``, ``>``,
``&`` and ``'``, so no string can close the script). Nothing here reads incident
data: callers pass HTML that :mod:`maps.popup` has already escaped, and features
whose HTML it built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

#: Leaflet's overlay pane is 400 and its tile pane 200: the basemap sits between.
BASEMAP_Z_INDEX = 250


def use_local_assets(
    element: JSCSSMixin, js: list[tuple[str, str]], css: list[tuple[str, str]]
) -> None:
    """Point one element's script and style links at local files.

    Set on the instance, never on the class: Folium's class lists are shared by every
    map in the process, and ``add_js_link`` would mutate them in place.
    """
    element.default_js = list(js)
    element.default_css = list(css)


class BasemapLayer(MacroElement):
    """Country outlines fetched from a local GeoJSON URL, drawn under the markers.

    Loaded by URL rather than inlined, so the ~200 kB file is cached by the browser
    instead of sent with every page; a page opened from a file passes ``data``
    instead (fetch cannot read file:// URLs). A failed load is logged with
    ``console.error`` (the browser test fails on it) and leaves the markers usable.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                var pane = map.createPane({{ this.pane|tojavascript }});
                pane.style.zIndex = {{ this.z_index|tojson }};
                pane.style.pointerEvents = "none";
                var inline = {{ this.data|tojson }};
                (inline ? Promise.resolve(inline) : fetch({{ this.url|tojavascript }})
                    .then(function (response) {
                        if (!response.ok) {
                            throw new Error("HTTP " + response.status);
                        }
                        return response.json();
                    }))
                    .then(function (data) {
                        L.geoJSON(data, {
                            pane: {{ this.pane|tojavascript }},
                            interactive: false,
                            attribution: {{ this.attribution|tojavascript }},
                            style: {{ this.style|tojavascript }}
                        }).addTo(map);
                    })
                    .catch(function (error) {
                        console.error("basemap " + {{ this.url|tojavascript }}
                            + " could not be loaded: " + error);
                    });
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(
        self, url: str, *, data: dict[str, Any] | None = None, attribution: str = "Natural Earth"
    ) -> None:
        super().__init__()
        self._name = "BasemapLayer"
        self.url = url
        self.data = data
        self.pane = "basemap"
        self.z_index = BASEMAP_Z_INDEX
        self.attribution = attribution
        self.style = {
            "color": "#9a9488",
            "weight": 0.6,
            "fill_color": "#f4f1ea",
            "fill_opacity": 1,
        }


class LegendControl(MacroElement):
    """A Leaflet control in a corner of the map holding pre-escaped legend HTML."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                var legend = L.control({position: {{ this.position|tojavascript }}});
                legend.onAdd = function () {
                    var div = L.DomUtil.create("div", "incident-legend-control");
                    div.innerHTML = {{ this.html|tojavascript }};
                    L.DomEvent.disableClickPropagation(div);
                    return div;
                };
                legend.addTo(map);
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, *, position: str = "bottomright") -> None:
        super().__init__()
        self._name = "LegendControl"
        self.html = html
        self.position = position


class HeaderBar(MacroElement):
    """A bar over the top of the map holding pre-escaped header HTML."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                var bar = L.DomUtil.create("div", "incident-header-bar", map.getContainer());
                bar.innerHTML = {{ this.html|tojavascript }};
                L.DomEvent.disableClickPropagation(bar);
                L.DomEvent.disableScrollPropagation(bar);
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "HeaderBar"
        self.html = html


class IncidentData(JSCSSMixin, MacroElement):
    """Start the page's script (``static/incidents-map.js``) on the map, with one
    layer per type, the heat layer, and its configuration as a JSON literal."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            IncidentsMap.start({{ this._parent.get_name() }}, {
                {%- for event_type, layer in this.layers.items() %}
                {{ event_type|tojson }}: {{ layer.get_name() }},
                {%- endfor %}
            }, {{ this.heat.get_name() }}, {{ this.config|tojson }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        *,
        layers: Mapping[str, Layer],
        heat: Layer,
        config: dict[str, Any],
        js: list[tuple[str, str]],
        css: list[tuple[str, str]],
    ) -> None:
        super().__init__()
        self._name = "IncidentData"
        self.layers = layers
        self.heat = heat
        self.config = config
        use_local_assets(self, js=js, css=css)
