"""Revision 0008 creates the places of reports stored before it and points reports
and incidents at them; a placed report without an anchor takes its own id."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from alembic import command
from incidents.store.migrations import alembic_config
from incidents.store.places import place_key

NOW = "2025-01-01 00:00:00+00:00"


def test_existing_reports_get_places_and_anchors(database_url: str) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "0007")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO documents (id, key, kind, lang, source, text, content_hash, "
                "ingested_at, status) VALUES (1, 'a', 'article', 'en', 't', 'x', 'h', :now, "
                "'extracted')"
            ),
            {"now": NOW},
        )
        places = [
            (1, "Aleppo", "SY", "city", 170063, None),
            (2, "Aleppo", "SY", "city", 170063, None),
            (3, "Mezzeh", "SY", "district", None, 170654),
            (4, None, None, None, None, None),
        ]
        for n, name, country, precision, geonameid, anchor in places:
            connection.execute(
                text(
                    "INSERT INTO incidents (id, type, place, country, precision, geonameid, "
                    "n_reports, n_sources, confidence, source_kind, first_seen, last_seen) "
                    "VALUES (:id, 'shelling', :place, :country, :precision, :gid, 1, 1, 0.8, "
                    "'article', :now, :now)"
                ),
                {
                    "id": n,
                    "place": name,
                    "country": country,
                    "precision": precision,
                    "gid": geonameid,
                    "now": NOW,
                },
            )
            connection.execute(
                text(
                    "INSERT INTO reports (id, document_id, incident_id, type, place, country, "
                    "precision, geonameid, anchor_geonameid, evidence_start, evidence_end, "
                    "evidence_text, trigger_start, trigger_end, extractor, confidence, "
                    "source_kind, extra_evidence, created_at) VALUES (:id, 1, :id, 'shelling', "
                    ":place, :country, :precision, :gid, :anchor, 0, 1, 'x', 0, 1, 'rules', 0.8, "
                    "'article', '[]', :now)"
                ),
                {
                    "id": n,
                    "place": name,
                    "country": country,
                    "precision": precision,
                    "gid": geonameid,
                    "anchor": anchor,
                    "now": NOW,
                },
            )
    command.upgrade(config, "head")
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT id, key, name FROM places ORDER BY key")).all()
        reports = connection.execute(
            text("SELECT id, place_id, anchor_geonameid FROM reports ORDER BY id")
        ).all()
        incidents = connection.execute(text("SELECT id, place_id FROM incidents ORDER BY id")).all()
    engine.dispose()
    keys = {key: place_id for place_id, key, _ in stored}
    aleppo = keys[place_key(170063, "SY", "city", "Aleppo")]
    mezzeh = keys[place_key(None, "SY", "district", "Mezzeh")]
    assert len(stored) == 2
    assert [tuple(r) for r in reports] == [
        (1, aleppo, 170063),
        (2, aleppo, 170063),
        (3, mezzeh, 170654),
        (4, None, None),
    ]
    assert [tuple(r) for r in incidents] == [(1, aleppo), (2, aleppo), (3, mezzeh), (4, None)]
