"""Lookups against the real gazetteer: recall on the places news names, and
precision on the ordinary words around them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from incidents.geocode import Gazetteer

from .helpers import km_between, places_in, resolve

DAMASCUS = (33.51, 36.29)
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_7aa644236a31c8f1.txt"


@pytest.mark.parametrize("surface", ["دمشق", "بدمشق", "ودمشق", "Damascus", "damascus", "«دمشق»"])
def test_damascus_in_every_script(gazetteer: Gazetteer, surface: str) -> None:
    entry = resolve(gazetteer, surface)
    assert (entry.country, entry.kind) == ("SY", "city")
    assert km_between(entry, *DAMASCUS) < 20


def test_damascus_maryland_is_never_a_candidate(gazetteer: Gazetteer) -> None:
    assert {entry.country for entry in gazetteer.lookup("Damascus")} == {"SY"}


@pytest.mark.parametrize("surface", ["المزة", "مزه", "Mezzeh", "Mazzeh"])
def test_mezzeh_is_a_district_of_damascus(gazetteer: Gazetteer, surface: str) -> None:
    entry = resolve(gazetteer, surface)
    assert (entry.name, entry.kind, entry.parent, entry.country) == (
        "Mezzeh",
        "district",
        "Damascus",
        "SY",
    )
    assert km_between(entry, *DAMASCUS) < 10


@pytest.mark.parametrize(
    ("surface", "name", "kind"),
    [
        ("Baghdad", "Baghdad", "city"),
        ("بغداد", "Baghdad", "city"),
        ("ببغداد", "Baghdad", "city"),
        ("Karrada", "Karrada", "district"),
        ("الكرادة", "Karrada", "district"),
        ("کراده", "Karrada", "district"),
        ("Sadr City", "Sadr City", "district"),
        ("مدينة الصدر", "Sadr City", "district"),
    ],
)
def test_baghdad_and_its_districts(
    gazetteer: Gazetteer, surface: str, name: str, kind: str
) -> None:
    entry = resolve(gazetteer, surface)
    assert (entry.name, entry.kind, entry.country) == (name, kind, "IQ")
    assert km_between(entry, 33.34, 44.40) < 15


@pytest.mark.parametrize("surface", ["Aleppo", "حلب", "وحلب", "بحلب"])
def test_aleppo(gazetteer: Gazetteer, surface: str) -> None:
    entry = resolve(gazetteer, surface)
    assert (entry.name, entry.country) == ("Aleppo", "SY")
    assert km_between(entry, 36.20, 37.16) < 15


@pytest.mark.parametrize(
    ("surface", "iso2"),
    [
        ("سوریه", "SY"),
        ("سوريا", "SY"),
        ("سورية", "SY"),
        ("Syria", "SY"),
        ("ایران", "IR"),
        ("إيران", "IR"),
        ("Iran", "IR"),
        ("عراق", "IQ"),
        ("العراق", "IQ"),
        ("بالعراق", "IQ"),
        ("آمریکا", "US"),
        ("امریکا", "US"),
        ("أمريكا", "US"),
        ("الولايات المتحدة", "US"),
        ("لبنان", "LB"),
        ("اسرائیل", "IL"),
        ("فلسطین", "PS"),
        ("ترکیه", "TR"),
        ("الجزائر", "DZ"),
        ("المغرب", "MA"),
    ],
)
def test_country_names(gazetteer: Gazetteer, surface: str, iso2: str) -> None:
    entry = resolve(gazetteer, surface)
    assert (entry.kind, entry.country) == ("country", iso2)


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("والموصل", "Mosul"),
        ("لبيروت", "Beirut"),
        ("فبغداد", "Baghdad"),
        ("الرقة", "Raqqa"),
        ("رقه", "Raqqa"),
        ("Raqqa", "Raqqa"),
        ("درعا", "Daraa"),
        ("کوبانی", "Kobani"),
        ("تل آویو", "Tel Aviv"),
        ("تل‌آویو", "Tel Aviv"),
        ("Deir ez-Zor", "Deir ez-Zor"),
        ("Khair Khana", "Khair Khana"),
        ("خیرخانه", "Khair Khana"),
        ("الضاحية الجنوبية", "Dahiyeh"),
        ("Beirut's southern suburbs", "Dahiyeh"),
        ("باب التبانة", "Bab al-Tabbaneh"),
        ("جبل محسن", "Jabal Mohsen"),
        # Towns of the Sahel's conflicts (Burkina Faso's and Nigeria's under Latin
        # names), and towns outside the focus countries that aliases.tsv lists.
        ("Djibo", "Djibo"),
        ("Kontagora", "Kontagora"),
        ("Kherson", "Kherson"),
        ("خيرسون", "Kherson"),
        ("Kulgam", "Kulgam"),
        ("پاراچنار", "Parachinar"),
    ],
)
def test_names_as_news_writes_them(gazetteer: Gazetteer, surface: str, name: str) -> None:
    assert resolve(gazetteer, surface).name == name


#: Ordinary news words; each names a town somewhere in GeoNames, or did before
#: ``not_places.txt`` and the index rules kept it out.
NOT_PLACES = [
    # Persian
    "امنیتی", "نیروهای", "کشته", "مجروح", "انفجار", "انفجارهای", "مسدود", "شدند",
    "جادهها", "جاده‌ها", "ادعا", "خونین", "ترور", "آمادهباش", "مستقر", "گسترده",
    "سوری", "زن", "خبر", "میدان", "مردان", "انبار", "دوشنبه", "قاسم", "بشار",
    "میادین", "سیمای", "جامعه", "تازه", "وزارت", "خارجه", "شورش", "آستانه",
    # Arabic
    "قتلى", "الأمن", "السلطات", "والسلطات", "للسلطات", "مقتل", "إصابة", "هجوم",
    "الشرطة", "مسلحين", "قوات", "المدينة", "مدينة", "الشهداء", "معسكر", "سترة",
    "منشأة", "الإبادة", "بأنه", "الثورة", "الخميس", "فصيلة", "هزة", "بالصور",
    "الجزيرة", "المهربين",
    # English
    "police", "killed", "security", "Monday", "wounded", "attack", "explosion",
    "blast", "forces", "checkpoint", "Hamas", "tank", "van", "shot", "hit",
    "grenade", "cordon", "Ramadan", "Allah", "Police", "Security", "reading",
]  # fmt: skip


@pytest.mark.parametrize("word", NOT_PLACES)
def test_news_words_are_not_places(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.lookup(word) == ()


def test_stop_words_and_short_names_are_not_indexed(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("در") == ()
    assert gazetteer.lookup("في") == ()
    assert gazetteer.lookup("the") == ()
    assert all(len(key) >= 3 for key in gazetteer.names())


def test_unknown_and_empty_surfaces(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("") == ()
    assert gazetteer.lookup("   ") == ()
    assert gazetteer.lookup("Xyzzyville") == ()


def test_max_tokens_lets_callers_scan_ngrams(gazetteer: Gazetteer) -> None:
    assert 3 <= gazetteer.max_tokens <= 4


@pytest.mark.parametrize(
    ("word", "iso2"),
    [
        ("سوری", "SY"), ("سوریه‌ای", "SY"), ("السوري", "SY"), ("السورية", "SY"),
        ("Syrian", "SY"), ("Syrians", "SY"), ("والسوريين", "SY"),
        ("عراقی", "IQ"), ("العراقي", "IQ"), ("Iraqi", "IQ"),
        ("لبنانی", "LB"), ("اللبنانية", "LB"), ("Lebanese", "LB"),
        ("Libyan", "LY"), ("الليبية", "LY"), ("لیبی", "LY"),
        ("Iranian", "IR"), ("ایرانی", "IR"), ("الإيراني", "IR"), ("ایرانیان", "IR"),
        ("American", "US"), ("آمریکایی", "US"), ("الأمريكي", "US"),
        ("Israeli", "IL"), ("اسرائیلی", "IL"), ("الإسرائيلي", "IL"),
        ("Afghan", "AF"), ("افغان", "AF"), ("Yemeni", "YE"), ("اليمني", "YE"),
    ],
)  # fmt: skip
def test_demonyms(gazetteer: Gazetteer, word: str, iso2: str) -> None:
    assert gazetteer.country_of_demonym(word) == iso2


@pytest.mark.parametrize("word", ["Kurdish", "امنیتی", "police", "کشته", "Damascus"])
def test_words_that_are_not_demonyms(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.country_of_demonym(word) is None


def test_seed_article_names_only_its_places(gazetteer: Gazetteer) -> None:
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED}")
    found = {(entry.name, entry.country) for entry in places_in(gazetteer, SEED.read_text())}
    assert ("Damascus", "SY") in found
    assert found <= {
        ("Syria", "SY"),
        ("United States", "US"),
        ("Iraq", "IQ"),
        ("Iran", "IR"),
        ("Damascus", "SY"),
        ("Washington", "US"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "یک انفجار مهیب صبح امروز در محله المزه دمشق رخ داد که دست کم سه نفر کشته "
            "و ده‌ها نفر زخمی شدند و نیروهای امنیتی جاده‌ها را بستند.",
            ["Mezzeh", "Damascus"],
        ),
        (
            "ارتش رژیم صهیونیستی بامداد دوشنبه چند نقطه در جنوب لبنان و ضاحیه جنوبی "
            "بیروت را بمباران کرد.",
            ["South Lebanon", "Dahiyeh"],
        ),
        (
            "قالت وكالة الأنباء السورية إن انفجارا وقع صباح اليوم في حي المزة بدمشق "
            "أسفر عن مقتل ثلاثة أشخاص وإصابة آخرين وفرضت قوات الأمن طوقا أمنيا.",
            ["Mezzeh", "Damascus"],
        ),
        (
            "قتل خمسة جنود وأصيب سبعة آخرون في هجوم شنه مسلحون على نقطة تفتيش في محافظة ديالى.",
            ["Diyala"],
        ),
        (
            "A car bomb exploded in the Karrada district of Baghdad on Monday, killing "
            "at least 12 people, police said, and security forces sealed off the area.",
            ["Karrada", "Baghdad"],
        ),
        (
            "The Taliban claimed responsibility for the attack in Kabul's Khair Khana "
            "neighborhood.",
            ["Kabul", "Khair Khana"],
        ),
    ],
)
def test_places_in_news_sentences(gazetteer: Gazetteer, sentence: str, expected: list[str]) -> None:
    assert [entry.name for entry in places_in(gazetteer, sentence)] == expected


def test_lookup_takes_microseconds(gazetteer: Gazetteer) -> None:
    words = ["دمشق", "وحلب", "امنیتی", "Damascus", "police", "والسلطات", "Deir ez-Zor"] * 1000
    started = time.perf_counter()
    for word in words:
        gazetteer.lookup(word)
    per_lookup = (time.perf_counter() - started) / len(words)
    assert per_lookup < 50e-6


def test_build_rejects_a_population_without_a_city_file() -> None:
    from incidents.errors import GeocodingError

    with pytest.raises(GeocodingError, match="min_population=20000"):
        Gazetteer.build(min_population=20000)
