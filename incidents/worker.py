"""Extraction on Celery workers over Redis, for when one machine is not enough.

``incidents worker`` starts a worker; ``incidents nightly --executor celery`` sends
each bundle (an article and its comments) as a task and stores the results itself,
in input order, exactly as a local run does. Messages are JSON (:mod:`incidents.codec`),
never pickle. The broker and result backend come from ``INCIDENTS_CELERY_BROKER_URL``
and ``INCIDENTS_CELERY_RESULT_BACKEND`` (default: Redis at 127.0.0.1:6379).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from celery import Celery
from celery.result import AsyncResult

from incidents.codec import (
    document_from_dict,
    document_to_dict,
    result_from_dict,
    result_to_dict,
)
from incidents.config import Settings
from incidents.executors import Extracted, extract_bundle
from incidents.extract.extractor import Extractor
from incidents.sources import Bundle

TASK = "incidents.extract_bundle"
QUEUE = "incidents-extract"


def make_app(settings: Settings) -> Celery:
    """A Celery app with the extraction task; the worker's extractor is built on its
    first task and kept for the worker's life."""
    app = Celery(
        "incidents", broker=settings.celery_broker_url, backend=settings.celery_result_backend
    )
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_default_queue=QUEUE,
        task_acks_late=True,
        worker_prefetch_multiplier=1,
        result_expires=3600,
        broker_connection_retry_on_startup=True,
    )
    built: dict[str, Extractor] = {}

    def extract(payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if "extractor" not in built:
            from incidents.runtime import build_extractor

            built["extractor"] = build_extractor(settings)
        bundle = tuple(document_from_dict(item) for item in payload)
        return [_encode(item) for item in extract_bundle(built["extractor"], bundle)]

    app.task(name=TASK)(extract)
    return app


def _encode(item: Extracted) -> dict[str, Any]:
    return {
        "document": document_to_dict(item.document),
        "result": result_to_dict(item.result) if item.result is not None else None,
        "error": item.error,
        "seconds": item.seconds,
    }


def _decode(data: dict[str, Any]) -> Extracted:
    result = data.get("result")
    return Extracted(
        document=document_from_dict(data["document"]),
        result=result_from_dict(result) if result is not None else None,
        error=data.get("error"),
        seconds=float(data.get("seconds") or 0.0),
    )


class CeleryExecutor:
    """Send bundles to Celery workers; yield their results in input order."""

    #: Tasks in flight per expected worker.
    AHEAD = 8
    TIMEOUT = 600.0

    def __init__(self, settings: Settings, workers: int) -> None:
        self.workers = workers
        self.app = make_app(settings)

    def map(self, bundles: Iterable[Bundle]) -> Iterator[list[Extracted]]:
        pending: deque[AsyncResult] = deque()
        for bundle in bundles:
            payload = [document_to_dict(d) for d in bundle]
            pending.append(self.app.send_task(TASK, args=[payload]))
            if len(pending) >= self.workers * self.AHEAD:
                yield self._collect(pending.popleft())
        while pending:
            yield self._collect(pending.popleft())

    def _collect(self, task: AsyncResult) -> list[Extracted]:
        items = task.get(timeout=self.TIMEOUT, propagate=True)
        task.forget()
        return [_decode(item) for item in items]

    def close(self) -> None:
        self.app.close()


def run_worker(settings: Settings, concurrency: int, name: str | None = None) -> None:
    """Run a worker in this process until it is stopped (``incidents worker``)."""
    app = make_app(settings)
    argv = ["worker", "--loglevel", "WARNING", "--concurrency", str(concurrency), "-Q", QUEUE]
    if name:
        argv += ["--hostname", name]
    app.worker_main(argv)
