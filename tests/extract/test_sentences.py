"""The array-based sentence splitter agrees with spaCy's sentencizer plus line breaks."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from incidents.extract.nlp import build_nlp
from incidents.extract.training.corpus import LANGUAGES, load_corpus
from incidents.normalize.folding import fold

EDGE_CASES = ["", "a", ". . x", "x\n\ny. ) z", "!!", "a.b. c . . d", "خبر\nانفجار؟ نه!", "x\n"]


@Language.component("test_reference_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_sentences_as_spacy_sentencizer_with_line_breaks(lang: str) -> None:
    ours = build_nlp(lang)
    reference = spacy.blank(lang)
    reference.tokenizer = ours.tokenizer
    reference.add_pipe("test_reference_line_breaks")
    reference.add_pipe("sentencizer")
    texts = [fold(g.document.text) for g in load_corpus((lang,))] + EDGE_CASES

    def starts(nlp: Language, text: str) -> list[int]:
        return [sentence.start for sentence in nlp(text).sents]

    differing = [t for t in texts if starts(ours, t) != starts(reference, t)]
    assert differing == []


def test_a_line_break_starts_a_sentence() -> None:
    doc = build_nlp("fa")("انفجار در کابل\nجاده بسته شد")
    assert [s.text.strip() for s in doc.sents] == ["انفجار در کابل", "جاده بسته شد"]
