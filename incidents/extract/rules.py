"""Load the rule files ``patterns/{lang}.jsonl`` into spaCy SpanRuler patterns.

Each line is ``{"label", "id", "pattern"}``. Pattern tokens may be written short:

- a string is a regular expression on the token's lower-cased text;
- ``{"RE": regex, "OP": op}`` is the same with a quantifier;
- any other dict is a spaCy token pattern, used as is.

Every regex is folded (:func:`incidents.normalize.fold`) when loaded, because the
pipeline runs on folded text: rule authors write natural Persian and Arabic (آ، أ،
ي، ة) and the rule matches every spelling the folding merges.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from incidents.errors import ExtractionError
from incidents.normalize.folding import fold

PATTERN_PACKAGE = "incidents.extract.patterns"


#: Arabic nouns and verbal nouns take an accusative alif or a pronoun suffix
#: (اشتباكاً، اعتقاله، وحداتها): a whole-word Arabic rule also accepts them.
_ARABIC_ENDINGS = "(ا|ه|ها|هم|هما)?"


def _regex(pattern: str, lang: str) -> str:
    folded = fold(pattern)
    if lang == "ar" and folded.endswith(")$") and not folded.endswith(_ARABIC_ENDINGS + "$"):
        folded = folded[:-1] + _ARABIC_ENDINGS + "$"
    if lang == "ar":  # "للضرب": the preposition ل swallows the alif of ال
        folded = folded.replace("(ب|ل)?(ال)?", "(ب|ل)?(ال|ل)?")
    return folded


def _expand_token(token: Any, where: str, lang: str) -> dict[str, Any]:
    if isinstance(token, str):
        return {"LOWER": {"REGEX": _regex(token, lang)}}
    if not isinstance(token, dict):
        raise ExtractionError(f"{where}: a pattern token must be a string or an object")
    if "RE" in token:
        expanded: dict[str, Any] = {"LOWER": {"REGEX": _regex(token["RE"], lang)}}
        if "OP" in token:
            expanded["OP"] = token["OP"]
        return expanded
    return token


def load_patterns(lang: str) -> list[dict[str, Any]]:
    """Return the SpanRuler patterns for ``lang``, folded and expanded."""
    resource = resources.files(PATTERN_PACKAGE).joinpath(f"{lang}.jsonl")
    if not resource.is_file():
        raise ExtractionError(f"no rule file for language {lang!r} ({resource})")
    patterns = []
    for number, line in enumerate(resource.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{resource.name}:{number}"
        try:
            rule = json.loads(line)
            tokens = [_expand_token(t, where, lang) for t in rule["pattern"]]
            patterns.append({"label": rule["label"], "id": rule["id"], "pattern": tokens})
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ExtractionError(f"{where}: bad rule ({exc})") from exc
    return patterns
