"""Name keys and Arabic proclitic variants (pure functions, no gazetteer)."""

from __future__ import annotations

import pytest

from incidents.geocode.names import arabic_variants, name_key, without_spaces


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Damascus", "DAMASCUS"),
        ("Deir ez-Zor", "Deir ez Zor"),
        ("Ḩarastā", "Harasta"),
        ("Al ‘Ashārah", "Al Asharah"),
        ("«دمشق»", "دمشق"),
        ("Damascus,", "Damascus"),
        ("إسرائيل", "اسرائیل"),
        ("اسرائیل", "اسراییل"),
        ("سوريا", "سوریا"),
        ("الكرادة", "الکراده"),
        ("جاده‌ها", "جادهها"),
        ("دمشق  ", " دمشق"),
        ("Kabul's", "Kabul"),
        ("Beirut’s suburbs", "Beirut suburbs"),
    ],
)
def test_spellings_of_one_name_share_a_key(left: str, right: str) -> None:
    assert name_key(left) == name_key(right)


def test_keys_keep_words_apart() -> None:
    assert name_key("Tel  Aviv") == "tel aviv"
    assert without_spaces(name_key("تل آویو")) == name_key("تلآویو")
    assert without_spaces("tel aviv") is None


def test_variants_strip_one_proclitic_before_two() -> None:
    keys = [variant.key for variant in arabic_variants(name_key("بالصور"))]
    assert keys.index("الصور") < keys.index("صور")


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("وحلب", "حلب"),
        ("بدمشق", "دمشق"),
        ("والموصل", "الموصل"),
        ("لبيروت", "بیروت"),
        ("فبغداد", "بغداد"),
        ("للعراق", "عراق"),
        ("الرقة", "رقه"),
        ("رقه", "الرقه"),
    ],
)
def test_variants_reach_the_bare_name(surface: str, expected: str) -> None:
    assert expected in [variant.key for variant in arabic_variants(name_key(surface))]


def test_no_variants_for_latin_or_short_words() -> None:
    assert list(arabic_variants("damascus")) == []
    assert list(arabic_variants("وب")) == []
