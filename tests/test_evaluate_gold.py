"""How ``incidents evaluate`` matches an extracted event to a gold one."""

from __future__ import annotations

from typing import Any

import pytest

from incidents.domain import Document, DocumentKind
from incidents.evaluate import evaluate_gold
from incidents.extract.extractor import Extractor
from incidents.extract.training.corpus import GoldDocument

pytestmark = pytest.mark.slow

TEXT = "انفجرت عبوة ناسفة في مدينة درعا صباح اليوم."


def _scores(extractor: Extractor, gold: dict[str, Any]) -> tuple[int, int, int]:
    document = Document("g", DocumentKind.ARTICLE, TEXT, "test", lang="ar")
    overall = evaluate_gold(extractor, [GoldDocument(document, (gold,), "probe")]).overall
    return overall.tp, overall.fp, overall.fn


def test_a_gold_place_the_gazetteer_lacks_is_matched_by_its_coordinates(
    extractor: Extractor,
) -> None:
    village = {"type": "explosion", "place": "Not A Gazetteer Village", "country": "SY"}
    # Without coordinates the name cannot be placed, so the event found in Daraa is
    # both spurious and missed; 10 km from Daraa it is the same place.
    assert _scores(extractor, village) == (0, 1, 1)
    assert _scores(extractor, {**village, "lat": 32.70, "lon": 36.05}) == (1, 0, 0)
    # 150 km away it is not.
    assert _scores(extractor, {**village, "lat": 33.95, "lon": 36.60}) == (0, 1, 1)
