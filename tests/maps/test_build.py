"""The map page as HTML: one marker per incident, escaped text, local assets only."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from typing import Any

import folium
import pytest

from incidents.domain import EventType
from maps import MapError, MapIncident, build_incident_map, static_dir
from maps.build import BASEMAP_PATH, HEAT_LAYER_NAME, MapView, check_local_assets
from maps.features import cell_degrees, incidents_collection
from maps.icons import known_glyphs
from maps.markers import MapSource
from maps.popup import POPUP_SOURCES, header_html, legend_html, popup_html, safe_href
from maps.style import MAX_RADIUS, MIN_RADIUS, radius_for

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
)
PERSIAN = "یک انفجار در منطقه سیده زینب دمشق رخ داد"


def make_incident(**changes: object) -> MapIncident:
    """A valid incident; tests change only the fields they are about."""
    base = MapIncident(
        id=1,
        type="explosion",
        place="Damascus",
        country="SY",
        lat=33.513,
        lon=36.292,
        date="2025-11-14",
        killed=1,
        injured=None,
        evidence="A blast hit the Sayyida Zeinab area of Damascus.",
        evidence_lang="en",
        source_kind="article",
        sources=(MapSource("Example News", "https://news.example/articles/1"),),
        n_reports=1,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def with_source(
    label: str = "Example News", url: str | None = None, kind: str = "article"
) -> dict[str, Any]:
    return {"sources": (MapSource(label, url, kind),)}


def static_page(incidents: list[MapIncident], static_url: str = "/static", **view: Any) -> str:
    """The page with ``incidents`` embedded (as ``incidents map --out`` builds it)."""
    counts = Counter(i.type for i in incidents)
    return build_incident_map(
        MapView(
            features=incidents_collection(incidents, len(incidents)),
            type_counts=counts,
            total=len(incidents),
            **view,
        ),
        static_url=static_url,
    )


def embedded_features(page: str) -> list[dict[str, Any]]:
    start = page.index("IncidentsMap.start(")
    config = page[page.index('{"dataUrl"', start) : page.index(");", start)]
    return list(json.loads(config)["features"]["features"])


def test_one_feature_per_incident_and_a_layer_per_type() -> None:
    types = ["explosion", "airstrike", "explosion", "arrest", "explosion"]
    incidents = [
        make_incident(id=i, lat=30.0 + i, lon=40.0 + i, type=t) for i, t in enumerate(types, 1)
    ]
    page = static_page(incidents)
    features = embedded_features(page)
    assert [f["properties"]["id"] for f in features] == [1, 2, 3, 4, 5]
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [41.0, 31.0]}
    assert page.count("L.featureGroup(") == 3  # one layer per type present
    assert page.count("L.heatLayer(") == 1 and HEAT_LAYER_NAME in page
    assert "L.control.layers(" in page
    assert "IncidentsMap.start(" in page and "fitBounds(" not in page
    for label in ("Explosion", "Airstrike", "Arrest"):
        assert label in page


def test_a_served_page_embeds_no_incident() -> None:
    page = build_incident_map(
        MapView(
            data_url="/map/features?type=explosion",
            type_counts={"explosion": 100_000},
            total=100_000,
        )
    )
    assert '"features": null' in page and '"dataUrl": "/map/features?type=explosion"' in page
    assert "100,000 incidents" in page
    assert len(page.encode()) < 100_000


def test_a_view_needs_one_source_of_features() -> None:
    with pytest.raises(MapError, match="exactly one"):
        MapView()
    with pytest.raises(MapError, match="exactly one"):
        MapView(data_url="/x", features={"type": "FeatureCollection", "features": []})


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["evidence", "place", "source", "type", "country"])
def test_untrusted_text_is_escaped(field: str, payload: str) -> None:
    changes = with_source(payload) if field == "source" else {field: payload}
    incident = make_incident(**changes)
    html = popup_html(incident)
    assert payload not in html and "&lt;" in html
    page = static_page([incident])
    assert payload not in page
    assert "<img src=x" not in page and "<script>window" not in page
    # The text is still there, escaped for HTML, inside a JSON string literal.
    assert "\\u0026lt;" in page


def test_template_literal_and_script_breakouts_stay_inert() -> None:
    evidence = "${window.__pwned=1} ` \\` </script><script>window.__pwned=1</script>"
    page = static_page([make_incident(evidence=evidence)])
    assert page.count("</script>") == page.count("<script")
    assert "`${" not in page  # no popup content inside a JS template literal


def test_title_and_filters_are_escaped() -> None:
    page = static_page([], title="<b>Incidents</b>", filters=(("text", "<img src=x onerror=1>"),))
    assert "<title>&lt;b&gt;Incidents&lt;/b&gt;</title>" in page
    assert "<b>Incidents</b>" not in page and "<img src=x" not in page
    header = header_html("T", (("country", "SY"), ("since", "2025-11-01")), 1234)
    assert "1,234 incidents" in header and "<b>country</b>" in header and "SY" in header


@pytest.mark.parametrize(("lang", "direction"), [("fa", "rtl"), ("ar", "rtl"), ("en", "ltr")])
def test_evidence_keeps_its_direction(lang: str, direction: str) -> None:
    html = popup_html(make_incident(evidence=PERSIAN, evidence_lang=lang))
    assert f'<blockquote class="incident-evidence" dir="{direction}" lang="{lang}">' in html
    assert PERSIAN in html


def test_evidence_of_unknown_language_is_auto() -> None:
    html = popup_html(make_incident(evidence_lang=None))
    assert '<blockquote class="incident-evidence" dir="auto">' in html


def test_unknown_counts_read_unknown_and_zero_stays_zero() -> None:
    html = popup_html(make_incident(killed=0, injured=None, date=None))
    assert "<th>Killed</th><td>0</td>" in html
    assert "<th>Injured</th><td>unknown</td>" in html
    assert "<th>Date</th><td>unknown</td>" in html


def test_popup_counts_reports_and_sources_and_links_each_source() -> None:
    sources = tuple(
        MapSource(f"Outlet {i}", f"https://o{i}.example/a") for i in range(POPUP_SOURCES)
    )
    html = popup_html(make_incident(sources=sources, n_reports=9, n_sources=7))
    assert "9 reports, 7 sources" in html
    for i in range(POPUP_SOURCES):
        assert f'href="https://o{i}.example/a"' in html
    assert "and 4 more on the incident page" in html
    assert 'href="/incidents/1"' in html


def test_comment_source_is_marked() -> None:
    html = popup_html(
        make_incident(source_kind="comment", n_reports=2, **with_source(kind="comment"))
    )
    assert "(reader comment)" in html and "2 reports" in html
    assert '<a href="http' not in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.example",
    ],
)
def test_only_http_source_urls_become_links(url: str) -> None:
    assert safe_href(url) is None
    html = popup_html(make_incident(**with_source(url=url)))
    assert html.count("<a ") == 1  # only the link to the incident's own page
    assert 'href="/incidents/1"' in html


def test_http_source_url_is_linked_and_escaped() -> None:
    assert safe_href('https://x.example/?a=1&b="2"') == "https://x.example/?a=1&amp;b=&quot;2&quot;"


def test_no_cdn_asset_urls() -> None:
    page = static_page([make_incident()], static_url="/assets/")
    assets = re.findall(r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", page)
    assert assets and all(url.startswith("/assets/") for url in assets), assets
    assert f"/assets/{BASEMAP_PATH}" in page
    for name in ("leaflet.heat/leaflet-heat.js", "incidents-map.js", "incidents-map.css"):
        assert f"/assets/{name}" in assets
    for cdn in ("cdn.jsdelivr", "cdnjs", "jquery", "bootstrap", "fontawesome", "http://"):
        assert cdn not in page.lower()
    # The incident's own source link is the one absolute URL, inside the popup.
    assert page.count("https://") == 1 and "https://news.example/articles/1" in page


def test_folium_defaults_are_not_mutated() -> None:
    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    build_incident_map(MapView(data_url="/map/features"))
    assert (folium.Map.default_js, folium.Map.default_css) == before
    assert folium.Map.default_js[0][1].startswith("https://")  # still Folium's own


def test_remote_asset_is_refused() -> None:
    with pytest.raises(MapError, match="network"):
        build_incident_map(MapView(data_url="/x"), static_url="https://cdn.example/static")
    with pytest.raises(MapError):
        check_local_assets('<script src="//cdn.example/x.js"></script>')
    check_local_assets('<link rel="stylesheet" href="/static/x.css"/>')


def test_a_tile_server_is_optional_and_the_only_remote_url() -> None:
    plain = build_incident_map(MapView(data_url="/x"))
    assert "L.tileLayer(" not in plain
    tiled = build_incident_map(
        MapView(
            data_url="/x", tile_url="http://tiles.local/{z}/{x}/{y}.png", tile_attribution="OSM"
        )
    )
    assert tiled.count("L.tileLayer(") == 1 and "http://tiles.local/{z}/{x}/{y}.png" in tiled


def test_empty_map_renders_over_the_middle_east() -> None:
    page = static_page([])
    assert page.startswith("<!DOCTYPE html>")
    assert "L.featureGroup(" not in page and "fitBounds(" not in page
    assert "center: [31.0, 45.0]" in page
    assert "No incidents to show" in page


def test_bounds_are_fitted() -> None:
    page = static_page([make_incident()], bounds=((30.0, 35.0), (37.0, 48.0)))
    assert "fitBounds(" in page and "[[30.0, 35.0], [37.0, 48.0]]" in page


def test_legend_lists_types_present_with_counts() -> None:
    page = static_page(
        [make_incident(id=1, type="airstrike"), make_incident(id=2, type="suicide_bombing")]
    )
    assert "Airstrike" in page and "Suicide bombing" in page and "Road closure" not in page
    legend = legend_html({"explosion": 12_345, "arrest": 0, "shelling": 2}, "Legend")
    assert '<span class="legend-count">12,345</span>' in legend
    assert 'data-type="shelling"' in legend and "Arrest" not in legend


def test_every_type_has_a_glyph() -> None:
    assert known_glyphs() == {t.value for t in EventType}


def test_features_carry_escaped_popups_and_sizes() -> None:
    (feature,) = incidents_collection([make_incident(killed=4, injured=2, evidence="<b>x</b>")], 1)[
        "features"
    ]
    props = feature["properties"]
    assert props["killed"] == 4 and props["size"] == round(2 * radius_for(6))
    assert "&lt;b&gt;x&lt;/b&gt;" in props["popup"] and "<b>x" not in props["popup"]


def test_grid_cells_are_about_64_pixels() -> None:
    assert cell_degrees(0) == 90.0 and cell_degrees(4) == 5.625
    assert cell_degrees(10) == pytest.approx(360 / 1024 / 4)


def test_radius_grows_with_casualties_and_is_bounded() -> None:
    assert radius_for(None) == radius_for(0) == MIN_RADIUS
    assert MIN_RADIUS < radius_for(3) < radius_for(50) <= MAX_RADIUS
    assert radius_for(10**9) == MAX_RADIUS


@pytest.mark.parametrize(
    "changes",
    [
        {"lat": 91.0},
        {"lon": float("nan")},
        {"evidence_lang": "de"},
        {"source_kind": "tweet"},
        {"killed": -1},
        {"n_reports": 0},
        {"sources": ()},
    ],
)
def test_invalid_incident_names_the_field(changes: dict[str, object]) -> None:
    field = next(iter(changes))
    with pytest.raises(MapError, match=f"id=1: {field}"):
        make_incident(**changes)


def test_zero_coordinates_are_valid() -> None:
    (feature,) = embedded_features(static_page([make_incident(lat=0.0, lon=0.0)]))
    assert feature["geometry"]["coordinates"] == [0.0, 0.0]


def test_vendored_assets_exist() -> None:
    root = static_dir()
    for path in (
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
        "leaflet/images/layers.png",
        "leaflet/LICENSE",
        "leaflet.markercluster/leaflet.markercluster.js",
        "leaflet.markercluster/MarkerCluster.css",
        "leaflet.markercluster/LICENSE",
        "leaflet.heat/leaflet-heat.js",
        "leaflet.heat/LICENSE",
        "incidents-map.js",
        "incidents-map.css",
        "incidents-icon.svg",
        BASEMAP_PATH,
        "basemap/LICENSE",
        "VENDORED.md",
    ):
        assert (root / path).is_file(), path
    basemap = json.loads((root / BASEMAP_PATH).read_text(encoding="utf-8"))
    assert basemap["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in basemap["features"]}
    assert {"Iran", "Iraq", "Syria", "Lebanon"} <= names
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert total < 3 * 1024 * 1024
    vendored = (root / "VENDORED.md").read_text(encoding="utf-8")
    assert "leaflet.heat | 0.2.0" in vendored
