"""Bulk INSERT that hands the driver ready rows.

SQLAlchemy's executemany builds and processes a parameter dictionary per row, which
costs more than the database's own insert. For bulk loads this applies each
column's bind processor for the dialect once per distinct value (the conversions
SQLAlchemy would apply, so stored values are identical, SQLite's dates and times
as SQLAlchemy's strings; a batch repeats its dates and its ``created_at``
thousands of times), column by column, and gives the rows to SQLite's executemany,
or to PostgreSQL's COPY."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import processors
from sqlmodel import Session


def fast_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    if dialect.name == "postgresql":
        _copy(connection, table, names, _values(table, dialect, names, rows))
        return
    if not compiled.positional:
        named = [
            dict(zip(names, values, strict=True)) for values in _values(table, dialect, names, rows)
        ]
        connection.exec_driver_sql(compiled.string, named)
        return
    order = [str(key) for key in compiled.positiontup or ()]
    connection.exec_driver_sql(compiled.string, list(_values(table, dialect, order, rows)))


def _values(
    table: Table, dialect: Any, names: list[str], rows: Sequence[dict[str, Any]]
) -> Iterator[tuple[Any, ...]]:
    """The rows as tuples of bound values in the order of ``names``, converted column
    by column (one ``map`` per column beats a Python loop per row)."""
    columns = []
    for name in names:
        column = [row[name] for row in rows]
        process = _memoized(table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        columns.append(column if process is None else list(map(process, column)))
    return zip(*columns, strict=True)


def _memoized(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """``process``, remembering its result for each distinct hashable value (compiled
    converters such as ``to_float`` are cheaper called than looked up)."""
    if process is None or process is processors.to_float:
        return process
    done: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return done[value]
        except KeyError:
            done[value] = result = process(value)
            return result
        except TypeError:  # unhashable
            return process(value)

    return convert


def _copy(connection: Any, table: Table, names: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """PostgreSQL: ``COPY ... FROM STDIN`` through psycopg, which adapts each value
    as it would a query parameter."""
    columns = ", ".join(f'"{name}"' for name in names)
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
