"""Event dates from relative day words, against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.normalize import fold
from incidents.normalize.event_dates import resolve_event_date

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
    ],
)
def test_relative_days(text: str, days_before: int) -> None:
    expected = PUBLISHED - dt.timedelta(days=days_before)
    assert resolve_event_date(fold(text), PUBLISHED) == expected
