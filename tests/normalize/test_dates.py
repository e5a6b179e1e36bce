from __future__ import annotations

import datetime as dt

import pytest

from incidents.normalize import fold
from incidents.normalize.dates import jalali_to_gregorian, parse_jalali_timestamp
from incidents.normalize.event_dates import resolve_event_date


def test_jalali_date_of_the_seed() -> None:
    assert jalali_to_gregorian(1404, 8, 24) == dt.date(2025, 11, 15)


def test_comment_timestamp_is_tehran_time_converted_to_utc() -> None:
    stamp = parse_jalali_timestamp("۰۰:۳۱ ۲۴ آبان ۱۴۰۴")
    assert stamp == dt.datetime(2025, 11, 14, 21, 1, tzinfo=dt.UTC)


def test_non_timestamp_lines_are_not_dates() -> None:
    assert parse_jalali_timestamp("ناشناس") is None
    assert parse_jalali_timestamp("۰") is None


PUBLISHED = dt.date(2025, 11, 16)  # a Sunday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("انفجار دیروز در دمشق", dt.date(2025, 11, 15)),
        ("انفجار امروز در دمشق", PUBLISHED),
        ("انفجار ۲۴ آبان ۱۴۰۴ در دمشق", dt.date(2025, 11, 15)),
        ("انفجار روز ۲۴ آبان در دمشق", dt.date(2025, 11, 15)),
        ("وقع الانفجار أمس في دمشق", dt.date(2025, 11, 15)),
        ("A car bomb exploded on Monday", dt.date(2025, 11, 10)),
        ("The blast on November 14 killed two", dt.date(2025, 11, 14)),
        ("The blast on 2 December killed two", dt.date(2024, 12, 2)),  # not in the future
        ("A blast in Damascus", None),
        ("وقع الانفجار في ٢٣ جمادى الأولى ١٤٤٧ هـ", dt.date(2025, 11, 14)),
        ("وقع الانفجار في 23 جمادى الاولى", dt.date(2025, 11, 14)),
        ("انفجار روز سه شنبه در کابل", dt.date(2025, 11, 11)),
        ("انفجار روز سه‌شنبه در کابل", dt.date(2025, 11, 11)),
        ("انفجار روز شنبه در کابل", dt.date(2025, 11, 15)),
    ],
)
def test_resolve_event_date(sentence: str, expected: dt.date | None) -> None:
    assert resolve_event_date(fold(sentence), PUBLISHED) == expected
