"""Typed values passed between the pipeline's stages.

Every mention keeps character offsets into the *original* text of its document, and
the name of the extractor that found it, so that each incident can be traced to
the exact sentence that states it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EventType(StrEnum):
    EXPLOSION = "explosion"
    AIRSTRIKE = "airstrike"
    SHELLING = "shelling"
    SUICIDE_BOMBING = "suicide_bombing"
    ARMED_CLASH = "armed_clash"
    SHOOTING = "shooting"
    ATTACK_ON_CIVILIANS = "attack_on_civilians"
    KIDNAPPING = "kidnapping"
    ARREST = "arrest"
    ROAD_CLOSURE = "road_closure"
    SECURITY_DEPLOYMENT = "security_deployment"


#: Types whose reports carry killed / injured figures; the others never do.
CASUALTY_TYPES = frozenset(
    {
        EventType.EXPLOSION,
        EventType.AIRSTRIKE,
        EventType.SHELLING,
        EventType.SUICIDE_BOMBING,
        EventType.ARMED_CLASH,
        EventType.SHOOTING,
        EventType.ATTACK_ON_CIVILIANS,
    }
)


class DocumentKind(StrEnum):
    ARTICLE = "article"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from: an article or one reader comment.

    ``key`` is stable across runs (source file or feed id plus position), so that
    re-reading the same input finds the same document. ``published`` is timezone-aware
    in the source's own offset, so its date is the date its readers saw; storage
    converts it to UTC.
    """

    key: str
    kind: DocumentKind
    text: str
    source: str
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    parent_key: str | None = None
    author: str | None = None
    commenter_country: str | None = None
    outlet: str | None = None
    #: Countries from elsewhere to read the text in: for a comment whose article was
    #: stored on an earlier run, the countries that article is about (ISO2 codes).
    context: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's original text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place name in a text, resolved to one gazetteer entry."""

    name: str
    country: str
    lat: float
    lon: float
    geonameid: int | None
    precision: str
    surface: str
    span: Span | None = None
    #: The text places the event near the town, not in it ("the outskirts of", «ريف»).
    near: bool = False
    #: The town the place belongs to (its own id for a town; its city's for a district):
    #: reports anchored to one town are merged into incidents together.
    anchor_geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event stated in one document (the extractor's output, before storage)."""

    type: EventType
    evidence: Span
    evidence_text: str
    trigger: Span
    extractor: str
    confidence: float
    place: PlaceMatch | None = None
    killed: int | None = None
    injured: int | None = None
    date: dt.date | None = None
    date_source: str | None = None
    extra_evidence: tuple[Span, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim of who is behind an event ("X is behind the blast"), never an event."""

    event_type: EventType
    perpetrator: str
    evidence: Span
    evidence_text: str
    place: PlaceMatch | None = None
