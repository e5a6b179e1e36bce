"""Hostile input: the submission token, oversized requests, SQL injection through
every filter, and markup in stored text, on SQLite and PostgreSQL (see conftest.py).

Browser checks of the map are in tests/browser; these are server-side only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from api.app import create_app
from api.routes import documents
from incidents.config import Settings
from incidents.extract.extractor import Extractor
from incidents.store.engine import make_engine
from incidents.store.queries import IncidentFilter
from maps.export import export_map
from tests.api.hostile_helpers import (
    IMG,
    SCRIPT,
    SQL,
    asgi_request,
    assert_no_markup,
    row_counts,
    store_markup_incident,
)

pytestmark = pytest.mark.slow

TOKEN = "hostile-token-0123456789"
LIMIT = 4096
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def guarded_app(corpus_url: str, corpus: Path, extractor: Extractor) -> FastAPI:
    """The API with a token and a small body limit, on the sample corpus."""
    settings = Settings(
        database_url=corpus_url,
        corpus=corpus,
        api_token=SecretStr(TOKEN),
        max_body_bytes=LIMIT,
    )
    app = create_app(settings)
    app.state.extractor = extractor
    return app


@pytest.fixture(scope="module")
def guarded(guarded_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(guarded_app) as client:
        yield client


@pytest.fixture(scope="module")
def markup_incident(corpus_url: str) -> int:
    return store_markup_incident(corpus_url)


def _is_problem(response: Any, status: int, *named: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["x-content-type-options"] == "nosniff"
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status
    for name in named:
        assert name in problem["detail"], (name, problem)
    return problem


# --- POST /documents: the token ---------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": ""}],
    ids=["none", "empty-bearer", "basic", "empty-header"],
)
def test_no_token_is_401_with_a_challenge(guarded: TestClient, headers: dict[str, str]) -> None:
    response = guarded.post("/documents", json={"id": "x", "text": "t"}, headers=headers)
    _is_problem(response, 401, "bearer token")
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "token",
    ["guess", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), TOKEN * 50, "' OR 1=1 --", "é" * 30],
    ids=["guess", "prefix", "longer", "upper", "huge", "sql", "non-ascii"],
)
def test_a_wrong_token_is_403(guarded: TestClient, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}".encode()}
    response = guarded.post("/documents", json={"id": "x", "text": "t"}, headers=headers)
    _is_problem(response, 403, "not valid")
    assert "www-authenticate" not in response.headers


def test_tokens_are_compared_as_fixed_length_digests(
    guarded: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = documents.secrets.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(documents.secrets, "compare_digest", spy)
    for token in ("a", TOKEN * 10):
        guarded.post("/documents", json={}, headers={"Authorization": f"Bearer {token}"})
    assert [(len(a), len(b)) for a, b in compared] == [(32, 32), (32, 32)]
    assert compared[0][1] == hashlib.sha256(TOKEN.encode()).digest()


def test_the_right_token_is_let_through(guarded: TestClient) -> None:
    response = guarded.post(
        "/documents",
        json={"id": "hostile-empty", "text": ""},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["errors"][0]["record"] == 0


BAD_BODIES = [b"{not json", b"\xff\xfe\x00", b"42", b'"text"', b"[1, 2]", b""]
BAD_BODY_IDS = ["broken", "binary", "number", "string", "ints", "empty"]


@pytest.mark.parametrize("body", BAD_BODIES, ids=BAD_BODY_IDS)
def test_the_token_is_checked_before_the_body_is_read(guarded: TestClient, body: bytes) -> None:
    headers = {"Content-Type": "application/json"}
    _is_problem(guarded.post("/documents", content=body, headers=headers), 401, "bearer token")
    wrong = {**headers, "Authorization": "Bearer guess"}
    _is_problem(guarded.post("/documents", content=body, headers=wrong), 403, "not valid")


@pytest.mark.parametrize("body", BAD_BODIES, ids=BAD_BODY_IDS)
def test_a_bad_body_with_the_token_is_named(guarded: TestClient, body: bytes) -> None:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    response = guarded.post("/documents", content=body, headers=headers)
    assert response.status_code in (400, 422), response.text
    _is_problem(response, response.status_code, "'body'")


def test_without_a_configured_token_submissions_are_disabled(client: TestClient) -> None:
    response = client.post(
        "/documents", json={"id": "x", "text": "t"}, headers={"Authorization": "Bearer x"}
    )
    _is_problem(response, 403, "disabled", "INCIDENTS_API_TOKEN")


# --- sizes ----------------------------------------------------------------------


def test_the_body_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INCIDENTS_MAX_BODY_BYTES", "123456")
    assert Settings().max_body_bytes == 123456
    assert Settings.model_fields["max_body_bytes"].default >= 1024 * 1024


def test_a_body_declared_too_large_is_413(guarded: TestClient) -> None:
    response = guarded.post(
        "/documents",
        content=b"[" + b" " * LIMIT + b"]",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    _is_problem(response, 413, str(LIMIT))


def test_a_streamed_body_without_a_length_is_counted(guarded: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"["
        for _ in range(100):
            yield b" " * 1000

    response = guarded.post(
        "/documents",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.request.headers.get("transfer-encoding") == "chunked"
    _is_problem(response, 413, str(LIMIT))


@pytest.mark.parametrize("path", ["/documents", "/incidents"])
def test_a_length_that_lies_does_not_help(guarded_app: FastAPI, path: str) -> None:
    response = asgi_request(
        guarded_app,
        "POST",
        path,
        headers=[("Content-Length", "10"), ("Authorization", f"Bearer {TOKEN}")],
        chunks=[b"[" + b" " * 1000] * 10,
    )
    if path == "/incidents":  # no POST there: the body is never read
        assert response.status == 405
        return
    assert response.status == 413
    assert str(LIMIT) in json.loads(response.body)["detail"]


def test_a_bad_content_length_is_400(guarded_app: FastAPI) -> None:
    response = asgi_request(
        guarded_app, "POST", "/documents", headers=[("Content-Length", "-1")], chunks=[b"{}"]
    )
    assert response.status == 400 and response.headers["content-type"] == PROBLEM


def test_a_body_under_the_limit_goes_on(guarded: TestClient) -> None:
    response = guarded.post("/documents", json=[{"id": "a", "text": ""}] * 10)
    _is_problem(response, 401)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        (b"q=" + b"x" * 100_000, "q"),
        (b"&".join([b"type=explosion"] * 10_000), "type"),
        (b"bbox=" + b"1," * 50_000, "bbox"),
    ],
    ids=["q-100kB", "type-10000", "bbox-100kB"],
)
def test_an_overlong_query_is_refused_naming_the_parameter(
    guarded_app: FastAPI, query: bytes, parameter: str
) -> None:
    for path in ("/incidents", "/incidents.csv", "/map", "/map/features", "/stats"):
        response = asgi_request(guarded_app, "GET", path, query_string=query)
        assert response.status == 414, (path, response.body[:200])
        assert response.headers["content-type"] == PROBLEM
        assert f"'{parameter}'" in json.loads(response.body)["detail"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ([("type", "explosion")] * 500, "type"),
        ({"q": "x" * 5000}, "q"),
        ({"min_killed": 10**30}, "min_killed"),
        ({"offset": 10**30}, "offset"),
        ({"limit": 10**30}, "limit"),
        ({"min_confidence": "nan"}, "min_confidence"),
        ({"bbox": "nan,nan,nan,nan"}, "bbox"),
        ({"bbox": "-inf,-90,inf,90"}, "bbox"),
        ({"since": "99999-01-01"}, "since"),
    ],
)
def test_large_values_are_4xx_naming_the_parameter(
    client: TestClient, params: Any, parameter: str
) -> None:
    _is_problem(client.get("/incidents", params=params), 422, parameter)


@pytest.mark.parametrize("incident_id", ["99999999999999999999999", "-1", "1 OR 1=1", "1;"])
def test_bad_incident_ids(client: TestClient, incident_id: str) -> None:
    response = client.get(f"/incidents/{incident_id}")
    assert response.status_code in (404, 422)
    if response.status_code == 422:
        _is_problem(response, 422, "incident_id")


# --- SQL injection ---------------------------------------------------------------

#: Every filter, with its name in the query (``q`` is the one free text).
FILTERS = (
    "bbox",
    "since",
    "until",
    "type",
    "country",
    "min_killed",
    "q",
    "source_kind",
    "min_confidence",
)
PATHS = {
    "/incidents": ("sort", "limit", "offset"),
    "/incidents.geojson": ("limit",),
    "/incidents.csv": ("sort",),
    "/incidents.jsonl": ("sort",),
    "/stats": (),
    "/map/features": ("zoom", "area"),
    "/map": (),
}


@pytest.mark.parametrize("path", list(PATHS))
def test_sql_injection_through_every_parameter(
    client: TestClient, corpus_url: str, path: str
) -> None:
    before = row_counts(corpus_url)
    everything = client.get("/incidents", params={"limit": 1000}).json()["total"]
    for parameter in FILTERS + PATHS[path]:
        for payload in SQL:
            response = client.get(path, params={parameter: payload})
            if response.status_code == 200:
                # Only the free text takes any string: it is searched for, literally.
                assert parameter == "q", (path, parameter, payload)
                if path == "/incidents":
                    assert response.json()["total"] == 0, payload
                if path == "/stats":
                    assert response.json()["by_type"] == []
                continue
            assert response.status_code == 422, (path, parameter, payload, response.text)
            _is_problem(response, 422, parameter)
    # Raw, undecoded quotes and comment markers in the query string itself.
    raw = client.get(f"{path}?q=%27%20OR%20%271%27%3D%271&country=sy%27--")
    _is_problem(raw, 422, "country")
    assert row_counts(corpus_url) == before
    assert client.get("/incidents", params={"limit": 1000}).json()["total"] == everything


def test_text_search_treats_wildcards_and_quotes_literally(client: TestClient) -> None:
    for text in ("%%", "__", "' OR '1'='1", "\\%"):
        assert client.get("/incidents", params={"q": text}).json()["total"] == 0, text


# --- markup in stored text ---------------------------------------------------------


def test_stored_markup_is_escaped_in_map_features(client: TestClient, markup_incident: int) -> None:
    response = client.get("/map/features", params={"bbox": "36,33,37,34", "zoom": 9})
    assert response.status_code == 200
    features = {f["properties"]["id"]: f for f in response.json()["features"]}
    properties = features[markup_incident]["properties"]
    for html in (properties["popup"], properties["tooltip"]):
        assert_no_markup(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in properties["popup"]
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in properties["popup"]
    assert "javascript:" not in properties["popup"]


def test_stored_markup_stays_json_in_the_api(client: TestClient, markup_incident: int) -> None:
    response = client.get(f"/incidents/{markup_incident}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["place"] == IMG + SCRIPT
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_map_page_escapes_echoed_filters(client: TestClient, markup_incident: int) -> None:
    for q in (SCRIPT, IMG, "</script><script>alert(1)</script>"):
        response = client.get("/map", params={"q": q})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert_no_markup(response.text)
        assert "</script><script>alert(1)" not in response.text
    page = client.get("/map", params={"q": SCRIPT}).text
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in page


def test_the_static_export_escapes_stored_markup(
    corpus_url: str, markup_incident: int, tmp_path: Path
) -> None:
    engine = make_engine(corpus_url)
    try:
        with Session(engine) as session:
            exported = export_map(
                session, IncidentFilter(), tmp_path / "map.html", limit=10_000, title=SCRIPT
            )
    finally:
        engine.dispose()
    page = exported.page.read_text(encoding="utf-8")
    assert_no_markup(page)
    assert "\\u0026lt;script\\u0026gt;alert(1)" in page  # popups, JSON-escaped
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


@pytest.mark.parametrize(
    "path",
    [
        f"/{SCRIPT}",
        f"/incidents/{SCRIPT}",
        f"/incidents/{IMG}",
        f"/map/features?bbox={SCRIPT}",
        f"/map/features?area={IMG}",
        f"/incidents?type={SCRIPT}",
        f"/incidents?bbox={IMG}",
    ],
)
def test_problem_details_never_carry_markup(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<" not in response.text and ">" not in response.text
    json.loads(response.text)
