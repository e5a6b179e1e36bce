"""Revision 0003 gives rows stored before it an ACLED geo_precision from their precision."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from alembic import command
from incidents.store.migrations import alembic_config


def test_existing_incidents_get_geo_precision(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = alembic_config(url)
    command.upgrade(config, "0002")
    engine = create_engine(url)
    with engine.begin() as connection:
        for n, precision in enumerate(("district", "city", "region", "country", None), 1):
            connection.execute(
                text(
                    "INSERT INTO incidents (id, type, precision, n_reports, n_sources, confidence, "
                    "source_kind, first_seen, last_seen) VALUES (:id, 'explosion', :p, 1, 1, "
                    "0.8, 'article', '2025-01-01 00:00:00+00:00', '2025-01-01 00:00:00+00:00')"
                ),
                {"id": n, "p": precision},
            )
    command.upgrade(config, "head")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT geo_precision FROM incidents ORDER BY id")).all()
    assert [r[0] for r in rows] == [1, 1, 3, 3, None]
    engine.dispose()
