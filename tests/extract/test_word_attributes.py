"""The extractor's pipelines compute only the word attributes it reads."""

from __future__ import annotations

import pytest

from incidents.extract.nlp import UNREAD_ATTRS, build_nlp, drop_unread_attrs


@pytest.mark.parametrize("lang", ["en", "fa", "ar"])
def test_words_seen_after_keep_what_the_extractor_reads(lang: str) -> None:
    nlp = build_nlp(lang)
    flags = {a for a in nlp.vocab.lex_attr_getters if a not in UNREAD_ATTRS}  # type: ignore[attr-defined]
    drop_unread_attrs(nlp.vocab)
    assert set(nlp.vocab.lex_attr_getters) == flags  # type: ignore[attr-defined]
    doc = nlp("Qzvwxk 42 , Xqzv-Wyk.\n")
    word, number, comma = doc[0], doc[1], doc[2]
    assert word.is_alpha and word.is_title and not word.is_upper and word.lower_ == "qzvwxk"
    assert number.like_num and number.is_digit
    assert comma.is_punct and not comma.is_alpha
    assert doc[-1].is_space
    assert word.shape_ == ""  # dropped: no one reads it
