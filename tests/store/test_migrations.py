from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, select

from alembic import command
from incidents.store.engine import make_engine
from incidents.store.migrations import alembic_config, upgrade
from incidents.store.models import DocumentRecord


def _document(published_at: dt.datetime) -> DocumentRecord:
    return DocumentRecord(
        key="k",
        kind="article",
        lang="fa",
        source="s",
        text="t",
        content_hash="h",
        published_at=published_at,
    )


TABLES = {
    "alembic_version",
    "documents",
    "reports",
    "incidents",
    "claims",
    "geocode_cache",
    "runs",
    "sources",
    "places",
}


def test_sqlite_upgrade_from_empty_and_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    upgrade(url)
    command.check(alembic_config(url))  # models and migrations agree
    engine = make_engine(url)
    assert set(inspect(engine).get_table_names()) == TABLES
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    command.downgrade(alembic_config(url), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()


@pytest.mark.postgres
def test_postgres_upgrade_and_check(postgres_url: str) -> None:
    command.check(alembic_config(postgres_url))
    engine = make_engine(postgres_url)
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def test_constraint_names_follow_the_convention(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    inspector = inspect(engine)
    assert inspector.get_pk_constraint("reports")["name"] == "pk_reports"
    fks = {fk["name"] for fk in inspector.get_foreign_keys("reports")}
    assert fks == {
        "fk_reports_document_id_documents",
        "fk_reports_incident_id_incidents",
        "fk_reports_place_id_places",
    }
    engine.dispose()


def test_datetimes_come_back_timezone_aware_utc(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    tehran = dt.timezone(dt.timedelta(hours=3, minutes=30))
    with Session(engine) as session:
        session.add(_document(dt.datetime(2025, 11, 15, 0, 31, tzinfo=tehran)))
        session.commit()
    with Session(engine) as session:
        stored = session.exec(select(DocumentRecord)).one()
        assert stored.published_at == dt.datetime(2025, 11, 14, 21, 1, tzinfo=dt.UTC)
        assert stored.published_at.tzinfo is dt.UTC
    engine.dispose()


def test_naive_datetimes_are_refused(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with Session(engine) as session:
        session.add(_document(dt.datetime(2025, 11, 15)))
        with pytest.raises(Exception, match="naive datetime"):
            session.commit()
    engine.dispose()
