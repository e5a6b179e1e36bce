"""Towns under 15,000 people are taken as places only with evidence (gazetteer at 1,000)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer, load_gazetteer
from incidents.geocode.cache import fingerprint

pytestmark = pytest.mark.slow


def _places(extractor: Extractor, text: str, lang: str) -> list[tuple[str, str | None]]:
    document = Document(key="k", kind=DocumentKind.ARTICLE, text=text, source="t", lang=lang)
    return [
        (e.type.value, e.place.name if e.place else None)
        for e in extractor.extract(document).events
    ]


def test_small_towns_are_indexed_and_marked_minor(gazetteer: Gazetteer) -> None:
    (sinjil,) = gazetteer.lookup("سنجل")
    assert (sinjil.name, sinjil.country) == ("Sinjil", "PS")
    assert gazetteer.is_minor(sinjil)
    (damascus, *_) = gazetteer.lookup("دمشق")
    assert not gazetteer.is_minor(damascus)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # A place word and the country of the text: the village.
        (
            "أطلق مستوطنون النار على شاب في بلدة سنجل شمال رام الله، ما أدى إلى إصابته.",
            "ar",
            [("shooting", "Sinjil")],
        ),
        # No place word: the village is not taken, the city beside it is.
        (
            "أطلق مستوطنون النار على شاب في سنجل شمال رام الله، ما أدى إلى إصابته.",
            "ar",
            [("shooting", "Ramallah")],
        ),
        # A place word but nothing says the text is about Palestine.
        ("أطلق مسلحون النار على شاب في بلدة سنجل، ما أدى إلى إصابته.", "ar", []),
        # "شهر هرات" is also the name of a small Iranian town; the text is about Afghanistan.
        (
            "هرات - درگیری مسلحانه شب گذشته در حومه غربی شهر هرات به کشته شدن سه نفر انجامید.",
            "fa",
            [("armed_clash", "Herat")],
        ),
        # Jericho, the only larger town named أريحا, does not vote for Palestine by
        # itself: beside Idlib the town is Ariha; in the West Bank it is Jericho.
        (
            "قصفت طائرات حربية مدينة أريحا في ريف إدلب صباح اليوم.",
            "ar",
            [("airstrike", "Ariha")],
        ),
        (
            "اقتحمت قوات الاحتلال مدينة أريحا في الضفة الغربية واعتقلت ثلاثة شبان.",
            "ar",
            [("arrest", "Jericho")],
        ),
        # Folding drops the shadda of «عمّان»: Amman and Oman share a name, which does
        # not vote for Oman by itself.
        ("اعتقلت الشرطة الأردنية ثلاثة أشخاص في عمّان أمس.", "ar", [("arrest", "Amman")]),
        ("انفجرت قنبلة في مسقط عاصمة عمان أمس.", "ar", [("explosion", "Muscat")]),
    ],
)
def test_minor_towns_need_a_place_word_and_the_country(
    extractor: Extractor, text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert _places(extractor, text, lang) == expected


def test_the_gazetteer_is_built_once_then_loaded_from_the_cache(tmp_path: Path) -> None:
    built = load_gazetteer(15000, tmp_path)
    (cached,) = tmp_path.glob("gazetteer-15000-*.pickle")
    assert fingerprint(15000) in cached.name
    loaded = load_gazetteer(15000, tmp_path)
    assert loaded is not built
    assert len(loaded) == len(built) and loaded.lookup("المزة") == built.lookup("المزة")
    cached.write_bytes(b"not a pickle")
    assert len(load_gazetteer(15000, tmp_path)) == len(built)  # rebuilt, not an error
    assert isinstance(pickle.loads(cached.read_bytes()), Gazetteer)


def test_the_fingerprint_follows_the_threshold() -> None:
    assert fingerprint(1000) != fingerprint(15000)
