"""The one value the map layer reads: a stored incident reduced to what a marker shows.

The API turns its stored public models into ``MapIncident`` values and hands them to
:func:`maps.build.build_incident_map`; the map never touches the database or the
pipeline. Values are checked when they are made, so a bad coordinate or language code
fails loudly with the incident's id instead of drawing a marker in the wrong place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from incidents.errors import IncidentsError

#: Languages an evidence sentence can be in (the languages the pipeline reads).
EVIDENCE_LANGS = frozenset({"fa", "ar", "en"})
#: Of those, the ones written right to left.
RTL_LANGS = frozenset({"fa", "ar"})
SOURCE_KINDS = frozenset({"article", "comment"})


class MapError(IncidentsError):
    """An incident cannot be drawn, or the page would load from the network."""


@dataclass(frozen=True, slots=True)
class MapSource:
    """A document an incident was reported in: a link label and its original URL."""

    label: str
    url: str | None
    kind: str = "article"


@dataclass(frozen=True, slots=True)
class MapIncident:
    """One incident as a map marker shows it.

    ``place``, ``evidence`` and the sources' labels are untrusted text from news and
    reader comments: they are escaped when the popup is built, never here, so this
    value keeps the verbatim text. ``killed`` / ``injured`` are ``None`` when the
    reports give no number (shown as "unknown"), which is not the same as ``0``.
    ``sources`` holds the documents shown in the popup, the lead report's first;
    ``n_sources`` counts the outlets of all of them.
    """

    id: int
    type: str
    place: str
    country: str
    lat: float
    lon: float
    date: str | None
    killed: int | None
    injured: int | None
    evidence: str
    evidence_lang: str | None
    source_kind: str
    sources: tuple[MapSource, ...]
    n_reports: int
    n_sources: int = 1

    def __post_init__(self) -> None:
        where = f"MapIncident id={self.id}"
        if not (math.isfinite(self.lat) and -90.0 <= self.lat <= 90.0):
            raise MapError(f"{where}: lat={self.lat!r} is not a latitude in [-90, 90]")
        if not (math.isfinite(self.lon) and -180.0 <= self.lon <= 180.0):
            raise MapError(f"{where}: lon={self.lon!r} is not a longitude in [-180, 180]")
        if self.evidence_lang is not None and self.evidence_lang not in EVIDENCE_LANGS:
            raise MapError(
                f"{where}: evidence_lang={self.evidence_lang!r}; "
                f"use one of {sorted(EVIDENCE_LANGS)} or None"
            )
        if self.source_kind not in SOURCE_KINDS:
            raise MapError(
                f"{where}: source_kind={self.source_kind!r}; use one of {sorted(SOURCE_KINDS)}"
            )
        for name in ("killed", "injured"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise MapError(f"{where}: {name}={value} is negative; use None for unknown")
        if self.n_reports < 1:
            raise MapError(f"{where}: n_reports={self.n_reports}; an incident has >= 1 report")
        if not self.sources:
            raise MapError(f"{where}: sources is empty; give at least the lead report's")

    @property
    def evidence_dir(self) -> str:
        """HTML ``dir`` of the evidence: ``rtl`` for fa/ar, ``auto`` if unknown."""
        if self.evidence_lang is None:
            return "auto"
        return "rtl" if self.evidence_lang in RTL_LANGS else "ltr"

    @property
    def casualties(self) -> int | None:
        """Killed + injured, an unknown half as 0; ``None`` if both are unknown."""
        if self.killed is None and self.injured is None:
            return None
        return (self.killed or 0) + (self.injured or 0)
