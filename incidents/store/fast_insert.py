"""Bulk INSERT that hands the driver ready rows.

SQLAlchemy's executemany builds and processes a parameter dictionary per row, which
costs more than the database's own insert. For bulk loads this applies each
column's bind processor for the dialect once per distinct value (the conversions
SQLAlchemy would apply, so stored values are identical, SQLite's dates and times
as SQLAlchemy's strings; a batch repeats its dates and its ``created_at``
thousands of times), column by column, and gives the rows to SQLite's executemany,
or to PostgreSQL's COPY (binary)."""

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
    names = list(rows[0])
    _insert(session, table, names, [[row[name] for row in rows] for name in names])


def fast_insert_rows(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows``, tuples of the values of ``names`` in that order, into ``table``:
    :func:`fast_insert` without a dictionary per row, for callers that build rows by
    the hundred thousand."""
    if not rows:
        return
    _insert(session, table, list(names), list(zip(*rows, strict=True)))


def _insert(
    session: Session, table: Table, names: list[str], columns: Sequence[Sequence[Any]]
) -> None:
    """Insert the rows that ``columns`` (the values of each of ``names``) hold."""
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    if dialect.name == "postgresql":
        _copy(connection, table, names, _values(table, dialect, names, columns))
        return
    if not compiled.positional:
        named = [
            dict(zip(names, values, strict=True))
            for values in _values(table, dialect, names, columns)
        ]
        connection.exec_driver_sql(compiled.string, named)
        return
    order = [str(key) for key in compiled.positiontup or ()]
    at = {name: i for i, name in enumerate(names)}
    ordered = [columns[at[name]] for name in order]
    connection.exec_driver_sql(compiled.string, list(_values(table, dialect, order, ordered)))


def _values(
    table: Table, dialect: Any, names: list[str], columns: Sequence[Sequence[Any]]
) -> Iterator[tuple[Any, ...]]:
    """The rows as tuples of bound values in the order of ``names``, converted column
    by column (one ``map`` per column beats a Python loop per row)."""
    converted: list[Sequence[Any]] = []
    for name, column in zip(names, columns, strict=True):
        process = _memoized(table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        converted.append(column if process is None else list(map(process, column)))
    return zip(*converted, strict=True)


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
    """PostgreSQL: ``COPY ... FROM STDIN`` in binary format through psycopg, which
    writes ints, floats, dates and times as their bytes for the columns' own types,
    read from the catalog: the same values stored for well under half the client's
    time of the text format (printing a float exactly costs)."""
    columns = ", ".join(f'"{name}"' for name in names)
    raw = connection.connection.driver_connection
    with raw.cursor() as cursor:
        types = dict(
            cursor.execute(
                "SELECT attname, atttypid FROM pg_attribute"
                " WHERE attrelid = CAST(%s AS regclass) AND attnum > 0 AND NOT attisdropped",
                [f'"{table.name}"'],
            ).fetchall()
        )
        statement = f'COPY "{table.name}" ({columns}) FROM STDIN (FORMAT BINARY)'
        with cursor.copy(statement) as copy:
            copy.set_types([types[name] for name in names])
            for row in rows:
                copy.write_row(row)
