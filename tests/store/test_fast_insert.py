"""fast_insert stores exactly what SQLAlchemy's own INSERT stores, on both backends;
bulk loads refresh PostgreSQL's planner statistics once a table has outgrown them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from incidents.store.fast_insert import fast_insert, fast_insert_rows
from incidents.store.models import DocumentRecord, PlaceRecord
from incidents.store.statistics import MIN_CHANGED, refresh_statistics


def _rows(prefix: str) -> list[dict[str, object]]:
    return [
        {
            "key": f"{prefix}:{i}",
            "geonameid": None,
            "name": f"Town {i}",
            "country": "SY",
            "precision": "city",
            "lat": 33.0 + i / 100,
            "lon": 36 + i,  # an int where a float is expected: converted like SQLAlchemy does
            "anchor_geonameid": None,
        }
        for i in range(5)
    ]


def _raw(engine: Engine, prefix: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [
            tuple(row)[1:]
            for row in connection.execute(
                text(
                    "SELECT key, name, country, precision, lat, lon FROM places"
                    " WHERE key LIKE :p ORDER BY key"
                ),
                {"p": f"{prefix}:%"},
            )
        ]


def test_fast_insert_stores_what_sqlalchemy_stores(engine: Engine) -> None:
    table = PlaceRecord.__table__  # type: ignore[attr-defined]
    with Session(engine) as session, session.begin():
        session.execute(insert(table), _rows("orm"))
        fast_insert(session, table, _rows("fast"))
    assert _raw(engine, "fast") == _raw(engine, "orm")
    assert len(_raw(engine, "fast")) == 5


def test_rows_as_tuples_are_stored_as_dictionaries_are(engine: Engine) -> None:
    table = PlaceRecord.__table__  # type: ignore[attr-defined]
    rows = _rows("tuple")
    names = list(reversed(list(rows[0])))  # any order of columns
    with Session(engine) as session, session.begin():
        fast_insert(session, table, _rows("dict"))
        fast_insert_rows(session, table, names, [tuple(row[n] for n in names) for row in rows])
        fast_insert_rows(session, table, names, [])
    assert _raw(engine, "tuple") == _raw(engine, "dict")
    assert len(_raw(engine, "tuple")) == 5


def test_dates_and_times_are_stored_as_sqlalchemy_writes_them(engine: Engine) -> None:
    table = DocumentRecord.__table__  # type: ignore[attr-defined]
    moment = dt.datetime(2025, 11, 15, 3, 0, tzinfo=dt.UTC)  # no microseconds

    def row(key: str) -> dict[str, object]:
        return {
            "key": key, "kind": "article", "lang": "en", "source": "t", "text": "x",
            "content_hash": key, "ingested_at": moment, "status": "extracted",
        }  # fmt: skip

    with Session(engine) as session, session.begin():
        session.execute(insert(table), [row("orm")])
        fast_insert(session, table, [row("fast")])
    with engine.connect() as connection:
        stored = dict(
            connection.execute(  # type: ignore[arg-type]
                text("SELECT key, CAST(ingested_at AS TEXT) FROM documents")
            ).all()
        )
    assert stored["fast"] == stored["orm"]


@pytest.mark.parametrize(
    "tables",
    [("places",), {"places": ("name", "country")}],
    ids=["whole-table", "named-columns"],
)
def test_statistics_are_refreshed_once_a_table_outgrows_them(
    engine: Engine, tables: tuple[str, ...] | dict[str, tuple[str, ...]]
) -> None:
    """Analyzed once it has grown past what it held, then not again until it grows
    again, whole or by the columns named (a column list leaves PostgreSQL's count of
    changed rows as it was, so growth is what is measured)."""
    table = PlaceRecord.__table__  # type: ignore[attr-defined]
    rows = [dict(_rows("x")[0], key=f"bulk:{i}") for i in range(MIN_CHANGED + 1)]
    with Session(engine) as session, session.begin():
        fast_insert(session, table, rows)
    postgres = engine.dialect.name == "postgresql"
    if postgres:
        # The statistics collector reports a committed transaction's changes at once
        # to a new snapshot.
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_stat_force_next_flush()"))
    with Session(engine) as session, session.begin():
        if postgres:
            session.execute(text("SELECT pg_stat_clear_snapshot()"))
        analyzed = refresh_statistics(session, tables)
    assert analyzed == (["places"] if postgres else [])
    with Session(engine) as session, session.begin():
        assert refresh_statistics(session, tables) == []
        if postgres:
            known = session.scalars(
                text("SELECT attname FROM pg_stats WHERE tablename = 'places' ORDER BY attname")
            ).all()
            assert {"country", "name"} <= set(known)  # (autovacuum may add the rest)
    with Session(engine) as session:
        assert session.scalar(select(table.c.key).where(table.c.key == "bulk:0")) == "bulk:0"
