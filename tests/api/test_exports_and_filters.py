"""Filters, exports (CSV with ACLED columns, JSON Lines), /stats, /health and problem+json,
on SQLite and PostgreSQL (see conftest.py)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


def _all(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    page = client.get("/incidents", params={"limit": 1000, **params})
    assert page.status_code == 200, page.text
    items: list[dict[str, Any]] = page.json()["items"]
    assert page.json()["total"] == len(items)
    return items


def test_bbox_keeps_only_incidents_inside(client: TestClient) -> None:
    everything = _all(client)
    inside = _all(client, bbox="35.5,33.0,37.0,34.0")  # around Damascus
    assert inside and len(inside) < len(everything)
    assert all(35.5 <= i["lon"] <= 37.0 and 33.0 <= i["lat"] <= 34.0 for i in inside)
    expected = [
        i
        for i in everything
        if i["lat"] is not None and 35.5 <= i["lon"] <= 37.0 and 33.0 <= i["lat"] <= 34.0
    ]
    assert {i["id"] for i in inside} == {i["id"] for i in expected}


def test_min_killed_text_source_kind_and_confidence(client: TestClient) -> None:
    everything = _all(client)
    deadly = _all(client, min_killed=2)
    assert deadly and all(i["killed"] >= 2 for i in deadly)
    assert len(deadly) == sum(1 for i in everything if (i["killed"] or 0) >= 2)
    comments = _all(client, source_kind="comment")
    assert all(i["source_kind"] == "comment" for i in comments)
    confident = _all(client, min_confidence=0.7)
    assert all(i["confidence"] >= 0.7 for i in confident)
    damascus = _all(client, q="Damascus")
    assert damascus and all(i["place"] for i in damascus)


def test_text_search_reads_the_evidence(client: TestClient) -> None:
    (first, *_) = _all(client)
    detail = client.get(f"/incidents/{first['id']}").json()
    word = max(detail["reports"][0]["evidence_text"].split(), key=len)
    found = _all(client, q=word)
    assert first["id"] in {i["id"] for i in found}


def test_sorting(client: TestClient) -> None:
    by_killed = [i["killed"] for i in _all(client, sort="-killed") if i["killed"] is not None]
    assert by_killed == sorted(by_killed, reverse=True)
    oldest_first = [i["event_date"] for i in _all(client, sort="event_date") if i["event_date"]]
    assert oldest_first == sorted(oldest_first)


def test_csv_export_has_acled_columns_and_every_incident(client: TestClient) -> None:
    response = client.get("/incidents.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == [
        "event_date",
        "event_type",
        "sub_event_type",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
        "injured",
        "incident_id",
    ]
    incidents = {i["id"]: i for i in _all(client)}
    assert len(rows) == len(incidents)
    for row in rows:
        incident = incidents[int(row["incident_id"])]
        assert row["fatalities"] == ("" if incident["killed"] is None else str(incident["killed"]))
        assert row["notes"]  # the evidence sentence
    assert {"Syria"} <= {row["country"] for row in rows}
    assert "Explosions/Remote violence" in {row["event_type"] for row in rows}


def test_jsonl_export_takes_the_same_filters(client: TestClient) -> None:
    response = client.get("/incidents.jsonl", params={"type": "explosion"})
    assert response.status_code == 200
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines and all(line["type"] == "explosion" and line["evidence"] for line in lines)
    assert len(lines) == len(_all(client, type="explosion"))


def test_stats_add_up(client: TestClient) -> None:
    stats = client.get("/stats").json()
    everything = _all(client)
    for group in ("by_day", "by_type", "by_country"):
        assert sum(t["incidents"] for t in stats[group]) == len(everything)
        assert sum(t["killed"] for t in stats[group]) == sum(i["killed"] or 0 for i in everything)
    assert "explosion" in {t["key"] for t in stats["by_type"]}


def test_health(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"


@pytest.mark.parametrize(
    ("path", "params", "status", "parameter"),
    [
        ("/incidents", {"bbox": "1,2,3"}, 422, "bbox"),
        ("/incidents", {"bbox": "30,40,35,20"}, 422, "bbox"),
        ("/incidents", {"type": "parade"}, 422, "type"),
        ("/incidents", {"limit": 0}, 422, "limit"),
        ("/incidents", {"min_killed": -1}, 422, "min_killed"),
        ("/incidents", {"source_kind": "tweet"}, 422, "source_kind"),
        ("/incidents.csv", {"since": "2025-02-30"}, 422, "since"),
        ("/incidents.jsonl", {"sort": "place"}, 422, "sort"),
        ("/stats", {"country": "Syria"}, 422, "country"),
        ("/incidents", {"since": "2025-05-01", "until": "2025-04-01"}, 422, "since"),
        ("/incidents/999999", {}, 404, None),
    ],
)
def test_errors_are_problem_details_naming_the_parameter(
    client: TestClient, path: str, params: dict[str, Any], status: int, parameter: str | None
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["instance"] == path
    assert {"type", "title", "detail"} <= set(problem)
    if parameter is not None:
        assert parameter in problem["detail"]
