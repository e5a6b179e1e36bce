"""An online geocoder through geopy, for users who run their own Nominatim or Photon.

Off by default (``INCIDENTS_GEOCODER=offline``). When it is on, the offline gazetteer
still finds and disambiguates place names in the text (it knows Persian and Arabic
spellings and which Tripoli a text means); the online service is then asked for the
point of each resolved place, by its English name within its country. Requests go
through geopy's ``RateLimiter``; every answer, including "nothing found", is kept
in the database (``geocode_cache``) so a place is asked for once per provider. A
failing service raises :class:`GeocodingError` naming the provider and the query;
the pipeline reports it and keeps the gazetteer's point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Photon
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from incidents.domain import PlaceMatch
from incidents.errors import GeocodingError
from incidents.store.models import GeocodeCacheRecord

PROVIDERS: dict[str, Any] = {"nominatim": Nominatim, "photon": Photon}
USER_AGENT = "incidents (offline-first security incident tracker)"


@dataclass
class OnlineGeocoder:
    """Points for resolved places from ``geocode`` (a rate-limited geopy call)."""

    provider: str
    geocode: Callable[..., Any]

    @classmethod
    def connect(
        cls,
        provider: str,
        domain: str,
        scheme: str = "https",
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
    ) -> OnlineGeocoder:
        """A geocoder for ``provider`` ("nominatim" or "photon") at ``domain``."""
        if provider not in PROVIDERS:
            raise GeocodingError(
                f"geocoder {provider!r} is not supported: choose offline, "
                + ", ".join(sorted(PROVIDERS))
            )
        service = PROVIDERS[provider](
            domain=domain, scheme=scheme, user_agent=USER_AGENT, timeout=timeout
        )
        limited = RateLimiter(
            service.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=1,
            error_wait_seconds=min_delay_seconds,
            swallow_exceptions=False,
        )
        return cls(f"{provider}:{domain}", limited)

    def refine(self, place: PlaceMatch, session: Session) -> PlaceMatch:
        """``place`` with the service's point, or unchanged when it knows nothing;
        answers are cached through ``session`` (the caller's transaction). Countries
        keep the gazetteer's centroid (a service returns a capital's pin)."""
        if place.precision == "country":
            return place
        answer = self._answer(session, place.name, place.country.lower())
        if answer is None or answer.lat is None or answer.lon is None:
            return place
        return replace(place, lat=answer.lat, lon=answer.lon)

    def _answer(
        self, session: Session, query: str, country_codes: str
    ) -> GeocodeCacheRecord | None:
        cached = session.exec(
            select(GeocodeCacheRecord).where(
                GeocodeCacheRecord.provider == self.provider,
                GeocodeCacheRecord.query == query,
                GeocodeCacheRecord.country_codes == country_codes,
            )
        ).first()
        if cached is not None:
            return cached if cached.found else None
        try:
            location = self.geocode(
                query, exactly_one=True, language="en", **self._country_filter(country_codes)
            )
        except GeopyError as exc:
            raise GeocodingError(
                f"{self.provider}: geocoding {query!r} ({country_codes}) failed: {exc}"
            ) from exc
        record = GeocodeCacheRecord(
            provider=self.provider,
            query=query,
            country_codes=country_codes,
            found=location is not None,
            lat=location.latitude if location is not None else None,
            lon=location.longitude if location is not None else None,
            address=location.address if location is not None else None,
        )
        try:
            with session.begin_nested():  # a savepoint: a duplicate from a parallel run is fine
                session.add(record)
        except IntegrityError:
            pass
        return record if record.found else None

    def _country_filter(self, country_codes: str) -> dict[str, Any]:
        # Nominatim filters by country; Photon has no such parameter.
        return {"country_codes": country_codes} if self.provider.startswith("nominatim") else {}
