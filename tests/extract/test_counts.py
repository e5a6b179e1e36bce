"""Casualty figures in three languages and scripts (EVENTS.md count rules)."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from incidents.extract.counts import CASUALTY_LABELS, Casualties, read_casualties
from incidents.extract.lexicon import load_lexicon
from incidents.extract.nlp import SPANS_KEY, build_nlp
from incidents.normalize import fold


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
        ("ar", "قُتل ثمانية مسلحين وجنديان في تبادل لإطلاق النار", 10, None),
        ("ar", "سقط صاروخا كاتيوشا من دون أن يسفرا عن خسائر بشرية", 0, 0),
    ],
)
def test_casualty_figures(lang: str, text: str, killed: int | None, injured: int | None) -> None:
    assert casualties(lang, text) == Casualties(killed=killed, injured=injured)
