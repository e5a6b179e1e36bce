"""``incidents extract``: JSON Lines in, one line of events out per input line."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from incidents.domain import Document, DocumentKind, EventMention
from incidents.errors import IncidentsError
from incidents.extract.extractor import Extractor, Prepared, finish_each
from incidents.normalize.dates import parse_iso_datetime
from incidents.normalize.language import SUPPORTED_LANGUAGES


def event_record(event: EventMention) -> dict[str, Any]:
    """The public JSON form of one event (the ``extract --jsonl`` contract)."""
    place = event.place
    return {
        "type": event.type.value,
        "place": place.name if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "killed": event.killed,
        "injured": event.injured,
        "date": event.date.isoformat() if event.date else None,
        "evidence": event.evidence_text,
        "confidence": event.confidence,
    }


def _document(record: Any, number: int) -> Document:
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing or empty 'text'")
    lang = record.get("lang")
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"'lang' must be one of {', '.join(SUPPORTED_LANGUAGES)}")
    kinds = [k.value for k in DocumentKind]
    kind = record.get("kind", DocumentKind.ARTICLE.value)
    if kind not in kinds:
        raise ValueError(f"'kind' must be one of {', '.join(kinds)}")
    published = record.get("published")
    return Document(
        key=str(record.get("id", number)),
        kind=DocumentKind(kind),
        text=text,
        source="stdin",
        lang=lang,
        published=parse_iso_datetime(published) if isinstance(published, str) else None,
    )


#: Documents of a JSON Lines file finished together (the model scores their sentences
#: in one call); stdin answers line by line unless asked otherwise, since a caller
#: may wait for each answer before it writes the next line.
FILE_BATCH = 32


def extract_jsonl(
    extractor: Extractor,
    lines: IO[str],
    out: IO[str],
    on_error: Callable[[str], None],
    name: str,
    batch: int = 1,
) -> int:
    """Write one JSON line per input line; report bad lines on ``on_error``; return failures.

    Lines are read and prepared one by one and finished ``batch`` at a time (see
    :meth:`Extractor.finish`); answers keep the input's order and are flushed after
    each batch."""
    failed = 0
    pending: list[tuple[int, Any, Prepared]] = []

    def finish() -> None:
        nonlocal failed
        results = finish_each(extractor, [p for _, _, p in pending], IncidentsError)
        for (number, ident, _), result in zip(pending, results, strict=True):
            if isinstance(result, Exception):
                failed += 1
                on_error(f"error: {name}:{number}: {result}")
                continue
            payload = {"id": ident, "events": [event_record(e) for e in result.events]}
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
        out.flush()
        pending.clear()

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            document = _document(record, number)
            prepared = extractor.prepare(document)
        except (json.JSONDecodeError, ValueError, IncidentsError) as exc:
            failed += 1
            on_error(f"error: {name}:{number}: {exc}")
            continue
        pending.append((number, record.get("id", number), prepared))
        if len(pending) >= max(1, batch):
            finish()
    if pending:
        finish()
    return failed


def extract_plain(extractor: Extractor, text: str) -> str:
    """A readable table of the events in one plain text."""
    document = Document(key="text", kind=DocumentKind.ARTICLE, text=text, source="stdin")
    events = extractor.extract(document).events
    if not events:
        return "no events"
    fields = ("type", "place", "country", "killed", "injured", "date", "confidence")
    rows = [("type", "place", "country", "killed", "injured", "date", "conf.", "evidence")]
    for e in events:
        r = event_record(e)
        cells = ["-" if r[k] is None else str(r[k]) for k in fields]
        rows.append((*cells, r["evidence"][:80]))
    widths = [max(len(row[i]) for row in rows) for i in range(7)]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row[:7], widths, strict=True)) + "  " + row[7]
        for row in rows
    )
