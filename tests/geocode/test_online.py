"""The online geocoder through geopy, against a real HTTP server on this machine that
answers as Nominatim and Photon do (no test here reaches outside the machine)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from incidents.config import Settings
from incidents.domain import PlaceMatch
from incidents.errors import GeocodingError
from incidents.extract.extractor import Extractor
from incidents.geocode.online import OnlineGeocoder
from incidents.pipeline import run
from incidents.runtime import build_online_geocoder
from incidents.store.models import GeocodeCacheRecord, Incident

MOSUL = PlaceMatch("Mosul", "IQ", 36.335, 43.119, 99072, "city", "Mosul")


@dataclass
class FakeService:
    """What the server answers, and every request it got."""

    status: int = 200
    point: tuple[float, float] | None = (36.3400, 43.1300)
    requests: list[dict[str, list[str]]] = field(default_factory=list)


def _handler(service: FakeService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            service.requests.append({"path": [url.path], **parse_qs(url.query)})
            body: Any
            if service.status != 200:
                body = {"error": "overloaded"}
            elif url.path == "/search":  # Nominatim
                lat_lon = service.point
                body = (
                    [{"lat": str(lat_lon[0]), "lon": str(lat_lon[1]), "display_name": "Mosul"}]
                    if lat_lon
                    else []
                )
            else:  # Photon: /api
                lat_lon = service.point
                body = {
                    "features": [
                        {
                            "geometry": {"type": "Point", "coordinates": [lat_lon[1], lat_lon[0]]},
                            "properties": {"name": "Mosul", "country": "Iraq"},
                        }
                    ]
                    if lat_lon
                    else []
                }
            payload = json.dumps(body).encode()
            self.send_response(service.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def service() -> Iterator[tuple[FakeService, str]]:
    state = FakeService()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _geocoder(domain: str, provider: str = "nominatim") -> OnlineGeocoder:
    return OnlineGeocoder.connect(provider, domain, scheme="http", min_delay_seconds=0)


@pytest.mark.parametrize("provider", ["nominatim", "photon"])
def test_the_service_point_is_used_and_asked_for_once(
    service: tuple[FakeService, str], engine: Engine, provider: str
) -> None:
    state, domain = service
    geocoder = _geocoder(domain, provider)
    with Session(engine) as session, session.begin():
        refined = geocoder.refine(MOSUL, session)
    assert (refined.lat, refined.lon) == (36.34, 43.13)
    assert (refined.name, refined.country, refined.precision) == ("Mosul", "IQ", "city")
    with Session(engine) as session:
        again = geocoder.refine(MOSUL, session)
        (cached,) = session.exec(select(GeocodeCacheRecord)).all()
    assert (again.lat, again.lon) == (36.34, 43.13)
    assert len(state.requests) == 1
    assert state.requests[0]["q"] == ["Mosul"]
    assert cached.provider == f"{provider}:{domain}" and cached.found


def test_nominatim_is_asked_within_the_country(
    service: tuple[FakeService, str], engine: Engine
) -> None:
    state, domain = service
    with Session(engine) as session:
        _geocoder(domain).refine(MOSUL, session)
    assert state.requests[0]["countrycodes"] == ["iq"]


def test_nothing_found_keeps_the_gazetteer_point_and_is_remembered(
    service: tuple[FakeService, str], engine: Engine
) -> None:
    state, domain = service
    state.point = None
    geocoder = _geocoder(domain)
    with Session(engine) as session:
        assert geocoder.refine(MOSUL, session) == MOSUL
        assert geocoder.refine(MOSUL, session) == MOSUL
    assert len(state.requests) == 1


def test_a_failing_service_names_provider_and_query(
    service: tuple[FakeService, str], engine: Engine
) -> None:
    state, domain = service
    state.status = 503
    with Session(engine) as session, pytest.raises(GeocodingError, match=r"nominatim:.*'Mosul'"):
        _geocoder(domain).refine(MOSUL, session)


@pytest.mark.slow
def test_the_nightly_run_reports_a_failing_service_and_keeps_the_incident(
    service: tuple[FakeService, str], engine: Engine, extractor: Extractor, tmp_path: Path
) -> None:
    state, domain = service
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "A car bomb exploded in Mosul, killing 15 people."}) + "\n",
        encoding="utf-8",
    )
    state.status = 503
    messages: list[str] = []
    report = run([corpus], engine, extractor, messages.append, online=_geocoder(domain))
    assert report.failed == 0 and report.reports == 1
    assert any("nominatim" in m and "gazetteer's point is kept" in m for m in messages)
    state.status = 200
    corpus.write_text(corpus.read_text().replace("15", "16"), encoding="utf-8")
    run([corpus], engine, extractor, messages.append, online=_geocoder(domain))
    with Session(engine) as session:
        (incident,) = session.exec(select(Incident)).all()
    assert (incident.lat, incident.lon) == (36.34, 43.13)


def test_offline_by_default_and_providers_checked() -> None:
    assert build_online_geocoder(Settings()) is None
    assert build_online_geocoder(Settings(geocoder="photon")) is not None
    with pytest.raises(GeocodingError, match="geocoder 'google' is not supported"):
        OnlineGeocoder.connect("google", "example.org")
