"""Run Alembic from code: the CLI's ``db upgrade`` and the tests use this."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

import incidents
from alembic import command
from incidents.errors import ConfigurationError


def alembic_config(database_url: str) -> Config:
    """Alembic configuration for the project's ``alembic/`` folder and ``database_url``."""
    root = Path(incidents.__file__).resolve().parent.parent
    script_location = root / "alembic"
    if not (script_location / "env.py").is_file():
        raise ConfigurationError(
            f"migrations not found at {script_location}; install the project from its "
            "source tree (pip install -e .)"
        )
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at ``database_url`` to ``revision`` (creates SQLite files)."""
    command.upgrade(alembic_config(database_url), revision)
