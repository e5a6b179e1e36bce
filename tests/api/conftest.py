from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from incidents.config import Settings
from incidents.extract.extractor import Extractor
from incidents.pipeline import run
from incidents.store.engine import make_engine
from tests.postgres import BACKENDS, migrated_database


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    corpus: Path,
    extractor: Extractor,
) -> Iterator[str]:
    """A database holding the bundled sample corpus, shared by one test module; every
    API test runs on SQLite and on PostgreSQL."""
    with migrated_database(request, tmp_path_factory.mktemp("api")) as url:
        yield _loaded(url, corpus, extractor)


def _loaded(url: str, corpus: Path, extractor: Extractor) -> str:
    engine = make_engine(url)
    errors: list[str] = []
    run([corpus], engine, extractor, errors.append)
    engine.dispose()
    assert errors == []
    return url


@pytest.fixture(scope="module")
def client(corpus_url: str, corpus: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=corpus_url, corpus=corpus))) as client:
        yield client
