"""Properties of casualty-number reading (:mod:`incidents.extract.counts`).

A figure is read from the spaCy tokens of *folded* text, as the extractor does:
digits in ASCII, Persian or Arabic-Indic script, grouped by "," or the Arabic
thousands separator "٬" (folded to ","); number words from ``lexicons/{lang}.json``.

Documented limits encoded in the strategies:
- at most six digits make a count (``_number_value``): 0..999,999; seven or more
  digits (phone numbers, sums of money) are never a count;
- the lexicons have no word for zero, so number words start at one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from incidents.extract.counts import CASUALTY_LABELS, Casualties, find_figures, read_casualties
from incidents.extract.lexicon import Lexicon, load_lexicon
from incidents.extract.nlp import SPANS_KEY, build_nlp
from incidents.normalize import fold
from tests.properties import quick

SCRIPTS = {"ascii": "0123456789", "persian": "۰۱۲۳۴۵۶۷۸۹", "arabic": "٠١٢٣٤٥٦٧٨٩"}
LARGEST_COUNT = 999_999


@cache
def _nlp(lang: str) -> Language:
    return build_nlp(lang)


@cache
def _lexicon(lang: str) -> Lexicon:
    return load_lexicon(lang)


def _doc(lang: str, text: str) -> Doc:
    return _nlp(lang)(fold(text))


def figures(lang: str, text: str) -> list[tuple[int, int, int | None]]:
    doc = _doc(lang, text)
    return [(f.start, f.end, f.value) for f in find_figures(doc[:], _lexicon(lang))]


def casualties(lang: str, text: str) -> Casualties:
    doc = _doc(lang, text)
    spans = [s for s in doc.spans[SPANS_KEY] if s.label_ in CASUALTY_LABELS]
    return read_casualties(doc[:], spans, _lexicon(lang))


@st.composite
def written_numbers(draw: st.DrawFn, low: int = 0, high: int = LARGEST_COUNT) -> tuple[int, str]:
    """(n, n written in one script, optionally grouped in thousands)."""
    number = draw(st.integers(low, high))
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    # Persian and Arabic pages group with the Arabic thousands separator or a comma.
    separator = draw(st.sampled_from(["", ","] if script == "ascii" else ["", ",", "٬"]))
    plain = f"{number:,}".replace(",", separator)
    return number, plain.translate(str.maketrans("0123456789", SCRIPTS[script]))


#: Picks one of several spellings (a hypothesis draw from ``sampled_from``).
Choose = Callable[[Sequence[str]], str]

# Number words, built from the lexicon entries (the lexicons are the source of truth).
EN_UNITS = "one two three four five six seven eight nine".split()
EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
FA_UNITS = "یک دو سه چهار پنج شش هفت هشت نه".split()
FA_TEENS = "ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده نوزده".split()
FA_TENS = "بیست سی چهل پنجاه شصت هفتاد هشتاد نود".split()
AR_UNITS = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة".split()
AR_TENS = "عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون".split()


def _english(n: int, choose: Choose) -> str:
    if n == 100:
        return choose(["hundred", "a hundred", "one hundred"])
    if n < 10:
        return EN_UNITS[n - 1]
    if n < 20:
        return EN_TEENS.split()[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return EN_TENS[tens - 2]
    return EN_TENS[tens - 2] + choose(["-", " ", " - "]) + EN_UNITS[unit - 1]


def _persian(n: int, choose: Choose) -> str:
    if n == 100:
        return choose(["صد", "یکصد"])
    if n < 10:
        return FA_UNITS[n - 1]
    if n < 20:
        return FA_TEENS[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return FA_TENS[tens - 2]
    return FA_TENS[tens - 2] + " و " + FA_UNITS[unit - 1]


def _arabic(n: int, choose: Choose) -> str:
    if n == 100:
        return choose(["مئة", "مائة"])
    if n < 10:
        return AR_UNITS[n - 1]
    if n == 10:
        return choose(["عشرة", "عشر"])
    if n == 11:
        return choose(["أحد عشر", "إحدى عشرة"])
    if n == 12:
        return choose(["اثنا عشر", "اثني عشر", "اثنتا عشرة"])
    if n < 20:
        return AR_UNITS[n - 11] + choose([" عشر", " عشرة"])
    tens, unit = divmod(n, 10)
    if unit == 0:
        return AR_TENS[tens - 2]
    # The units come first, then "و" (glued or apart) and the tens: "خمسة وعشرون".
    return AR_UNITS[unit - 1] + choose([" و", " و "]) + AR_TENS[tens - 2]


_WRITERS = {"en": _english, "fa": _persian, "ar": _arabic}


@st.composite
def number_words(draw: st.DrawFn) -> tuple[str, int, str]:
    """(language, n in 1..100, n in that language's number words)."""
    lang = draw(st.sampled_from(sorted(_WRITERS)))
    number = draw(st.integers(1, 100))
    return lang, number, _WRITERS[lang](number, lambda options: draw(st.sampled_from(options)))


def test_the_number_words_come_from_the_lexicons() -> None:
    """Guard for the strategies above: every word they use is a lexicon number."""
    for lang, words in {
        "en": [*EN_UNITS, *EN_TEENS.split(), *EN_TENS, "hundred"],
        "fa": [*FA_UNITS, *FA_TEENS, *FA_TENS, "صد", "یکصد"],
        "ar": [*AR_UNITS, *AR_TENS, "عشرة", "عشر", "مئة", "مائة"],
    }.items():
        numbers = _lexicon(lang).numbers
        assert all(fold(w).lower() in numbers for w in words), lang


@quick(100)
@given(st.sampled_from(["en", "fa", "ar"]), written_numbers())
def test_digits_in_any_script_read_back(lang: str, written: tuple[int, str]) -> None:
    number, text = written
    assert figures(lang, text) == [(0, 1, number)]


@quick(50)
@given(st.sampled_from(["en", "fa", "ar"]), st.integers(LARGEST_COUNT + 1, 10**12), st.booleans())
def test_seven_digits_or_more_are_never_a_count(lang: str, number: int, grouped: bool) -> None:
    text = f"{number:,}" if grouped else str(number)
    assert figures(lang, text) == []


@quick(200)
@given(number_words())
def test_number_words_read_back(case: tuple[str, int, str]) -> None:
    lang, number, text = case
    found = figures(lang, text)
    assert [value for _, _, value in found] == [number], found
    start, end, _ = found[0]
    assert (start, end) == (0, len(_doc(lang, text)))  # the figure spans every word


AT_LEAST = {
    "en": ["At least {} people were killed", "at least {} people were killed in the blast"],
    "fa": ["دست کم {} نفر کشته شدند", "حداقل {} نفر کشته شدند", "دست‌کم {} نفر کشته شدند"],
    "ar": ["مقتل ما لا يقل عن {} شخصا", "أسفر الهجوم عن مقتل ما لا يقل عن {} شخصا"],
}


@quick(100)
@given(st.data())
def test_at_least_n_reads_n(data: st.DataObject) -> None:
    lang = data.draw(st.sampled_from(sorted(AT_LEAST)), label="lang")
    template = data.draw(st.sampled_from(AT_LEAST[lang]), label="template")
    if data.draw(st.booleans(), label="in words"):
        number = data.draw(st.integers(1, 100), label="number")
        written = _WRITERS[lang](number, lambda options: data.draw(st.sampled_from(options)))
    else:
        number, written = data.draw(written_numbers(low=1), label="digits")
    text = template.format(written)
    assert casualties(lang, text) == Casualties(killed=number), text
