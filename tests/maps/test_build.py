"""The map page as HTML: one marker per incident, escaped text, local assets only."""

from __future__ import annotations

import dataclasses
import json
import re

import folium
import pytest

from maps import MapError, MapIncident, build_incident_map, static_dir
from maps.build import BASEMAP_PATH, check_local_assets
from maps.popup import popup_html, safe_href
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
        source="Example News",
        source_kind="article",
        url="https://news.example/articles/1",
        n_reports=1,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_one_marker_per_incident() -> None:
    incidents = [make_incident(id=i, lat=30.0 + i, lon=40.0 + i) for i in range(1, 6)]
    page = build_incident_map(incidents)
    assert page.count("L.circleMarker(") == 5
    assert page.count(".bindPopup(") == 5
    assert page.count("L.markerClusterGroup(") == 1
    for i in range(1, 6):
        assert f"incident-marker incident-{i}" in page
        assert f"/incidents/{i}" in page
    assert "fitBounds(" in page


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["evidence", "place", "source", "type", "country"])
def test_untrusted_text_is_escaped(field: str, payload: str) -> None:
    page = build_incident_map([make_incident(**{field: payload})])
    assert payload not in page
    assert "<img src=x" not in page and "<script>window" not in page
    # The text is still there, escaped for HTML, inside a JSON string literal.
    assert "\\u0026lt;" in page


def test_template_literal_and_script_breakouts_stay_inert() -> None:
    evidence = "${window.__pwned=1} ` \\` </script><script>window.__pwned=1</script>"
    page = build_incident_map([make_incident(evidence=evidence)])
    assert page.count("</script>") == page.count("<script")
    assert "`${" not in page  # no popup content inside a JS template literal


def test_title_is_escaped() -> None:
    page = build_incident_map([], title="<b>Incidents</b>")
    assert "<title>&lt;b&gt;Incidents&lt;/b&gt;</title>" in page
    assert "<b>Incidents</b>" not in page


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


def test_comment_source_is_marked() -> None:
    html = popup_html(make_incident(source_kind="comment", url=None, n_reports=2))
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
    html = popup_html(make_incident(url=url))
    assert html.count("<a ") == 1  # only the link to the incident's own page
    assert 'href="/incidents/1"' in html


def test_http_source_url_is_linked_and_escaped() -> None:
    assert safe_href('https://x.example/?a=1&b="2"') == "https://x.example/?a=1&amp;b=&quot;2&quot;"


def test_no_cdn_asset_urls() -> None:
    page = build_incident_map([make_incident()], static_url="/assets/")
    assets = re.findall(r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", page)
    assert assets and all(url.startswith("/assets/") for url in assets), assets
    assert f"/assets/{BASEMAP_PATH}" in page
    for cdn in (
        "cdn.jsdelivr",
        "cdnjs",
        "jquery",
        "bootstrap",
        "fontawesome",
        "http://",
    ):
        assert cdn not in page.lower()
    # The incident's own source link is the one absolute URL, inside the popup.
    assert page.count("https://") == 1 and "https://news.example/articles/1" in page


def test_folium_defaults_are_not_mutated() -> None:
    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    build_incident_map([make_incident()])
    assert (folium.Map.default_js, folium.Map.default_css) == before
    assert folium.Map.default_js[0][1].startswith("https://")  # still Folium's own


def test_remote_asset_is_refused() -> None:
    with pytest.raises(MapError, match="network"):
        build_incident_map([], static_url="https://cdn.example/static")
    with pytest.raises(MapError):
        check_local_assets('<script src="//cdn.example/x.js"></script>')
    check_local_assets('<link rel="stylesheet" href="/static/x.css"/>')


def test_empty_map_renders_over_the_middle_east() -> None:
    page = build_incident_map([])
    assert page.startswith("<!DOCTYPE html>")
    assert "L.circleMarker(" not in page and "fitBounds(" not in page
    assert "center: [31.0, 45.0]" in page
    assert "No incidents to show" in page


def test_legend_lists_types_present() -> None:
    page = build_incident_map(
        [
            make_incident(id=1, type="airstrike"),
            make_incident(id=2, type="suicide_bombing"),
        ]
    )
    assert "Airstrike" in page and "Suicide bombing" in page and "Road closure" not in page


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
    ],
)
def test_invalid_incident_names_the_field(changes: dict[str, object]) -> None:
    field = next(iter(changes))
    with pytest.raises(MapError, match=f"id=1: {field}"):
        make_incident(**changes)


def test_zero_coordinates_are_valid() -> None:
    page = build_incident_map([make_incident(lat=0.0, lon=0.0)])
    assert "[0.0, 0.0]" in page


def test_vendored_assets_exist() -> None:
    root = static_dir()
    for path in (
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
        "leaflet/images/layers.png",
        "leaflet/LICENSE",
        "leaflet.markercluster/leaflet.markercluster.js",
        "leaflet.markercluster/MarkerCluster.css",
        "leaflet.markercluster/MarkerCluster.Default.css",
        "leaflet.markercluster/LICENSE",
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
