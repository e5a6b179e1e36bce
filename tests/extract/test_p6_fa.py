"""Persian phrasings of the sixth probe, written anew for the test: freed captives, denied
arrests and checkpoints, gun salutes and missile tests, tallies over a named period,
history told as elapsed time, a commenter's travel, shots fired by a named agent and an
indefinite article before a group. Each holds, by EVENTS.md, the events listed as
``(type, place, killed, injured)``, read by the rules alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from incidents.domain import Document, DocumentKind
from incidents.extract.extractor import Extractor
from incidents.geocode import Gazetteer

pytestmark = pytest.mark.slow

PUBLISHED = dt.datetime(2025, 11, 20, 9, 0, tzinfo=dt.UTC)
Found = list[tuple[str, str, int | None, int | None]]


@pytest.fixture(scope="module")
def rules_only(gazetteer: Gazetteer) -> Extractor:
    return Extractor.build(gazetteer, use_model=False)


def _found(extractor: Extractor, text: str) -> Found:
    doc = Document("t", DocumentKind.ARTICLE, text, "test", lang="fa", published=PUBLISHED)
    events = extractor.extract(doc).events
    return sorted(
        (e.type.value, e.place.name if e.place else "", e.killed, e.injured) for e in events
    )


CASES = [
    # A captive freed now was taken months ago: the kidnapping is history.
    pytest.param(
        "خلبان ترکیه‌ای که پنج ماه پیش در حومه کرکوک ربوده شده بود، روز یکشنبه آزاد شد.",
        [],
        id="freed-captive-months-ago",
    ),
    pytest.param(
        "سه زائر پاکستانی که ماه گذشته در بغداد گروگان گرفته شده بودند دیروز آزاد شدند.",
        [],
        id="freed-hostages-last-month",
    ),
    pytest.param(
        "کودکی که روز شنبه در زاهدان ربوده شده بود، دیروز در عملیات پلیس آزاد شد.",
        [("kidnapping", "Zahedan", None, None)],
        id="freed-captive-taken-this-week",
    ),
    # A trigger with a negated light verb states nothing; other events stand.
    pytest.param(
        "در تظاهرات دیروز اهواز هیچ معترضی بازداشت نشد.",
        [],
        id="nobody-detained",
    ),
    pytest.param(
        "کسی تو اعتراضات دیشب اصفهان دستگیر نشد، همه رفتن خونه.",
        [],
        id="nobody-arrested-colloquial",
    ),
    pytest.param(
        "دیروز یک بمب در بازار کویته منفجر شد و سه نفر کشته شدند؛ تاکنون کسی دستگیر نشده است.",
        [("explosion", "Quetta", 3, None)],
        id="blast-stands-beside-no-arrest",
    ),
    pytest.param(
        "تو جاده قندهار هیچ ایست بازرسی ندیدیم، اوضاع آرام بود.",
        [],
        id="no-checkpoint-seen",
    ),
    pytest.param(
        "در ورودی‌های شهر هرات ایست بازرسی مستقر نشده است.",
        [],
        id="no-checkpoint-set-up",
    ),
    pytest.param(
        "در درگیری دیروز شهر زابل هیچ‌کس گروگان گرفته نشد.",
        [],
        id="nobody-taken-hostage",
    ),
    pytest.param(
        "دو مهاجم مسلح دیشب به سوی یک ایست بازرسی پلیس در زاهدان تیراندازی کردند "
        "و یک مامور زخمی شد.",
        [("shooting", "Zahedan", None, 1)],
        id="checkpoint-as-a-target-is-no-deployment",
    ),
    # Ceremonial fire and missile tests are no attacks.
    pytest.param(
        "به افتخار ورود نخست‌وزیر هند به کابل، ۱۹ گلوله توپ شلیک شد.",
        [],
        id="gun-salute",
    ),
    pytest.param(
        "در مراسم استقبال رسمی در آنکارا ۲۱ گلوله توپ سلام شلیک شد.",
        [],
        id="gun-salute-named",
    ),
    pytest.param(
        "کره شمالی بامداد امروز دو موشک بالستیک از حوالی پیونگ‌یانگ شلیک کرد که در دریا سقوط کرد.",
        [],
        id="missile-test-fell-into-sea",
    ),
    pytest.param(
        "ایران صبح امروز یک موشک کروز را از حوالی بندرعباس به سوی آبهای دریای عمان شلیک کرد.",
        [],
        id="missile-test-fired-out-to-sea",
    ),
    pytest.param(
        "شبه‌نظامیان دیشب دو موشک به یک پایگاه نظامی در اربیل شلیک کردند.",
        [("shelling", "Erbil", None, None)],
        id="missiles-fired-at-a-base-are-shelling",
    ),
    # A tally over a named period is a statistic.
    pytest.param(
        "پلیس فارس گفت در نه ماه نخست سال جاری ۳۵۰ قاچاقچی در شیراز دستگیر شده‌اند.",
        [],
        id="tally-first-months-of-the-year",
    ),
    pytest.param(
        "نیروهای انتظامی در آبان‌ماه ۸۰ سارق مسلح را در اصفهان دستگیر کردند.",
        [],
        id="tally-named-month",
    ),
    pytest.param(
        "پلیس کرمانشاه در ماه اکتبر ۴۰ قاچاقچی را دستگیر کرد.",
        [],
        id="tally-month-of",
    ),
    pytest.param(
        "انفجار امروز در بازار هرات سومین انفجار در این شهر طی ماه گذشته است.",
        [("explosion", "Herat", None, None)],
        id="nth-blast-within-last-month-is-news",
    ),
    # History told as time elapsed since it.
    pytest.param(
        "ده سال از روزی که در میدان تحریر بغداد بمب منفجر شد می‌گذرد.",
        [],
        id="years-since-a-bombing",
    ),
    pytest.param(
        "دو سال از حمله مسلحانه به بازار کرمانشاه گذشته است و خانواده‌ها هنوز منتظرند.",
        [],
        id="years-since-an-attack-perfect",
    ),
    # A commenter's colloquial travel names a destination, not a scene.
    pytest.param(
        "در هرات دیروز یک بمب منفجر شد و من امروز صبح با اتوبوس رفتم مشهد.",
        [("explosion", "Herat", None, None)],
        id="went-to-a-city-colloquial",
    ),
    # A past that only dates a commemorated attack leaves the news of the sentence.
    pytest.param(
        "مراسم سالگرد قربانیان انفجار سال گذشته در مزار شریف روز جمعه با شلیک افراد مسلح "
        "به هم خورد و دو نفر زخمی شدند.",
        [("shooting", "Mazar-i-Sharif", None, 2)],
        id="memorial-of-last-years-blast-disrupted",
    ),
    # "با شلیک X": shots by a named agent.
    pytest.param(
        "عصر دیروز یک راننده تاکسی در زاهدان با شلیک افراد ناشناس کشته شد.",
        [("shooting", "Zahedan", 1, None)],
        id="killed-by-shots-of-unknown-men",
    ),
    pytest.param(
        "شامگاه دوشنبه یک کاسب در چابهار بر اثر شلیک ماموران زخمی شد.",
        [("shooting", "Chabahar", None, 1)],
        id="wounded-by-shots-of-agents",
    ),
    # The indefinite article before a group is no count of the dead.
    pytest.param(
        "دو سرباز در درگیری با یک گروه تروریستی در حومه خاش کشته شدند.",
        [("armed_clash", "Khash", 2, None)],
        id="article-before-a-group",
    ),
    # Seventh probe. Blame alone claims an event told elsewhere: "زیر سر", "کار X بود"
    # for any event noun, "دست X در کار بود", "پای X در میان است", the story of it as
    # an object ("ماجرای ... را دنبال کنید").
    pytest.param(
        "انفجار دیروز بازار کویته زیر سر داعشه، همه می‌دونن.",
        [],
        id="blame-under-the-head-of",
    ),
    pytest.param(
        "گروگان‌گیری کرکوک کار داعش بود.",
        [],
        id="blame-work-of-any-event-noun",
    ),
    pytest.param(
        "در انفجار دیروز بازار هرات دست طالبان در کار بود.",
        [],
        id="blame-hand-in-it",
    ),
    pytest.param(
        "تو ربودن اون تاجر تو زاهدان پای قاچاقچی‌ها در میان است.",
        [],
        id="blame-foot-in-it",
    ),
    pytest.param(
        "ماجرای تیراندازی زاهدان را پیگیری کنید، سرنخ به قاچاقچی‌ها می‌رسد.",
        [],
        id="story-of-an-event-as-object",
    ),
    pytest.param(
        "بمب‌گذاری دیروز بازار پیشاور پنج کشته بر جا گذاشت.",
        [("explosion", "Peshawar", 5, None)],
        id="bombing-without-blame-stands",
    ),
    # Denied as baseless, void of truth, a lie.
    pytest.param(
        "پلیس کرمان خبر تیراندازی در بازار بم را بی‌پایه دانست.",
        [],
        id="denied-baseless",
    ),
    pytest.param(
        "فرماندار هرات گزارش‌های انفجار در بازار شهر را عاری از حقیقت خواند.",
        [],
        id="denied-void-of-truth",
    ),
    pytest.param(
        "سخنگوی پلیس گفت خبر درگیری مسلحانه در زاهدان بی مبنا است.",
        [],
        id="denied-baseless-spaced",
    ),
    # A plan, and a subjunctive verb, have not happened.
    pytest.param(
        "ارتش برنامه دارد نیروهای بیشتری به خاش اعزام کند.",
        [],
        id="plan-to-deploy",
    ),
    pytest.param(
        "پلیس درصدد است در ورودی‌های زاهدان ایست بازرسی برپا کند.",
        [],
        id="seeks-to-set-up-checkpoints",
    ),
    pytest.param(
        "استانداری ایلام در نظر دارد برای امنیت مراسم اربعین، صدها مامور پلیس در شهر مهران "
        "مستقر کند.",
        [],
        id="has-in-mind-subjunctive-after-comma",
    ),
    pytest.param(
        "استانداری ایلام برای امنیت مراسم اربعین، صدها مامور پلیس در شهر مهران مستقر کرد.",
        [("security_deployment", "Mehran", None, None)],
        id="deployed-for-a-ceremony-stands",
    ),
    pytest.param(
        "نیروهای پلیس امروز در کویته مستقر شدند تا از تجمع معترضان جلوگیری کنند.",
        [("security_deployment", "Quetta", None, None)],
        id="deployed-with-a-purpose-stands",
    ),
    # "Before the war" dates a memory; nobody had heard of it is no report.
    pytest.param(
        "پیش از جنگ با دوستام تو حلب کافه می‌رفتیم.",
        [],
        id="before-the-war",
    ),
    pytest.param(
        "هیچ‌کس در هرات صدای انفجار را نشنید.",
        [],
        id="nobody-heard",
    ),
    pytest.param(
        "دیروز در انفجاری در کابل کسی آسیب ندید.",
        [("explosion", "Kabul", 0, 0)],
        id="nobody-harmed-is-no-denial",
    ),
    # Colloquial tolls: nothing happened to anyone, died, lost their lives.
    pytest.param(
        "دیشب یه خمپاره خورد به خونه‌مون تو تعز، خدا رو شکر کسی طوریش نشد.",
        [("shelling", "Taiz", 0, 0)],
        id="nothing-happened-to-anyone",
    ),
    pytest.param(
        "دیروز تو بازار کابل یه بمب ترکید و دو نفر مردن.",
        [("explosion", "Kabul", 2, None)],
        id="two-died-colloquial",
    ),
    pytest.param(
        "دیروز تو بازار کابل یه بمب منفجر شد و سه نفر جونشونو از دست دادن.",
        [("explosion", "Kabul", 3, None)],
        id="lost-their-lives-colloquial",
    ),
    # A clash of two groups; checkpoint posts; more patrols.
    pytest.param(
        "در درگیری دو طایفه در حومه زاهدان چهار نفر کشته شدند.",
        [("armed_clash", "Zahedan", 4, None)],
        id="clash-of-two-clans",
    ),
    pytest.param(
        "پلیس در ورودی‌های زاهدان پست‌های ایست و بازرسی دایر کرد.",
        [("security_deployment", "Zahedan", None, None)],
        id="stop-and-search-posts",
    ),
    pytest.param(
        "ارتش پس از حمله دیشب بر شمار گشت‌ها در خاش افزود.",
        [("security_deployment", "Khash", None, None)],
        id="added-to-the-patrols",
    ),
    pytest.param(
        "هیچ ایست و بازرسی در جاده قندهار ندیدیم.",
        [],
        id="no-stop-and-search-seen",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_p6_fa(rules_only: Extractor, text: str, expected: Found) -> None:
    assert _found(rules_only, text) == expected
