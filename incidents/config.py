"""Settings, read from the environment (prefix ``INCIDENTS_``) or given explicitly."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def bundled_corpus() -> Path:
    """The sample corpus shipped inside the package (used by ``make run``)."""
    return Path(str(resources.files("incidents").joinpath("samples")))


def _default_cache_dir() -> Path:
    from incidents.geocode.cache import default_cache_dir

    return default_cache_dir()


class Settings(BaseSettings):
    """Everything configurable; build one with ``Settings(...)`` or :func:`get_settings`."""

    model_config = SettingsConfigDict(env_prefix="INCIDENTS_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./incidents.db",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db",
    )
    corpus: Path = Field(default_factory=bundled_corpus, description="Input folder or file")
    min_city_population: int = Field(
        default=1000, ge=500, description="Gazetteer threshold: 500, 1000, 5000 or 15000"
    )
    cache_dir: Path | None = Field(
        default_factory=lambda: _default_cache_dir(),
        description="Where the built gazetteer is kept (unset: rebuilt by every process)",
    )
    geocoder: Literal["offline", "nominatim", "photon"] = Field(
        default="offline",
        description="offline: the gazetteer only; nominatim / photon: also ask your own server",
    )
    geocoder_domain: str = Field(
        default="localhost:8080", description="host[:port] of the Nominatim or Photon server"
    )
    geocoder_scheme: Literal["http", "https"] = "https"
    geocoder_min_delay_seconds: float = Field(
        default=1.0, ge=0, description="Least time between two requests (geopy RateLimiter)"
    )
    geocoder_timeout_seconds: float = Field(default=10.0, gt=0)
    api_token: SecretStr | None = Field(
        default=None, description="Bearer token for POST /documents (unset: disabled)"
    )
    max_body_bytes: int = Field(
        default=4 * 1024 * 1024,
        ge=1024,
        description="Largest request body the API accepts (larger: 413)",
    )
    max_document_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Largest page or HTML file, or JSON Lines record, the job reads "
        "(larger ones are reported and skipped unread)",
    )
    max_query_bytes: int = Field(
        default=16 * 1024,
        ge=1024,
        description="Longest query string the API accepts (longer: 414)",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    map_limit: int = Field(
        default=20000, ge=1, description="Most incidents embedded in a static map (incidents map)"
    )
    map_tile_url: str | None = Field(
        default=None,
        pattern=r"^(https?://|/)\S*\{z\}\S*$",
        description="XYZ tile URL of your own tile server, e.g. http://tiles.local/{z}/{x}/{y}.png "
        "(unset: the offline country outlines only)",
    )
    map_tile_attribution: str = Field(default="", description="Attribution of those tiles")
    celery_broker_url: str = Field(
        default="redis://127.0.0.1:6379/0", description="Broker of `--executor celery`"
    )
    celery_result_backend: str = Field(
        default="redis://127.0.0.1:6379/0", description="Where Celery workers put results"
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings from the environment, read once (FastAPI dependency; override in tests)."""
    return Settings()
