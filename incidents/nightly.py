"""The nightly job: one locked, recorded run over the configured sources, then the
static map refreshed. The CLI's ``incidents nightly`` and ``incidents schedule`` call
:func:`run_nightly`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from incidents.config import Settings
from incidents.executors import Executor, ProcessExecutor, SerialExecutor
from incidents.job_config import JobConfig
from incidents.pipeline import ErrorSink, Progress, RunReport, run_job
from incidents.run_lock import run_lock
from incidents.sources import FolderSource, Source
from incidents.store.engine import make_engine
from incidents.store.migrations import upgrade
from incidents.store.models import RunRecord
from incidents.store.queries import IncidentFilter

#: Exit codes of ``incidents nightly``.
EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT, EXIT_ALREADY_RUNNING = 0, 1, 2, 3


def build_executor(config: JobConfig, settings: Settings) -> Executor:
    """Celery workers, a pool of processes, or (one worker) this process."""
    if config.executor == "celery":
        from incidents.worker import CeleryExecutor

        return CeleryExecutor(settings, config.worker_count)
    if config.worker_count > 1:
        return ProcessExecutor(settings, config.worker_count)
    from incidents.runtime import build_extractor

    return SerialExecutor(build_extractor(settings))


def run_nightly(
    config: JobConfig,
    settings: Settings,
    on_error: ErrorSink,
    progress: Progress | None = None,
    executor_factory: Callable[[JobConfig, Settings], Executor] = build_executor,
) -> RunReport:
    """Run the job once. Raises :class:`incidents.run_lock.AlreadyRunning` at once
    when another run holds the lock; nothing is read or written then."""
    from incidents.runtime import build_online_geocoder

    if config.database_url:
        settings = settings.model_copy(update={"database_url": config.database_url})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with run_lock(engine):
            mark_interrupted(engine)
            executor = executor_factory(config, settings)
            try:
                return run_job(
                    _limited(config.sources, settings.max_document_bytes),
                    engine,
                    executor,
                    on_error,
                    online=build_online_geocoder(settings),
                    progress=progress,
                    after=_map_refresher(config, settings, engine),
                )
            finally:
                executor.close()
    finally:
        engine.dispose()


def mark_interrupted(engine: Engine) -> int:
    """Runs still marked running while we hold the lock were killed: say so."""
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(RunRecord).where(col(RunRecord.status) == "running").values(status="interrupted")
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _map_refresher(
    config: JobConfig, settings: Settings, engine: Engine
) -> Callable[[RunReport], None] | None:
    if config.map_out is None:
        return None
    out = config.map_out

    def refresh(report: RunReport) -> None:
        from maps.export import export_map

        with Session(engine) as session:
            export_map(
                session,
                IncidentFilter(),
                out,
                limit=settings.map_limit,
                tile_url=settings.map_tile_url,
                tile_attribution=settings.map_tile_attribution,
            )

    return refresh


def with_overrides(config: JobConfig, workers: int | None, executor: str | None) -> JobConfig:
    """The configuration with command-line options over it."""
    if workers is not None:
        config = replace(config, workers=workers)
    if executor is not None:
        config = replace(config, executor=executor)
    return config


def _limited(sources: Sequence[Source], max_document_bytes: int) -> list[Source]:
    """``sources`` with folders reading documents of at most ``max_document_bytes``."""
    return [
        replace(source, max_document_bytes=max_document_bytes)
        if isinstance(source, FolderSource)
        else source
        for source in sources
    ]
