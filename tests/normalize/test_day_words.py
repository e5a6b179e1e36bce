"""_relative_days finds day words with one regex instead of splitting every word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from incidents.normalize.event_dates import _DAY_OFFSETS, _DAY_WORD, _WEEKDAYS, _WORD

_TABLES = {**_DAY_OFFSETS, **_WEEKDAYS}
_PIECES = [*_TABLES, "Friday", "TODAY", "x", "ال", "و", "یک", "3", "_", " ", "  ", ",", "«", "-"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_day_words_are_the_words_the_tables_hold(pieces: list[str]) -> None:
    text = "".join(pieces)
    every_word = [m.span() for m in _WORD.finditer(text) if m.group(0).lower() in _TABLES]
    day_words = [m.span() for m in _DAY_WORD.finditer(text) if m.group(0).lower() in _TABLES]
    assert day_words == every_word
