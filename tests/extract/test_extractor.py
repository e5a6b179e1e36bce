"""End-to-end extraction of single texts, with the real gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.domain import Document, DocumentKind, EventType
from incidents.extract.extractor import Extractor

pytestmark = pytest.mark.slow


def _events(
    extractor: Extractor,
    text: str,
    kind: DocumentKind = DocumentKind.ARTICLE,
    published: dt.datetime | None = None,
) -> list[tuple[str, str | None, int | None, int | None]]:
    doc = Document(key="k", kind=kind, text=text, source="test", published=published)
    return sorted(
        (e.type.value, e.place.name if e.place else None, e.killed, e.injured)
        for e in extractor.extract(doc).events
    )


def test_denial_is_not_an_event(extractor: Extractor) -> None:
    assert (
        _events(extractor, "The interior ministry denied reports of an explosion in Damascus.")
        == []
    )
    assert _events(extractor, "نفت وزارة الداخلية وقوع انفجار في دمشق.") == []


def test_hypothetical_and_question_are_not_events(extractor: Extractor) -> None:
    assert (
        _events(extractor, "Militants may attack checkpoints near Kirkuk, officials warned.") == []
    )
    assert _events(extractor, "آیا انفجار در دمشق رخ داد؟") == []


def test_background_is_not_an_event(extractor: Extractor) -> None:
    assert _events(extractor, "Last year a car bomb in Baghdad killed 30 people.") == []


def test_dateline_is_not_the_event_place(extractor: Extractor) -> None:
    events = _events(
        extractor, "BEIRUT (Reuters) - A car bomb exploded in Aleppo, killing 3 people."
    )
    assert events == [("explosion", "Aleppo", 3, None)]


def test_tripoli_in_lebanon_when_the_text_says_so(extractor: Extractor) -> None:
    doc = Document(
        key="k",
        kind=DocumentKind.ARTICLE,
        source="test",
        text="A bomb exploded in Tripoli in northern Lebanon, wounding 4 people.",
    )
    (event,) = extractor.extract(doc).events
    assert event.place is not None and (event.place.name, event.place.country) == ("Tripoli", "LB")


def test_two_blasts_at_one_place_are_one_event(extractor: Extractor) -> None:
    text = "Two explosions hit Homs on Monday. A second blast in Homs killed 2 people."
    assert _events(extractor, text) == [("explosion", "Homs", 2, None)]


def test_suicide_bombing_is_not_also_an_explosion(extractor: Extractor) -> None:
    text = "A suicide bomber blew himself up at a checkpoint in Kabul, killing 6 people."
    assert [e[0] for e in _events(extractor, text)] == [EventType.SUICIDE_BOMBING.value]


def test_evidence_is_the_original_sentence_with_zwnj(extractor: Extractor) -> None:
    text = "گزارش‌ها حاکی است.\nجاده‌ها در حلب مسدود شد و نیروهای امنیتی مستقر شدند."
    doc = Document(key="k", kind=DocumentKind.COMMENT, text=text, source="test")
    events = extractor.extract(doc).events
    assert {e.type for e in events} == {EventType.ROAD_CLOSURE, EventType.SECURITY_DEPLOYMENT}
    for event in events:
        assert event.evidence_text == "جاده‌ها در حلب مسدود شد و نیروهای امنیتی مستقر شدند."
        assert text[event.evidence.start : event.evidence.end] == event.evidence_text
        assert event.confidence < 0.8  # a comment is a weaker source


def test_event_date_from_text(extractor: Extractor) -> None:
    published = dt.datetime(2025, 11, 16, 9, 0, tzinfo=dt.UTC)
    doc = Document(
        key="k",
        kind=DocumentKind.ARTICLE,
        source="test",
        published=published,
        text="دیروز یک انفجار در کرکوک دو کشته برجای گذاشت.",
    )
    (event,) = extractor.extract(doc).events
    assert event.date == dt.date(2025, 11, 15) and event.date_source == "text"
    assert event.killed == 2


def test_accidental_blasts_are_not_security_events(extractor: Extractor) -> None:
    assert (
        _events(extractor, "A gas cylinder exploded in a restaurant in Mosul, injuring four.") == []
    )
    assert _events(extractor, "انفجرت أسطوانة غاز في مطعم بالموصل وأصيب أربعة أشخاص.") == []


def test_place_inside_the_trigger_phrase(extractor: Extractor) -> None:
    text = (
        "شددت قوات الشرطة في أسيوط من إجراءاتها الأمنية بعد تفجير استهدف مديرية الأمن في المنصورة."
    )
    events = dict((e[0], e[1]) for e in _events(extractor, text))
    assert events["security_deployment"] == "Assiut"
    assert events["explosion"] == "Al Mansurah"


def test_zero_casualties_and_closures_in_arabic(extractor: Extractor) -> None:
    text = (
        "انفجرت عبوة ناسفة في الموصل، ومنعت القوات المرور في الطرق المحيطة، وتبين عدم وقوع ضحايا."
    )
    assert _events(extractor, text) == [
        ("explosion", "Mosul", 0, 0),
        ("road_closure", "Mosul", None, None),
    ]
