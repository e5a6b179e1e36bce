"""Build the spaCy pipeline that finds event triggers, casualty words and cues.

One blank pipeline per language (no downloaded model): the tokenizer, a component
that starts a sentence after every line break (headlines and comment lines carry no
full stop), spaCy's sentencizer, and the rule matcher
(:class:`incidents.extract.matcher.RuleMatcher`), whose hits go to
``doc.spans["incidents"]`` so rule and model hits can overlap and be merged later.
The pipeline always runs on *folded* text (see :mod:`incidents.normalize.folding`).
"""

from __future__ import annotations

import numpy as np
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from incidents.extract.matcher import RuleMatcher
from incidents.extract.rules import load_rules

SPANS_KEY = "incidents"

# Split sentence-final marks glued to a Persian / Arabic word ("مسدود!.").
_EXTRA_SUFFIXES = [r"(?<=[\u0600-\u06FF!?؟.])[.!?؟]"]


@Language.component("incidents_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after any token holding a line break.

    Line breaks are whitespace tokens of their own, so only those are looked at.
    """
    for i in np.flatnonzero(doc.to_array(IS_SPACE)[:-1]):
        if "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
    return doc


@Language.factory("incidents_rules", default_config={"spans_key": SPANS_KEY})
def make_rule_matcher(nlp: Language, name: str, spans_key: str) -> RuleMatcher:
    """The rules of ``patterns/{nlp.lang}.jsonl`` as a pipeline component."""
    return RuleMatcher(nlp.vocab, load_rules(str(nlp.lang)), spans_key)


def build_nlp(lang: str) -> Language:
    """Return a ready pipeline for ``lang`` ("fa", "ar" or "en")."""
    nlp = spacy.blank(lang)
    suffixes = list(nlp.Defaults.suffixes or []) + _EXTRA_SUFFIXES
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("incidents_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("incidents_rules", name="incident_rules")
    return nlp
