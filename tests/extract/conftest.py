"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer


@pytest.fixture(scope="session")
def rules_only(gazetteer: Gazetteer) -> Extractor:
    """The rule extractor alone (no trained model), built once for the session."""
    return Extractor.build(gazetteer, use_model=False)
