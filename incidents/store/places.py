"""The ``places`` table: one row per place reports were located at."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from incidents.domain import PlaceMatch
from incidents.store.models import PlaceRecord

#: Keys per ``IN (...)`` list.
CHUNK = 500


def place_key(geonameid: int | None, country: str | None, precision: str | None, name: str) -> str:
    """``geonames:<id>``, or ``<country>:<precision>:<name>`` for a place without an id
    (migration 0008 computes the same key in SQL)."""
    if geonameid is not None:
        return f"geonames:{geonameid}"
    return f"{country or ''}:{precision or ''}:{name}"


def key_of_match(place: PlaceMatch) -> str:
    return place_key(place.geonameid, place.country, place.precision, place.name)


def place_ids(session: Session, places: Iterable[PlaceMatch]) -> dict[str, int]:
    """The ``places`` id of each place, keyed by :func:`key_of_match`; places not
    stored yet are inserted (a concurrent writer's insert of the same place wins)."""
    wanted: dict[str, PlaceMatch] = {key_of_match(p): p for p in places}
    if not wanted:
        return {}
    found = _known(session, wanted)
    missing = [_row(key, place) for key, place in sorted(wanted.items()) if key not in found]
    if missing:
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            statement: Any = postgresql.insert(PlaceRecord).on_conflict_do_nothing()
        elif dialect == "sqlite":
            statement = sqlite.insert(PlaceRecord).on_conflict_do_nothing()
        else:
            statement = insert(PlaceRecord)
        session.execute(statement, missing)
        found |= _known(session, {row["key"]: wanted[row["key"]] for row in missing})
    return found


def _known(session: Session, wanted: dict[str, PlaceMatch]) -> dict[str, int]:
    keys = sorted(wanted)
    found: dict[str, int] = {}
    for at in range(0, len(keys), CHUNK):
        chunk = keys[at : at + CHUNK]
        for key, place_id in session.execute(
            select(col(PlaceRecord.key), col(PlaceRecord.id)).where(col(PlaceRecord.key).in_(chunk))
        ):
            found[key] = place_id
    return found


def _row(key: str, place: PlaceMatch) -> dict[str, Any]:
    return {
        "key": key,
        "geonameid": place.geonameid,
        "name": place.name,
        "country": place.country,
        "precision": place.precision,
        "lat": place.lat,
        "lon": place.lon,
        "anchor_geonameid": place.anchor_geonameid
        if place.anchor_geonameid is not None
        else place.geonameid,
    }
