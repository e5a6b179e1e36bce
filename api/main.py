"""Entry point for ``uvicorn --factory api.main:app_from_env`` (settings from the environment)."""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from incidents.config import get_settings


def app_from_env() -> FastAPI:
    return create_app(get_settings())
