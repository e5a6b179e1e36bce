"""POST /documents: bearer token from the configuration, extraction and storage now."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from incidents.config import Settings
from tests.postgres import BACKENDS, migrated_database

pytestmark = pytest.mark.slow

TOKEN = "s3cret-token"
ARTICLE = {
    "id": "mosul-1",
    "text": "A car bomb exploded in Mosul on Monday, killing at least 15 people.",
    "published": "2025-03-10T09:00:00+03:00",
    "comments": [{"text": "ISIS is behind the Mosul blast.", "country": "Iraq"}],
}


@pytest.fixture(scope="module", params=BACKENDS)
def empty_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with migrated_database(request, tmp_path_factory.mktemp("submit")) as url:
        yield url


@pytest.fixture(scope="module")
def client(empty_url: str, corpus: Path) -> Iterator[TestClient]:
    settings = Settings(database_url=empty_url, corpus=corpus, api_token=SecretStr(TOKEN))
    with TestClient(create_app(settings)) as client:
        yield client


def _post(client: TestClient, body: Any, token: str | None = TOKEN) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post("/documents", json=body, headers=headers)


def test_a_token_is_required(client: TestClient) -> None:
    missing = _post(client, ARTICLE, token=None)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = _post(client, ARTICLE, token="guess")
    assert wrong.status_code == 403  # more in test_hostile.py
    for response in (missing, wrong):
        assert response.headers["content-type"] == "application/problem+json"


def test_submitted_documents_become_incidents_once(client: TestClient) -> None:
    first = _post(client, ARTICLE)
    assert first.status_code == 201, first.text
    results = first.json()["documents"]
    assert [(r["kind"], r["stored"]) for r in results] == [("article", True), ("comment", True)]
    (incident_id,) = results[0]["incidents"]
    incident = client.get(f"/incidents/{incident_id}").json()
    assert (incident["type"], incident["place"], incident["killed"]) == ("explosion", "Mosul", 15)
    assert [c["perpetrator"] for c in incident["claims"]] == ["ISIS"]
    again = _post(client, [ARTICLE]).json()["documents"]
    assert [r["stored"] for r in again] == [False, False]


def test_bad_records_are_named_and_the_rest_go_on(client: TestClient) -> None:
    body = [
        {"id": "x", "text": ""},
        {"text": "no id"},
        {"id": "kabul-1", "text": "Gunmen kidnapped two engineers in Kabul on Sunday."},
    ]
    response = _post(client, body)
    assert response.status_code == 201
    errors = response.json()["errors"]
    assert [e["record"] for e in errors] == [0, 1]
    assert "'text'" in errors[0]["detail"] and "'id'" in errors[1]["detail"]
    (stored,) = response.json()["documents"]
    assert stored["key"] == "api:kabul-1" and stored["reports"] == 1


def test_disabled_without_a_configured_token(empty_url: str, corpus: Path) -> None:
    with TestClient(create_app(Settings(database_url=empty_url, corpus=corpus))) as client:
        response = _post(client, ARTICLE)
    assert response.status_code == 403
    assert "INCIDENTS_API_TOKEN" in response.json()["detail"]
