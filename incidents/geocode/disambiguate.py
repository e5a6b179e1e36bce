"""Pick one place among the candidates a name resolves to, and turn it into the
``PlaceMatch`` the pipeline stores.

A name shared by several places ("Tripoli", «طرابلس», "Damascus") means the one
in a country the document is about: the countries it names or whose nationals
it mentions. Without such context, a country beats a town of the same name, and
a large town beats a small one. Hand-curated districts and regions carry no
population, so they count as a town of a set size: they were added because news
names them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from incidents.domain import PlaceMatch, Span
from incidents.geocode.entry import KINDS, GazetteerEntry

#: Population a curated district without one counts as (a large town quarter).
DISTRICT_WEIGHT = 100_000
#: Population a curated region without one counts as (a province).
REGION_WEIGHT = 1_000_000

_KIND_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}
_POSSESSIVE = re.compile(r"['’]s$")


def _weight(entry: GazetteerEntry) -> int:
    if entry.kind == "district":
        return max(entry.population, DISTRICT_WEIGHT)
    if entry.kind == "region":
        return max(entry.population, REGION_WEIGHT)
    return entry.population


def _preference(
    entry: GazetteerEntry, context: frozenset[str], surface: str = ""
) -> tuple[bool, bool, bool, int, int, str, int, float, float]:
    """Sort key, best first; the trailing fields only make ties deterministic."""
    return (
        entry.country not in context,
        entry.kind != "country",
        bool(surface) and entry.name.casefold() != surface,
        -_weight(entry),
        _KIND_ORDER[entry.kind],
        entry.name,
        entry.geonameid or 0,
        entry.lat,
        entry.lon,
    )


def rank(
    candidates: Sequence[GazetteerEntry], context_countries: Collection[str] = ()
) -> tuple[GazetteerEntry, ...]:
    """``candidates`` best first, by the rules of :func:`choose`."""
    context = frozenset(code.upper() for code in context_countries)
    return tuple(sorted(candidates, key=lambda entry: _preference(entry, context)))


def choose(
    candidates: Sequence[GazetteerEntry],
    context_countries: Collection[str] = (),
    surface: str = "",
) -> GazetteerEntry | None:
    """The place a name most likely means, or None when there is no candidate.

    ``context_countries`` are ISO2 codes of the countries the document is about.
    A candidate in one of them wins; then a country beats a town; then a place
    whose own name is ``surface`` (the name as written, less a possessive: "Islamabad's"
    is Islamabad) beats one that has it only as another name ("Islamabad" is
    Pakistan's capital, not an old name of Chattogram); then a larger place beats a
    smaller one, and remaining ties are broken by kind, name and id.
    """
    if not candidates:
        return None
    context = frozenset(code.upper() for code in context_countries)
    written = _POSSESSIVE.sub("", surface).casefold()
    return min(candidates, key=lambda entry: _preference(entry, context, written))


def to_place_match(
    entry: GazetteerEntry,
    surface: str,
    span: Span | None = None,
    near: bool = False,
    anchor_geonameid: int | None = None,
) -> PlaceMatch:
    """The stored form of a resolved place; ``precision`` is the entry's kind
    ("district", "city", "region" or "country")."""
    return PlaceMatch(
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        precision=entry.kind,
        surface=surface,
        span=span,
        near=near,
        anchor_geonameid=anchor_geonameid if anchor_geonameid is not None else entry.geonameid,
    )
