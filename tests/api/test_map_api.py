"""``/map`` and ``/map/features``: a small page, and the incidents in view as
markers or, when too many, as grid cells; bad parameters are named."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from api.app import create_app
from incidents.config import Settings
from incidents.store.engine import make_engine
from incidents.store.models import Incident
from maps.features import MAX_MARKERS

WORLD = "-180,-90,180,90"


def _config(page: str) -> dict[str, Any]:
    start = page.index("IncidentsMap.start(")
    return dict(json.loads(page[page.index('{"dataUrl"', start) : page.index(");", start)]))


def test_the_page_is_small_and_loads_incidents_from_the_api(client: TestClient) -> None:
    response = client.get("/map")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert len(page.encode()) < 2 * 1024 * 1024
    config = _config(page)
    assert config["features"] is None and config["dataUrl"] == "/map/features"
    located = len(client.get("/incidents.geojson").json()["features"])
    assert f"{located:,} incidents" in page
    assert config["dateMin"] <= config["dateMax"]
    assert "incident-evidence" not in page  # no incident is embedded
    for asset in ("leaflet/leaflet.js", "leaflet.heat/leaflet-heat.js", "incidents-map.js"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_filters_reach_the_header_and_the_feature_url(client: TestClient) -> None:
    page = client.get("/map?type=explosion&country=sy&since=2025-11-01&until=2025-11-30").text
    config = _config(page)
    assert config["dataUrl"] == "/map/features?type=explosion&country=SY"
    assert (config["since"], config["until"]) == ("2025-11-01", "2025-11-30")
    # The header reaches the page as a JSON string: markup is \u003c-escaped.
    for chip in ("type", "country", "since", "until"):
        assert f"\\u003cb\\u003e{chip}\\u003c/b\\u003e" in page
    assert list(config["styles"]) == ["explosion"]


def test_features_in_view_are_incidents_with_escaped_popups(client: TestClient) -> None:
    located = client.get("/incidents.geojson").json()["features"]
    body = client.get(f"/map/features?bbox={WORLD}&zoom=3").json()
    assert body["type"] == "FeatureCollection" and body["mode"] == "incidents"
    assert body["total"] == len(body["features"]) == len(located)
    props = body["features"][0]["properties"]
    assert props["popup"].startswith('<div class="incident-popup"')
    assert {"id", "type", "date", "killed", "injured", "size", "tooltip"} <= set(props)


def test_feature_filters_and_areas(client: TestClient) -> None:
    body = client.get(f"/map/features?bbox={WORLD}&type=explosion").json()
    assert body["features"] and {f["properties"]["type"] for f in body["features"]} == {"explosion"}
    # Syria and Lebanon only: an area kept while the view covers the world.
    levant = client.get(f"/map/features?bbox={WORLD}&area=35,32,42.5,37.5").json()
    for feature in levant["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 <= lon <= 42.5 and 32 <= lat <= 37.5
    assert 0 < levant["total"] < client.get(f"/map/features?bbox={WORLD}").json()["total"]
    nowhere = client.get("/map/features?bbox=-80,10,-70,20&area=35,32,42.5,37.5").json()
    assert nowhere["total"] == 0 and nowhere["features"] == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,-95,20,30", "bbox"),
        ("zoom=99", "zoom"),
        ("zoom=x", "zoom"),
        ("area=a,b,c,d", "area"),
        ("area=1,2,3", "'area' must be four numbers"),
        ("area=10,95,20,30", "'area' latitudes"),
        ("type=meteor", "type"),
        ("since=2025-12-01&until=2025-11-01", "since"),
    ],
)
def test_bad_parameters_are_named(client: TestClient, query: str, parameter: str) -> None:
    for path in ("/map/features", "/map"):
        if path == "/map" and parameter.strip("'").startswith(("zoom", "area")):
            continue
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422, (path, query)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert parameter in response.text


@pytest.fixture
def crowded(database_url: str) -> Iterator[TestClient]:
    """More incidents than MAX_MARKERS, in two clusters of towns."""
    engine = make_engine(database_url)
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "type": "shelling" if i % 3 else "airstrike",
            "place": "Somewhere",
            "country": "SY",
            "lat": (36.2 if i % 2 else 33.5) + (i % 50) * 0.001,
            "lon": (37.1 if i % 2 else 36.3) + (i % 37) * 0.001,
            "event_date": dt.date(2025, 1, 1) + dt.timedelta(days=i % 300),
            "killed": i % 4,
            "n_reports": 1,
            "n_sources": 1,
            "confidence": 0.8,
            "source_kind": "article",
            "first_seen": now,
            "last_seen": now,
        }
        for i in range(MAX_MARKERS + 500)
    ]
    with engine.begin() as connection:
        connection.execute(insert(Incident.__table__), rows)  # type: ignore[attr-defined]
    engine.dispose()
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        yield client


def test_too_many_in_view_become_grid_cells(crowded: TestClient) -> None:
    body = crowded.get(f"/map/features?bbox={WORLD}&zoom=5").json()
    assert body["mode"] == "cells" and body["total"] == MAX_MARKERS + 500
    assert sum(f["properties"]["count"] for f in body["features"]) == MAX_MARKERS + 500
    assert {f["properties"]["type"] for f in body["features"]} == {"shelling", "airstrike"}
    assert len(body["features"]) <= 8  # two places, two types, a cell boundary at most
    for feature in body["features"]:
        west, south, east, north = feature["bbox"]
        lon, lat = feature["geometry"]["coordinates"]
        assert west <= lon <= east and south <= lat <= north
    killed = sum(f["properties"]["killed"] for f in body["features"])
    assert killed == sum(i % 4 for i in range(MAX_MARKERS + 500))
    # One town in view, one type: few enough to draw one by one.
    narrow = crowded.get("/map/features?bbox=36,33,37,34&type=airstrike&zoom=9").json()
    assert narrow["mode"] == "incidents" and 0 < narrow["total"] <= MAX_MARKERS
    dated = crowded.get(f"/map/features?bbox={WORLD}&since=2025-01-01&until=2025-01-02").json()
    assert dated["mode"] == "incidents" and dated["total"] == 2 * 9  # days 0 and 1, 9 times each
