"""Every pass of the extraction job is recorded in the runs table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from incidents.extract.extractor import Extractor
from incidents.pipeline import run
from incidents.store.models import RunRecord

pytestmark = pytest.mark.slow


def _runs(engine: Engine) -> list[RunRecord]:
    with Session(engine) as session:
        return list(session.exec(select(RunRecord).order_by(RunRecord.id)).all())  # type: ignore[arg-type]


def test_runs_are_recorded_with_counts_status_and_errors(
    tmp_path: Path, engine: Engine, extractor: Extractor
) -> None:
    good = tmp_path / "news.jsonl"
    good.write_text(
        json.dumps({"id": "a", "text": "A car bomb exploded in Baghdad, killing 4 people."})
        + "\n{broken\n",
        encoding="utf-8",
    )
    report = run([good], engine, extractor, lambda _: None)
    good.write_text(good.read_text(encoding="utf-8").replace("{broken\n", ""), encoding="utf-8")
    again = run([good], engine, extractor, lambda _: None)
    first, second = _runs(engine)
    assert (first.id, second.id) == (report.run_id, again.run_id)
    assert first.status == "failed" and first.failed == 1 and first.reports == 1
    assert first.errors is not None and "news.jsonl:2" in first.errors
    assert first.finished_at is not None and first.finished_at >= first.started_at
    assert str(good) in first.inputs
    assert (second.status, second.unchanged, second.new_or_changed) == ("succeeded", 1, 0)


def test_a_crash_is_recorded(tmp_path: Path, engine: Engine, extractor: Extractor) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Gunmen attacked Mosul."}) + "\n")

    def explode(message: str) -> None:
        raise KeyboardInterrupt

    source.write_text(source.read_text() + "{broken\n")
    with pytest.raises(KeyboardInterrupt):
        run([source], engine, extractor, explode)
    (record,) = _runs(engine)
    assert record.status == "crashed" and record.finished_at is not None
