"""The offline gazetteer behind geopy's ``Geocoder`` interface.

The pipeline talks to "a geocoder"; whether it is this one or an online service
(Nominatim behind a ``RateLimiter``) is configuration. This class never touches
the network: geopy's constructor is handed an adapter that refuses every
request, so a code path that tried one would fail loudly instead of reaching out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from incidents.errors import GeocodingError
from incidents.geocode.disambiguate import rank
from incidents.geocode.entry import GazetteerEntry
from incidents.geocode.gazetteer import Gazetteer

_USER_AGENT = "incidents-offline-gazetteer"


class _NoNetworkAdapter(BaseSyncAdapter):  # type: ignore[misc]
    """A geopy adapter that refuses every request: the gazetteer is in memory."""

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        raise GeocodingError(f"OfflineGeocoder makes no network calls (asked for {url})")

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise GeocodingError(f"OfflineGeocoder makes no network calls (asked for {url})")


class OfflineGeocoder(Geocoder):  # type: ignore[misc]
    """Geocode place names in English, Persian or Arabic with a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        super().__init__(user_agent=_USER_AGENT, adapter_factory=_NoNetworkAdapter)
        self.gazetteer = gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        language: str | None = None,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        """Resolve ``query`` (a place name as written) to the best place, or to all
        candidates best first when ``exactly_one`` is False; None when unknown.

        ``country_codes`` (ISO2, one or several) keeps only places in those
        countries, as geopy's Nominatim does. ``language`` is accepted for
        interface compatibility: names are always English exonyms.
        """
        if not isinstance(query, str):
            raise GeocodingError(
                f"OfflineGeocoder.geocode: query must be a place name (str), "
                f"not {type(query).__name__}; structured queries are not supported"
            )
        candidates = self.gazetteer.lookup(query)
        wanted = _country_codes(country_codes)
        if wanted:
            candidates = tuple(entry for entry in candidates if entry.country in wanted)
        if not candidates:
            return None
        ranked = rank(candidates, wanted)
        if exactly_one:
            return _location(ranked[0])
        return [_location(entry) for entry in ranked]

    def reverse(self, query: Any, *, exactly_one: bool = True) -> Location | None:
        """Not supported: the gazetteer indexes names, not points."""
        raise NotImplementedError(
            "OfflineGeocoder cannot reverse-geocode: the gazetteer indexes place names, "
            "not coordinates; configure an online geocoder (e.g. geopy's Nominatim) for "
            "reverse lookups"
        )


def _country_codes(country_codes: str | Iterable[str] | None) -> frozenset[str]:
    if country_codes is None:
        return frozenset()
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    return frozenset(code.upper() for code in country_codes)


def _location(entry: GazetteerEntry) -> Location:
    address = ", ".join(part for part in (entry.name, entry.parent, entry.country) if part)
    raw = {
        "name": entry.name,
        "geonameid": entry.geonameid,
        "country_code": entry.country,
        "kind": entry.kind,
        "population": entry.population,
        "parent": entry.parent,
        "lat": entry.lat,
        "lon": entry.lon,
    }
    return Location(address, (entry.lat, entry.lon), raw)
