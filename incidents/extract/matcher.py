"""Match the rules of :mod:`incidents.extract.rules` by indexing the words they accept.

spaCy's ``Matcher`` tries every pattern at every token and runs a rule's regex on
each token it tries, so its cost grows with rules × tokens. Our rules are sequences
of word sets and wildcards, and every word set is finite, so:

1. every word a rule accepts is known when the rules load; a spaCy lexeme *flag*
   (``Vocab.add_flag``) marks those words once per vocabulary entry, and one
   ``Doc.to_array`` call tells which tokens of a text could take part in a match;
2. only at those tokens does Python look at the word: which rule positions accept
   it (memoized per word);
3. a rule is tried only where its first word stands, expanding its wildcards and
   optional tokens in every way (all matches, as spaCy's ``Matcher`` reports them).

The result is what a ``SpanRuler`` with the same patterns writes into
``doc.spans[key]`` (tests hold the two equal over the annotated corpus), at a
cost that grows with the number of rule words in the text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from incidents.bounded_memo import BoundedMemo
from incidents.extract.rules import Rule

#: Most words a matcher remembers the word sets and rules of before it starts over.
MEMO_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class _Step:
    word_set: int  # index into RuleMatcher.word_sets, -1 for a wildcard
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class _Compiled:
    label: str
    id: str
    steps: tuple[_Step, ...]
    #: The word sets of the steps that must match at least once.
    required: frozenset[int] = frozenset()


class RuleMatcher:
    """Finds every match of ``rules`` in a doc of ``vocab`` and stores them as spans."""

    def __init__(self, vocab: Vocab, rules: Iterable[Rule], spans_key: str) -> None:
        self.spans_key = spans_key
        sets: dict[tuple[str, bool], int] = {}
        whole: dict[str, set[int]] = defaultdict(set)
        starts: dict[str, set[int]] = defaultdict(set)
        self.rules: list[_Compiled] = []
        self.by_first: dict[int, list[int]] = defaultdict(list)
        for rule in rules:
            steps = []
            for token in rule.tokens:
                if token.regex is None:
                    steps.append(_Step(-1, token.low, token.high))
                    continue
                key = (token.regex, token.whole_word)
                if key not in sets:
                    sets[key] = len(sets)
                    target = whole if token.whole_word else starts
                    for word in token.words():
                        target[word].add(sets[key])
                steps.append(_Step(sets[key], token.low, token.high))
            self.by_first[steps[0].word_set].append(len(self.rules))
            required = frozenset(s.word_set for s in steps if s.word_set >= 0 and s.low)
            self.rules.append(_Compiled(rule.label, rule.id, tuple(steps), required))
        #: Each rule's label and id as string-store keys (a span takes either).
        self._names = [(vocab.strings.add(r.label), vocab.strings.add(r.id)) for r in self.rules]
        self._whole = {word: frozenset(ids) for word, ids in whole.items()}
        self._starts = {word: frozenset(ids) for word, ids in starts.items()}
        self._start_lengths = sorted({len(w) for w in self._starts}, reverse=True)
        # The first letters of every word start, to turn most words away at once.
        self._head_length = min(self._start_lengths, default=1)
        self._start_heads = frozenset(w[: self._head_length] for w in self._starts)
        self._memo: BoundedMemo[str, frozenset[int]] = BoundedMemo(MEMO_LIMIT)
        self._key_memo: BoundedMemo[int, tuple[frozenset[int], tuple[_Plan, ...]]] = BoundedMemo(
            MEMO_LIMIT
        )
        self._plans = [_plan(index, rule) for index, rule in enumerate(self.rules)]
        self.flag = vocab.add_flag(self._is_rule_word)

    def _sets_of(self, lower: str) -> frozenset[int]:
        """Which word sets accept the lower-cased word ``lower``."""
        found = self._memo.get(lower)
        if found is None:
            ids = set(self._whole.get(lower, ()))
            for n in self._start_lengths:
                if n <= len(lower):
                    ids |= self._starts.get(lower[:n], frozenset())
            found = self._memo.remember(lower, frozenset(ids))
        return found

    def _is_rule_word(self, text: str) -> bool:
        lower = text.lower()
        if lower in self._whole:
            return True
        if lower[: self._head_length] not in self._start_heads:
            return False  # no word start of a rule begins so
        return bool(self._sets_of(lower))

    def __call__(self, doc: Doc) -> Doc:
        flags, lowers = doc.to_array([self.flag, LOWER]).T.tolist()  # lists beat arrays here
        strings = doc.vocab.strings
        memo = self._key_memo
        accepts: dict[int, frozenset[int]] = {}
        starting: list[tuple[int, tuple[_Plan, ...]]] = []
        for i, flag in enumerate(flags):
            if not flag:
                continue
            word = memo.get(lowers[i])
            if word is None:
                word = self._word_of(lowers[i], strings)
            accepts[i] = word[0]
            if word[1]:
                starting.append((i, word[1]))
        size = len(doc)
        found: set[tuple[int, int, int]] = set()
        rules = self.rules
        present = frozenset().union(*accepts.values())
        for i, plans in starting:
            following = accepts.get(i + 1, ())
            for index, next_set, required in plans:
                if next_set == _ALONE:
                    found.add((i, i + 1, index))
                    continue
                if next_set >= 0 and next_set not in following:
                    continue  # the word the rule needs next is not there
                if not required <= present:
                    continue  # a word the rule needs is nowhere in the text
                for end in _ends(rules[index].steps, i + 1, accepts, size):
                    found.add((i, end, index))
        spans = {
            Span(doc, start, end, label=self._names[i][0], span_id=self._names[i][1])
            for start, end, i in found
        }
        doc.spans[self.spans_key] = sorted(spans)
        return doc

    def _word_of(
        self, lower: int, strings: StringStore
    ) -> tuple[frozenset[int], tuple[_Plan, ...]]:
        """For the lower-cased word whose string-store key is ``lower``: the word sets
        that accept it (:meth:`_sets_of`), and a plan of each rule that may start with
        it (:meth:`_plan`)."""
        sets = self._sets_of(strings[lower])
        starts = sorted(i for word_set in sets for i in self.by_first.get(word_set, ()))
        return self._key_memo.remember(lower, (sets, tuple(self._plans[i] for i in starts)))


#: A rule as the matcher first judges it where its first word stands: its index, the
#: word set its next token must be in (-1: any; ``_ALONE``: the rule is that one
#: word), and the word sets it needs somewhere.
_Plan = tuple[int, int, frozenset[int]]
_ALONE = -2


def _plan(index: int, rule: _Compiled) -> _Plan:
    if len(rule.steps) == 1:
        return index, _ALONE, rule.required
    second = rule.steps[1]
    return index, second.word_set if second.low else -1, rule.required


def _ends(
    steps: tuple[_Step, ...], at: int, accepts: dict[int, frozenset[int]], length: int
) -> list[int]:
    """Token indices where a match of ``steps[1:]`` starting at ``at`` can end (the
    first step matched the token before ``at``), expanding optional tokens and
    wildcards in every way."""
    ends: list[int] = []
    pending = [(1, at)]
    last = len(steps)
    while pending:
        k, position = pending.pop()
        if k == last:
            ends.append(position)
            continue
        step = steps[k]
        taken = 0
        while True:
            if taken >= step.low:
                pending.append((k + 1, position + taken))
            if taken == step.high or position + taken >= length:
                break
            if step.word_set >= 0 and step.word_set not in accepts.get(position + taken, ()):
                break
            taken += 1
    return ends
