"""Build the spaCy pipeline that finds event triggers, casualty words and cues.

One blank pipeline per language (no downloaded model): the tokenizer, a sentence
splitter (spaCy's sentencizer rule, and a new sentence after every line break:
headlines and comment lines carry no full stop), and the rule matcher
(:class:`incidents.extract.matcher.RuleMatcher`), whose hits go to
``doc.spans["incidents"]`` so rule and model hits can overlap and be merged later.
The pipeline always runs on *folded* text (see :mod:`incidents.normalize.folding`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import numpy as np
import spacy
from spacy.attrs import (
    IS_ASCII,
    IS_BRACKET,
    IS_CURRENCY,
    IS_LEFT_PUNCT,
    IS_LOWER,
    IS_PUNCT,
    IS_QUOTE,
    IS_RIGHT_PUNCT,
    IS_STOP,
    LANG,
    LIKE_EMAIL,
    LIKE_URL,
    NORM,
    PREFIX,
    SENT_START,
    SHAPE,
    SUFFIX,
)
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex
from spacy.vocab import Vocab
from thinc.types import Ints2d

from incidents.extract.matcher import RuleMatcher
from incidents.extract.rules import load_rules

SPANS_KEY = "incidents"

# Split sentence-final marks glued to a Persian / Arabic word ("مسدود!.") or to a
# number ("عام 2017."): the sentence ends there.
_EXTRA_SUFFIXES = [r"(?<=[\u0600-\u06FF!?؟.])[.!?؟]", r"(?<=[0-9])[.!?؟]"]
# A sentence-final mark between two Persian / Arabic words with no space after it
# ("إصابات.وقال", as scrapers leave it): the sentence ends there.
_EXTRA_INFIXES = [r"(?<=[\u0600-\u06FF])[.!?؟](?=[\u0600-\u06FF])"]


_WORD_DOT_WORD = re.compile(_EXTRA_INFIXES[0])


def _not_between_words(url_match: Callable[[str], Any]) -> Callable[[str], Any]:
    """spaCy's URL matcher, except for Persian / Arabic words joined by a full stop,
    which it takes for a host name ("الیوم.واصیب")."""

    def match(text: str) -> Any:
        return None if _WORD_DOT_WORD.search(text) else url_match(text)

    return match


class SentenceSplitter:
    """spaCy's sentencizer rule, plus a new sentence after every line break.

    A sentence starts at the first token that is neither punctuation nor a
    sentence-final mark after one or more sentence-final marks (what spaCy's
    ``Sentencizer`` does), and after any token holding a line break (headlines and
    comment lines carry no full stop). Lexeme flags mark the two kinds of word once
    per vocabulary entry; one ``Doc.to_array`` reads them, one pass over the rows
    finds the starts (news documents are short: a loop over plain lists beats array
    arithmetic on them), and one ``Doc.from_array`` writes them.
    """

    def __init__(self, vocab: Vocab) -> None:
        final_marks = frozenset(Sentencizer.default_punct_chars)
        self.final_mark = vocab.add_flag(lambda word: word in final_marks)
        self.line_break = vocab.add_flag(lambda word: "\n" in word)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([self.final_mark, IS_PUNCT, self.line_break]).tolist()
        starts = [-1] * len(rows)
        starts[0] = 1
        mark_seen = after_break = False
        for i, (final, punct, line_break) in enumerate(rows):
            if final:
                mark_seen = True
            elif not punct:
                if mark_seen:
                    starts[i] = 1  # a word after a sentence-final mark
                mark_seen = False
            if after_break:
                starts[i] = 1
            after_break = bool(line_break)
        values = np.array(starts, dtype=np.int64).astype(np.uint64).reshape(-1, 1)
        doc.from_array([SENT_START], cast(Ints2d, values))
        return doc


@Language.factory("incidents_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp.vocab)


@Language.factory("incidents_rules", default_config={"spans_key": SPANS_KEY})
def make_rule_matcher(nlp: Language, name: str, spans_key: str) -> RuleMatcher:
    """The rules of ``patterns/{nlp.lang}.jsonl`` as a pipeline component."""
    return RuleMatcher(nlp.vocab, load_rules(str(nlp.lang)), spans_key)


#: spaCy attributes of a word that the extractor never reads. It reads LOWER (the
#: rules), IS_PUNCT (the sentence splitter), IS_SPACE, LIKE_NUM, IS_TITLE and IS_UPPER
#: (the place finder), IS_ALPHA and IS_DIGIT (the figure and year readers), and
#: lexeme flags of its own.
UNREAD_ATTRS = frozenset(
    {
        IS_ASCII,
        IS_LOWER,
        LIKE_URL,
        LIKE_EMAIL,
        IS_STOP,
        IS_BRACKET,
        IS_QUOTE,
        IS_LEFT_PUNCT,
        IS_RIGHT_PUNCT,
        IS_CURRENCY,
        NORM,
        SHAPE,
        PREFIX,
        SUFFIX,
        LANG,
    }
)


def drop_unread_attrs(vocab: Vocab) -> None:
    """Stop computing, for each new word, the spaCy attributes no one reads.

    spaCy calls a Python function per attribute of its language for every word it
    has not seen (its shape, norm, prefix, suffix, whether it looks like a URL or an
    e-mail, is a stop word, a bracket, a quote, a currency sign...). Unseen words are
    what a night's news is made of, and those calls cost more than tokenizing them.
    Call this once every lexeme flag is added (``Vocab.add_flag`` takes the lowest
    free id, which would otherwise be one of spaCy's): the attributes dropped read as
    unset on the words seen after.
    """
    getters = vocab.lex_attr_getters  # type: ignore[attr-defined]
    for attr in UNREAD_ATTRS & set(getters):
        del getters[attr]


def build_nlp(lang: str) -> Language:
    """Return a ready pipeline for ``lang`` ("fa", "ar" or "en")."""
    nlp = spacy.blank(lang)
    suffixes = list(nlp.Defaults.suffixes or []) + _EXTRA_SUFFIXES
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = list(nlp.Defaults.infixes or []) + _EXTRA_INFIXES
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if tokenizer.url_match is not None:
        tokenizer.url_match = _not_between_words(tokenizer.url_match)
    nlp.add_pipe("incidents_sentences")
    nlp.add_pipe("incidents_rules", name="incident_rules")
    return nlp
