"""Issue 2's acceptance on the user's seed page, through the real pipeline and database."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.distance import great_circle
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from incidents.extract.extractor import Extractor
from incidents.pipeline import run
from incidents.store.models import DocumentRecord, Incident, Report

pytestmark = pytest.mark.slow


@pytest.fixture
def stored_seed(seed_page: Path, engine: Engine, extractor: Extractor) -> Engine:
    errors: list[str] = []
    report = run([seed_page], engine, extractor, errors.append)
    assert errors == [] and report.documents == 3
    return engine


def test_seed_gives_exactly_three_incidents_in_damascus(stored_seed: Engine) -> None:
    with Session(stored_seed) as session:
        incidents = session.exec(select(Incident)).all()
        assert sorted(i.type for i in incidents) == [
            "explosion",
            "road_closure",
            "security_deployment",
        ]
        for incident in incidents:
            assert incident.place == "Damascus"
            assert incident.country == "SY"
            assert incident.lat is not None and incident.lon is not None
            assert great_circle((incident.lat, incident.lon), (33.51, 36.29)).km < 20
            assert incident.event_date is not None
            assert incident.event_date.isoformat() in ("2025-11-14", "2025-11-15")
        assert not {i.country for i in incidents} & {"IR", "US", "IQ"}


def test_seed_explosion_counts(stored_seed: Engine) -> None:
    with Session(stored_seed) as session:
        explosion = session.exec(select(Incident).where(Incident.type == "explosion")).one()
        assert explosion.killed == 1
        assert explosion.injured is None  # "چند نفر مجروح": several → null


def test_every_incident_links_to_the_second_comment_and_its_sentence(stored_seed: Engine) -> None:
    with Session(stored_seed) as session:
        rows = session.exec(
            select(Report, DocumentRecord).join(DocumentRecord).order_by(Report.id)
        ).all()
        assert len(rows) == 3
        for report, document in rows:
            assert document.key.endswith("#comment-2")
            assert document.author == "ناشناس"
            assert report.source_kind == "comment"
            # The evidence is the exact sentence, cut from the stored original text.
            evidence = document.text[report.evidence_start : report.evidence_end]
            assert evidence == report.evidence_text
            assert evidence.strip() == evidence and len(evidence) > 10
            trigger = document.text[report.trigger_start : report.trigger_end]
            assert report.evidence_start <= report.trigger_start < report.evidence_end, trigger


def test_article_body_and_claim_comment_yield_no_report(stored_seed: Engine) -> None:
    with Session(stored_seed) as session:
        keys = {d.key for r, d in session.exec(select(Report, DocumentRecord).join(DocumentRecord))}
        assert not any(k.endswith("#article") or k.endswith("#comment-1") for k in keys)


def test_claim_attaches_to_the_explosion_not_as_an_event(stored_seed: Engine) -> None:
    from incidents.store.models import ClaimRecord

    with Session(stored_seed) as session:
        claims = session.exec(select(ClaimRecord)).all()
        explosion = session.exec(select(Incident).where(Incident.type == "explosion")).one()
        assert [c.event_type for c in claims] == ["explosion"]
        assert claims[0].incident_id == explosion.id
        assert "داعش" in claims[0].perpetrator


def test_rerunning_the_seed_changes_nothing(
    stored_seed: Engine, seed_page: Path, extractor: Extractor
) -> None:
    with Session(stored_seed) as session:
        before = sorted((i.id, i.type, i.killed) for i in session.exec(select(Incident)))
    report = run([seed_page], stored_seed, extractor, lambda _m: None)
    assert report.unchanged == 3 and report.new_or_changed == 0
    with Session(stored_seed) as session:
        after = sorted((i.id, i.type, i.killed) for i in session.exec(select(Incident)))
    assert after == before
