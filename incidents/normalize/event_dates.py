"""Resolve when an event happened from words in its sentence and the publication date.

Handles relative days (today, yesterday, امروز، دیروز، اليوم، أمس), weekday names
(the latest such day on or before publication), and explicit Solar Hijri
(``۲۴ آبان ۱۴۰۴``, or ``۲۴ آبان`` in the publication's year) and Gregorian
(``November 14``, ``14 November 2025``) and lunar Hijri (``٢٣ جمادى الأولى ١٤٤٧``,
Umm al-Qura calendar via hijridate) dates. Works on folded text (ASCII digits,
folded letters).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from hijridate import Gregorian, Hijri
from persiantools.jdatetime import JalaliDate

from incidents.normalize.dates import JALALI_MONTHS, jalali_to_gregorian
from incidents.normalize.folding import fold

_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "امروز": 0,
    "امشب": 0,
    "دیروز": -1,
    "دیشب": -1,
    "پریروز": -2,
    "پریشب": -2,
    "الیوم": 0,
    "اليوم": 0,
    "امس": -1,
    "البارحه": -1,
    # Levantine and Egyptian: yesterday, today.
    "امبارح": -1,
    "مبارح": -1,
    "النهارده": 0,
    # Maghrebi: yesterday.
    "البارح": -1,
}
_WEEKDAYS = {  # Python weekday(): Monday == 0
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "دوشنبه": 0,
    "سهشنبه": 1,
    "چهارشنبه": 2,
    "پنجشنبه": 3,
    "جمعه": 4,
    "شنبه": 5,
    "یکشنبه": 6,
    "الاثنین": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخمیس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
#: A word that may be one of the days above: whole words only, as ``_WORD`` splits
#: them (``_relative_days`` checks its lower case against the tables).
_DAY_WORD = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(word) for word in sorted({*_DAY_OFFSETS, *_WEEKDAYS}, key=len, reverse=True)
    )
    + r")(?!\w)",
    re.I,
)
#: The Gregorian months as news writes them in English, Persian and Arabic (with the
#: Levantine names), first month first.
GREGORIAN_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("January", "Jan", "ژانویه", "يناير", "كانون الثاني"),
    ("February", "Feb", "فوریه", "فبراير", "شباط"),
    ("March", "Mar", "مارس", "آذار"),
    ("April", "Apr", "آوریل", "أبريل", "نيسان"),
    ("May", "مه", "مايو", "أيار"),
    ("June", "Jun", "ژوئن", "يونيو", "حزيران"),
    ("July", "Jul", "ژوئیه", "يوليو", "تموز"),
    ("August", "Aug", "اوت", "أغسطس", "آب"),
    ("September", "Sep", "Sept", "سپتامبر", "سبتمبر", "أيلول"),
    ("October", "Oct", "اکتبر", "أكتوبر", "تشرين الأول"),
    ("November", "Nov", "نوامبر", "نوفمبر", "تشرين الثاني"),
    ("December", "Dec", "دسامبر", "ديسمبر", "كانون الأول"),
)
_GREGORIAN_MONTHS = {
    fold(name).lower(): number
    for number, names in enumerate(GREGORIAN_MONTH_NAMES, start=1)
    for name in names
}
#: The lunar Hijri months as written in Arabic and Persian, first month first.
HIJRI_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("محرم",),
    ("صفر",),
    ("ربيع الأول", "ربيع الاول"),
    ("ربيع الآخر", "ربيع الثاني"),
    ("جمادى الأولى", "جمادى الاولى"),
    ("جمادى الآخرة", "جمادى الثانية"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعدة", "ذي القعدة"),
    ("ذو الحجة", "ذي الحجة"),
)
_HIJRI_MONTHS = {
    fold(name): number for number, names in enumerate(HIJRI_MONTH_NAMES, start=1) for name in names
}
#: A month name ends its word: "۵ محرمانه" (5 confidential) names no month.
_HIJRI = re.compile(
    r"(?P<day>\d{1,2})\s+(?:من\s+)?(?P<month>"
    + "|".join(sorted(_HIJRI_MONTHS, key=len, reverse=True))
    + r")(?!\w)(?:\s+(?:سنه\s+|عام\s+)?(?P<year>14\d\d))?"
)
_WORD = re.compile(r"[\w]+")
#: "أول أمس", "أول من أمس", "the day before yesterday": two days back, though the
#: phrase holds the word for yesterday.
_TWO_DAYS_BACK = re.compile(
    r"\bاول\s+(?:من\s+)?(?:امس|البارحه)\b|\bday\s+before\s+yesterday\b", re.I
)
#: "three days ago", «سه روز پیش», «قبل ثلاثة أيام»: so many days back.
_DAYS_AGO = re.compile(
    fold(
        r"\b(?P<en>\d{1,2}|two|three|four|five|six)\s+days\s+ago\b"
        r"|(?P<fa>\d{1,2}|دو|سه|چهار|پنج|شش)\s+روز\s+(?:پیش|قبل)\b"
        r"|\bقبل\s+(?P<ar>\d{1,2}|يومين|ثلاثة|أربعة|خمسة|ستة)(?:\s+أيام)?\b"
    ),
    re.I,
)
#: A word each phrase of ``_DAYS_AGO`` holds: a text without one has none of them.
_DAYS_AGO_CUE = re.compile(fold("days|روز|قبل"), re.I)
_DIGIT = re.compile(r"\d")
_DAYS_AGO_WORDS = {
    fold(word): days
    for days, words in (
        (2, "two دو يومين"),
        (3, "three سه ثلاثة"),
        (4, "four چهار أربعة"),
        (5, "five پنج خمسة"),
        (6, "six شش ستة"),
    )
    for word in words.split()
}
#: "سه شنبه" (Tuesday) written with a space would otherwise read as "شنبه" (Saturday).
_PERSIAN_WEEKDAY_SPACE = re.compile(r"\b(یک|دو|سه|چهار|پنج)\s+شنبه")
#: The month name ends its word, or is followed by "ماه" (month), spaced or glued
#: ("دی ماه", "دی‌ماه" folded to "دیماه"): "۲ دیپلمات" (2 diplomats), "۵ دیگر" (5 others)
#: and "۱ دیسمبر" (1 December) do not name the month دی.
_JALALI = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>"
    + "|".join(sorted(JALALI_MONTHS, key=len, reverse=True))
    + r")(?:\s*ماه)?(?!\w)(?:\s+(?P<year>1[34]\d\d))?"
)
_GREG_NAMES = "|".join(sorted((re.escape(m) for m in _GREGORIAN_MONTHS), key=len, reverse=True))
_GREG_DAY_MONTH = re.compile(
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{_GREG_NAMES})\b(?:\s+(?P<year>20\d\d))?", re.I
)
_GREG_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_GREG_NAMES})\.?\s+(?P<day>\d{{1,2}})\b(?:,?\s+(?P<year>20\d\d))?", re.I
)


#: "the past day / night" and "last night", said in the day's news: the day before.
_DAY_BEFORE = re.compile(
    fold(r"(?:\b(?:روز|شب|ظهر|عصر|غروب|شامگاه)\s+گذشته\b)|\blast\s+night\b|الليلة\s+الماضية"),
    re.I,
)


#: A count just before "روز گذشته" makes it "the past N days", not the day before.
_COUNTED = re.compile(r"(?:\d|\b(?:دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند|چندین))\s*$")


#: "مساء اليوم نفسه", "later the same day", "همان روز": the day told before.
_SAME_DAY = re.compile(
    fold(
        r"\b(?:the\s+)?same\s+(?:day|night|evening)\b"
        r"|اليوم\s+(?:نفسه|ذاته)|(?:نفس|ذات)\s+اليوم|همان\s+(?:روز|شب)"
    ),
    re.I,
)


@lru_cache(maxsize=1024)
def refers_to_the_same_day(folded_sentence: str) -> bool:
    """Whether the sentence places its event on a day told before ("the same day").
    Remembered: the reader of a sentence's events and of its date both ask."""
    return _SAME_DAY.search(folded_sentence) is not None


def resolve_event_date(
    folded_sentence: str, published: dt.date | None, near: int | None = None
) -> dt.date | None:
    """The date a sentence places its event on, or None when it gives none.

    An explicit date wins. Otherwise the relative days ("yesterday", «أمس», "the
    past night") and weekdays are read; when the sentence holds several, the one
    nearest the character offset ``near`` (the event's word) is its day ("kidnapped
    on Sunday and freed today": Sunday for the kidnapping), and without ``near`` the
    first kind in that order wins (two days back, the day before, a relative day, a
    weekday)."""
    explicit, found = _days_in(folded_sentence, published)
    if explicit is not None:
        return explicit
    if not found:
        return None
    if near is None:
        return min(found, key=lambda day: day.rank).date
    return min(found, key=lambda day: (day.said, abs(day.at - near), day.rank)).date


@lru_cache(maxsize=1024)
def _days_in(
    folded_sentence: str, published: dt.date | None
) -> tuple[dt.date | None, tuple[_RelativeDay, ...]]:
    """The explicit date of a sentence, or else its relative days (none when it
    refers to a day told before). Remembered: each event of a sentence asks."""
    explicit = _explicit_date(folded_sentence, published)
    if explicit is not None:
        return explicit, ()
    if published is None or refers_to_the_same_day(folded_sentence):
        return None, ()
    return None, tuple(_relative_days(folded_sentence, published))


@dataclass(frozen=True, slots=True)
class _RelativeDay:
    date: dt.date
    at: int  # character offset in the sentence
    rank: int  # which kind of phrase: the lowest wins when no position is given
    #: Whether a verb of saying stands beside it ("police said on Tuesday", «قال مصدر
    #: اليوم»): the day of the report, taken only when no other day is given.
    said: bool = False


#: Verbs of saying, folded: a day beside one dates the report, not the event.
_SAYING = frozenset(
    fold(word)
    for word in (
        "said says told announced reported stated added confirmed "
        "قال قالت قالوا أعلن أعلنت أفاد أفادت ذكر ذكرت صرح صرحت أكد أكدت أوضح أوضحت "
        "گفت گفتند افزود اعلام خبر"
    ).split()
)
#: How many words on either side of a day a verb of saying may stand.
_SAYING_REACH = 2


def _relative_days(text: str, published: dt.date) -> list[_RelativeDay]:
    """Every relative day and weekday of ``text``, resolved against ``published``."""
    found: list[_RelativeDay] = []
    spans: list[tuple[int, int]] = []
    # "سه شنبه" (Tuesday) written with a space is one word (offsets after it shift by one).
    joined = _PERSIAN_WEEKDAY_SPACE.sub(r"\1شنبه", text) if "شنبه" in text else text
    split: tuple[list[re.Match[str]], list[int]] | None = None  # words, when first needed

    def said(start: int, end: int) -> bool:
        nonlocal split
        if split is None:
            matches = list(_WORD.finditer(joined))
            split = matches, [w.start() for w in matches]
        words, starts = split
        first = bisect_left(starts, start)
        last = bisect_left(starts, end)
        around = words[max(0, first - _SAYING_REACH) : first] + words[last : last + _SAYING_REACH]
        return any(w.group(0).lower() in _SAYING for w in around)

    for match in _DAYS_AGO.finditer(joined) if _DAYS_AGO_CUE.search(joined) else ():
        count = next(group for group in match.groups() if group is not None).lower()
        days = int(count) if count.isdigit() else _DAYS_AGO_WORDS[count]
        found.append(_RelativeDay(published - dt.timedelta(days=days), match.start(), 0))
        spans.append(match.span())
    for rank, pattern, days in ((0, _TWO_DAYS_BACK, 2), (1, _DAY_BEFORE, 1)):
        for match in pattern.finditer(joined):
            if _COUNTED.search(joined, 0, match.start()):
                continue  # «طی ۱۲۰ روز گذشته»: the past 120 days, not yesterday
            date = published - dt.timedelta(days=days)
            found.append(_RelativeDay(date, match.start(), rank, said(*match.span())))
            spans.append(match.span())
    for match in _DAY_WORD.finditer(joined):  # a word each: the same as _WORD finds
        if any(start <= match.start() < end for start, end in spans):
            continue  # the أمس of «أول أمس»
        word = match.group(0).lower()
        if word in _DAY_OFFSETS:
            date, rank = published + dt.timedelta(days=_DAY_OFFSETS[word]), 2
        elif word in _WEEKDAYS:
            back = (published.weekday() - _WEEKDAYS[word]) % 7
            date, rank = published - dt.timedelta(days=back), 3
        else:
            continue
        found.append(_RelativeDay(date, match.start(), rank, said(*match.span())))
    return found


#: Streets, squares, bridges and towns named after a date ("شارع 14 رمضان", "جسر 14
#: تموز", "مدينة 6 أكتوبر", "خیابان ۱۵ خرداد", "7 November Square"): a name, not a day.
_NAMED_AFTER = re.compile(
    fold(
        r"(?:^|[\s(«])(?:[وفبل])?(?:ال)?(?:شارع|جسر|ميدان|ساحة|ساحه|مدينة|مدينه|حي|منطقة"
        r"|منطقه|مستشفى|جامعة|جامعه|مجمع|خیابان|میدان|بلوار|کوی|شهرک|پل|بیمارستان|street"
        r"|st\.?|bridge|avenue|square|road)\s*$"
    ),
    re.I,
)


def _first_date(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that is not part of a place's name."""
    for match in pattern.finditer(text):
        if not _NAMED_AFTER.search(text, 0, match.start()) and not _named_square(text, match):
            return match
    return None


_KIND_AFTER = re.compile(r"\s+(?:square|bridge|street|avenue|stadium)\b", re.I)


def _named_square(text: str, match: re.Match[str]) -> bool:
    """ "7 November Square", "the 14 July Bridge": a name written before its kind."""
    return _KIND_AFTER.match(text, match.end()) is not None


def _explicit_date(text: str, published: dt.date | None) -> dt.date | None:
    """The date ``text`` writes out. A date without a year is the latest such day on
    or before publication in its own calendar (news reports what has happened): "۲۸
    اسفند" read just after Nowruz is last year's, as "2 December" read in November is;
    without a publication date it is None."""
    if _DIGIT.search(text) is None:
        return None  # every date written out has its day in digits
    match = _first_date(_HIJRI, text)
    if match:
        month, day = _HIJRI_MONTHS[match["month"]], int(match["day"])
        year = int(match["year"]) if match["year"] else _hijri_year(published, month, day)
        if year is not None:
            try:
                hijri = Hijri(year, month, day)
                return dt.date(*hijri.to_gregorian().datetuple())
            except (ValueError, OverflowError):
                return None
    match = _first_date(_JALALI, text)
    if match:
        month, day = JALALI_MONTHS[match["month"]], int(match["day"])
        year = int(match["year"]) if match["year"] else _jalali_year(published, month, day)
        if year is not None:
            try:
                return jalali_to_gregorian(year, month, day)
            except ValueError:
                return None
    for pattern in (_GREG_DAY_MONTH, _GREG_MONTH_DAY):
        match = _first_date(pattern, text)
        if match:
            month, day = _GREGORIAN_MONTHS[match["month"].lower()], int(match["day"])
            if match["year"]:
                year = int(match["year"])
            elif published is not None:
                # Compared before building the date: "29 February" read on 10 February
                # 2024 is no day of 2023 (None), not an error of date.replace.
                late = (month, day) > (published.month, published.day)
                year = published.year - 1 if late else published.year
            else:
                return None
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def _hijri_year(
    published: dt.date | None, month: int | None = None, day: int | None = None
) -> int | None:
    """The lunar Hijri year of ``published``, or, given a month and day, the year of the
    latest such day on or before it; None without a publication date or outside the
    Umm al-Qura table (1343-1500 AH) that hijridate converts with."""
    if published is None:
        return None
    try:
        today = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    late = month is not None and day is not None and (month, day) > (today.month, today.day)
    return int(today.year) - (1 if late else 0)


def _jalali_year(
    published: dt.date | None, month: int | None = None, day: int | None = None
) -> int | None:
    """The Solar Hijri year of ``published``, or, given a month and day, the year of the
    latest such day on or before it; None without a publication date."""
    if published is None:
        return None
    today = JalaliDate(published)
    late = month is not None and day is not None and (month, day) > (today.month, today.day)
    return int(today.year) - (1 if late else 0)


@lru_cache(maxsize=4096)
def published_years(published: dt.date) -> tuple[tuple[int, int], ...]:
    """(earliest plausible year, year of publication) in the Gregorian, Solar Hijri
    and lunar Hijri calendars: a year in [earliest, publication) lies in the past.
    Remembered: a night's documents share a few publication dates."""
    return (
        (1900, published.year),
        (1300, JalaliDate(published).year),
        (1380, _hijri_year(published) or 0),
    )
