"""Property-based tests of the whole API from its own OpenAPI schema (schemathesis,
in process over ASGI), on the sample corpus, on SQLite and PostgreSQL.

Each operation is driven with hypothesis directly (``operation.as_strategy``):
schemathesis' pytest plugin does not run under pytest 9.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from incidents.config import Settings
from incidents.extract.extractor import Extractor

pytestmark = pytest.mark.slow

TOKEN = "schemathesis-token"
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
#: Examples per operation and generation mode, by backend (PostgreSQL is slower).
EXAMPLES = {"sqlite": 25, "postgresql": 20}
OPERATIONS = [
    ("GET", "/incidents"),
    ("GET", "/incidents.geojson"),
    ("GET", "/incidents/{incident_id}"),
    ("GET", "/incidents.csv"),
    ("GET", "/incidents.jsonl"),
    ("GET", "/stats"),
    ("GET", "/health"),
    ("POST", "/documents"),
    ("GET", "/map"),
    ("GET", "/map/features"),
]
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


@pytest.fixture(scope="module")
def app(corpus_url: str, corpus: Path, extractor: Extractor) -> FastAPI:
    settings = Settings(database_url=corpus_url, corpus=corpus, api_token=SecretStr(TOKEN))
    app = create_app(settings)
    app.state.extractor = extractor  # built once per session, not once per app
    return app


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _run(api_schema: Any, corpus_url: str, method: str, path: str, mode: Any, **kw: Any) -> None:
    operation = api_schema[path][method]
    backend = "postgresql" if corpus_url.startswith("postgresql") else "sqlite"

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[backend],
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS, **kw)

    check()


def test_the_operations_listed_are_the_schemas(api_schema: Any) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


#: Every operation in every mode, but /health in negative mode: it takes no input to
#: get wrong.
CASES = [
    (method, path, mode)
    for method, path in OPERATIONS
    for mode in MODES
    if not (path == "/health" and mode is schemathesis.GenerationMode.NEGATIVE)
]


@pytest.mark.parametrize(
    ("method", "path", "mode"), CASES, ids=[f"{m} {p}-{g.value}" for m, p, g in CASES]
)
def test_operation_without_a_token(
    api_schema: Any, corpus_url: str, method: str, path: str, mode: Any
) -> None:
    _run(api_schema, corpus_url, method, path, mode)


@pytest.mark.parametrize("mode", MODES, ids=lambda m: m.value)
def test_submissions_with_the_token(api_schema: Any, corpus_url: str, mode: Any) -> None:
    _run(
        api_schema,
        corpus_url,
        "POST",
        "/documents",
        mode,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
