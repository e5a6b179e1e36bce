"""Properties of :mod:`incidents.normalize.folding`.

The invariants come from the module: folding is character by character (each
character folds on its own, presentation forms through NFKC), its output is already
folded, and :class:`FoldedText` remembers for each folded character the index of the
original character it came from, so that ``to_original`` returns the smallest original
span whose folding holds the folded span.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from incidents.normalize import fold, fold_text
from tests.properties import quick

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

#: Characters folding touches, heavy on the Arabic script: letter variants, digits,
#: vowel marks, tatweel, zero-width and bidi controls, presentation forms and other
#: NFKC compatibility characters (ligatures that expand to several characters).
_INTERESTING = (
    "يىكةۀأإآٱیکهاـ"
    + PERSIAN_DIGITS
    + ARABIC_INDIC_DIGITS
    + "٫٬،؛؟"
    + "\u064b\u064e\u064f\u0650\u0651\u0652\u0670"  # vowel marks, shadda, sukun, dagger alef
    + "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u00ad\ufeff"
    + "ﻻﷺﷲﺑﻪﭖﬁ①²ｶ"  # presentation forms, ligatures, circled / superscript / fullwidth
    + "abcXYZ019 .,-[]^\\\n"
)
texts = st.text(
    alphabet=st.one_of(st.sampled_from(_INTERESTING), st.characters(codec="utf-8")),
    max_size=40,
)


@quick(300)
@given(texts)
@example("ﷺ\u200cﻻ")
def test_folding_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded


@quick(200)
@given(texts, texts)
def test_folding_is_character_by_character(left: str, right: str) -> None:
    """Folding a concatenation folds each part: no character's folding depends on its
    neighbours, which is what lets offsets be kept per character."""
    assert fold(left + right) == fold(left) + fold(right)


@quick(200)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40))
def test_ascii_is_left_alone(text: str) -> None:
    assert fold(text) == text
    assert fold_text(text).origin == tuple(range(len(text)))


@quick(300)
@given(texts)
def test_fold_text_agrees_with_fold(text: str) -> None:
    result = fold_text(text)
    assert result.text == fold(text)
    assert result.original_length == len(text)
    assert len(result.origin) == len(result.text)
    assert list(result.origin) == sorted(result.origin)  # order is kept
    assert all(0 <= source < len(text) for source in result.origin)
    # Each original character owns exactly as many folded characters as it folds to.
    for index, char in enumerate(text):
        assert result.origin.count(index) == len(fold(char))


@quick(300)
@given(texts, st.data())
def test_a_folded_span_maps_to_the_smallest_original_span_holding_it(
    text: str, data: st.DataObject
) -> None:
    result = fold_text(text)
    folded = result.text
    start = data.draw(st.integers(0, len(folded)), label="start")
    end = data.draw(st.integers(start, len(folded)), label="end")
    begin, stop = result.to_original(start, end)
    assert 0 <= begin <= stop <= len(text)
    before, through = len(fold(text[:begin])), len(fold(text[:stop]))
    if start == end:
        assert begin == stop
        # The point sits just before the original character of folded[start].
        assert before <= start
        assert start == len(folded) or start < before + len(fold(text[begin]))
        return
    # The original span folds to a stretch of the folded text that holds the span...
    assert folded[before:through] == fold(text[begin:stop])
    assert before <= start < end <= through
    # ...and is the smallest such: its first and last characters produce the span's ends.
    assert start < before + len(fold(text[begin]))
    assert end > through - len(fold(text[stop - 1]))


@quick(200)
@given(texts, st.data())
def test_a_span_of_whole_characters_round_trips(text: str, data: st.DataObject) -> None:
    """Cut at original character boundaries, the folded span maps back to an original
    span that folds to exactly that span (modulo characters that fold to nothing at
    its edges, which the mapping leaves out)."""
    first = data.draw(st.integers(0, len(text)), label="first")
    last = data.draw(st.integers(first, len(text)), label="last")
    result = fold_text(text)
    start, end = len(fold(text[:first])), len(fold(text[:last]))
    begin, stop = result.to_original(start, end)
    assert fold(text[begin:stop]) == result.text[start:end] == fold(text[first:last])
    if start < end:
        assert first <= begin < stop <= last


@quick(200)
@given(st.integers(0, 10**12), st.sampled_from([PERSIAN_DIGITS, ARABIC_INDIC_DIGITS]))
def test_persian_and_arabic_indic_digits_fold_to_ascii(number: int, digits: str) -> None:
    written = str(number).translate(str.maketrans("0123456789", digits))
    assert fold(written) == str(number)
    assert int(fold(written)) == number


@quick(100)
@given(st.text(alphabet=PERSIAN_DIGITS + ARABIC_INDIC_DIGITS + "0123456789", min_size=1))
def test_mixed_script_digits_fold_to_ascii_digits(written: str) -> None:
    folded = fold(written)
    assert folded.isascii() and folded.isdigit()
    assert len(folded) == len(written)
    assert [int(c) for c in folded] == [int(c) for c in written]  # int() reads every script
