from __future__ import annotations

import pytest

from incidents.normalize import fold, fold_text


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("جاده‌ها", "جادهها"),  # ZWNJ present or stripped: the same string
        ("جادهها", "جادهها"),
        ("۱۵ کشته", "15 کشته"),  # Persian digits
        ("١٥ قتيلا", "15 قتیلا"),  # Arabic-Indic digits, ي → ی
        ("كشته", "کشته"),  # Arabic kaf → Persian kaf
        ("قَتِيلَيْنِ", "قتیلین"),  # vowel marks removed
        ("أصيب", "اصیب"),  # hamza on alef folded
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("ﻻ", "لا"),  # presentation-form ligature
        ("شـــهید", "شهید"),  # tatweel
        ("Damascus", "Damascus"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_offsets_point_into_the_original() -> None:
    original = "انفجار در جاده‌ها؛ ۱۵ کشته"
    folded = fold_text(original)
    start = folded.text.index("15")
    begin, end = folded.to_original(start, start + 2)
    assert original[begin:end] == "۱۵"
    start = folded.text.index("جادهها")
    begin, end = folded.to_original(start, start + len("جادهها"))
    assert original[begin:end] == "جاده‌ها"


def test_folding_is_idempotent() -> None:
    text = "قُتِلَ ١٥ شخصاً في انفجار‌ها، كشته"
    assert fold(fold(text)) == fold(text)


@pytest.mark.parametrize(
    "original",
    [
        "",
        "plain ASCII only",
        "\u200c\u200c",
        "ﷺ and ﻻ expand; ﬁne",
        "قَتِيلَيْنِ‌ها ١٥ x]y\\z^-",
        "a\u200fb\u202ac\u064ed",
    ],
)
def test_offset_map_agrees_with_folding_each_character(original: str) -> None:
    """Each folded character comes from an original character that folds to text holding it."""
    result = fold_text(original)
    assert result.text == fold(original)
    assert len(result.origin) == len(result.text)
    assert list(result.origin) == sorted(result.origin)
    for index, source in enumerate(result.origin):
        assert result.text[index] in fold(original[source])
