"""Build an :class:`IncidentFilter` from text (command-line options), with errors
that name the bad option."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from incidents.domain import EventType
from incidents.errors import IncidentsError
from incidents.store.queries import IncidentFilter

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def parse_filter(
    *,
    types: Iterable[str] = (),
    country: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> IncidentFilter:
    known = {t.value for t in EventType}
    kinds = tuple(types)
    unknown = [t for t in kinds if t not in known]
    if unknown:
        raise IncidentsError(
            f"--type {', '.join(unknown)}: not an event type; use one of {sorted(known)}"
        )
    if country is not None and not _COUNTRY.match(country):
        raise IncidentsError(f"--country {country!r}: give an ISO alpha-2 code such as SY")
    first, last = _date("--since", since), _date("--until", until)
    if first and last and first > last:
        raise IncidentsError(f"--since {first} is after --until {last}")
    return IncidentFilter(
        types=kinds, country=country.upper() if country else None, since=first, until=last
    )


def _date(option: str, text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise IncidentsError(f"{option} {text!r}: give a date as YYYY-MM-DD") from None
