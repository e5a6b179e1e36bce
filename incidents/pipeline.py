"""The pipeline: read → normalize → extract → geocode → store → merge, streaming.

:func:`run_job` is the nightly job's engine. Documents stream from the sources; each
is first checked against the store (a document stored before with the same text, or
the same article under another name, is skipped before any extraction); new and
changed ones go to an executor (this process, a process pool, Celery workers) in
bundles of an article and its comments; each extracted document is then stored in
its own transaction, so a crash or a bad document never costs the documents already
stored, and a killed run is finished by the next. Reports are merged into incidents
every :data:`MERGE_EVERY` documents and at the start and end of the run.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from incidents.domain import Document, DocumentKind, PlaceMatch
from incidents.errors import GeocodingError, IncidentsError, ReaderError, StorageError
from incidents.executors import Executor, Extracted, SerialExecutor
from incidents.extract.extractor import ExtractionResult, Extractor
from incidents.geocode.online import OnlineGeocoder
from incidents.readers import iter_input_files
from incidents.sources import FolderSource, Source, bundles
from incidents.store.documents import (
    document_state,
    find_document,
    insert_document,
    is_duplicate,
    record_failure,
    upsert_document,
)
from incidents.store.merge import merge_groups, merge_pending
from incidents.store.models import Incident, RunRecord
from incidents.store.reports import drop_reports, store_reports

ErrorSink = Callable[[str], None]
#: How many error lines a run keeps in the ``runs`` table.
RUN_ERRORS_KEPT = 50
#: Documents stored between two merges of their reports into incidents.
MERGE_EVERY = 200
STAGES = ("read", "extract", "store", "merge", "map")


@dataclass
class RunReport:
    """What a run did; printed by the CLI and kept in the ``runs`` table."""

    started: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    files: int = 0
    documents: int = 0
    new_or_changed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    reports: int = 0
    incidents: set[int] = field(default_factory=set)
    incidents_new: int = 0
    incidents_updated: int = 0
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None
    #: Wall-clock seconds per stage; "extract" is the extraction CPU time summed
    #: over workers (it runs beside the other stages).
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    workers: int = 1

    def note_error(self, message: str) -> None:
        """Keep the first errors (the ``runs`` table stores them); the rest are only
        counted and reported as they happen, so memory stays bounded."""
        if len(self.errors) < RUN_ERRORS_KEPT:
            self.errors.append(message)

    def summary(self) -> str:
        stages = ", ".join(f"{name} {self.seconds[name]:.1f} s" for name in STAGES)
        return (
            f"{self.files} files, {self.documents} documents read "
            f"({self.new_or_changed} new or changed, {self.unchanged} unchanged, "
            f"{self.duplicates} duplicates skipped, {self.failed} failed), "
            f"{self.reports} reports, incidents {self.incidents_new} new / "
            f"{self.incidents_updated} updated; {stages}"
        )


class Progress(Protocol):
    """Told of each stored document and of each finished stage (see
    :mod:`incidents.progress`)."""

    def advance(self, report: RunReport) -> None: ...

    def stage(self, name: str, report: RunReport, **fields: object) -> None: ...

    def close(self) -> None: ...


class _Quiet:
    def advance(self, report: RunReport) -> None:
        pass

    def stage(self, name: str, report: RunReport, **fields: object) -> None:
        pass

    def close(self) -> None:
        pass


#: Gives a resolved place a better point (an online geocoder), within a session.
PlaceRefiner = Callable[[PlaceMatch, Session], PlaceMatch]


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one extracted document did: ``stored``, or it was found
    ``unchanged`` or a ``duplicate`` when it came to be stored (see
    :func:`document_status`); ``touched`` are the incidents it changed."""

    status: str
    touched: set[int] = field(default_factory=set)


def store_extraction(
    session: Session,
    document: Document,
    result: ExtractionResult,
    refine: PlaceRefiner | None = None,
    merge: bool = True,
) -> Stored:
    """Store one extracted document and its reports, unless it is stored already as
    is or under another name (checked again here: the same text may have been
    stored since it was read). With ``merge`` False, the new reports are left for
    :func:`merge_pending`; reports of an earlier version of the document are
    removed from their incidents at once."""
    parent_id = None
    if document.parent_key is not None:
        parent = document_state(session, document.parent_key)
        parent_id = parent.id if parent else None
    state = document_state(session, document.key)
    if state is None:
        if is_duplicate(session, document):
            return Stored("duplicate")
        record = insert_document(session, document, result.lang, parent_id, result.countries)
    elif state.holds(document):
        return Stored("unchanged")
    else:
        existing = find_document(session, document.key)
        record, _ = upsert_document(
            session, document, result.lang, parent_id, existing, result.countries
        )
    if refine is not None:
        events = tuple(
            replace(e, place=refine(e.place, session)) if e.place is not None else e
            for e in result.events
        )
        result = replace(result, events=events)
    touched = drop_reports(session, record) if state is not None else set()
    pending = store_reports(session, record, result.events, result.claims)
    if merge:
        touched |= merge_groups(session, pending)
    return Stored("stored", touched)


def process_document(
    session: Session,
    extractor: Extractor,
    document: Document,
    context: Iterable[str] = (),
    refine: PlaceRefiner | None = None,
) -> tuple[ExtractionResult | None, set[int]]:
    """Extract and store one document now (``POST /documents``); ``(None, ∅)`` when it
    was already stored as is."""
    if document_status(session, document) != "new_or_changed":
        return None, set()
    context = frozenset(context) or stored_context(session, document).context
    result = extractor.extract(document, context=context)
    stored = store_extraction(session, document, result, refine)
    return (result, stored.touched) if stored.status == "stored" else (None, set())


def stored_context(session: Session, document: Document) -> Document:
    """``document`` with, for a comment whose article is stored, the countries stored
    with that article as its context (:attr:`Document.context`): a comment that
    arrives on a later run, or after a run stopped between an article and its
    comments, is read as it would have been beside its article."""
    if document.kind != DocumentKind.COMMENT or not document.parent_key:
        return document
    parent = document_state(session, document.parent_key)
    if parent is None or not parent.country_codes:
        return document
    return replace(document, context=parent.country_codes)


def document_status(session: Session, document: Document) -> str:
    """``unchanged`` (stored before with this text), ``duplicate`` (the same article
    or comment stored under another name), or ``new_or_changed``."""
    record = document_state(session, document.key)
    if record is not None:
        return "unchanged" if record.holds(document) else "new_or_changed"
    return "duplicate" if is_duplicate(session, document) else "new_or_changed"


def run(
    roots: Iterable[Path],
    engine: Engine,
    extractor: Extractor,
    on_error: ErrorSink,
    online: OnlineGeocoder | None = None,
) -> RunReport:
    """Process every input file under ``roots`` in this process (see :func:`run_job`)."""
    roots = list(roots)
    return run_job(
        [FolderSource(root) for root in roots],
        engine,
        SerialExecutor(extractor),
        on_error,
        online=online,
    )


def run_job(
    sources: Iterable[Source],
    engine: Engine,
    executor: Executor,
    on_error: ErrorSink,
    *,
    online: OnlineGeocoder | None = None,
    progress: Progress | None = None,
    after: Callable[[RunReport], None] | None = None,
) -> RunReport:
    """Read, extract, store and merge everything ``sources`` hold; return what happened.

    With ``online``, each resolved place gets the online geocoder's point; when the
    service fails, the error is reported and the gazetteer's point is kept. ``after``
    runs once the incidents are merged (the nightly job refreshes its static map
    there). The run is recorded in the ``runs`` table: started, then finished with
    its counts, stage times, first errors and a status (succeeded, failed when some
    input failed, crashed).
    """
    sources = list(sources)
    report = RunReport(workers=executor.workers)
    progress = progress or _Quiet()
    report.run_id = _start_run(engine, sources)
    first_new = _next_incident_id(engine)
    try:
        _merge(engine, report)  # what a run stopped before merging left behind
        _process(sources, engine, executor, on_error, online, report, progress)
        _merge(engine, report)
        _count_incidents(engine, report, first_new)
        progress.stage(
            "merge",
            report,
            incidents_new=report.incidents_new,
            incidents_updated=report.incidents_updated,
        )
        if after is not None:
            started = time.perf_counter()
            after(report)
            report.seconds["map"] += time.perf_counter() - started
            progress.stage("map", report)
    except BaseException:
        _finish_run(engine, report, "crashed")
        raise
    _finish_run(engine, report, "failed" if report.failed else "succeeded")
    return report


def _process(
    sources: list[Source],
    engine: Engine,
    executor: Executor,
    on_error: ErrorSink,
    online: OnlineGeocoder | None,
    report: RunReport,
    progress: Progress,
) -> None:
    refine = _refiner(online, report, on_error)

    def reader_error(error: ReaderError) -> None:
        report.failed += 1
        report.note_error(str(error))
        on_error(f"error: {error}")

    def to_extract() -> Iterator[Document]:
        for source in sources:
            if isinstance(source, FolderSource) and source.root.exists():
                report.files += sum(1 for _ in iter_input_files(source.root))
            documents = source.documents(reader_error)
            while True:
                clock = time.perf_counter()  # reading and checking, not the consumers
                document = next(documents, None)
                if document is None:
                    report.seconds["read"] += time.perf_counter() - clock
                    break
                report.documents += 1
                with Session(engine) as session:
                    status = document_status(session, document)
                    if status == "new_or_changed":
                        document = stored_context(session, document)
                report.seconds["read"] += time.perf_counter() - clock
                if status == "unchanged":
                    report.unchanged += 1
                elif status == "duplicate":
                    report.duplicates += 1
                else:
                    yield document

    stored = 0
    for extracted in executor.map(bundles(to_extract())):
        for item in extracted:
            report.seconds["extract"] += item.seconds
            started = time.perf_counter()
            if _store(engine, item, refine, report, on_error):
                stored += 1
                if stored % MERGE_EVERY == 0:
                    _merge(engine, report)
            report.seconds["store"] += time.perf_counter() - started
            progress.advance(report)
    progress.stage(
        "read",
        report,
        documents=report.documents,
        unchanged=report.unchanged,
        duplicates=report.duplicates,
    )
    progress.stage("extract", report, documents=report.new_or_changed, workers=executor.workers)
    progress.stage("store", report, reports=report.reports, failed=report.failed)


def _store(
    engine: Engine,
    item: Extracted,
    refine: PlaceRefiner | None,
    report: RunReport,
    on_error: ErrorSink,
) -> bool:
    document = item.document
    try:
        if item.result is None:
            raise IncidentsError(f"extraction failed: {item.error}")
        with Session(engine) as session, session.begin():
            stored = store_extraction(session, document, item.result, refine, merge=False)
    except (IncidentsError, SQLAlchemyError) as exc:
        error = exc if isinstance(exc, IncidentsError) else StorageError(str(exc))
        report.failed += 1
        message = f"error: {document.source}: document {document.key}: {error}"
        report.note_error(message)
        on_error(message)
        _keep_failed(engine, document, str(error))
        return False
    if stored.status == "duplicate":
        report.duplicates += 1
        return False
    if stored.status == "unchanged":
        report.unchanged += 1
        return False
    report.new_or_changed += 1
    report.reports += len(item.result.events)
    report.incidents |= stored.touched
    return True


def _refiner(
    online: OnlineGeocoder | None, report: RunReport, on_error: ErrorSink
) -> PlaceRefiner | None:
    if online is None:
        return None
    service = online

    def refine(place: PlaceMatch, session: Session) -> PlaceMatch:
        try:
            return service.refine(place, session)
        except GeocodingError as exc:
            message = f"warning: {exc}; the gazetteer's point is kept"
            report.note_error(message)
            on_error(message)
            return place

    return refine


def _merge(engine: Engine, report: RunReport) -> None:
    started = time.perf_counter()
    with Session(engine) as session, session.begin():
        report.incidents |= merge_pending(session)
    report.seconds["merge"] += time.perf_counter() - started


def _next_incident_id(engine: Engine) -> int:
    with Session(engine) as session:
        top = session.scalar(select(func.max(col(Incident.id))))
    return int(top or 0) + 1


def _count_incidents(engine: Engine, report: RunReport, first_new: int) -> None:
    """Split the incidents the run touched into new ones and updated ones (those
    deleted by a re-cut count as neither)."""
    ids = sorted(report.incidents)
    live: set[int] = set()
    with Session(engine) as session:
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            live |= set(
                session.scalars(select(col(Incident.id)).where(col(Incident.id).in_(chunk)))
            )
    report.incidents_new = sum(1 for i in live if i >= first_new)
    report.incidents_updated = len(live) - report.incidents_new


def _start_run(engine: Engine, sources: list[Source]) -> int | None:
    with Session(engine) as session, session.begin():
        record = RunRecord(inputs="\n".join(source.describe() for source in sources))
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
        record.duplicates = report.duplicates
        record.failed, record.reports = report.failed, report.reports
        record.incidents_touched = len(report.incidents)
        record.incidents_new, record.incidents_updated = (
            report.incidents_new,
            report.incidents_updated,
        )
        record.seconds = json.dumps({k: round(v, 3) for k, v in report.seconds.items()})
        record.errors = "\n".join(report.errors[:RUN_ERRORS_KEPT]) or None
        session.add(record)


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
