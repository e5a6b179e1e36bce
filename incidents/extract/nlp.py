"""Build the spaCy pipeline that finds event triggers, casualty words and cues.

One blank pipeline per language (no downloaded model): the tokenizer, a component
that starts a sentence after every line break (headlines and comment lines carry no
full stop), spaCy's sentencizer, and a SpanRuler whose hits go to
``doc.spans["incidents"]`` so rule and model hits can overlap and be merged later.
The pipeline always runs on *folded* text (see :mod:`incidents.normalize.folding`).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from incidents.extract.rules import load_patterns

SPANS_KEY = "incidents"

# Split sentence-final marks glued to a Persian / Arabic word ("مسدود!.").
_EXTRA_SUFFIXES = [r"(?<=[\u0600-\u06FF!?؟.])[.!?؟]"]


@Language.component("incidents_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a new sentence after any token holding a line break."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def build_nlp(lang: str) -> Language:
    """Return a ready pipeline for ``lang`` ("fa", "ar" or "en")."""
    nlp = spacy.blank(lang)
    suffixes = list(nlp.Defaults.suffixes or []) + _EXTRA_SUFFIXES
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("incidents_line_breaks")
    nlp.add_pipe("sentencizer")
    ruler: SpanRuler = nlp.add_pipe(  # type: ignore[assignment]
        "span_ruler",
        name="incident_rules",
        config={"spans_key": SPANS_KEY, "validate": True, "overwrite": False},
    )
    ruler.add_patterns(load_patterns(lang))
    return nlp
