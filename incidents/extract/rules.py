"""Load the rule files ``patterns/{lang}.jsonl``.

Each line is ``{"label", "id", "pattern"}``; a pattern is a list of tokens:

- a string is a regular expression on the token's lower-cased text, anchored at the
  start with ``^``: ``^(...)$`` accepts whole words, ``^(...)`` words that start so;
- ``{"RE": regex, "OP": op}`` is the same with a quantifier (``?``, ``{n}``, ``{0,n}``);
- ``{"OP": op}`` is a wildcard: that many tokens of any kind.

A regex must describe a *finite* set of words (literals, groups, alternatives,
optional parts, character classes; no unbounded ``+`` or ``*``): the matcher
(:mod:`incidents.extract.matcher`) indexes every word a rule accepts instead of
running every regex on every token, which is what makes extraction fast.

Every regex is folded (:func:`incidents.normalize.fold`) when loaded, because the
pipeline runs on folded text: rule authors write natural Persian and Arabic (آ، أ،
ي، ة) and the rule matches every spelling the folding merges.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import exrex

from incidents.errors import ExtractionError
from incidents.normalize.folding import fold

PATTERN_PACKAGE = "incidents.extract.patterns"

#: Arabic nouns and verbal nouns take an accusative alif or a pronoun suffix
#: (اشتباكاً، اعتقاله، وحداتها): a whole-word Arabic rule also accepts them.
_ARABIC_ENDINGS = "(ا|ه|ها|هم|هما)?"

_QUANTIFIER = re.compile(r"^(?:\?|\{(\d+)\}|\{(\d+),(\d+)\})$")

#: Beyond this many words a token regex is refused: it is almost surely a mistake.
MAX_WORDS_PER_TOKEN = 200_000


@dataclass(frozen=True, slots=True)
class RuleToken:
    """One position of a rule: words it accepts (None: any token), ``low``..``high`` times."""

    regex: str | None
    whole_word: bool
    low: int = 1
    high: int = 1

    def words(self) -> frozenset[str]:
        """Every word (or word start, when not ``whole_word``) the regex accepts."""
        if self.regex is None:
            return frozenset()
        return frozenset(exrex.generate(self.regex))


@dataclass(frozen=True, slots=True)
class Rule:
    label: str
    id: str
    tokens: tuple[RuleToken, ...]


def _regex(pattern: str, lang: str) -> str:
    folded = fold(pattern)
    if lang == "ar" and folded.endswith(")$") and not folded.endswith(_ARABIC_ENDINGS + "$"):
        folded = folded[:-1] + _ARABIC_ENDINGS + "$"
    if lang == "ar":  # "للضرب": the preposition ل swallows the alif of ال
        folded = folded.replace("(ب|ل)?(ال)?", "(ب|ل)?(ال|ل)?")
    return folded


def _quantity(op: Any, where: str) -> tuple[int, int]:
    match = _QUANTIFIER.match(op) if isinstance(op, str) else None
    if match is None:
        raise ExtractionError(f"{where}: OP must be '?', '{{n}}' or '{{n,m}}', not {op!r}")
    if op == "?":
        return 0, 1
    if match.group(1) is not None:
        return int(match.group(1)), int(match.group(1))
    low, high = int(match.group(2)), int(match.group(3))
    if low > high:
        raise ExtractionError(f"{where}: OP {op!r} has its bounds reversed")
    return low, high


def _token(token: Any, where: str, lang: str) -> RuleToken:
    if isinstance(token, str):
        token = {"RE": token}
    if not isinstance(token, dict) or not set(token) <= {"RE", "OP"} or not token:
        raise ExtractionError(
            f"{where}: a pattern token is a regex string, {{'RE', 'OP'}} or {{'OP'}}"
        )
    low, high = _quantity(token["OP"], where) if "OP" in token else (1, 1)
    if "RE" not in token:
        return RuleToken(None, True, low, high)
    source = token["RE"]
    if not isinstance(source, str) or not source.startswith("^"):
        raise ExtractionError(f"{where}: regex {source!r} must start with '^'")
    regex = _regex(source, lang)
    try:
        compiled = re.compile(regex)
    except re.error as exc:
        raise ExtractionError(f"{where}: bad regex {source!r} ({exc})") from exc
    if compiled.fullmatch(""):
        raise ExtractionError(
            f"{where}: regex {source!r} matches the empty string, which no word is; "
            'to make a word optional, give it "OP": "?"'
        )
    # exrex expands repeats up to ``limit``: a count that grows with it is unbounded.
    count = exrex.count(regex, limit=4)
    if count != exrex.count(regex, limit=8) or count > MAX_WORDS_PER_TOKEN:
        raise ExtractionError(f"{where}: regex {source!r} must accept a finite, small set of words")
    whole = regex.endswith("$") and not regex.endswith("\\$")
    return RuleToken(regex, whole, low, high)


def load_rules(lang: str) -> list[Rule]:
    """The shipped rules of ``lang``, folded and checked; errors name the file and line."""
    resource = resources.files(PATTERN_PACKAGE).joinpath(f"{lang}.jsonl")
    if not resource.is_file():
        raise ExtractionError(f"no rule file for language {lang!r} ({resource})")
    return parse_rules(resource.read_text(encoding="utf-8"), resource.name, lang)


def parse_rules(text: str, source: str, lang: str) -> list[Rule]:
    """Rules from the JSON Lines ``text`` of the file named ``source``."""
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            raw = json.loads(line)
            tokens = tuple(_token(t, where, lang) for t in raw["pattern"])
            label, rule_id = raw["label"], raw["id"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ExtractionError(f"{where}: bad rule ({exc})") from exc
        if not tokens or tokens[0].regex is None or tokens[0].low != 1 or tokens[0].high != 1:
            raise ExtractionError(f"{where}: a rule must start with one word regex")
        rules.append(Rule(str(label), str(rule_id), tokens))
    return rules


def spacy_patterns(rules: list[Rule]) -> list[dict[str, Any]]:
    """The same rules as spaCy ``SpanRuler`` patterns (the matcher is tested against it)."""

    def token(t: RuleToken) -> dict[str, Any]:
        spec: dict[str, Any] = {} if t.regex is None else {"LOWER": {"REGEX": t.regex}}
        if (t.low, t.high) != (1, 1):
            spec["OP"] = "?" if (t.low, t.high) == (0, 1) else f"{{{t.low},{t.high}}}"
        return spec

    return [{"label": r.label, "id": r.id, "pattern": [token(t) for t in r.tokens]} for r in rules]
