"""The pipeline: read → normalize → extract → geocode → store, one document at a time.

Each document is stored in its own transaction, so a bad document (or a crash)
never costs the documents already stored. Errors are reported with the file and
line they come from, and the run goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from incidents.domain import Document, PlaceMatch
from incidents.errors import GeocodingError, IncidentsError, ReaderError, StorageError
from incidents.extract.extractor import ExtractionResult, Extractor
from incidents.geocode.online import OnlineGeocoder
from incidents.readers import iter_input_files, read_path
from incidents.store.documents import find_document, record_failure, upsert_document
from incidents.store.merge import merge_groups, merge_pending
from incidents.store.models import RunRecord
from incidents.store.reports import drop_reports, store_reports

ErrorSink = Callable[[str], None]
#: How many error lines a run keeps in the ``runs`` table.
RUN_ERRORS_KEPT = 50
#: Documents stored between two merges of their reports into incidents.
MERGE_EVERY = 200


@dataclass
class RunReport:
    """What a run did; printed by the CLI and kept by the nightly job."""

    started: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    files: int = 0
    documents: int = 0
    new_or_changed: int = 0
    unchanged: int = 0
    failed: int = 0
    reports: int = 0
    incidents: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None

    def summary(self) -> str:
        return (
            f"{self.files} files, {self.documents} documents "
            f"({self.new_or_changed} new or changed, {self.unchanged} unchanged, "
            f"{self.failed} failed), {self.reports} reports, "
            f"{len(self.incidents)} incidents touched"
        )


#: Gives a resolved place a better point (an online geocoder), within a session.
PlaceRefiner = Callable[[PlaceMatch, Session], PlaceMatch]


def process_document(
    session: Session,
    extractor: Extractor,
    document: Document,
    context: Iterable[str] = (),
    refine: PlaceRefiner | None = None,
    merge: bool = True,
) -> tuple[ExtractionResult | None, set[int]]:
    """Store one document and its reports; ``(None, ∅)`` when it was already stored as is.

    With ``merge`` False, the new reports are left for :func:`merge_pending` (the
    nightly job merges once per batch); reports of an earlier version of the
    document are still removed from their incidents at once."""
    parent_id = None
    if document.parent_key is not None:
        parent = find_document(session, document.parent_key)
        parent_id = parent.id if parent else None
    record, changed = upsert_document(session, document, document.lang or "und", parent_id)
    if not changed:
        return None, set()
    result = extractor.extract(document, context=frozenset(context))
    if refine is not None:
        events = tuple(
            replace(e, place=refine(e.place, session)) if e.place is not None else e
            for e in result.events
        )
        result = replace(result, events=events)
    record.lang = result.lang
    touched = drop_reports(session, record)
    pending = store_reports(session, record, result.events, result.claims)
    if merge:
        touched |= merge_groups(session, pending)
    return result, touched


def run(
    roots: Iterable[Path],
    engine: Engine,
    extractor: Extractor,
    on_error: ErrorSink,
    online: OnlineGeocoder | None = None,
) -> RunReport:
    """Process every input file under ``roots`` and return what happened.

    With ``online``, each resolved place gets the online geocoder's point; when the
    service fails, the error is reported and the gazetteer's point is kept. The run
    is recorded in the ``runs`` table: started, then finished with its counts, its
    first errors and a status (succeeded, failed when some input failed, crashed).
    """
    roots = list(roots)
    report = RunReport()
    report.run_id = _start_run(engine, roots)
    try:
        _process_inputs(roots, engine, extractor, on_error, online, report)
    except BaseException:
        _finish_run(engine, report, "crashed")
        raise
    _finish_run(engine, report, "failed" if report.failed else "succeeded")
    return report


def _start_run(engine: Engine, roots: list[Path]) -> int | None:
    with Session(engine) as session, session.begin():
        record = RunRecord(inputs="\n".join(str(root) for root in roots))
        session.add(record)
        session.flush()
        return record.id


def _finish_run(engine: Engine, report: RunReport, status: str) -> None:
    with Session(engine) as session, session.begin():
        record = session.get(RunRecord, report.run_id)
        if record is None:
            return
        record.finished_at = dt.datetime.now(dt.UTC)
        record.status = status
        record.files, record.documents = report.files, report.documents
        record.new_or_changed, record.unchanged = report.new_or_changed, report.unchanged
        record.failed, record.reports = report.failed, report.reports
        record.incidents_touched = len(report.incidents)
        record.errors = "\n".join(report.errors[:RUN_ERRORS_KEPT]) or None
        session.add(record)


def _process_inputs(
    roots: list[Path],
    engine: Engine,
    extractor: Extractor,
    on_error: ErrorSink,
    online: OnlineGeocoder | None,
    report: RunReport,
) -> None:
    refine: PlaceRefiner | None = None
    if online is not None:
        service = online

        def refine(place: PlaceMatch, session: Session) -> PlaceMatch:
            try:
                return service.refine(place, session)
            except GeocodingError as exc:
                message = f"warning: {exc}; the gazetteer's point is kept"
                report.errors.append(message)
                on_error(message)
                return place

    article_countries: dict[str, frozenset[str]] = {}

    def reader_error(error: ReaderError) -> None:
        report.failed += 1
        report.errors.append(str(error))
        on_error(f"error: {error}")

    def merge() -> None:
        with Session(engine) as session, session.begin():
            report.incidents |= merge_pending(session)

    merge()  # what a run stopped before merging left behind
    for root in roots:
        for path, key in iter_input_files(root):
            report.files += 1
            for document in read_path(path, key, reader_error):
                report.documents += 1
                context = article_countries.get(document.parent_key or "", frozenset())
                try:
                    with Session(engine) as session, session.begin():
                        result, touched = process_document(
                            session, extractor, document, context, refine, merge=False
                        )
                except (IncidentsError, SQLAlchemyError) as exc:
                    error = exc if isinstance(exc, IncidentsError) else StorageError(str(exc))
                    report.failed += 1
                    message = f"error: {document.source}: document {document.key}: {error}"
                    report.errors.append(message)
                    on_error(message)
                    _keep_failed(engine, document, str(error))
                    continue
                if result is None:
                    report.unchanged += 1
                    continue
                report.new_or_changed += 1
                report.reports += len(result.events)
                report.incidents |= touched
                if document.parent_key is None:
                    article_countries[document.key] = result.countries
                if report.new_or_changed % MERGE_EVERY == 0:
                    merge()
    merge()


def _keep_failed(engine: Engine, document: Document, error: str) -> None:
    try:
        with Session(engine) as session, session.begin():
            record_failure(session, document, error)
    except SQLAlchemyError:
        pass  # the database itself is failing: the error is already reported


def corpus_paths(paths: Iterable[Path]) -> list[Path]:
    """Check that each input exists; raise a ReaderError naming the first missing one."""
    checked = []
    for path in paths:
        if not path.exists():
            raise ReaderError(str(path), "no such file or folder")
        checked.append(path)
    return checked
