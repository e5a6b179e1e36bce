"""Casualty figures in three languages and scripts (EVENTS.md count rules)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Span

from incidents.domain import Document, DocumentKind
from incidents.extract import lexicon as lexicon_module
from incidents.extract.counts import CASUALTY_LABELS, Casualties, read_casualties
from incidents.extract.extractor import Extractor
from incidents.extract.lexicon import load_lexicon
from incidents.extract.nlp import SPANS_KEY, build_nlp
from incidents.normalize import fold

PUBLISHED = dt.datetime(2025, 11, 10, tzinfo=dt.UTC)


@cache
def _nlp(lang: str) -> Language:
    return build_nlp(lang)


def casualties(lang: str, text: str) -> Casualties:
    doc = _nlp(lang)(fold(text))
    spans = [s for s in doc.spans[SPANS_KEY] if s.label_ in CASUALTY_LABELS]
    return read_casualties(doc[:], spans, load_lexicon(lang))


@pytest.mark.parametrize(
    ("lang", "text", "killed", "injured"),
    [
        # Persian
        ("fa", "یک زن کشته و چند نفر مجروح شدند", 1, None),
        ("fa", "انفجار در دمشق؛ زن سوری کشته شد", 1, None),
        ("fa", "در این حادثه ۱۵ نفر کشته و ۲۰ نفر زخمی شدند", 15, 20),
        ("fa", "دست کم ۱۵ کشته و بیش از ۴۰ زخمی", 15, 40),
        ("fa", "بیست و پنج نفر جان باختند", 25, None),
        ("fa", "سه نفر به قتل رسیدند", 3, None),
        ("fa", "این انفجار تلفات جانی نداشت", 0, 0),
        ("fa", "ده‌ها نفر زخمی شدند", None, None),
        # Arabic
        ("ar", "أسفر الانفجار عن مقتل 5 أشخاص وإصابة 10 آخرين", 5, 10),
        ("ar", "سقوط قتيلين وثلاثة جرحى", 2, 3),
        ("ar", "قتل خمسة وعشرون شخصا", 25, None),
        ("ar", "مقتل ما لا يقل عن ١٢ شخصا", 12, None),
        ("ar", "وأصيب العديد من المدنيين", None, None),
        ("ar", "لقي ثلاثة أشخاص حتفهم", 3, None),
        ("ar", "انفجار دون وقوع إصابات", 0, 0),
        ("ar", "مقتل ثلاثة عشر شخصا", 13, None),
        ("ar", "أسفر عن مقتل شخص وإصابة ثلاثة آخرين بجروح", 1, 3),
        ("ar", "أدى إلى استشهاد مواطن وإصابة آخر بجروح بليغة", 1, 1),
        ("ar", "لقي شخص مصرعه وأصيب 3 آخرون", 1, 3),
        ("ar", "أسفر عن مقتل مجندين اثنين وإصابة 9 آخرين", 2, 9),
        ("ar", "مقتل أحد عناصرها وإصابة ثلاثة", 1, 3),
        ("ar", "مقتل وإصابة 6 أشخاص", None, None),
        ("ar", "سقوط قتلى وجرحى", None, None),
        ("fa", "۲۳ نفر شهید و زخمی شدند", None, None),
        ("fa", "۶ شهید و ۱۷ زخمی برجای گذاشت", 6, 17),
        ("fa", "در این انفجار ۱۰ تن جان خود را از دست دادند", 10, None),
        ("fa", "منجر به کشته شدن دست کم ۳ نفر و جراحت ۱۱۲ نفر دیگر شد", 3, 112),
        ("fa", "۱۱ فلسطینی از جمله ۴ کودک به شهادت رسیدند", 11, None),
        ("fa", "گلوله‌باران جان یک زن و دو کودکش را گرفت", 3, None),
        (
            "fa",
            "شمار جان‌باختگان حمله انتحاری به کلیسا به ۲۲ نفر و شمار زخمی‌ها به ۶۳ نفر رسید",
            22,
            63,
        ),
        ("ar", "ارتفع عدد قتلى الهجوم الانتحاري إلى أكثر من خمسين قتيلاً", 50, None),
        # English
        ("en", "At least 15 people were killed and more than 50 wounded", 15, 50),
        ("en", "The bomb killed two and injured 5", 2, 5),
        ("en", "3 attackers and a policeman were killed", 4, None),
        ("en", "A cleric and more than 80 others were killed", 81, None),
        ("en", "Several people were wounded", None, None),
        ("en", "Twenty-five people died", 25, None),
        ("en", "There were no casualties", 0, 0),
        ("en", "No one was hurt in the blast", 0, 0),
        ("en", "A policeman was killed", 1, None),
        ("en", "The death toll rose to 31", 31, None),
        ("en", "Dozens were injured", None, None),
        ("en", "Drone strikes killed or wounded 20 people", None, None),
        ("en", "killing a police officer and three civilians", 4, None),
        ("en", "gunmen shot dead a prominent tribal sheikh outside his home", 1, None),
        ("en", "a drone targeted a motorcycle, killing its rider", 1, None),
        ("en", "exploded under a tractor, killing the driver and injuring his two sons", 1, 2),
        ("en", "killing two policemen and a passer-by and wounding six others", 3, 6),
        ("en", "drone strike on a motorbike in Tyre, two martyrs according to NNA", 2, None),
        ("en", "A 19-year-old Palestinian was killed and three others were wounded", 1, 3),
        ("en", "Warplanes struck a house, killing a man and his son", 2, None),
        ("fa", "یک مرد ۷۰ ساله جان باخت و ده نفر دیگر زخمی شدند", 1, 10),
        ("fa", "تاکنون هفت نفر از دو طرف کشته شده‌اند", 7, None),
        # Compound numbers written as one word, with or without the ZWNJ.
        ("fa", "انفجار دوازده کشته و بیست‌وسه زخمی برجای گذاشت", 12, 23),
        ("fa", "در این حمله سی‌ودو نفر کشته و صدوبیست نفر زخمی شدند", 32, 120),
        ("fa", "در این حمله سیودو نفر کشته شدند", 32, None),
        ("ar", "قُتل ثمانية مسلحين وجنديان في تبادل لإطلاق النار", 10, None),
        ("ar", "سقط صاروخا كاتيوشا من دون أن يسفرا عن خسائر بشرية", 0, 0),
    ],
)
def test_casualty_figures(lang: str, text: str, killed: int | None, injured: int | None) -> None:
    assert casualties(lang, text) == Casualties(killed=killed, injured=injured)


@pytest.mark.parametrize(
    ("lang", "text", "killed", "injured"),
    [
        # Persian: the object marker را, "از پای درآوردن", another party summed
        ("fa", "انفجار بمب در بازار دست کم چهار نفر را زخمی کرد", None, 4),
        ("fa", "مهاجمان به خودروی قاضی شلیک کردند و او را از پای درآوردند", 1, None),
        ("fa", "نیروهای امنیتی ۹ تروریست را از پای درآوردند", 9, None),
        ("fa", "یک مرزبان به شهادت رسید و سه مهاجم به هلاکت رسیدند", 4, None),
        ("fa", "مسلحان چهار نفر را کشتند؛ دو مهاجم نیز کشته شدند", 6, None),
        ("fa", "۱۲ عضو طالبان و سه پلیس کشته شدند", 15, None),
        ("fa", "در این حادثه یک تبعه ترک و دو نگهبان افغان کشته شدند", 3, None),
        ("fa", "حدود ۳۰ نفر در حمله به یک مراسم عروسی جان باختند", 30, None),
        ("fa", "معلم و همسرش زخمی شدند", None, 2),
        ("fa", "بمب جان دو کودک را گرفت و کودک دیگری را زخمی کرد", 2, 1),
        ("fa", "دو سرباز در پی حمله به پاسگاه، امروز صبح به شهادت رسیدند", 2, None),
        ("fa", "تاکنون گزارشی از تلفات منتشر نشده است", None, None),
        # The figure after "the fire of" or "by" counts the attackers.
        ("fa", "سه نفر با شلیک دو فرد موتورسوار زخمی شدند", None, 3),
        ("fa", "چهار کارگر توسط دو مهاجم مسلح زخمی شدند", None, 4),
        # English: the object of an active verb, units that count things, "family of"
        ("en", "A gunman shot dead three shoppers", 3, None),
        ("en", "An unknown assailant wounded two guards", None, 2),
        ("en", "Two mortar shells killed four civilians", 4, None),
        ("en", "Gunmen killed a family of six in their home", 6, None),
        ("en", "The militants shot him dead outside the mosque", 1, None),
        ("en", "Three policemen were killed and two attackers were also killed", 5, None),
        ("en", "Four soldiers were killed, while the army said six soldiers died", 4, None),
        ("en", "Five people were treated for shrapnel wounds", None, 5),
        ("en", "Two girls suffered severe burns", None, 2),
        ("en", "There were no immediate reports of casualties", None, None),
        ("en", "The death toll later rose to 12, officials said", 12, None),
        # Arabic (code only): a number before its counted noun, glued full stop
        ("ar", "أسفرت الغارات عن 17 قتيلاً و40 جريحاً", 17, 40),
        ("ar", "مخلفاً 9 قتلى و103 جريح", 9, 103),
        ("ar", "ما أدى إلى مقتل 4 أشخاص وإصابة 15.", 4, 15),
        ("ar", "ولم ترد أنباء عن وقوع إصابات", None, None),
        ("ar", "سقط ١٢ شخصاً بين قتيل وجريح", None, None),
        ("ar", "مقتل مواطنين صينيين اثنين وإصابة ١٠ أشخاص", 2, 10),
    ],
)
def test_more_casualty_figures(
    lang: str, text: str, killed: int | None, injured: int | None
) -> None:
    assert casualties(lang, text) == Casualties(killed=killed, injured=injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A numeral (digits or words, compound or teen) right before a plural noun.
        ("سقوط 3 قتلى و5 جرحى في قصف على البلدة", 3, 5),
        ("خلفت الغارة سبعة قتلى و٢٢ جريحاً", 7, 22),
        ("أوقع الانفجار ثلاثة عشر قتيلا وعشرين جريحا", 13, 20),
        ("خلفت الغارة خمسة وعشرين قتيلا", 25, None),
        # A dual or singular glued to "و" counts its own kind.
        ("سقوط ثلاثة قتلى وجريحين", 3, 2),
        ("سقوط ثلاثة قتلى وجريح", 3, 1),
        # "including": the part is not the toll.
        ("وأصيب مدنيون بينهم ثلاثة أطفال", None, None),
        ("أسفر الانفجار عن ٩ جرحى بينهم ثلاثة أطفال", None, 9),
        # A singular noun after a number is that number's noun, not one more person.
        ("15 شخصا قتلوا في الانفجار", 15, None),
        ("مقتل ١٢ شخصاً وإصابة آخرين.", 12, None),
        # A pronoun on the casualty noun counts the people it stands for.
        ("أدى الانفجار إلى مقتلهما على الفور", 2, None),
        ("أدى الانفجار إلى إصابتهما بجروح", None, 2),
        # A number before a casualty word after another noun is that noun's adjective.
        ("أسفر عن مقتل مجندين اثنين وإصابة 9 آخرين", 2, 9),
        # A dual after a dual agrees with it; a dual after a number is its plural noun.
        ("أدت غارة على أطراف البلدة إلى سقوط قتيلين مدنيين وخمسة جرحى", 2, 5),
        ("أسفر القصف عن استشهاد سبعة مواطنين بينهم ثلاثة أطفال وإصابة آخرين", 7, None),
        # Parties joined by a glued "و" are summed.
        ("وقالت مصادر إن أربعة من المسلحين وشرطيين قتلوا في الاشتباك", 6, None),
        ("ما أدى إلى استشهاد قائد كتيبة ومرافقين اثنين", 3, None),
        ("أعلنت الوزارة وفاة طفلين ومريض في المستشفى", 3, None),
        # A singular subject before "قتل وأصيب" makes two tolls, not one combined.
        ("ذكرت الشرطة أن مدنيا قتل وأصيب 4 آخرون", 1, 4),
        ("قتل واصيب 9 أشخاص بانفجار", None, None),
    ],
)
def test_arabic_number_grammar(text: str, killed: int | None, injured: int | None) -> None:
    assert casualties("ar", text) == Casualties(killed=killed, injured=injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Bombings in the city kill 27, wound 60", 27, 60),
        ("Air strikes kill two, injure seven near Idlib", 2, 7),
        ("Militants vowed to kill more soldiers", None, None),
    ],
)
def test_headline_present_tense(text: str, killed: int | None, injured: int | None) -> None:
    assert casualties("en", text) == Casualties(killed=killed, injured=injured)


def test_a_dual_counts_only_its_own_kind() -> None:
    """An injured phrase that starts at a killed dual ("قتيلين وثلاثة جرحى") takes
    the number of the wounded, never the dual of the dead."""
    doc = _nlp("ar")(fold("سقوط قتيلين وثلاثة جرحى"))
    killed = Span(doc, 1, 2, label="KILLED")
    injured = Span(doc, 1, 4, label="INJURED")
    assert read_casualties(doc[:], [killed, injured], load_lexicon("ar")) == Casualties(2, 3)


def test_report_words_live_in_the_lexicon_file() -> None:
    data = json.loads(
        resources.files("incidents.extract.lexicons").joinpath("ar.json").read_text("utf-8")
    )
    assert {"أنباء", "معلومات", "تقارير"} <= set(data["report_words"])
    assert not hasattr(lexicon_module, "_DEFAULTS")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later sentence updates the toll
        (
            "A car bomb exploded in Kirkuk on Monday, killing 7 people. "
            "The death toll later rose to 12, hospital officials said.",
            [("explosion", "Kirkuk", 12, None)],
        ),
        # a later sentence says there were no casualties
        (
            "چند راکت بامداد امروز در نزدیکی فرودگاه بغداد فرود آمد. این حمله تلفاتی در پی نداشت.",
            [("shelling", "Baghdad", 0, 0)],
        ),
        # the toll goes to the bombing, not to the deployment told after it
        (
            "A suicide bomber blew himself up at a checkpoint in Kirkuk on Monday and security "
            "forces sealed off the area. Hospital sources said six soldiers were killed.",
            [("security_deployment", "Kirkuk", None, None), ("suicide_bombing", "Kirkuk", 6, None)],
        ),
        # another party "also" killed
        (
            "Two soldiers were killed in a clash with militants near Saravan on Saturday. "
            "Three of the attackers were also killed in the exchange of fire.",
            [("armed_clash", "Saravan", 5, None)],
        ),
        # nothing known of casualties is not "no casualties"
        (
            "Israeli jets struck a house in Khan Younis on Monday. "
            "There were no immediate reports of casualties.",
            [("airstrike", "Khan Younis", None, None)],
        ),
        # a claim of other, older attacks adds nothing
        (
            "Rockets hit a base near Kirkuk on Tuesday. The militia has also claimed "
            "attacks in recent months that killed 50 people.",
            [("shelling", "Kirkuk", None, None)],
        ),
    ],
)
def test_tolls_across_sentences(
    rules_only: Extractor,
    text: str,
    expected: list[tuple[str, str | None, int | None, int | None]],
) -> None:
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", published=PUBLISHED
    )
    events = rules_only.extract(doc).events
    found = sorted(
        (e.type.value, e.place.name if e.place else None, e.killed, e.injured) for e in events
    )
    assert found == expected


@pytest.mark.slow
def test_this_explosion_is_the_suicide_bombing(rules_only: Extractor) -> None:
    text = (
        "یک بمب‌گذار انتحاری امروز خودروی بمب‌گذاری‌شده را به ایست بازرسی در کویته کوبید. "
        "در این انفجار سه سرباز کشته شدند."
    )
    doc = Document(
        key="k", kind=DocumentKind.ARTICLE, text=text, source="test", published=PUBLISHED
    )
    events = {e.type.value: e for e in rules_only.extract(doc).events}
    assert "explosion" not in events
    assert events["suicide_bombing"].killed == 3
