"""The model is asked only about sentences whose scores the policy may read.

:func:`sentences_for_the_model` leaves out sentences that rules settle alone; scoring
every sentence with a rule span instead must give the same events and claims, under
the shipped policies and under one that vetoes and adds freely.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from incidents.extract.events import (
    sentence_events,
    sentences_for_the_model,
    sentences_with_spans,
)
from incidents.extract.extractor import Extractor
from incidents.extract.policy import CombinationPolicy
from incidents.extract.training.corpus import LANGUAGES, load_corpus

pytestmark = pytest.mark.slow

EAGER = CombinationPolicy(veto_below=0.3, add_at_least=0.6)


def _with_spans(doc: Doc) -> list[Span]:
    """Every sentence (or part of one, as the events are read) with a rule span."""
    return [sentence for sentence, spans in sentences_with_spans(doc) if spans]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_left_out_sentences_change_nothing(extractor: Extractor, lang: str) -> None:
    classifier = extractor.classifiers[lang]
    assert classifier is not None
    lexicon = extractor.lexicons[lang]
    left_out = 0
    for gold in load_corpus((lang,), ("train", "dev")):
        read = extractor.read_places(gold.document.text, lang)
        published = gold.document.published.date() if gold.document.published else None
        every = _with_spans(read.doc)
        asked = sentences_for_the_model(read.doc)
        assert {s.start for s in asked} <= {s.start for s in every}
        left_out += len(every) - len(asked)
        all_scores = classifier.score_sentences(every)
        some_scores = classifier.score_sentences(asked)
        for policy in (extractor.policies.get(lang, EAGER), EAGER):
            expected = sentence_events(
                read.doc, read.mentions, read.resolved, lexicon, published, all_scores, policy
            )
            got = sentence_events(
                read.doc, read.mentions, read.resolved, lexicon, published, some_scores, policy
            )
            assert got == expected, gold.document.key
    assert left_out > 0
