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
from incidents.store.migrations import upgrade
from tests.postgres import fresh_postgres_database


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def corpus_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    corpus: Path,
    extractor: Extractor,
) -> Iterator[str]:
    """A database holding the bundled sample corpus, shared by one test module; every
    API test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'incidents.db'}"
        yield _loaded(url, corpus, extractor)
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield _loaded(url, corpus, extractor)


def _loaded(url: str, corpus: Path, extractor: Extractor) -> str:
    upgrade(url)
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
