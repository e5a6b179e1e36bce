"""Bulk INSERT that hands the driver ready rows.

SQLAlchemy's executemany builds and processes a parameter dictionary per row, which
costs more than the database's own insert. For bulk loads this applies each
column's bind processor once per value (the conversions SQLAlchemy would apply, so
stored values are identical) and gives the rows to SQLite's executemany, or to
PostgreSQL's COPY."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import Session


def fast_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    processors: dict[str, Callable[[Any], Any] | None] = {
        name: table.c[name].type.bind_processor(dialect) for name in names
    }
    if dialect.name == "postgresql":
        _copy(connection, table, names, processors, rows)
        return
    if not compiled.positional:
        steps = list(processors.items())
        named = [{n: p(row[n]) if p is not None else row[n] for n, p in steps} for row in rows]
        connection.exec_driver_sql(compiled.string, named)
        return
    order = [str(key) for key in compiled.positiontup or ()]
    pick = itemgetter(*order)
    converted = [(i, processors[name]) for i, name in enumerate(order) if processors[name]]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = pick(row)
        if converted:
            values = list(values)
            for i, process in converted:
                values[i] = process(values[i])  # type: ignore[misc]
            values = tuple(values)
        params.append(values if isinstance(values, tuple) else (values,))
    connection.exec_driver_sql(compiled.string, params)


def _copy(
    connection: Any,
    table: Table,
    names: list[str],
    processors: dict[str, Callable[[Any], Any] | None],
    rows: Sequence[dict[str, Any]],
) -> None:
    """PostgreSQL: ``COPY ... FROM STDIN`` through psycopg, which adapts each value
    as it would a query parameter."""
    columns = ", ".join(f'"{name}"' for name in names)
    steps = [(name, processors[name]) for name in names]
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([p(row[n]) if p is not None else row[n] for n, p in steps])
