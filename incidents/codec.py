"""Documents and extraction results as JSON-able dicts, for Celery's JSON messages
(no pickle crosses the broker: a message can only ever be data)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from incidents.domain import (
    Claim,
    Document,
    DocumentKind,
    EventMention,
    EventType,
    PlaceMatch,
    Span,
)
from incidents.extract.extractor import ExtractionResult


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "key": document.key,
        "kind": document.kind.value,
        "text": document.text,
        "source": document.source,
        "lang": document.lang,
        "title": document.title,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "parent_key": document.parent_key,
        "author": document.author,
        "commenter_country": document.commenter_country,
        "outlet": document.outlet,
        "context": sorted(document.context),
    }


def document_from_dict(data: dict[str, Any]) -> Document:
    published = data.get("published")
    return Document(
        key=data["key"],
        kind=DocumentKind(data["kind"]),
        text=data["text"],
        source=data["source"],
        lang=data.get("lang"),
        title=data.get("title"),
        url=data.get("url"),
        published=dt.datetime.fromisoformat(published) if published else None,
        parent_key=data.get("parent_key"),
        author=data.get("author"),
        commenter_country=data.get("commenter_country"),
        outlet=data.get("outlet"),
        context=frozenset(data.get("context") or ()),
    )


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _unspan(data: list[int] | None) -> Span | None:
    return None if data is None else Span(int(data[0]), int(data[1]))


def _place(place: PlaceMatch | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": place.precision,
        "surface": place.surface,
        "span": _span(place.span),
        "near": place.near,
        "anchor_geonameid": place.anchor_geonameid,
    }


def _unplace(data: dict[str, Any] | None) -> PlaceMatch | None:
    if data is None:
        return None
    return PlaceMatch(**{**data, "span": _unspan(data.get("span"))})


def result_to_dict(result: ExtractionResult) -> dict[str, Any]:
    return {
        "document_key": result.document_key,
        "lang": result.lang,
        "countries": sorted(result.countries),
        "events": [
            {
                "type": e.type.value,
                "evidence": _span(e.evidence),
                "evidence_text": e.evidence_text,
                "trigger": _span(e.trigger),
                "extractor": e.extractor,
                "confidence": e.confidence,
                "place": _place(e.place),
                "killed": e.killed,
                "injured": e.injured,
                "date": e.date.isoformat() if e.date else None,
                "date_source": e.date_source,
                "extra_evidence": [_span(s) for s in e.extra_evidence],
            }
            for e in result.events
        ],
        "claims": [
            {
                "event_type": c.event_type.value,
                "perpetrator": c.perpetrator,
                "evidence": _span(c.evidence),
                "evidence_text": c.evidence_text,
                "place": _place(c.place),
            }
            for c in result.claims
        ],
    }


def result_from_dict(data: dict[str, Any]) -> ExtractionResult:
    events = tuple(
        EventMention(
            type=EventType(e["type"]),
            evidence=Span(*e["evidence"]),
            evidence_text=e["evidence_text"],
            trigger=Span(*e["trigger"]),
            extractor=e["extractor"],
            confidence=float(e["confidence"]),
            place=_unplace(e["place"]),
            killed=e["killed"],
            injured=e["injured"],
            date=dt.date.fromisoformat(e["date"]) if e["date"] else None,
            date_source=e["date_source"],
            extra_evidence=tuple(Span(*s) for s in e["extra_evidence"]),
        )
        for e in data["events"]
    )
    claims = tuple(
        Claim(
            event_type=EventType(c["event_type"]),
            perpetrator=c["perpetrator"],
            evidence=Span(*c["evidence"]),
            evidence_text=c["evidence_text"],
            place=_unplace(c["place"]),
        )
        for c in data["claims"]
    )
    return ExtractionResult(
        document_key=data["document_key"],
        lang=data["lang"],
        events=events,
        claims=claims,
        countries=frozenset(data["countries"]),
    )
