"""Build database engines explicitly (nothing connects at import)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
        # No cap on connections (they are file handles, not server slots): with the
        # default 5 + 10, an API under more than about 55 requests at once deadlocks,
        # its 40 worker threads waiting for connections held by requests that wait
        # for a worker thread to serialize their answer (found by benchmarks/load_test).
        if "poolclass" not in kwargs and make_url(url).database not in (None, "", ":memory:"):
            kwargs.setdefault("max_overflow", -1)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 64 MiB of page cache (the default is 2 MiB): index updates of bulk loads and
    # the merge's lookups stay in memory.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()
