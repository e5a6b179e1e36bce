"""Arabic phrasings outlets really use: event type and casualty figures, rules only.

Each case is one short text and what EVENTS.md says it holds: ``(type, killed, injured)``
per event, or nothing. The extractor runs without the trained model, so these cases
hold the rule files (``patterns/ar.jsonl``, ``lexicons/ar.json``) to account.
"""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor

pytestmark = pytest.mark.slow

PUBLISHED = dt.datetime(2025, 11, 10, 12, 0, tzinfo=dt.UTC)


def _found(extractor: Extractor, text: str) -> list[tuple[str, int | None, int | None]]:
    doc = Document(
        key="t", kind=DocumentKind.ARTICLE, text=text, source="test", lang="ar", published=PUBLISHED
    )
    return sorted((e.type.value, e.killed, e.injured) for e in extractor.extract(doc).events)


# A figure written before its noun (tamyiz), per-party tolls, duals and kinship nouns.
COUNTS = [
    pytest.param(
        "ارتفعت حصيلة انفجار الشاحنة المفخخة في منبج إلى ١٤ قتيلاً وأكثر من ٣٠ جريحاً.",
        [("explosion", 14, 30)],
        id="toll-figure-before-noun",
    ),
    pytest.param(
        "خلّفت الغارة على سوق في إدلب سبعة قتلى و٢٢ جريحاً بحسب الدفاع المدني.",
        [("airstrike", 7, 22)],
        id="figure-words-before-noun-and-waw-digits",
    ),
    pytest.param(
        "أسفر القصف المدفعي على أحياء حمص عن سقوط قتيلين وخمسة جرحى.",
        [("shelling", 2, 5)],
        id="dual-killed-then-number-injured",
    ),
    pytest.param(
        "استشهد مواطنان وأصيب ثالث بغارة لمسيّرة إسرائيلية على سيارة في النبطية.",
        [("airstrike", 2, 1)],
        id="nominative-dual-and-ordinal",
    ),
    pytest.param(
        "قُتل رجل وأصيبت زوجته وابنته بانفجار قنبلة يدوية في حي الكرادة ببغداد.",
        [("explosion", 1, 2)],
        id="kinship-nouns-with-pronouns",
    ),
    pytest.param(
        "أودى قصف مدفعي على قرية في ريف منبج الغربي بحياة امرأة وطفليها.",
        [("shelling", 3, None)],
        id="claimed-lives-woman-and-her-two-children",
    ),
    pytest.param(
        "استشهد ضابط ومجند إثر انفجار عبوة ناسفة قرب العريش.",
        [("explosion", 2, None)],
        id="two-persons-joined-by-waw",
    ),
    pytest.param(
        "أطلق مسلحون النار على محامٍ أمام مكتبه في البصرة ما أدى إلى مقتله.",
        [("shooting", 1, None)],
        id="killed-noun-with-pronoun-is-one",
    ),
    pytest.param(
        "أصيب مستوطنان بجروح في عملية طعن قرب باب العامود في القدس.",
        [("attack_on_civilians", None, 2)],
        id="stabbing-dual-injured",
    ),
    pytest.param(
        "سقطت قذيفتا هاون على حي في تعز دون وقوع إصابات.",
        [("shelling", 0, 0)],
        id="no-casualties-occurred-is-zero",
    ),
    pytest.param(
        "سقطت قذائف هاون على محيط مطار مقديشو من دون أن يبلغ عن إصابات.",
        [("shelling", None, None)],
        id="none-reported-is-null",
    ),
    pytest.param(
        "شنت مقاتلات غارات على ميناء الحديدة دون ورود معلومات عن ضحايا.",
        [("airstrike", None, None)],
        id="no-information-is-null",
    ),
    pytest.param(
        "سقطت قذيفة على أطراف بلدة الناقورة ولم ترد أنباء عن إصابات.",
        [("shelling", None, None)],
        id="no-news-is-null",
    ),
    pytest.param(
        "الحوثي قصف حي سكني بتعز بالهاون العصر وانجرحوا أربعة من الجيران.",
        [("shelling", None, 4)],
        id="dialect-injured-verb",
    ),
    pytest.param(
        "قتل مسلحون ثلاثة من الأهالي داخل منازلهم في قرية قرب نيالا.",
        [("attack_on_civilians", 3, None)],
        id="killed-residents",
    ),
    pytest.param(
        "أطلق مسلحان النار على حافلة قرب كركوك وأصابا راكبين بجروح.",
        [("shooting", None, 2)],
        id="dual-verb-wounded-two",
    ),
    pytest.param(
        "قُتل نجل مختار القرية برصاص مجهولين في ريف درعا.",
        [("shooting", 1, None)],
        id="son-of-named-one",
    ),
    pytest.param(
        "هاجم مسلحون حافلة ركاب في حي الوعر بحمص وقتلوا الشوفير.",
        [("attack_on_civilians", 1, None)],
        id="the-driver-dialect",
    ),
    pytest.param(
        "سقط ستة قتلى وجريحان في غارة على بلدة سراقب أول أمس.",
        [("airstrike", 6, 2)],
        id="figure-words-then-glued-dual",
    ),
]

# Wordings of events the old rules missed.
TYPES = [
    pytest.param(
        "استهدفت طائرتان مسيّرتان مفخختان محيط مطار أربيل ليل أمس.",
        [("airstrike", None, None)],
        id="dual-drones",
    ),
    pytest.param(
        "شنت قوات الدعم السريع هجوماً بالمسيّرات على مستشفى في الفاشر.",
        [("airstrike", None, None)],
        id="attack-by-drones",
    ),
    pytest.param(
        "طيران الاحتلال قصف بيتاً في النصيرات قبل ساعة.",
        [("airstrike", None, None)],
        id="air-force-bombed",
    ),
    pytest.param(
        "سقطت قذيفتان صاروخيتان على مدينة عسقلان مساء اليوم.",
        [("shelling", None, None)],
        id="dual-rockets",
    ),
    pytest.param(
        "قتل جندي بهجوم لمسلحين من داعش على نقطة تفتيش في أطراف الموصل.",
        [("armed_clash", 1, None)],
        id="gunmen-attack-on-checkpoint",
    ),
    pytest.param(
        "صار اشكال بالرصاص بين عائلتين ببعلبك، في قتيل وجريحين.",
        [("armed_clash", 1, 2)],
        id="dialect-fight-with-bullets",
    ),
    pytest.param(
        "مسلحين على موتور قوّصوا على محل صيرفة بدير الزور.",
        [("shooting", None, None)],
        id="levantine-shot",
    ),
    pytest.param(
        "دورية من قوى الأمن الداخلي اعتقلت ثلاثة مطلوبين في حي بمدينة الرقة.",
        [("arrest", None, None)],
        id="patrol-is-not-sports",
    ),
    pytest.param(
        "والأمن العام منتشر بكثافة عند مدخل الصنمين من الظهر.",
        [("security_deployment", None, None)],
        id="forces-participle-deployed",
    ),
    pytest.param(
        "وأقفل الجيش اللبناني مداخل مدينة صيدا بالسواتر الترابية.",
        [("road_closure", None, None)],
        id="lebanese-closed",
    ),
    pytest.param(
        "اقتحم مسلحون من قوات الدعم السريع سوقاً شعبياً في ود مدني.",
        [("attack_on_civilians", None, None)],
        id="long-actor-before-stormed-place",
    ),
    pytest.param(
        "أقدم مسلحون ملثمون على إعدام أربعة رجال من عائلة واحدة ميدانياً قرب بانياس.",
        [("attack_on_civilians", 4, None)],
        id="field-execution",
    ),
    pytest.param(
        "ألقى مجهول قنبلة يدوية على مقهى في حمص ولاذ بالفرار.",
        [("explosion", None, None)],
        id="thrown-bomb-is-no-arrest",
    ),
    pytest.param(
        "وألقت دورية من الأمن الداخلي القبض على السائق في حمص.",
        [("arrest", None, None)],
        id="seized-by-a-patrol",
    ),
    pytest.param(
        "أعلنت الشرطة أنها فككت الشبكة المسؤولة عن التفجير واعتقلت خمسة من عناصرها في الفلوجة.",
        [("arrest", None, None)],
        id="claim-cue-governs-only-its-clause",
    ),
]

# What is not an event.
NOTHING = [
    pytest.param(
        "في مثل هذا اليوم قبل عشرة أعوام فجّر انتحاري نفسه في سوق ببغداد.", id="on-this-day"
    ),
    pytest.param(
        "في الذكرى الخامسة لانفجار المرفأ تجمع الأهالي في بيروت.", id="anniversary-of-a-blast"
    ),
    pytest.param("استذكر أهالي الموصل المعارك العنيفة التي شهدتها المدينة القديمة.", id="recalled"),
    pytest.param(
        "عثرت فرق الهندسة على صاروخ غير منفلق من مخلفات المعارك في الموصل.",
        id="remnants-of-battles",
    ),
    pytest.param("ضبطت قوة أمنية أحزمة ناسفة بحوزة المتهمين في الرمادي.", id="seized-vests"),
    pytest.param("وكانت الخلية تنوي تفجير عبوات على الطريق الدولي قرب الرمادي.", id="intended"),
    pytest.param(
        "أصوات الانفجارات في الفلوجة ناجمة عن تفجير مسيطر عليه لمخلفات حربية.",
        id="controlled-detonation",
    ),
    pytest.param("اعترضت الدفاعات الجوية صاروخين أطلقا باتجاه سديروت.", id="intercepted"),
    pytest.param("رصاص طايش من عرس بالمقدادية أصاب بنتاً صغيرة.", id="stray-bullet"),
    pytest.param("أطلق مسلحون الرصاص في الهواء ابتهاجاً بالفوز في بنغازي.", id="celebratory-fire"),
    pytest.param("المسلسل فيه مشهد تفجير سيارة مفخخة بحمص.", id="fiction"),
    pytest.param(
        "تجاوز عدد المعتقلين في سجون الاحتلال عشرة آلاف معتقل في رام الله.", id="detainee-statistic"
    ),
    pytest.param("وقع اشتباك كلامي بين النواب خلال جلسة البرلمان في بغداد.", id="verbal-clash"),
    pytest.param("شهدت أسواق بغداد انفجاراً في أسعار الخضار.", id="price-explosion"),
    pytest.param(
        "وأوقفت الشرطة في دمشق أحد المطلوبين بجرائم إطلاق نار وخطف.",
        id="charges-are-not-events-but-arrest-is",
    ),
    pytest.param(
        "ودعت الحكومة إلى خطة إنقاذ قبل أن يقع «الانفجار الاجتماعي» في طرابلس.",
        id="social-explosion-quoted",
    ),
    pytest.param("قاد المهاجم هجوماً للمنتخب وقصف المرمى بتسديدة قوية في الملعب.", id="football"),
    pytest.param("احتجزت قوات الاحتلال جثمان الشهيد في قلقيلية.", id="body-withheld"),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS + TYPES)
def test_arabic_phrasing(rules_only: Extractor, text: str, expected: list) -> None:
    assert _found(rules_only, text) == sorted(expected)


@pytest.mark.parametrize(
    "text", [p for p in NOTHING if p.id != "charges-are-not-events-but-arrest-is"]
)
def test_arabic_non_events(rules_only: Extractor, text: str) -> None:
    assert _found(rules_only, text) == []


def test_charges_are_not_events_but_the_arrest_is(rules_only: Extractor) -> None:
    text = "وأوقفت الشرطة في دمشق أحد المطلوبين بجرائم إطلاق نار وخطف."
    assert _found(rules_only, text) == [("arrest", None, None)]
