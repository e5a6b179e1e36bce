"""A tiny FastAPI app serving the incident map, run by the browser test in uvicorn.

Kept in its own module (not the test file) so the uvicorn subprocess imports only
FastAPI and ``maps``, not pytest or Playwright. Three sample incidents: Persian
evidence in Tehran, an HTML payload in Damascus, and a neighbour in Mezzeh close
enough to Damascus to be clustered with it at the initial zoom.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from maps import MapIncident, build_incident_map, static_dir

PERSIAN_EVIDENCE = "بر اثر انفجار در میدان آزادی تهران دو نفر کشته شدند."
PAYLOAD = '<img src=x onerror="window.__pwned=1">'

SAMPLE_INCIDENTS = (
    MapIncident(
        id=1,
        type="explosion",
        place="Tehran",
        country="IR",
        lat=35.6892,
        lon=51.389,
        date="2025-11-14",
        killed=2,
        injured=None,
        evidence=PERSIAN_EVIDENCE,
        evidence_lang="fa",
        source="خبرگزاری نمونه",
        source_kind="article",
        url="https://news.example/fa/1",
        n_reports=2,
    ),
    MapIncident(
        id=2,
        type="road_closure",
        place=f"Damascus {PAYLOAD}",
        country="SY",
        lat=33.5138,
        lon=36.2765,
        date=None,
        killed=None,
        injured=None,
        evidence=f"Roads were closed {PAYLOAD} after the blast.",
        evidence_lang="en",
        source=f"comment {PAYLOAD}",
        source_kind="comment",
        url="javascript:window.__pwned=1",
        n_reports=1,
    ),
    MapIncident(
        id=3,
        type="security_deployment",
        place="Mezzeh",
        country="SY",
        lat=33.5,
        lon=36.25,
        date="2025-11-15",
        killed=0,
        injured=0,
        evidence="انتشرت قوات الأمن في حي المزة.",
        evidence_lang="ar",
        source="Example Arabic",
        source_kind="article",
        url=None,
        n_reports=1,
    ),
)


def create_app() -> FastAPI:
    """The map at ``/`` and the vendored assets at ``/static``."""
    app = FastAPI()
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")

    @app.get("/", response_class=HTMLResponse)
    def incident_map() -> str:
        return build_incident_map(SAMPLE_INCIDENTS, static_url="/static")

    return app
