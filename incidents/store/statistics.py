"""Planner statistics for tables a bulk load grows faster than autovacuum notices.

PostgreSQL plans from statistics that ANALYZE gathers, and autovacuum runs it only
now and then. A bulk load into young tables outruns it: the planner, still believing
``reports`` holds a few rows, reads every report of a type instead of using the
(type, anchor, date) index, and each batch's merge costs more than the last. Bulk
loads therefore analyze a table themselves once it has changed by more rows than it
held at its last analysis, which happens a logarithmic number of times as it grows.
SQLite plans well enough from its indexes alone.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

#: Below this many changed rows the statistics are left as they are.
MIN_CHANGED = 10_000


def refresh_statistics(session: Session, tables: tuple[str, ...]) -> list[str]:
    """ANALYZE those of ``tables`` that changed by more rows than they held when last
    analyzed (PostgreSQL; a no-op elsewhere). Returns the tables analyzed.

    Whole tables: an ANALYZE of some columns leaves the count of rows changed since
    the last analysis as it was, so the next batch would analyze again."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    stale = [
        name
        for name, changed, held in session.execute(
            text(
                "SELECT s.relname, s.n_mod_since_analyze, greatest(c.reltuples, 0) "
                "FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                "WHERE s.relid = ANY(CAST(:names AS regclass[]))"
            ),
            {"names": sorted(tables)},
        )
        if changed > max(held, MIN_CHANGED)
    ]
    for name in sorted(stale):
        session.execute(text(f'ANALYZE "{name}"'))
    return sorted(stale)
