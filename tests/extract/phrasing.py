"""What the extractor reads from one sentence, as phrasing tests compare it."""

from __future__ import annotations

import datetime as dt

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor

PUBLISHED = dt.datetime(2025, 11, 20, 9, 0, tzinfo=dt.UTC)
#: ``(type, place, killed, injured)`` per event, sorted.
Found = list[tuple[str, str, int | None, int | None]]


def article(text: str, lang: str) -> Document:
    """``text`` as an article published on :data:`PUBLISHED`."""
    return Document("t", DocumentKind.ARTICLE, text, "test", lang=lang, published=PUBLISHED)


def found(extractor: Extractor, text: str, lang: str) -> Found:
    """The events of ``text`` as an article published on :data:`PUBLISHED`."""
    return sorted(
        (e.type.value, e.place.name if e.place else "", e.killed, e.injured)
        for e in extractor.extract(article(text, lang)).events
    )
