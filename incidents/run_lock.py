"""One nightly run at a time: a PostgreSQL advisory lock, or a lock file beside the
SQLite database. A second run finds it taken and stops at once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url

from incidents.errors import IncidentsError

#: The advisory lock's key: "incidents" in ASCII, as a bigint.
ADVISORY_KEY = int.from_bytes(b"incident", "big") & 0x7FFF_FFFF_FFFF_FFFF


class AlreadyRunning(IncidentsError):
    """Another run holds the lock."""


@contextmanager
def run_lock(engine: Engine) -> Iterator[None]:
    """Hold the job's lock for the block; raise :class:`AlreadyRunning` at once when
    another run holds it."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}
            ).scalar()
            connection.commit()  # the lock is the session's: no transaction stays open
            if not got:
                raise AlreadyRunning(
                    "another nightly run holds the PostgreSQL advisory lock of this database"
                )
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                connection.commit()
        return
    path = lock_path(str(engine.url))
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise AlreadyRunning(f"another nightly run holds {path}") from None
    try:
        yield
    finally:
        lock.release()


def lock_path(database_url: str) -> Path:
    """``<database file>.lock`` (a lock beside an in-memory database is meaningless)."""
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise IncidentsError("the nightly job needs a database file, not an in-memory SQLite")
    return Path(database).with_name(Path(database).name + ".lock")
