"""Databases for tests: a fresh PostgreSQL database, and a migrated database on
either backend (the PostgreSQL server is the ``postgres_server`` fixture)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from incidents.store.migrations import upgrade

#: Parameters of a fixture that runs its tests on both backends.
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@contextmanager
def fresh_postgres_database(server: str) -> Iterator[str]:
    """A new, empty database on ``server``, dropped on exit."""
    name = f"incidents_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def migrated_database(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """A migrated, empty database on the backend ``request.param`` names (a SQLite file
    in ``folder``, or a fresh PostgreSQL database, dropped on exit)."""
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'incidents.db'}"
        upgrade(url)
        yield url
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
        upgrade(url)
        yield url
