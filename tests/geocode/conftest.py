"""Shared fixtures: one real gazetteer per test module (building takes ~1 s)."""

from __future__ import annotations

import pytest

from incidents.geocode import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.build()
