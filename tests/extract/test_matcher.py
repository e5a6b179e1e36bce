"""The indexed rule matcher: same spans as spaCy's SpanRuler, and clear errors for bad rules."""

from __future__ import annotations

import json
import re

import pytest
import spacy
from spacy.tokens import Doc

from incidents.errors import ExtractionError
from incidents.extract.matcher import RuleMatcher
from incidents.extract.nlp import SPANS_KEY, build_nlp
from incidents.extract.rules import Rule, load_rules, parse_rules, spacy_patterns
from incidents.extract.training.corpus import LANGUAGES, load_corpus
from incidents.normalize.folding import fold


def _rules(*patterns: list[object], lang: str = "en") -> list[Rule]:
    lines = [
        json.dumps({"label": "L", "id": f"r{i}", "pattern": p}) for i, p in enumerate(patterns)
    ]
    return parse_rules("\n".join(lines), "test.jsonl", lang)


def _spans(doc: Doc, key: str) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


def _both(rules: list[Rule], text: str, lang: str = "en") -> tuple[list[object], list[object]]:
    """Spans of ``text`` by our matcher and by a SpanRuler with the same rules."""
    ours = spacy.blank(lang)
    matcher = RuleMatcher(ours.vocab, rules, "x")
    reference = spacy.blank(lang)
    ruler = reference.add_pipe("span_ruler", config={"spans_key": "x"})
    ruler.add_patterns(spacy_patterns(rules))  # type: ignore[attr-defined]
    return _spans(matcher(ours.make_doc(text)), "x"), _spans(reference(text), "x")


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (["^(road|roads)$", {"OP": "{0,3}"}, "^(closed|shut)$"], "the road was closed and shut"),
        (["^(bomb)$", {"RE": "^(car)$", "OP": "?"}], "bomb car bomb"),
        (["^(explo)"], "explosions and exploded but not an implosion"),
        (["^(a)$", {"OP": "?"}, {"OP": "{0,2}"}, "^(b)$"], "a b x b y z b"),
        (["^(a)$", {"RE": "^(b)$", "OP": "{0,2}"}, {"OP": "?"}], "a b b b"),
        (["^(killed)$", {"OP": "{0,2}"}], "two killed"),
    ],
)
def test_same_spans_as_spacy_span_ruler(pattern: list[object], text: str) -> None:
    ours, expected = _both(_rules(pattern), text)
    assert expected, "the case must match something"
    assert ours == expected


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_spans_as_spacy_span_ruler_over_the_annotated_corpus(lang: str) -> None:
    ours = build_nlp(lang)
    reference = spacy.blank(lang)
    reference.tokenizer = ours.tokenizer
    ruler = reference.add_pipe("span_ruler", config={"spans_key": "x"})
    ruler.add_patterns(spacy_patterns(load_rules(lang)))  # type: ignore[attr-defined]
    texts = [fold(g.document.text) for g in load_corpus((lang,))]
    differing = [t for t in texts if _spans(ours(t), SPANS_KEY) != _spans(reference(t), "x")]
    assert len(texts) > 300
    assert differing == []


def test_case_is_ignored_as_spacy_lower_does() -> None:
    ours, expected = _both(_rules(["^(kabul)$", "^(blast)$"]), "A Kabul BLAST")
    assert ours == expected == [(1, 3, "L", "r0")]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (["^(boom)+$"], "test.jsonl:1: regex '^(boom)+$' must accept a finite"),
        (["boom"], "test.jsonl:1: regex 'boom' must start with '^'"),
        ([{"OP": "?"}, "^(boom)$"], "test.jsonl:1: a rule must start with one word regex"),
        (["^(boom)$", {"OP": "*"}], "test.jsonl:1: OP must be"),
        (["^(boom)$", {"LOWER": "x"}], "test.jsonl:1: a pattern token is"),
        (["^(boom$"], "test.jsonl:1: bad regex"),
        (["^(boom)$", "^(off)?$"], "test.jsonl:1: regex '^(off)?$' matches the empty string"),
    ],
)
def test_bad_rules_are_refused_with_file_and_line(pattern: list[object], message: str) -> None:
    with pytest.raises(ExtractionError, match=re.escape(message)):
        _rules(pattern)


def test_a_bad_line_is_named() -> None:
    with pytest.raises(ExtractionError, match=r"rules.jsonl:2: bad rule"):
        parse_rules('{"label": "L", "id": "a", "pattern": ["^(a)$"]}\n{x', "rules.jsonl", "en")
