"""Event dates from relative day words, against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.normalize import fold
from incidents.normalize.event_dates import refers_to_the_same_day, resolve_event_date

PUBLISHED = dt.date(2025, 11, 10)


@pytest.mark.parametrize(
    ("text", "days_before"),
    [
        ("وقع الانفجار أمس في حي الميدان", 1),
        ("وقع الانفجار أول أمس في حي الميدان", 2),
        ("وقع الانفجار أول من أمس في حي الميدان", 2),
        ("وقعت الاشتباكات أول البارحة", 2),
        ("انفجار دیروز در کابل", 1),
        ("انفجار پریروز در کابل", 2),
        ("درگیری پریشب در زاهدان", 2),
        ("The blast happened yesterday", 1),
        ("The blast happened the day before yesterday", 2),
        ("اليوم انفجرت عبوة", 0),
        ("صار في تفجير بالسوق امبارح", 1),
        ("طخوا على الحاجز مبارح بالليل", 1),
        ("في واحد طعن ٣ ستات النهارده", 0),
    ],
)
def test_relative_days(text: str, days_before: int) -> None:
    expected = PUBLISHED - dt.timedelta(days=days_before)
    assert resolve_event_date(fold(text), PUBLISHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وفي مساء اليوم نفسه سقطت قذيفة على الحي",
        "وفي نفس اليوم اعتقلت الشرطة ثلاثة أشخاص",
        "Later the same day, a second bomb went off",
        "همان روز دو نفر در کرمانشاه بازداشت شدند",
    ],
)
def test_the_same_day_is_the_day_told_before_not_today(text: str) -> None:
    # sentence_events gives it the date of the event told before it.
    assert refers_to_the_same_day(fold(text))
    assert resolve_event_date(fold(text), PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("اختطف مسلحون طبيباً اليوم في شارع 14 رمضان بالمنصور", PUBLISHED),
        ("انفجرت عبوة قرب جسر 14 تموز في 2 نوفمبر", dt.date(2025, 11, 2)),
        ("در خیابان ۱۵ خرداد دیروز انفجاری رخ داد", PUBLISHED - dt.timedelta(days=1)),
        ("A blast hit 7 November Square yesterday", PUBLISHED - dt.timedelta(days=1)),
        ("هجوم في مدينة 6 أكتوبر اليوم", PUBLISHED),
    ],
)
def test_a_place_named_after_a_date_is_no_date(text: str, day: dt.date) -> None:
    assert resolve_event_date(fold(text), PUBLISHED) == day


@pytest.mark.parametrize(
    ("text", "word", "days_before"),
    [
        # Of several days in a sentence, the one nearest the event's word is its day.
        ("He was kidnapped in Kirkuk on Sunday and freed today.", "kidnapped", 1),
        ("He was kidnapped in Kirkuk on Sunday and freed today.", "freed", 0),
        ("شيّع الأهالي اليوم جثامين ثلاثة شبان قتلوا أمس برصاص مسلحين", "قتلوا", 1),
        ("درگیری شب گذشته در مرز ادامه داشت و امروز صبح نیروها مستقر شدند", "مستقر", 0),
        ("درگیری شب گذشته در مرز ادامه داشت و امروز صبح نیروها مستقر شدند", "درگیری", 1),
        # A day beside a verb of saying dates the report, not the event.
        ("قال مصدر اليوم إن الانفجار وقع أول أمس", "الانفجار", 2),
        ("Police said on Sunday the bomb went off on Saturday.", "bomb", 2),
        ("Police said today the bomb in the market went off.", "bomb", 0),
    ],
)
def test_the_day_nearest_the_event_word(text: str, word: str, days_before: int) -> None:
    folded = fold(text)
    near = folded.index(fold(word))
    resolved = resolve_event_date(folded, PUBLISHED, near)
    assert resolved == PUBLISHED - dt.timedelta(days=days_before)


def test_without_a_position_the_first_kind_of_day_wins() -> None:
    text = fold("He was kidnapped in Kirkuk on Sunday and freed today.")
    assert resolve_event_date(text, PUBLISHED) == PUBLISHED


@pytest.mark.parametrize(
    "text", ["طی ۱۲۰ روز گذشته ۵۰ نفر دستگیر شدند", "در سه روز گذشته درگیری ادامه داشت"]
)
def test_the_past_n_days_are_not_the_day_before(text: str) -> None:
    assert resolve_event_date(fold(text), PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "days_before"),
    [
        ("He was kidnapped three days ago near Kirkuk.", 3),
        ("5 days ago a bomb exploded in Mosul.", 5),
        ("سه روز پیش در کابل انفجار رخ داد", 3),
        ("اختطف مسلحون مهندسا قبل ثلاثة أيام في طرابلس", 3),
        ("اختطف مسلحون مهندسا قبل يومين في طرابلس", 2),
        ("طاحت قنبلة البارح فالدار البيضاء", 1),
    ],
)
def test_so_many_days_ago(text: str, days_before: int) -> None:
    resolved = resolve_event_date(fold(text), PUBLISHED)
    assert resolved == PUBLISHED - dt.timedelta(days=days_before)
