"""The bad-input corpus (scripts/make_bad_inputs.py) through the real nightly path.

Every bad file gives one clear error naming it (and the line, where one applies) or
is read right; the run finishes; good files beside bad ones are stored; and nothing
stored before the run is lost or changed.
"""

from __future__ import annotations

import shutil
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from incidents.cli import app
from incidents.config import Settings
from incidents.errors import ReaderError
from incidents.executors import SerialExecutor
from incidents.extract.extractor import Extractor
from incidents.job_config import JobConfig
from incidents.nightly import run_nightly
from incidents.pipeline import RunReport, run_job
from incidents.readers import read_path
from incidents.sources import FeedSource, FolderSource, Source
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade
from incidents.store.models import DocumentRecord, RunRecord
from scripts.make_bad_inputs import (
    CHARREF_FEED_CASE,
    FEED_CASE,
    MIXED_RECORDS,
    SCRIPT_MARKERS,
    make_bad_inputs,
)
from tests.nightly.helpers import write_inbox

pytestmark = pytest.mark.slow

#: Case → (file name, what its one error says); the file's path starts each message.
REJECTED = {
    "empty": ("empty.txt", ": file is empty"),
    "blank": ("blank.jsonl", ": file is empty"),
    "binary-page": ("binary.txt", ": file is binary (contains NUL bytes), not text"),
    "binary-jsonl": ("binary.jsonl", ": file is binary (contains NUL bytes), not text"),
    "binary-html": ("binary.html", ": file is binary (contains NUL bytes), not text"),
    "big-page": ("big-page.txt", "-byte limit of one document; split it into smaller files"),
    "big-record": ("big-record.jsonl", ":2: line is longer than the 10,485,760-byte limit"),
    "long-article": (
        "long-article.txt",
        ": document long-article.txt#article: text is 1,159,999 characters, more than the "
        "1,000,000 extraction reads; split it",
    ),
    "bad-charref-rss": (CHARREF_FEED_CASE, ": not a readable RSS or Atom feed (ValueError"),
}
#: The malformed JSON Lines file: line → its error.
MALFORMED_LINES = {
    2: "invalid JSON (Unterminated string",
    3: "expected a JSON object",
    4: "missing 'text'",
    5: "'text' must be a string",
    6: "'comments' must be a list",
    7: "'lang' must be one of fa, ar, en, not 'de'",
    8: "expected a JSON object",
    9: "invalid JSON (Expecting value",
    11: "invalid JSON (Unterminated string",  # the truncated last line
}
#: Comments on the long page of the nightly run. The reader test reads a page of
#: 10,000; through the whole job that page takes about two minutes (storing is about
#: 8 ms a document on SQLite), too long for the test suite.
COMMENTS = 1_000


@dataclass(frozen=True)
class Outcome:
    """One nightly run over the whole corpus, on a database holding earlier work."""

    url: str
    cases: dict[str, Path]
    before: dict[str, str]  # document key → content hash, stored before the run
    incidents_before: set[int]
    report: RunReport
    errors: list[str]


def _stored(url: str) -> tuple[dict[str, str], set[int]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT key, content_hash FROM documents")).all()
            ids = connection.execute(text("SELECT id FROM incidents")).scalars().all()
    finally:
        engine.dispose()
    return {str(key): str(digest) for key, digest in rows}, {int(i) for i in ids}


def _seed(url: str, extractor: Extractor, folder: Path) -> None:
    """Earlier, good work: the bundled articles and their comments, stored."""
    upgrade(url)
    engine = make_engine(url)
    try:
        report = run_job(
            [FolderSource(write_inbox(folder, copies=1))],
            engine,
            SerialExecutor(extractor),
            lambda _: None,
        )
    finally:
        engine.dispose()
    assert report.failed == 0 and report.new_or_changed > 20


def _inbox_and_feeds(cases: dict[str, Path], inbox: Path) -> list[Source]:
    """Every inbox case (linked into ``inbox``, beside a good file) and both feeds."""
    inbox.mkdir()
    for path in cases.values():
        if path.suffix != ".xml":
            (inbox / path.name).symlink_to(path)
    (inbox / "good.jsonl").write_text(
        '{"id": "g", "lang": "en", "text": "A bomb exploded in Fallujah, killing three."}\n',
        encoding="utf-8",
    )
    return [
        FolderSource(inbox, "inbox"),
        FeedSource(str(cases["broken-rss"]), "Broken Feed"),
        FeedSource(str(cases["bad-charref-rss"]), "Bad Feed"),
    ]


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[Outcome]:
    root = tmp_path_factory.mktemp("bad-inputs")
    cases = make_bad_inputs(root / "cases", comments=COMMENTS)
    url = f"sqlite:///{root / 'incidents.db'}"
    _seed(url, extractor, root / "earlier")
    before, incidents_before = _stored(url)
    errors: list[str] = []
    config = JobConfig(sources=tuple(_inbox_and_feeds(cases, root / "inbox")), database_url=url)
    report = run_nightly(
        config,
        Settings(database_url=url),
        on_error=errors.append,
        executor_factory=lambda c, s: SerialExecutor(extractor),
    )
    yield Outcome(url, cases, before, incidents_before, report, errors)
    shutil.rmtree(root / "cases")  # 100 MB: not kept for the rest of the session


def _keys(url: str, prefix: str) -> dict[str, DocumentRecord]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            records = session.exec(
                select(DocumentRecord).where(DocumentRecord.key.startswith(prefix))  # type: ignore[attr-defined]
            ).all()
            return {r.key: r for r in records}
    finally:
        engine.dispose()


def test_the_run_finishes_and_records_its_errors(outcome: Outcome) -> None:
    engine = make_engine(outcome.url)
    try:
        with Session(engine) as session:
            run = session.get(RunRecord, outcome.report.run_id)
    finally:
        engine.dispose()
    assert run is not None and run.finished_at is not None
    assert run.status == "failed"  # some input failed; the run itself did not crash
    assert run.errors is not None and "empty.txt: file is empty" in run.errors
    assert outcome.report.failed == len(outcome.errors)  # each error counted once


def test_nothing_stored_before_is_lost_or_changed(outcome: Outcome) -> None:
    after, incidents_after = _stored(outcome.url)
    assert {key: after.get(key) for key in outcome.before} == outcome.before
    assert outcome.incidents_before <= incidents_after


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_a_rejected_file_gives_one_clear_error(outcome: Outcome, case: str) -> None:
    name, says = REJECTED[case]
    where = str(outcome.cases[case]) if name.endswith(".xml") else f"inbox/{name}"
    named = [e for e in outcome.errors if f"/{name}" in e]
    assert len(named) == 1, named
    assert where in named[0] and says in named[0], named[0]


def test_the_big_record_costs_only_itself(outcome: Outcome) -> None:
    assert set(_keys(outcome.url, "big-record.jsonl:")) == {
        "big-record.jsonl:before",
        "big-record.jsonl:after",
    }
    assert _keys(outcome.url, "big-page.txt") == {}


def test_reading_a_50_mb_file_keeps_memory_bounded(tmp_path: Path) -> None:
    cases = make_bad_inputs(tmp_path, big_bytes=50 * 1024 * 1024, comments=1)
    for case in ("big-page", "big-record"):
        errors: list[ReaderError] = []
        tracemalloc.start()
        try:
            list(read_path(cases[case], cases[case].name, errors.append))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(errors) == 1 and str(cases[case]) in str(errors[0])
        assert peak < 25 * 1024 * 1024, f"{case}: peak {peak:,} bytes"


def test_each_bad_json_line_is_named_and_the_good_ones_stored(outcome: Outcome) -> None:
    path = outcome.cases["malformed-jsonl"].name
    for line, says in MALFORMED_LINES.items():
        named = [e for e in outcome.errors if f"/{path}:{line}: " in e]
        assert len(named) == 1 and says in named[0], (line, named)
    assert len([e for e in outcome.errors if f"/{path}:" in e]) == len(MALFORMED_LINES)
    assert set(_keys(outcome.url, f"{path}:")) == {f"{path}:ok-1", f"{path}:ok-2"}


def test_utf16_and_windows_1256_files_are_read_as_written(outcome: Outcome) -> None:
    expected = {
        "utf16-bom.txt": ("ادلب", 2),
        "utf16-le.txt": ("حماه", 2),
        "utf16-be.jsonl": ("Tikrit", 1),
        "arabic-1256.txt": ("حمص", 1),
    }
    for name, (city, count) in expected.items():
        records = _keys(outcome.url, name)
        assert len(records) == count, name
        assert all(r.status == "extracted" for r in records.values())
        article = min(records.values(), key=lambda r: r.key)
        assert city in article.text and "\ufffd" not in article.text
    assert not [e for e in outcome.errors if "utf16" in e or "1256" in e]


def test_a_file_mixing_encodings_is_read_line_by_line(outcome: Outcome) -> None:
    records = _keys(outcome.url, "mixed-encodings.jsonl:")
    assert {key.split(":")[1]: r.text for key, r in records.items()} == {
        str(record["id"]): record["text"] for _, record in MIXED_RECORDS
    }


def test_script_code_is_never_stored_and_the_visible_text_is_extracted(
    outcome: Outcome,
) -> None:
    (page,) = _keys(outcome.url, "scripts.html").values()
    stored = f"{page.title}\n{page.text}"
    assert not [marker for marker in SCRIPT_MARKERS if marker in stored]
    assert "Raqqa" not in stored and "Aleppo" not in stored  # only inside scripts
    assert "A car bomb exploded near a market" in page.text
    engine = make_engine(outcome.url)
    try:
        with engine.connect() as connection:
            places = connection.execute(
                text("SELECT r.place FROM reports r WHERE r.document_id = :id"), {"id": page.id}
            ).scalars()
            assert "Homs" in set(places)
    finally:
        engine.dispose()


def test_a_feed_with_broken_entities_is_read(outcome: Outcome) -> None:
    records = _keys(outcome.url, "feed:Broken Feed:")
    assert set(records) == {"feed:Broken Feed:idlib-1", "feed:Broken Feed:roads-1"}
    idlib = records["feed:Broken Feed:idlib-1"].text
    assert "Idlib" in idlib and "alert(" not in idlib and "<script" not in idlib
    named = [e for e in outcome.errors if FEED_CASE in e]
    assert named == [f"error: {outcome.cases['broken-rss']}: entry 3 has no text"]


def test_a_page_with_ten_thousand_comments_is_read_whole(tmp_path: Path) -> None:
    cases = make_bad_inputs(tmp_path, big_bytes=1, comments=10_000)
    errors: list[ReaderError] = []
    documents = list(read_path(cases["many-comments"], "many-comments.txt", errors.append))
    assert errors == []
    assert len(documents) == 10_001
    article, *comments = documents
    assert article.key == "many-comments.txt#article"
    assert [c.key for c in comments[:2]] == [
        "many-comments.txt#comment-1",
        "many-comments.txt#comment-2",
    ]
    assert all(c.parent_key == article.key and c.published for c in comments)
    assert comments[-2].text == "نظر شماره 9999: خدا به خانواده‌ها صبر بدهد"
    assert comments[-1].text == "انفجار در دمشق؛ نظر شماره 10000 درباره این خبر"
    assert all(c.commenter_country == "Iran (Islamic Republic of)" for c in comments)


def test_a_page_with_many_comments_is_stored_whole(outcome: Outcome) -> None:
    records = _keys(outcome.url, "many-comments.txt#")
    assert len(records) == COMMENTS + 1
    article = records["many-comments.txt#article"]
    assert all(r.parent_id == article.id for key, r in records.items() if key != article.key)
    assert not [e for e in outcome.errors if "many-comments" in e]


def test_good_files_beside_bad_ones_are_stored(outcome: Outcome) -> None:
    assert set(_keys(outcome.url, "good.jsonl:")) == {"good.jsonl:g"}


def test_small_bad_cases_on_each_backend(
    database_url: str, engine: Engine, extractor: Extractor, tmp_path: Path
) -> None:
    """The small cases again, on SQLite and PostgreSQL (which refuses NUL in text)."""
    _seed(database_url, extractor, tmp_path / "earlier")
    before, incidents_before = _stored(database_url)
    cases = make_bad_inputs(tmp_path / "cases", big_bytes=1024, comments=3)
    for name in ("big-page", "big-record", "many-comments"):
        cases.pop(name).unlink()
    errors: list[str] = []
    report = run_job(
        _inbox_and_feeds(cases, tmp_path / "inbox"),
        engine,
        SerialExecutor(extractor),
        errors.append,
    )
    after, incidents_after = _stored(database_url)
    assert {key: after.get(key) for key in before} == before
    assert incidents_before <= incidents_after
    small_rejected = [c for c in REJECTED if not c.startswith("big")]
    feed_entry_without_text = 1
    assert report.failed == len(small_rejected) + len(MALFORMED_LINES) + feed_entry_without_text
    assert "good.jsonl:g" in after and "scripts.html" in after
    assert not [e for e in errors if "extraction failed" in e or "StorageError" in e]


def test_the_cli_reports_bad_files_and_stores_good_ones(
    tmp_path: Path, sqlite_url: str, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session's extractor, not a second one built by the command.
    monkeypatch.setattr("incidents.runtime.build_extractor", lambda settings: extractor)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    (inbox / "cut.jsonl").write_text(
        '{"id": "a", "lang": "en", "text": "A bomb exploded in Mosul."}\n{"id": "b", "te',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["nightly", str(inbox), "--database-url", sqlite_url, "--workers", "1"]
    )
    assert result.exit_code == 1, result.output
    assert f"error: {inbox / 'empty.txt'}: file is empty" in result.stderr
    assert f"error: {inbox / 'binary.jsonl'}: file is binary" in result.stderr
    assert f"error: {inbox / 'cut.jsonl'}:2: invalid JSON" in result.stderr
    assert "3 failed" in result.stdout
    assert set(_stored(sqlite_url)[0]) == {"cut.jsonl:a"}
