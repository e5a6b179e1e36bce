"""Bad input: clear errors naming file and line, the rest processed, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from incidents.extract.extractor import Extractor
from incidents.pipeline import run
from incidents.store.models import DocumentRecord, Incident, Report

pytestmark = pytest.mark.slow


def _counts(engine: Engine) -> tuple[int, int, int]:
    with Session(engine) as session:
        return (
            session.exec(select(func.count()).select_from(DocumentRecord)).one(),
            session.exec(select(func.count()).select_from(Report)).one(),
            session.exec(select(func.count()).select_from(Incident)).one(),
        )


def test_bad_files_are_reported_and_good_ones_processed(
    tmp_path: Path, engine: Engine, extractor: Extractor
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps(
            {
                "id": "g1",
                "text": "A car bomb exploded in Baghdad, killing 4 people.",
                "lang": "en",
                "published": "2025-11-14T10:00:00+00:00",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    first: list[str] = []
    run([good], engine, extractor, first.append)
    assert first == []
    stored_before = _counts(engine)
    assert stored_before[2] == 1

    bad = tmp_path / "inbox"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (bad / "arabic-1256.txt").write_bytes(
        " date 2025-11-14 انفجار\n\nانفجار في بغداد.\n".encode("cp1256")
    )
    (bad / "feed.jsonl").write_text(
        '{"id": "t1", "text": "A bomb exploded in Mos\n'
        + json.dumps(
            {
                "id": "ok",
                "text": "Police closed the main road in Kirkuk after a blast.",
                "lang": "en",
                "published": "2025-11-15T09:00:00+00:00",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    errors: list[str] = []
    report = run([bad], engine, extractor, errors.append)

    assert report.failed == 3
    assert len(errors) == 3
    assert any(str(bad / "empty.txt") in e and "empty" in e for e in errors)
    assert any(str(bad / "binary.txt") in e and "binary" in e for e in errors)
    assert any(f"{bad / 'feed.jsonl'}:1:" in e and "invalid JSON" in e for e in errors)
    # The good line of the broken feed was processed ...
    assert report.new_or_changed == 2  # good.jsonl, and arabic-1256.txt read as cp1256
    documents, _reports, incidents = _counts(engine)
    # ... and nothing stored before was lost.
    assert documents == stored_before[0] + 2
    assert incidents >= stored_before[2] + 1
    with Session(engine) as session:
        assert session.exec(
            select(DocumentRecord).where(DocumentRecord.key == "good.jsonl:g1")
        ).one()


def test_a_failing_document_does_not_undo_the_others(
    tmp_path: Path, engine: Engine, extractor: Extractor
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a", "text": "A roadside bomb exploded in Kabul.", "lang": "en"})
        + "\n"
        + json.dumps({"id": "b", "text": "x", "lang": "en", "comments": "nope"})
        + "\n"
        + json.dumps({"id": "c", "text": "Gunmen kidnapped two engineers in Kirkuk.", "lang": "en"})
        + "\n",
        encoding="utf-8",
    )
    errors: list[str] = []
    report = run([feed], engine, extractor, errors.append)
    assert errors == [f"error: {feed}:2: 'comments' must be a list"]
    assert report.new_or_changed == 2
    with Session(engine) as session:
        keys = set(session.exec(select(DocumentRecord.key)).all())
    assert keys == {"feed.jsonl:a", "feed.jsonl:c"}
