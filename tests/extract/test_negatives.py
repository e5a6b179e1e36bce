"""Texts that name an incident without stating that one happened (EVENTS.md "Not
events"): accidents, denials, threats, hypotheticals, drills, history, statistics and
claims about an attack told nowhere else. Rules only, so the cues themselves are tested."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer

pytestmark = pytest.mark.slow

PUBLISHED = dt.datetime(2025, 11, 10, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def rules_extractor(gazetteer: Gazetteer) -> Extractor:
    return Extractor.build(gazetteer, use_model=False)


@pytest.mark.parametrize(
    "text",
    [
        # accidents
        "Police ruled out terrorism, saying a faulty gas cylinder caused the blast at a "
        "restaurant in Lahore.",
        "Officials said a leaking pipeline caused the explosion in Karachi on Sunday.",
        # background
        "Gunmen have killed dozens of policemen in Quetta in recent years.",
        "Over the past years, bombings in Mosul killed hundreds of people.",
        # a commenter's claim about who carried out an attack
        "این حمله انتحاری در کابل رو داعش انجام داده، شک نکنید.",
        # denials
        "The ministry denied that a drone strike hit Idlib on Monday.",
        "وزارت کشور خبر وقوع انفجار در کربلا را تکذیب کرد.",
        # threats, hypotheticals, drills, statistics
        "The group threatened to attack checkpoints in Kirkuk.",
        "ممکن است گروه‌های مسلح به پاسگاه‌های مرزی در زاهدان حمله کنند.",
        "The army held a drill simulating a bomb attack in Basra.",
        "A total of 45 people were killed in bombings in Baghdad last month, the UN said.",
    ],
)
def test_no_event(rules_extractor: Extractor, text: str) -> None:
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", published=PUBLISHED
    )
    assert rules_extractor.extract(doc).events == ()


def test_gunmen_killed_in_the_passive_are_no_shooting(rules_extractor: Extractor) -> None:
    text = (
        "Fighting broke out in Jableh on Thursday between security forces and gunmen. "
        "A monitor said 13 security personnel and at least 8 gunmen had been killed."
    )
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", published=PUBLISHED
    )
    events = rules_extractor.extract(doc).events
    assert [(e.type.value, e.killed) for e in events] == [("armed_clash", 21)]
