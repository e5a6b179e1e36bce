"""Incident map pages built with Folium from stored incidents, with local assets only.

Importing this package builds nothing and touches no file: the API calls
:func:`build_incident_map` per request and mounts :func:`static_dir` at ``/static``.
"""

from __future__ import annotations

from pathlib import Path

from maps.build import build_incident_map
from maps.markers import MapError, MapIncident

__all__ = ["MapError", "MapIncident", "build_incident_map", "static_dir"]


def static_dir() -> Path:
    """The vendored Leaflet, markercluster and basemap (see static/VENDORED.md)."""
    return Path(__file__).resolve().parent / "static"
