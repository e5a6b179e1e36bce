"""Properties of date parsing (:mod:`incidents.normalize.dates`, ``event_dates``).

Dates are written the way Persian, Arabic and English news print them, in any
digit script, then folded (as the extractor folds every sentence) and resolved
against a publication date.

Documented ranges encoded in the strategies: ``resolve_event_date`` reads Solar Hijri
years 1300-1499, lunar Hijri years 14xx and Gregorian years 20xx
(``_JALALI``, ``_HIJRI``, ``_GREG_*``); the Umm al-Qura calendar of hijridate
covers 1343-1500 AH.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian
from hypothesis import example, given
from hypothesis import strategies as st
from persiantools.jdatetime import MONTH_NAMES_FA, JalaliDate

from incidents.normalize import fold
from incidents.normalize.dates import JALALI_TIMESTAMP, TEHRAN, parse_jalali_timestamp
from incidents.normalize.event_dates import (
    GREGORIAN_MONTH_NAMES,
    HIJRI_MONTH_NAMES,
    resolve_event_date,
)
from tests.properties import quick

DIGITS = {"ascii": "0123456789", "persian": "۰۱۲۳۴۵۶۷۸۹", "arabic": "٠١٢٣٤٥٦٧٨٩"}
JALALI_NAMES = [name for name in MONTH_NAMES_FA if name]  # فروردین ... اسفند, as printed

#: Years every calendar above can write (Solar Hijri 1300-1499 is 1921-2121,
#: lunar Hijri 1400-1499 is 1979-2076, Gregorian 20xx).
news_dates = st.dates(dt.date(2000, 1, 1), dt.date(2075, 12, 31))
#: Publication dates far from any text's year, for the "never raises" properties.
any_published = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))


def _digits(number: int, script: str) -> str:
    return str(number).translate(str.maketrans("0123456789", DIGITS[script]))


scripts = st.sampled_from(sorted(DIGITS))
days_later = st.integers(0, 60)


def jalali_text(day: dt.date, script: str, month_word: str, with_year: bool) -> str:
    jalali = JalaliDate(day)
    stamp = f"{_digits(jalali.day, script)} {JALALI_NAMES[jalali.month - 1]}{month_word}"
    if with_year:
        stamp += f" {_digits(jalali.year, script)}"
    return f"انفجار روز {stamp} در کابل"


#: "آبان", "آبان ماه", "آبان‌ماه" (month).
month_words = st.sampled_from(["", " ماه", "\u200cماه"])


@quick(150)
@given(news_dates, scripts, month_words, st.none() | days_later)
@example(dt.date(2025, 11, 15), "persian", "", None)  # ۲۴ آبان ۱۴۰۴
def test_a_jalali_date_in_text_round_trips(
    day: dt.date, script: str, month_word: str, later: int | None
) -> None:
    text = jalali_text(day, script, month_word, with_year=True)
    published = None if later is None else day + dt.timedelta(later)
    assert resolve_event_date(fold(text), published) == day


@quick(150)
@given(news_dates, scripts, month_words, days_later)
@example(dt.date(2025, 3, 19), "persian", "", 3)  # ۲۸ اسفند, published after Nowruz
def test_a_jalali_date_without_year_is_the_latest_one_not_after_publication(
    day: dt.date, script: str, month_word: str, later: int
) -> None:
    text = jalali_text(day, script, month_word, with_year=False)
    assert resolve_event_date(fold(text), day + dt.timedelta(later)) == day


def hijri_text(day: dt.date, script: str, spelling: int, before_year: str, with_year: bool) -> str:
    """``23 جمادى الأولى 1447 هـ``: ``spelling`` picks among the month's spellings,
    ``before_year`` is "", "سنة " or "عام "."""
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    names = HIJRI_MONTH_NAMES[hijri.month - 1]
    stamp = f"{_digits(hijri.day, script)} {names[spelling % len(names)]}"
    if with_year:
        stamp += f" {before_year}{_digits(hijri.year, script)}"
    return f"وقع الانفجار في {stamp} هـ"


before_years = st.sampled_from(["", "سنة ", "عام "])
hijri_dates = st.dates(dt.date(1979, 11, 21), dt.date(2076, 11, 15))  # 1400-01-01..1499-12-29


@quick(150)
@given(hijri_dates, scripts, st.integers(0, 1), before_years)
def test_a_hijri_date_in_text_round_trips(
    day: dt.date, script: str, spelling: int, before_year: str
) -> None:
    text = hijri_text(day, script, spelling, before_year, with_year=True)
    assert resolve_event_date(fold(text), None) == day


@quick(150)
@given(news_dates, scripts, st.integers(0, 1), days_later)
@example(dt.date(2025, 6, 25), "arabic", 0, 5)  # 29 ذو الحجة 1446, published in 1447
def test_a_hijri_date_without_year_is_the_latest_one_not_after_publication(
    day: dt.date, script: str, spelling: int, later: int
) -> None:
    text = hijri_text(day, script, spelling, "", with_year=False)
    assert resolve_event_date(fold(text), day + dt.timedelta(later)) == day


@st.composite
def gregorian_text(draw: st.DrawFn, day: dt.date, with_year: bool) -> str:
    month = draw(st.sampled_from(GREGORIAN_MONTH_NAMES[day.month - 1]))
    number = _digits(day.day, draw(scripts) if not month.isascii() else "ascii")
    year = _digits(day.year, "ascii" if month.isascii() else draw(scripts))
    if month.isascii() and draw(st.booleans()):
        return f"The blast on {month} {number}{f', {year}' if with_year else ''} killed two"
    return f"The blast on {number} {month}{f' {year}' if with_year else ''} killed two"


@quick(150)
@given(news_dates, days_later, st.booleans(), st.data())
def test_a_gregorian_date_in_text_round_trips(
    day: dt.date, later: int, with_year: bool, data: st.DataObject
) -> None:
    text = data.draw(gregorian_text(day, with_year), label="text")
    assert resolve_event_date(fold(text), day + dt.timedelta(later)) == day


@quick(200)
@given(
    st.integers(1, 31),
    st.sampled_from(
        [*JALALI_NAMES, *(n for names in HIJRI_MONTH_NAMES for n in names)]
        + [n for names in GREGORIAN_MONTH_NAMES for n in names]
    ),
    st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)),
)
@example(29, "February", dt.date(2024, 2, 10))  # leap year, before the 29th
@example(30, "اسفند", dt.date(2025, 3, 1))
def test_a_date_without_year_never_lies_after_publication(
    day: int, month: str, published: dt.date
) -> None:
    """Within a year before publication, or None when that day does not exist there."""
    found = resolve_event_date(fold(f"{day} {month}"), published)
    assert found is None or published - dt.timedelta(days=366) < found <= published


DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "the day before yesterday": -2,
    "امروز": 0,
    "امشب": 0,
    "دیروز": -1,
    "دیشب": -1,
    "پریروز": -2,
    "پریشب": -2,
    "اليوم": 0,
    "أمس": -1,
    "البارحة": -1,
    "أول أمس": -2,
    "أول من أمس": -2,
}
WEEKDAYS = {  # Monday == 0
    **dict(
        zip(
            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
            range(7),
            strict=True,
        )
    ),
    **dict(zip("دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه شنبه یکشنبه".split(), range(7), strict=True)),
    "سه شنبه": 1,
    "پنج شنبه": 3,
    "یک شنبه": 6,
    **dict(
        zip("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split(), range(7), strict=True)
    ),
}
#: Words around the relative word that hold no date of their own.
FILLER = {
    "en": "a car bomb exploded in the market on killing two people".split(),
    "fa": "انفجار در بازار کابل روز بمب کشته شدند".split(),  # not "یک": "یک شنبه"
    "ar": "وقع انفجار في سوق المدينة يوم مقتل شخصين".split(),
}


def _language(word: str) -> str:
    if word.isascii():
        return "en"
    return "fa" if any(c in word for c in "پچژگکی") or word in DAY_WORDS else "ar"


@st.composite
def sentences_with(draw: st.DrawFn, word: str) -> str:
    filler = FILLER[_language(word)] if word.isascii() else FILLER["fa"] + FILLER["ar"]
    before = draw(st.lists(st.sampled_from(filler), max_size=4))
    after = draw(st.lists(st.sampled_from(filler), max_size=4))
    return " ".join([*before, word, *after])


@quick(150)
@given(
    st.sampled_from(sorted(DAY_WORDS)),
    st.dates(dt.date(1990, 1, 1), dt.date(2060, 1, 1)),
    st.data(),
)
def test_relative_day_words_count_back_from_publication(
    word: str, published: dt.date, data: st.DataObject
) -> None:
    text = data.draw(sentences_with(word), label="text")
    assert resolve_event_date(fold(text), published) == published + dt.timedelta(DAY_WORDS[word])


@quick(150)
@given(
    st.sampled_from(sorted(WEEKDAYS)), st.dates(dt.date(1990, 1, 1), dt.date(2060, 1, 1)), st.data()
)
def test_a_weekday_is_the_latest_such_day_within_the_week_before_publication(
    word: str, published: dt.date, data: st.DataObject
) -> None:
    text = data.draw(sentences_with(word), label="text")
    found = resolve_event_date(fold(text), published)
    assert found is not None
    assert found.weekday() == WEEKDAYS[word]
    assert published - dt.timedelta(days=7) < found <= published


#: Fragments that steer random text towards the date patterns.
_FRAGMENTS = st.sampled_from(
    [
        *JALALI_NAMES,
        *(n for names in HIJRI_MONTH_NAMES for n in names),
        *(n for names in GREGORIAN_MONTH_NAMES for n in names),
        *DAY_WORDS,
        *WEEKDAYS,
        "ماه",
        "سنة",
        "عام",
        "من",
        "0",
        "00",
        "29",
        "30",
        "31",
        "99",
        "1404",
        "1447",
        "2025",
        "۱۴۰۴",
        "١٤٤٧",
        " ",
        ",",
        ":",
    ]
)
date_like_text = st.lists(_FRAGMENTS | st.text(max_size=3), max_size=8).map(" ".join)


@quick(300)
@given(st.text() | date_like_text, any_published)
@example("29 February", dt.date(2024, 2, 10))
@example("3 رجب", dt.date(2100, 1, 1))  # outside the Umm al-Qura table
@example("30 اسفند", dt.date(1900, 1, 1))
def test_resolve_event_date_never_raises(text: str, published: dt.date | None) -> None:
    found = resolve_event_date(fold(text), published)
    assert found is None or isinstance(found, dt.date)
    if published is None:
        return
    # Only an explicit year can place an event after publication.
    if found is not None and found > published:
        assert any(c.isdigit() for c in fold(text))


@quick(150)
@given(
    st.datetimes(dt.datetime(1921, 3, 21), dt.datetime(2121, 3, 20)),
    scripts,
)
@example(dt.datetime(2025, 11, 15, 0, 31), "persian")  # ۰۰:۳۱ ۲۴ آبان ۱۴۰۴
def test_a_comment_timestamp_round_trips(moment: dt.datetime, script: str) -> None:
    jalali = JalaliDate(moment.date())
    line = (
        f"{_digits(moment.hour, script).zfill(2)}:{_digits(moment.minute, script).zfill(2)} "
        f"{_digits(jalali.day, script)} {JALALI_NAMES[jalali.month - 1]} "
        f"{_digits(jalali.year, script)}"
    )
    line = line.replace("0", DIGITS[script][0]) if script != "ascii" else line
    expected = moment.replace(second=0, microsecond=0, tzinfo=TEHRAN)
    assert parse_jalali_timestamp(line) == expected


@quick(300)
@given(st.text() | date_like_text)
@example("۲۵:۳۱ ۲۴ آبان ۱۴۰۴")
@example("00:31 32 آبان 1404")
def test_a_timestamp_line_is_parsed_or_refused(line: str) -> None:
    """None when the line is not ``HH:MM DD <month> YYYY``; ValueError (which the page
    reader reports) only when it is that form but names no real date or time."""
    try:
        parsed = parse_jalali_timestamp(line)
    except ValueError:
        assert JALALI_TIMESTAMP.match(fold(line))
        return
    if parsed is None:
        assert JALALI_TIMESTAMP.match(fold(line)) is None
    else:
        assert parsed.tzinfo is TEHRAN


_MONTH_NAMES = sorted(
    {
        fold(name).lower()
        for name in [
            *JALALI_NAMES,
            *(n for names in HIJRI_MONTH_NAMES for n in names),
            *(n for names in GREGORIAN_MONTH_NAMES for n in names),
        ]
    }
)


@quick(150)
@given(
    st.integers(1, 28),
    st.sampled_from(_MONTH_NAMES),
    # No month name holds گ پ چ ژ past its first letter: the word is no other month.
    st.text(alphabet="گپچژ", min_size=1, max_size=1),
    st.text(alphabet="ابتدرسلمنوهی", max_size=4),
    st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)),
)
@example(2, "دی", "پ", "لمات", dt.date(2025, 11, 16))  # ۲ دیپلمات: 2 diplomats
@example(5, "محرم", "", "انه", dt.date(2025, 11, 16))  # ۵ محرمانه: 5 confidential
def test_a_word_that_only_starts_with_a_month_name_is_no_date(
    day: int, month: str, first: str, rest: str, published: dt.date
) -> None:
    text = f"{day} {month}{first}{rest} {published.year}"
    assert resolve_event_date(text, published) is None
