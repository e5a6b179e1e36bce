from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


def test_list_incidents(client: TestClient) -> None:
    response = client.get("/incidents", params={"limit": 1000})
    assert response.status_code == 200
    page = response.json()
    assert page["total"] == len(page["items"]) >= 20
    assert {"explosion", "road_closure", "security_deployment"} <= {
        i["type"] for i in page["items"]
    }
    dates = [i["event_date"] for i in page["items"] if i["event_date"]]
    assert dates == sorted(dates, reverse=True)


def test_filters(client: TestClient) -> None:
    page = client.get("/incidents", params={"type": "explosion", "country": "sy"}).json()
    assert page["items"] and all(
        i["type"] == "explosion" and i["country"] == "SY" for i in page["items"]
    )
    page = client.get("/incidents", params=[("type", "arrest"), ("type", "road_closure")]).json()
    assert {i["type"] for i in page["items"]} <= {"arrest", "road_closure"}
    page = client.get("/incidents", params={"since": "2030-01-01"}).json()
    assert page == {"total": 0, "limit": 100, "offset": 0, "items": []}


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"type": "picnic"}, "type"),
        ({"since": "yesterday"}, "since"),
        ({"country": "Syria"}, "country"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(
    client: TestClient, params: dict[str, object], name: str
) -> None:
    response = client.get("/incidents", params=params)
    assert response.status_code == 422
    assert name in str(response.json())


def test_since_after_until(client: TestClient) -> None:
    response = client.get("/incidents", params={"since": "2025-12-01", "until": "2025-11-01"})
    assert response.status_code == 422 and "since" in response.text


def test_incident_detail_has_reports_documents_and_evidence(client: TestClient) -> None:
    first = client.get("/incidents", params={"type": "explosion"}).json()["items"][0]
    detail = client.get(f"/incidents/{first['id']}").json()
    assert detail["id"] == first["id"] and detail["reports"]
    for report in detail["reports"]:
        assert report["evidence_text"]
        assert report["document"]["key"]
        assert report["evidence_end"] > report["evidence_start"]


def test_unknown_incident_is_404(client: TestClient) -> None:
    response = client.get("/incidents/999999")
    assert response.status_code == 404 and "999999" in response.json()["detail"]


def test_geojson_is_rfc7946(client: TestClient) -> None:
    collection = client.get("/incidents.geojson").json()
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["lat"] == lat and feature["properties"]["lon"] == lon


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/incidents", "/incidents/{incident_id}", "/incidents.geojson", "/map"} <= set(paths)


def test_incidents_carry_acled_geo_precision(client: TestClient) -> None:
    items = client.get("/incidents", params={"limit": 1000}).json()["items"]
    expected = {"district": {1, 2}, "city": {1, 2}, "region": {3}, "country": {3}, None: {None}}
    assert all(i["geo_precision"] in expected[i["precision"]] for i in items)
    assert {i["geo_precision"] for i in items} >= {1}
    geojson = client.get("/incidents.geojson").json()
    assert all("geo_precision" in f["properties"] for f in geojson["features"])
