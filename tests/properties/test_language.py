"""Properties of :func:`incidents.normalize.language.detect_language`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from incidents.normalize import language
from incidents.normalize.language import SUPPORTED_LANGUAGES, detect_language
from tests.properties import quick

#: Arabic-script letters shared by Persian and Arabic (no ة ى ي ك إ أ, no پ چ ژ گ ک ی).
_SHARED = "ابتثجحخدذرزسشصضطظعغفقلمنوه"
#: Drawn words that spell a function word of the other language are dropped.
_ARABIC_WORDS = language._ARABIC_WORDS
_PERSIAN_WORDS = language._PERSIAN_WORDS


@quick(200)
@given(st.text())
def test_always_one_of_the_supported_languages(text: str) -> None:
    assert detect_language(text) in SUPPORTED_LANGUAGES


@quick(100)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], max_codepoint=0x5FF)))
def test_text_without_the_arabic_script_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@quick(150)
@given(
    st.lists(st.text(alphabet=_SHARED, min_size=1, max_size=6), max_size=8),
    st.lists(st.text(alphabet=_SHARED + "پچژگکی", min_size=1, max_size=6), min_size=1),
)
def test_a_persian_letter_and_no_arabic_marker_is_persian(
    shared: list[str], persian: list[str]
) -> None:
    words = [w for w in shared + persian if w not in _ARABIC_WORDS]
    text = " ".join([*words, "پ"])
    assert detect_language(text) == "fa"


@quick(150)
@given(
    st.lists(st.text(alphabet=_SHARED, min_size=1, max_size=6), max_size=8),
    st.text(alphabet="ةىيك", min_size=1, max_size=3),
)
def test_an_arabic_letter_and_no_persian_marker_is_arabic(shared: list[str], marks: str) -> None:
    words = [w for w in shared if w not in _PERSIAN_WORDS]  # "در", "از", "به"...
    text = " ".join([*words, marks])
    assert detect_language(text) == "ar"
