"""Run extraction over bundles of documents: in this process, in a pool of processes
(one extractor each, loaded once), or on Celery workers (:mod:`incidents.worker`).

Every executor yields results in the order bundles went in and keeps at most a few
bundles per worker in flight, so memory stays bounded however long the input is.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from incidents.config import Settings
from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import ExtractionResult, Extractor, Prepared, finish_each
from incidents.sources import Bundle


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document's extraction, or the error that stopped it, and its CPU time."""

    document: Document
    result: ExtractionResult | None
    error: str | None
    seconds: float


def extract_bundle(extractor: Extractor, bundle: Bundle) -> list[Extracted]:
    """Extract an article and its comments; each comment gets the article's countries
    as context (those stored with the article when it is not in the bundle, see
    :attr:`Document.context`). The bundle is finished at once, so the model scores
    all its sentences in one call. An error in one document does not stop the others."""
    slots: list[Extracted | None] = [None] * len(bundle)
    prepared: list[tuple[int, Prepared, float]] = []
    context: frozenset[str] | None = None
    for at, document in enumerate(bundle):
        started = time.process_time()
        try:
            if document.kind == DocumentKind.COMMENT:
                extra = document.context if context is None else context
            else:
                extra = frozenset()
            ready = extractor.prepare(document, context=extra)
        except Exception as exc:
            slots[at] = Extracted(document, None, f"{type(exc).__name__}: {exc}", 0.0)
            continue
        if document.kind == DocumentKind.ARTICLE:
            context = frozenset(ready.read.countries)
        prepared.append((at, ready, time.process_time() - started))
    started = time.process_time()
    results = finish_each(extractor, [p for _, p, _ in prepared])
    share = (time.process_time() - started) / max(1, len(prepared))
    for (at, ready, seconds), result in zip(prepared, results, strict=True):
        document = ready.document
        if isinstance(result, Exception):
            slots[at] = Extracted(document, None, f"{type(result).__name__}: {result}", 0.0)
        else:
            slots[at] = Extracted(document, result, None, seconds + share)
    return [slot for slot in slots if slot is not None]


class Executor(Protocol):
    workers: int

    def map(self, bundles: Iterable[Bundle]) -> Iterator[list[Extracted]]: ...

    def close(self) -> None: ...


class SerialExecutor:
    """Extraction in this process."""

    workers = 1

    def __init__(self, extractor: Extractor) -> None:
        self._extractor = extractor

    def map(self, bundles: Iterable[Bundle]) -> Iterator[list[Extracted]]:
        for bundle in bundles:
            yield extract_bundle(self._extractor, bundle)

    def close(self) -> None:
        pass


_WORKER_EXTRACTOR: Extractor | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER_EXTRACTOR
    from incidents.runtime import build_extractor

    _WORKER_EXTRACTOR = build_extractor(settings)


def _extract_in_worker(chunk: list[Bundle]) -> list[list[Extracted]]:
    assert _WORKER_EXTRACTOR is not None, "the worker's extractor was not built"
    return [extract_bundle(_WORKER_EXTRACTOR, bundle) for bundle in chunk]


class ProcessExecutor:
    """A pool of ``workers`` processes, each loading the models once (spawned, so no
    state of this process leaks in)."""

    #: Chunks in flight per worker, and bundles per chunk (one message each way per
    #: chunk: a bundle's extraction takes milliseconds, about what a message costs).
    AHEAD = 3
    CHUNK = 16

    def __init__(self, settings: Settings, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(settings,),
        )

    def map(self, bundles: Iterable[Bundle]) -> Iterator[list[Extracted]]:
        pending: deque[Future[list[list[Extracted]]]] = deque()
        chunk: list[Bundle] = []
        for bundle in bundles:
            chunk.append(bundle)
            if len(chunk) < self.CHUNK:
                continue
            pending.append(self._pool.submit(_extract_in_worker, chunk))
            chunk = []
            if len(pending) >= self.workers * self.AHEAD:
                yield from pending.popleft().result()
        if chunk:
            pending.append(self._pool.submit(_extract_in_worker, chunk))
        while pending:
            yield from pending.popleft().result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
