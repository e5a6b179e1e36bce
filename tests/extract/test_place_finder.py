"""PlaceFinder scans only from flagged words: it must find what a scan from every word finds."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from spacy.tokens import Doc, Token

from incidents.extract.lexicon import load_lexicon
from incidents.extract.nlp import build_nlp
from incidents.extract.places import PlaceFinder, _word_key
from incidents.extract.training.corpus import LANGUAGES, load_corpus
from incidents.geocode import Gazetteer
from incidents.geocode.names import name_key
from incidents.normalize.folding import fold

pytestmark = pytest.mark.slow


def _may_start_name(first: Token, lang: str, speech: frozenset[str]) -> bool:
    if first.is_punct or first.is_space or first.like_num or "\n" in first.text:
        return False
    if lang == "en":
        return bool(first.is_title or first.is_upper) and first.lower_ not in speech
    return True


def _scan_every_word(doc: Doc, gazetteer: Gazetteer, finder: PlaceFinder) -> list[tuple[int, int]]:
    """The reference: try a name from every token that may start one by its kind,
    longest first, each surface looked up whole."""
    found, i = [], 0
    while i < len(doc):
        end = None
        if _may_start_name(doc[i], finder.lex.lang, finder.lex.speech):
            reach = gazetteer.max_tokens + 2 * [
                t.text for t in doc[i : i + 2 * gazetteer.max_tokens]
            ].count("-")
            for n in range(min(reach, len(doc) - i), 0, -1):
                if gazetteer.lookup(doc[i : i + n].text):
                    end = i + n
                    break
        if end is None:
            i += 1
        else:
            found.append((i, end))
            i = end
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_flagged_scan_finds_what_a_full_scan_finds(gazetteer: Gazetteer, lang: str) -> None:
    nlp = build_nlp(lang)
    finder = PlaceFinder(nlp.vocab, gazetteer, load_lexicon(lang))
    documents = load_corpus((lang,))
    found = 0
    for gold in documents:
        doc = nlp(fold(gold.document.text))
        mentions = finder.find(doc)
        assert [(m.start, m.end) for m in mentions] == _scan_every_word(doc, gazetteer, finder), (
            gold.document.key
        )
        found += len(mentions)
    assert found > len(documents)


def test_demonyms_give_context_countries(gazetteer: Gazetteer) -> None:
    nlp = build_nlp("fa")
    finder = PlaceFinder(nlp.vocab, gazetteer, load_lexicon("fa"))
    doc = nlp(fold("یک زن سوری و دو مرد عراقی زخمی شدند"))
    assert finder.countries([], doc) == {"SY", "IQ"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("دمشق", True),
        ("بدمشق", True),
        ("Kafr", True),
        ("Pul", True),
        ("xyzzyq", False),
        ("وححححح", False),
    ],
)
def test_may_begin_name(gazetteer: Gazetteer, word: str, expected: bool) -> None:
    assert gazetteer.may_begin_name(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("دمشق", True),
        ("Zor", True),
        ("Khumri", True),
        (",", True),  # no key: punctuation never rules a surface out
        ("xyzzyq", False),
        ("ححححخ", False),
    ],
)
def test_may_end_name(gazetteer: Gazetteer, word: str, expected: bool) -> None:
    assert gazetteer.may_end_name(word) is expected


def test_every_indexed_name_ends_with_a_word_that_may_end_one(gazetteer: Gazetteer) -> None:
    last_words = {key.rsplit(" ", 1)[-1] for key in gazetteer.names()}
    assert all(gazetteer.may_end_name(word) for word in last_words)


def test_every_indexed_name_begins_with_words_that_may_begin_one(gazetteer: Gazetteer) -> None:
    keys = list(gazetteer.names())
    assert all(gazetteer.may_begin_name(key.split(" ")[0]) for key in keys)
    pairs = {tuple(key.split(" ")[:2]) for key in keys if " " in key}
    assert all(gazetteer.may_begin_words(first, second) for first, second in pairs)


@pytest.mark.parametrize(
    "word",
    [
        "\ufdfa",
        "x\ufdfa",
        "Deir-ez",
        "Deir-ez-Zor",
        "ez-Zor",
        "Pul-e-Khumri",
        "pro-government",
        "al-Qaim",
        "Ras-al",
    ],
)
def test_a_word_whose_key_has_several_words_is_judged_as_a_scan_would(
    gazetteer: Gazetteer, word: str
) -> None:
    """Hyphens and ligatures (ﷺ) give one word a key of several."""
    key = name_key(word)
    assert " " in key
    keys = list(gazetteer.names())
    assert gazetteer.may_begin_name(word) is any(k.startswith(key) for k in keys)
    assert gazetteer.may_end_name(word) is any(k.endswith(key) for k in keys)


#: Letters of every kind :func:`name_key` treats: Latin with accents, Arabic letters
#: that fold (ة أ ي ك), Persian letters, a vowel mark, tatweel, the modifier letters
#: of transliteration it drops (ʻ ʼ), a ligature NFKC spells as several words (ﷺ),
#: capitals, and dotted and final forms (İ, ς).
_LETTERS = "abzÁéñİςΣأإآةيكىپچژگیکهءئؤًـʻʼﷺﻻ"


@given(st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=6), min_size=1, max_size=4))
def test_a_text_of_words_is_keyed_by_its_words_keys(words: list[str]) -> None:
    """What :meth:`PlaceFinder.find` relies on to skip keying each n-gram whole."""
    keys = [_word_key(word) for word in words]
    assume(all(keys))
    assert " ".join(keys) == name_key(" ".join(words))  # type: ignore[arg-type]
