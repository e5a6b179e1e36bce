"""The same pipeline run gives the same incidents on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from incidents.extract.extractor import Extractor
from incidents.pipeline import run
from incidents.store.engine import make_engine
from incidents.store.models import Incident

pytestmark = pytest.mark.slow


def _incidents(url: str, corpus: Path, extractor: Extractor) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    errors: list[str] = []
    run([corpus], engine, extractor, errors.append)
    assert errors == []
    with Session(engine) as session:
        rows = sorted(
            (
                (i.type, i.place, i.country, i.event_date, i.killed, i.injured, i.n_reports)
                for i in session.exec(select(Incident))
            ),
            key=repr,
        )
    engine.dispose()
    return rows


@pytest.mark.postgres
def test_sqlite_and_postgres_agree(
    sqlite_url: str, postgres_url: str, corpus: Path, extractor: Extractor
) -> None:
    engine = make_engine(postgres_url)
    with engine.begin() as conn:  # this session's database may hold earlier tests' rows
        conn.execute(
            text("TRUNCATE claims, reports, incidents, documents RESTART IDENTITY CASCADE")
        )
    engine.dispose()
    on_sqlite = _incidents(sqlite_url, corpus, extractor)
    on_postgres = _incidents(postgres_url, corpus, extractor)
    assert on_sqlite == on_postgres
    assert len(on_sqlite) >= 20
