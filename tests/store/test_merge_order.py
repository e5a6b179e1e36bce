"""Merging reports into incidents does not depend on the order reports arrive in."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import Session, select

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import ExtractionResult, Extractor
from incidents.readers import read_folder_strictly
from incidents.store.documents import upsert_document
from incidents.store.engine import make_engine
from incidents.store.merge import Member, cut
from incidents.store.migrations import upgrade
from incidents.store.models import DocumentRecord, Incident, Report
from incidents.store.reports import replace_reports

pytestmark = pytest.mark.slow

Grouping = set[frozenset[tuple[str, str, int]]]


@pytest.fixture(scope="module")
def extracted(corpus: Path, extractor: Extractor) -> list[tuple[Document, ExtractionResult]]:
    """The bundled corpus, extracted once (so only the storing order varies)."""
    countries: dict[str, frozenset[str]] = {}
    out = []
    for document in read_folder_strictly(corpus):
        result = extractor.extract(document, countries.get(document.parent_key or "", frozenset()))
        if document.parent_key is None:
            countries[document.key] = result.countries
        out.append((document, result))
    return out


def _store(url: str, items: list[tuple[Document, ExtractionResult]]) -> Grouping:
    engine = make_engine(url)
    for document, result in items:
        with Session(engine) as session, session.begin():
            record, _ = upsert_document(session, document, result.lang, None)
            replace_reports(session, record, result.events, result.claims)
    with Session(engine) as session:
        rows = session.exec(
            select(Report, DocumentRecord).join(
                DocumentRecord,
                DocumentRecord.id == Report.document_id,  # type: ignore[arg-type]
            )
        ).all()
        incidents = {i.id for i in session.exec(select(Incident)).all()}
    engine.dispose()
    groups: dict[int, set[tuple[str, str, int]]] = {}
    for report, document in rows:
        assert report.incident_id in incidents
        groups.setdefault(report.incident_id, set()).add(
            (document.key, report.type, report.evidence_start)
        )
    return {frozenset(g) for g in groups.values()}


def test_same_incidents_in_any_order(
    database_url: str, tmp_path: Path, extracted: list[tuple[Document, ExtractionResult]]
) -> None:
    forward = _store(database_url, extracted)
    assert len(forward) >= 20
    shuffled = extracted[:]
    random.Random(7).shuffle(shuffled)
    for name, order in (("reversed", list(reversed(extracted))), ("shuffled", shuffled)):
        other = f"sqlite:///{tmp_path / name}.db"
        upgrade(other)
        assert _store(other, order) == forward, name
    # Storing everything a second time changes nothing.
    assert _store(database_url, extracted) == forward


def _member(day: int | None, key: str) -> Member:
    date = dt.date(2025, 3, day) if day is not None else None
    return Member(
        id=ord(key),
        type="shelling",
        anchor_geonameid=None,
        geonameid=None,
        place=None,
        country=None,
        lat=None,
        lon=None,
        precision=None,
        geo_precision=None,
        event_date=date,
        killed=None,
        injured=None,
        confidence=0.8,
        source_kind="article",
        evidence_start=0,
        created_at=dt.datetime(2025, 3, 10, tzinfo=dt.UTC),
        incident_id=None,
        place_id=None,
        document_key=key,
        document_source="t",
    )


def test_a_day_window_anchored_at_the_first_report() -> None:
    rows = [_member(1, "a"), _member(3, "b"), _member(2, "c"), _member(None, "d"), _member(5, "e")]
    for seed in range(5):
        order = rows[:]
        random.Random(seed).shuffle(order)
        clusters = [{m.document_key for m in cluster} for cluster in cut(order)]
        assert clusters == [{"a", "c", "d"}, {"b"}, {"e"}]


def test_a_changed_document_leaves_no_empty_incident(
    database_url: str, extracted: list[tuple[Document, ExtractionResult]]
) -> None:
    document, result = next((d, r) for d, r in extracted if r.events)
    _store(database_url, [(document, result)])
    changed = replace(document, text=document.text + " ")
    grouping = _store(database_url, [(changed, replace(result, events=result.events[:1]))])
    engine = make_engine(database_url)
    with Session(engine) as session:
        incidents = session.exec(select(Incident)).all()
    engine.dispose()
    assert len(incidents) == len(grouping) == 1
    assert all(i.n_reports == 1 for i in incidents)


def _one_event_each(
    extractor: Extractor, texts: dict[str, str]
) -> list[tuple[Document, ExtractionResult]]:
    """Each text as an article published on 2025-03-10, checked to hold one placed event."""
    published = dt.datetime(2025, 3, 10, 9, tzinfo=dt.UTC)
    items = []
    for key, text in texts.items():
        document = Document(
            key=key,
            kind=DocumentKind.ARTICLE,
            text=text,
            source="t",
            lang="en",
            published=published,
        )
        result = extractor.extract(document)
        (event,) = result.events
        assert event.place is not None
        items.append((document, result))
    return items


def test_a_district_and_its_city_are_one_place_for_merging(
    database_url: str, extractor: Extractor
) -> None:
    items = _one_event_each(
        extractor,
        {
            "a": "A car bomb exploded in the Mezzeh district of Damascus on Monday.",
            "b": "A car bomb exploded in Damascus on Monday, witnesses said.",
            "c": "A car bomb exploded in Aleppo on Monday.",
        },
    )
    assert items[0][1].events[0].place.name == "Mezzeh"  # type: ignore[union-attr]
    grouping = _store(database_url, items)
    assert grouping == {
        frozenset({("a", "explosion", 0), ("b", "explosion", 0)}),
        frozenset({("c", "explosion", 0)}),
    }


def test_towns_a_few_km_apart_are_one_place_for_merging(
    database_url: str, extractor: Extractor
) -> None:
    """Harasta lies about 3 km from Douma: the same day's blasts form one incident;
    Homs, 150 km away, stays apart."""
    items = _one_event_each(
        extractor,
        {
            "a": "A car bomb exploded in Harasta, Syria, on Monday.",
            "b": "A car bomb exploded in Douma, Syria, on Monday, witnesses said.",
            "c": "A car bomb exploded in Homs, Syria, on Monday.",
        },
    )
    names = [r.events[0].place.name for _, r in items]  # type: ignore[union-attr]
    assert names == ["Harasta", "Douma", "Homs"]
    grouping = _store(database_url, items)
    assert grouping == {
        frozenset({("a", "explosion", 0), ("b", "explosion", 0)}),
        frozenset({("c", "explosion", 0)}),
    }
