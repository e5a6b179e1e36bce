"""Sources are recorded once per outlet; a document that fails is kept and retried."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from incidents.domain import Document
from incidents.errors import ExtractionError
from incidents.extract.extractor import ExtractionResult, Extractor, Prepared
from incidents.pipeline import run
from incidents.store.models import DocumentRecord, Report, SourceRecord

pytestmark = pytest.mark.slow


@dataclass
class FailingOnce:
    """The real extractor, except that it fails on one document key (fault injection)."""

    real: Extractor
    key: str

    def prepare(self, document: Document, context: Collection[str] = ()) -> Prepared:
        if document.key == self.key:
            raise ExtractionError(f"{document.key}: model file unreadable")
        return self.real.prepare(document, context)

    def finish(self, prepared: Sequence[Prepared]) -> list[ExtractionResult]:
        return self.real.finish(prepared)

    def extract(self, document: Document, context: Collection[str] = ()) -> ExtractionResult:
        return self.finish([self.prepare(document, context)])[0]


def _feed(tmp_path: Path) -> Path:
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "text": "A roadside bomb exploded in Kabul.", "source": "Kabul Now"},
        {"id": "b", "text": "Gunmen kidnapped two engineers in Kirkuk.", "source": "Rudaw"},
        {"id": "c", "text": "Police arrested three suspects in Kabul.", "source": "Kabul Now"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return feed


def test_sources_are_recorded_once_per_outlet(
    tmp_path: Path, engine: Engine, extractor: Extractor
) -> None:
    run([_feed(tmp_path)], engine, extractor, lambda _: None)
    with Session(engine) as session:
        sources = {s.id: s.name for s in session.exec(select(SourceRecord))}
        documents = session.exec(select(DocumentRecord)).all()
    assert sorted(sources.values()) == ["Kabul Now", "Rudaw"]
    assert {d.key: sources[d.source_id] for d in documents if d.source_id} == {
        "feed.jsonl:a": "Kabul Now",
        "feed.jsonl:b": "Rudaw",
        "feed.jsonl:c": "Kabul Now",
    }


def test_a_failed_document_is_kept_and_retried(
    tmp_path: Path, engine: Engine, extractor: Extractor
) -> None:
    feed = _feed(tmp_path)
    failing = FailingOnce(extractor, "feed.jsonl:b")
    first = run([feed], engine, failing, lambda _: None)  # type: ignore[arg-type]
    assert (first.failed, first.new_or_changed) == (1, 2)
    with Session(engine) as session:
        b = session.exec(select(DocumentRecord).where(DocumentRecord.key == "feed.jsonl:b")).one()
        assert b.status == "failed" and b.error is not None and "unreadable" in b.error
    second = run([feed], engine, extractor, lambda _: None)
    assert (second.failed, second.new_or_changed, second.unchanged) == (0, 1, 2)
    with Session(engine) as session:
        b = session.exec(select(DocumentRecord).where(DocumentRecord.key == "feed.jsonl:b")).one()
        reports = session.exec(select(Report).where(Report.document_id == b.id)).all()
    assert b.status == "extracted" and b.error is None and len(reports) == 1
