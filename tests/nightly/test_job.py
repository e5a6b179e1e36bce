"""The nightly job: incremental and idempotent, duplicates skipped, one run at a
time, parallel runs equal to serial ones, observable, and its map refreshed."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from incidents.cli import app
from incidents.config import Settings
from incidents.executors import ProcessExecutor, SerialExecutor
from incidents.extract.extractor import Extractor
from incidents.job_config import JobConfig
from incidents.nightly import EXIT_ALREADY_RUNNING, run_nightly
from incidents.pipeline import run_job
from incidents.progress import LogLines
from incidents.run_lock import AlreadyRunning, run_lock
from incidents.sources import FeedSource, FolderSource, Source
from incidents.store.engine import make_engine
from tests.nightly.helpers import serial_run, snapshot, write_inbox
from tests.nightly.test_readers import PAGE, RSS


def _sources(tmp_path: Path) -> list[Source]:
    inbox = write_inbox(tmp_path / "inbox", copies=1)
    (inbox / "homs.html").write_text(PAGE, encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    return [FolderSource(inbox, "inbox"), FeedSource(str(feed), "Example Feed")]


def test_a_second_run_changes_nothing(
    database_url: str, engine: Engine, extractor: Extractor, tmp_path: Path
) -> None:
    sources = _sources(tmp_path)
    errors: list[str] = []
    first = run_job(sources, engine, SerialExecutor(extractor), errors.append)
    assert first.new_or_changed == first.documents > 20 and first.failed == 1  # the blank entry
    assert first.incidents_new > 0 and first.incidents_updated == 0
    before = snapshot(database_url)
    assert before["orphan_incidents"] == []
    second = run_job(sources, engine, SerialExecutor(extractor), errors.append)
    assert second.new_or_changed == 0 and second.reports == 0
    assert second.unchanged == first.documents
    assert second.incidents_new == second.incidents_updated == 0
    assert snapshot(database_url) == before


def test_the_same_article_under_another_name_is_skipped(
    engine: Engine, extractor: Extractor, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    records = [
        # The feed's entry saved in the inbox: same outlet and URL, other text.
        {"id": "a", "source": "Example Feed", "url": "https://news.example/idlib",
         "text": "Shelling struck two villages in Idlib province on Friday."},
        # The same text as another inbox article.
        {"id": "b", "text": "Gunmen kidnapped two aid workers in Sanaa on Monday."},
        {"id": "c", "text": "Gunmen kidnapped two aid workers in Sanaa on Monday."},
    ]  # fmt: skip
    (inbox / "a.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    report = run_job(
        [FolderSource(inbox), FeedSource(str(feed), "Example Feed")],
        engine,
        SerialExecutor(extractor),
        lambda _: None,
    )
    assert report.duplicates == 2  # c (same text as b), and the feed's Idlib entry
    assert report.new_or_changed == 3  # a, b and the feed's Baghdad entry


@pytest.mark.slow
def test_two_processes_store_what_one_does(
    database_url: str, extractor: Extractor, tmp_path: Path
) -> None:
    inbox = write_inbox(tmp_path / "inbox", copies=3)
    serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
    serial_run(serial_url, inbox, extractor)
    parallel = make_engine(database_url)
    pool = ProcessExecutor(Settings(database_url=database_url), workers=2)
    try:
        report = run_job([FolderSource(inbox)], parallel, pool, lambda _: None)
    finally:
        pool.close()
        parallel.dispose()
    assert report.workers == 2 and report.failed == 0
    assert snapshot(database_url) == snapshot(serial_url)


def test_a_second_concurrent_run_stops_at_once(database_url: str, tmp_path: Path) -> None:
    engine = make_engine(database_url)
    config = JobConfig(
        sources=(FolderSource(write_inbox(tmp_path / "in", 1)),), database_url=database_url
    )
    try:
        with run_lock(engine):
            with pytest.raises(AlreadyRunning, match="another nightly run"):
                run_nightly(config, Settings(database_url=database_url), on_error=lambda _: None)
            if engine.dialect.name == "sqlite":
                result = CliRunner().invoke(
                    app, ["nightly", str(tmp_path / "in"), "--database-url", database_url]
                )
                assert result.exit_code == EXIT_ALREADY_RUNNING
                assert "another nightly run holds" in result.stderr
    finally:
        engine.dispose()
    # Released: the next run goes ahead.
    engine = make_engine(database_url)
    with run_lock(engine):
        pass
    engine.dispose()


def test_one_log_line_per_stage_and_a_refreshed_map(
    sqlite_url: str, extractor: Extractor, tmp_path: Path
) -> None:
    stream = io.StringIO()
    out = tmp_path / "public" / "map.html"
    out.parent.mkdir()
    config = JobConfig(
        sources=(FolderSource(write_inbox(tmp_path / "in", 1)),),
        database_url=sqlite_url,
        map_out=out,
    )
    report = run_nightly(
        config,
        Settings(database_url=sqlite_url),
        on_error=lambda _: None,
        progress=LogLines(stream),
        executor_factory=lambda c, s: SerialExecutor(extractor),
    )
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["stage"] for line in lines] == ["read", "extract", "store", "merge", "map"]
    assert all(line["run"] == report.run_id and "seconds" in line for line in lines)
    assert lines[0]["documents"] == report.documents and lines[2]["reports"] == report.reports
    assert out.is_file() and (tmp_path / "public" / "map_files" / "leaflet").is_dir()
    assert f"{report.incidents_new:,} incidents" in out.read_text(encoding="utf-8")


def test_runs_are_listed_with_their_summary(sqlite_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    inbox = write_inbox(tmp_path / "in", 1)
    for _ in range(2):
        result = runner.invoke(app, ["nightly", str(inbox), "--database-url", sqlite_url])
        assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["runs", "--database-url", sqlite_url])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["run", "started", "(UTC)"]
    assert lines[1].split()[0] == "2" and "succeeded" in lines[1]
    assert "stages: read" in lines[2]
    assert lines[3].split()[0] == "1"


def test_a_terminal_gets_a_progress_bar() -> None:
    from rich.console import Console

    from incidents.pipeline import RunReport
    from incidents.progress import Bar, for_stream

    assert isinstance(for_stream(io.StringIO()), LogLines)  # not a terminal
    screen = io.StringIO()
    bar = Bar(Console(file=screen, force_terminal=True, width=120))
    report = RunReport(documents=7, new_or_changed=5, unchanged=1, failed=1)
    report.seconds["read"] = 0.25
    bar.advance(report)
    bar.stage("read", report, documents=7)
    bar.close()
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # colours and cursor
    assert "7 read, 5 stored, 1 skipped, 1 failed" in shown
    assert "read: documents 7, 0.2 s" in shown or "read: documents 7, 0.3 s" in shown
