"""Calendar conversions for timestamps found in documents (Solar Hijri, Gregorian).

Conversion itself is done by persiantools; this module only parses the forms that
appear in our inputs, after digits have been folded to ASCII.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from persiantools.jdatetime import MONTH_NAMES_FA, JalaliDate

from incidents.normalize.folding import fold

#: Solar Hijri month names as Persian sites print them (folded: ی, ک).
JALALI_MONTHS = {fold(name): number for number, name in enumerate(MONTH_NAMES_FA) if name}
_MONTH_ALTERNATION = "|".join(sorted(JALALI_MONTHS, key=len, reverse=True))

#: ``HH:MM DD <month> YYYY`` as printed under reader comments on Persian news sites.
JALALI_TIMESTAMP = re.compile(
    rf"^\s*(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})\s+(?P<day>\d{{1,2}})\s+"
    rf"(?P<month>{_MONTH_ALTERNATION})\s+(?P<year>\d{{4}})\s*$"
)

#: Iranian sites print local time.
TEHRAN = ZoneInfo("Asia/Tehran")


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert a Solar Hijri date to the Gregorian calendar (raises ValueError if invalid)."""
    return JalaliDate(year, month, day).to_gregorian()


def parse_jalali_timestamp(line: str, tz: dt.tzinfo = TEHRAN) -> dt.datetime | None:
    """Parse ``۰۰:۳۱ ۲۴ آبان ۱۴۰۴`` into an aware datetime in ``tz`` (the site's local
    time, so that its date is the reader's date); None if the line is not that form.
    Storage converts it to UTC."""
    match = JALALI_TIMESTAMP.match(fold(line))
    if match is None:
        return None
    day = jalali_to_gregorian(int(match["year"]), JALALI_MONTHS[match["month"]], int(match["day"]))
    local = dt.datetime(
        day.year, day.month, day.day, int(match["hour"]), int(match["minute"]), tzinfo=tz
    )
    return local


def parse_iso_datetime(value: str) -> dt.datetime:
    """Parse an ISO 8601 date or datetime, keeping its UTC offset (naive means UTC)."""
    parsed = dt.datetime.fromisoformat(value.strip())
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)
