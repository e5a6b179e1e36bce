"""'The outskirts of Aleppo', «ريف حلب», «حومه هرات»: near the town, ACLED geo_precision 2."""

from __future__ import annotations

import pytest

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor
from incidents.geocode.entry import acled_geo_precision

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "lang", "place", "near"),
    [
        ("Artillery shelled villages on the outskirts of Aleppo on Monday.", "en", "Aleppo", True),
        ("Artillery shelled the old city of Aleppo on Monday.", "en", "Aleppo", False),
        ("قصفت المدفعية قرى في ريف حلب الجنوبي صباح اليوم.", "ar", "Aleppo", True),
        ("قصفت المدفعية أحياء في مدينة حلب صباح اليوم.", "ar", "Aleppo", False),
        ("درگیری مسلحانه شب گذشته در حومه هرات سه کشته برجای گذاشت.", "fa", "Herat", True),
    ],
)
def test_near_a_town(extractor: Extractor, text: str, lang: str, place: str, near: bool) -> None:
    document = Document(key="k", kind=DocumentKind.ARTICLE, text=text, source="t", lang=lang)
    (event,) = extractor.extract(document).events
    assert event.place is not None and event.place.name == place
    assert event.place.near is near
    assert acled_geo_precision(event.place.precision, event.place.near) == (2 if near else 1)


def test_acled_geo_precision() -> None:
    assert [acled_geo_precision(p) for p in ("district", "city", "region", "country")] == [
        1,
        1,
        3,
        3,
    ]
    assert acled_geo_precision("region", near=True) == 3
    assert acled_geo_precision(None) is None
