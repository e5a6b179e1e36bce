"""Inputs for nightly-job tests, and a snapshot of everything a run stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from incidents.config import bundled_corpus
from incidents.executors import SerialExecutor
from incidents.extract.extractor import Extractor
from incidents.pipeline import RunReport, run_job
from incidents.sources import FolderSource
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade


def write_inbox(folder: Path, copies: int) -> Path:
    """An inbox of ``copies`` rounds of the bundled articles (with their comments),
    each round's texts made distinct, so none is a duplicate of another."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        json.loads(line)
        for line in (bundled_corpus() / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for round_ in range(copies):
            for record in records:
                copy = dict(record, id=f"{record['id']}-r{round_}")
                copy["text"] = f"{record['text']}\n\n(Bulletin {round_}.)"
                copy.pop("url", None)
                copy["comments"] = [
                    dict(c, text=f"{c['text']} ({round_})") for c in record.get("comments", [])
                ]
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return folder


def snapshot(url: str) -> dict[str, Any]:
    """Documents, reports and incidents as comparable values: incidents as the set
    of reports they hold with their reconciled figures (ids and times left out)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        documents = sorted(
            tuple(row)
            for row in connection.execute(
                text("SELECT key, content_hash, status, kind, lang FROM documents")
            )
        )
        reports = connection.execute(
            text(
                "SELECT d.key, r.type, r.evidence_start, r.evidence_end, r.place, r.killed, "
                "r.injured, r.event_date, r.incident_id FROM reports r "
                "JOIN documents d ON d.id = r.document_id"
            )
        ).all()
        incidents = {
            row[0]: tuple(row[1:])
            for row in connection.execute(
                text(
                    "SELECT id, type, place, country, killed, injured, event_date, n_reports, "
                    "n_sources, geo_precision FROM incidents"
                )
            )
        }
    engine.dispose()
    grouped: dict[int, set[tuple[Any, ...]]] = {}
    for row in reports:
        grouped.setdefault(row[-1], set()).add(tuple(str(v) for v in row[:-1]))
    return {
        "documents": documents,
        "reports": sorted(tuple(str(v) for v in row[:-1]) for row in reports),
        "incidents": sorted(
            (tuple(str(v) for v in incidents[i]), tuple(sorted(members)))
            for i, members in grouped.items()
        ),
        "orphan_incidents": sorted(set(incidents) - set(grouped)),
    }


def serial_run(url: str, inbox: Path, extractor: Extractor) -> RunReport:
    """The reference: ``inbox`` stored into a new database at ``url`` by one
    uninterrupted run in this process."""
    upgrade(url)
    engine = make_engine(url)
    try:
        return run_job([FolderSource(inbox)], engine, SerialExecutor(extractor), lambda _: None)
    finally:
        engine.dispose()
