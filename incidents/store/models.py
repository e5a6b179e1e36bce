"""SQLModel tables and their public (API) role models.

Alembic owns the schema (``alembic/versions``); the app never calls ``create_all``.
Constraint names follow one convention from the first migration on.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, MetaData, Text
from sqlmodel import Field, SQLModel

from incidents.store.types import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _utc(nullable: bool = False) -> Column[dt.datetime]:
    return Column(UTCDateTime(), nullable=nullable)


class SourceRecord(SQLModel, table=True):
    """An outlet documents come from (a news site, a feed)."""

    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=256)
    first_seen: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())


class DocumentRecord(SQLModel, table=True):
    """An article or a reader comment, with its original text (evidence points into it)."""

    __tablename__ = "documents"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=512)
    kind: str = Field(max_length=16)
    parent_id: int | None = Field(default=None, foreign_key="documents.id", index=True)
    lang: str = Field(max_length=8)
    source: str = Field(max_length=1024)
    outlet: str | None = Field(default=None, max_length=256)
    title: str | None = Field(default=None, sa_column=Column(Text))
    url: str | None = Field(default=None, max_length=2048, index=True)
    author: str | None = Field(default=None, sa_column=Column(Text))
    commenter_country: str | None = Field(default=None, max_length=256)
    #: The countries the text is about (ISO2 codes, comma-separated), kept so that a
    #: comment arriving on a later run is read in its article's context.
    countries: str | None = Field(default=None, max_length=1024)
    published_at: dt.datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64, index=True)
    ingested_at: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())
    source_id: int | None = Field(default=None, foreign_key="sources.id", index=True)
    #: extracted (its reports are stored) or failed (kept to be retried; see ``error``)
    status: str = Field(default="extracted", max_length=16)
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class PlaceRecord(SQLModel, table=True):
    """A place reports were located at: a gazetteer entry (``geonameid``), or a
    curated district or region known by name. Reports and incidents point here."""

    __tablename__ = "places"

    id: int | None = Field(default=None, primary_key=True)
    #: ``geonames:<id>``, or ``<country>:<precision>:<name>`` for a place without an id.
    key: str = Field(unique=True, max_length=320)
    geonameid: int | None = Field(default=None, index=True)
    name: str = Field(max_length=256)
    country: str | None = Field(default=None, max_length=2)
    precision: str | None = Field(default=None, max_length=16)
    lat: float | None = None
    lon: float | None = None
    #: The town it belongs to for merging (its own id, its city's, a larger town's nearby).
    anchor_geonameid: int | None = None


class PlacePublic(SQLModel):
    id: int
    geonameid: int | None
    name: str
    country: str | None
    precision: str | None
    lat: float | None
    lon: float | None


class IncidentBase(SQLModel):
    type: str = Field(max_length=32)  # indexed with the date: ix_incidents_type_event_date
    place: str | None = Field(default=None, max_length=256)
    country: str | None = Field(default=None, max_length=2, index=True)
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = Field(default=None, max_length=16)
    #: ACLED's geo_precision: 1 a town or part of it, 2 near a town, 3 a province or larger.
    geo_precision: int | None = None
    event_date: dt.date | None = None  # indexed with what stats read: ix_incidents_event_date
    killed: int | None = None
    injured: int | None = None
    n_reports: int = 0
    n_sources: int = 0
    confidence: float = 0.0
    source_kind: str = Field(default="article", max_length=16)
    place_id: int | None = Field(default=None, foreign_key="places.id")


#: What counts, stats and grid cells read of an incident besides its place.
_TALLIED = ("event_date", "type", "country", "killed", "injured")


class Incident(IncidentBase, table=True):
    """Reports of one type at one place within a day of each other, merged."""

    __tablename__ = "incidents"
    #: The map's and the API's usual questions: these types, these dates (then a box);
    #: these dates (stats); what is in this box (the map's view, at any date). The
    #: date and box indexes carry what counts, stats and grid cells read, so those
    #: never touch the table.
    __table_args__ = (
        Index("ix_incidents_type_event_date", "type", "event_date"),
        Index("ix_incidents_event_date", *_TALLIED),
        Index("ix_incidents_lat_lon", "lat", "lon", *_TALLIED),
    )

    id: int | None = Field(default=None, primary_key=True)
    first_seen: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())
    last_seen: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())


class IncidentPublic(IncidentBase):
    id: int
    first_seen: dt.datetime
    last_seen: dt.datetime


class ReportBase(SQLModel):
    type: str = Field(max_length=32)
    place: str | None = Field(default=None, max_length=256)
    country: str | None = Field(default=None, max_length=2)
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = Field(default=None, max_length=16)
    #: ACLED's geo_precision: 1 a town or part of it, 2 near a town, 3 a province or larger.
    geo_precision: int | None = None
    place_surface: str | None = Field(default=None, max_length=256)
    killed: int | None = None
    injured: int | None = None
    event_date: dt.date | None = None
    date_source: str | None = Field(default=None, max_length=16)
    evidence_start: int
    evidence_end: int
    evidence_text: str = Field(sa_column=Column(Text, nullable=False))
    trigger_start: int
    trigger_end: int
    extractor: str = Field(max_length=128)
    confidence: float
    source_kind: str = Field(max_length=16)
    place_id: int | None = Field(default=None, foreign_key="places.id")


class Report(ReportBase, table=True):
    """One event as one document states it, with the offsets of its evidence."""

    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_type_anchor_date", "type", "anchor_geonameid", "event_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    #: The town the place belongs to (a district's city): merging groups by it.
    anchor_geonameid: int | None = None
    document_id: int = Field(foreign_key="documents.id", index=True)
    incident_id: int | None = Field(default=None, foreign_key="incidents.id", index=True)
    extra_evidence: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())


class ClaimRecord(SQLModel, table=True):
    """Who a text says is behind an event: an alleged perpetrator, never an event."""

    __tablename__ = "claims"

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", index=True)
    incident_id: int | None = Field(default=None, foreign_key="incidents.id", index=True)
    event_type: str = Field(max_length=32)
    perpetrator: str = Field(sa_column=Column(Text, nullable=False))
    place: str | None = Field(default=None, max_length=256)
    geonameid: int | None = None
    evidence_start: int
    evidence_end: int
    evidence_text: str = Field(sa_column=Column(Text, nullable=False))


class DocumentPublic(SQLModel):
    id: int
    key: str
    kind: str
    lang: str
    outlet: str | None
    title: str | None
    url: str | None
    author: str | None
    commenter_country: str | None
    published_at: dt.datetime | None
    parent_id: int | None


class ReportPublic(ReportBase):
    id: int
    document_id: int
    document: DocumentPublic


class ClaimPublic(SQLModel):
    perpetrator: str
    evidence_text: str
    document_id: int


class IncidentDetail(IncidentPublic):
    reports: list[ReportPublic]
    claims: list[ClaimPublic]


class GeocodeCacheRecord(SQLModel, table=True):
    """One answer of an online geocoder (Nominatim, Photon), kept so that a place is
    asked for once per provider; ``found`` False remembers that it knew nothing."""

    __tablename__ = "geocode_cache"
    __table_args__ = (
        Index("ix_geocode_cache_lookup", "provider", "query", "country_codes", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    provider: str = Field(max_length=64)
    query: str = Field(max_length=512)
    country_codes: str = Field(default="", max_length=64)
    found: bool
    lat: float | None = None
    lon: float | None = None
    address: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())


class RunRecord(SQLModel, table=True):
    """One pass of the extraction job: when, over what, what it did and what failed."""

    __tablename__ = "runs"

    id: int | None = Field(default=None, primary_key=True)
    started_at: dt.datetime = Field(default_factory=utcnow, sa_column=_utc())
    finished_at: dt.datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    #: running, succeeded (nothing failed), failed (some input failed), crashed
    status: str = Field(default="running", max_length=16)
    inputs: str = Field(sa_column=Column(Text, nullable=False))
    files: int = 0
    documents: int = 0
    new_or_changed: int = 0
    unchanged: int = 0
    failed: int = 0
    reports: int = 0
    incidents_touched: int = 0
    #: Documents skipped because the same article or comment is stored under another name.
    duplicates: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    incidents_new: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    incidents_updated: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    #: Seconds per stage, a JSON object (read, extract, store, merge, map).
    seconds: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    #: The first errors of the run, one per line.
    errors: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
