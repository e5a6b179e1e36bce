"""Folium elements the incident map needs and Folium does not provide safely.

Why not Folium's own: ``folium.Popup`` and ``folium.Tooltip`` paste their HTML into a
JavaScript template literal (a `${...}` or a backslash in news text would run or
break the script), and ``folium.Popup`` and ``GeoJson(embed=False)`` need jQuery.
These elements hand Leaflet its content as a JSON string literal instead (Folium's
``tojavascript`` filter, which also escapes ``<``, ``>``, ``&`` and ``'``), and load
the basemap with ``fetch``. Nothing here reads incident data: callers pass HTML that
:mod:`maps.popup` has already escaped.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template
from folium.utilities import remove_empty

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


class BindPopup(MacroElement):
    """Bind a popup of pre-escaped HTML to the parent layer, as a JSON string."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup(
                {{ this.html|tojavascript }}, {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, *, max_width: int = 320) -> None:
        super().__init__()
        self._name = "BindPopup"
        self.html = html
        self.options = remove_empty(max_width=max_width)


class BindTooltip(MacroElement):
    """Bind a hover tooltip with pre-escaped HTML to the parent layer."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindTooltip(
                {{ this.html|tojavascript }}, {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "BindTooltip"
        self.html = html
        self.options = remove_empty(direction="top")


class BasemapLayer(MacroElement):
    """Country outlines fetched from a local GeoJSON URL, drawn under the markers.

    Loaded by URL rather than inlined, so the ~200 kB file is cached by the browser
    instead of sent with every page. A failed load is logged with ``console.error``
    (the browser test fails on it) and leaves the markers usable.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                var pane = map.createPane({{ this.pane|tojavascript }});
                pane.style.zIndex = {{ this.z_index|tojson }};
                pane.style.pointerEvents = "none";
                fetch({{ this.url|tojavascript }})
                    .then(function (response) {
                        if (!response.ok) {
                            throw new Error("HTTP " + response.status);
                        }
                        return response.json();
                    })
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

    def __init__(self, url: str, *, attribution: str = "Natural Earth") -> None:
        super().__init__()
        self._name = "BasemapLayer"
        self.url = url
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


PAGE_CSS = """
.folium-map.leaflet-container { background: #cfe3ef; }
.leaflet-container path.leaflet-interactive:focus:not(:focus-visible) { outline: none; }
.incident-popup { font: 13px/1.45 system-ui, sans-serif; min-width: 220px; }
.incident-popup .incident-type { font-weight: 600; font-size: 14px; }
.incident-popup .incident-place { color: #333; margin-bottom: 4px; }
.incident-facts { border-collapse: collapse; }
.incident-facts th { text-align: start; font-weight: normal; color: #666;
  padding-inline-end: 10px; }
.incident-evidence { margin: 6px 0; padding: 4px 8px; background: #f6f6f6;
  border-inline-start: 3px solid #bbb; }
.incident-evidence[dir="rtl"] { font-family: "Vazirmatn", "Noto Naskh Arabic",
  "DejaVu Sans", Tahoma, sans-serif; font-size: 14px; }
.incident-source { color: #444; margin-bottom: 4px; }
.incident-legend-control { background: rgba(255, 255, 255, 0.92); padding: 6px 10px;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
  font: 12px/1.6 system-ui, sans-serif; }
.incident-legend .legend-title { font-weight: 600; }
.incident-legend .legend-note, .incident-legend .legend-empty { color: #555; }
.incident-legend .legend-swatch { display: inline-block; width: 11px; height: 11px;
  border-radius: 50%; border: 1px solid #333; margin-inline-end: 6px;
  vertical-align: -1px; }
"""


class PageStyle(MacroElement):
    """The page's own CSS (popup, legend, sea colour), inline: it holds no data."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
            <style>{{ this.css }}</style>
        {% endmacro %}
        """
    )

    def __init__(self, css: str = PAGE_CSS) -> None:
        super().__init__()
        self._name = "PageStyle"
        self.css = css
