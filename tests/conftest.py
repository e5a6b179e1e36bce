"""Shared fixtures: real, isolated state.

- a fresh SQLite file per test (``sqlite_url``), migrated by Alembic;
- a fresh PostgreSQL database per test session (``postgres_url``), dropped at the end,
  at ``INCIDENTS_TEST_POSTGRES_URL`` (default: the local server); PostgreSQL tests
  skip with the reason where no server answers, and fail under CI=true;
- the real gazetteer and extractor, built once per session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from incidents.config import Settings, bundled_corpus
from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer, load_gazetteer
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade
from tests.postgres import BACKENDS, fresh_postgres_database, migrated_database

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_7aa644236a31c8f1.txt"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session", autouse=True)
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One gazetteer cache for the session, also for the CLI and the processes tests
    start (``INCIDENTS_CACHE_DIR``): the user's own cache is never touched."""
    path = tmp_path_factory.mktemp("gazetteer-cache")
    previous = os.environ.get("INCIDENTS_CACHE_DIR")
    os.environ["INCIDENTS_CACHE_DIR"] = str(path)
    yield path
    if previous is None:
        del os.environ["INCIDENTS_CACHE_DIR"]
    else:
        os.environ["INCIDENTS_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def gazetteer(gazetteer_cache: Path) -> Gazetteer:
    """Built once per session through the disk cache (as every process gets it)."""
    return load_gazetteer(cache_dir=gazetteer_cache)


@pytest.fixture(scope="session")
def extractor(gazetteer: Gazetteer) -> Extractor:
    return Extractor.build(gazetteer)


@pytest.fixture
def seed_page() -> Path:
    """The user's example page from ../shared (skipped where shared/ is absent)."""
    if not SEED.is_file():
        pytest.skip(f"shared seed not present at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def corpus() -> Path:
    return bundled_corpus()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'incidents.db'}"
    upgrade(url)
    return url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database: every storage test runs on SQLite and on PostgreSQL."""
    with migrated_database(request, tmp_path) as url:
        yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(sqlite_url: str, corpus: Path) -> Settings:
    return Settings(database_url=sqlite_url, corpus=corpus)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = os.environ.get("INCIDENTS_TEST_POSTGRES_URL", DEFAULT_POSTGRES)
    probe = create_engine(url)
    try:
        with probe.connect():
            pass
    except OperationalError as exc:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI needs PostgreSQL at {url}: {exc}") from exc
        pytest.skip(f"no PostgreSQL server answers at {url}")
    finally:
        probe.dispose()
    return url


@pytest.fixture(scope="session")
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, migrated database for this test session, dropped afterwards."""
    with fresh_postgres_database(postgres_server) as url:
        upgrade(url)
        yield url
