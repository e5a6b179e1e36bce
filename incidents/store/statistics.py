"""Planner statistics for tables a bulk load grows faster than autovacuum notices.

PostgreSQL plans from statistics that ANALYZE gathers, and autovacuum runs it only
now and then. A bulk load into young tables outruns it: the planner, still believing
``reports`` holds a few rows, reads every report of a type instead of using the
(type, anchor, date) index, and each batch's merge costs more than the last. Bulk
loads therefore analyze a table themselves once it has grown by more rows than it
held at its last analysis, which happens a logarithmic number of times as it grows.

A caller may name the columns its queries filter and join on: only those are
analyzed, in a third of the time the whole of ``reports`` takes (its evidence texts
are long). The other columns keep their statistics until autovacuum analyzes the
whole table, which a column list does not put off: it leaves the count of changed
rows that autovacuum goes by as it was. That is also why growth is measured against
the rows the table held at its last analysis (``reltuples``, which any ANALYZE
sets), not by that count. SQLite plans well enough from its indexes alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import text
from sqlmodel import Session

#: Below this many new rows the statistics are left as they are.
MIN_CHANGED = 10_000


def refresh_statistics(
    session: Session, tables: Iterable[str] | Mapping[str, Sequence[str]]
) -> list[str]:
    """ANALYZE those of ``tables`` that grew by more rows than they held when last
    analyzed (PostgreSQL; a no-op elsewhere), whole, or only the columns ``tables``
    maps them to. Returns the tables analyzed."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    columns = dict(tables) if isinstance(tables, Mapping) else dict.fromkeys(tables, ())
    stale = [
        name
        for name, live, held in session.execute(
            text(
                "SELECT s.relname, s.n_live_tup, greatest(c.reltuples, 0) "
                "FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                "WHERE s.relid = ANY(CAST(:names AS regclass[]))"
            ),
            {"names": sorted(columns)},
        )
        if live - held > max(held, MIN_CHANGED)
    ]
    for name in sorted(stale):
        listed = ", ".join(f'"{column}"' for column in columns[name])
        session.execute(text(f'ANALYZE "{name}"' + (f" ({listed})" if listed else "")))
    return sorted(stale)
