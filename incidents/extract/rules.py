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


def _expand_token(token: Any, where: str) -> dict[str, Any]:
    if isinstance(token, str):
        return {"LOWER": {"REGEX": fold(token)}}
    if not isinstance(token, dict):
        raise ExtractionError(f"{where}: a pattern token must be a string or an object")
    if "RE" in token:
        expanded: dict[str, Any] = {"LOWER": {"REGEX": fold(token["RE"])}}
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
            tokens = [_expand_token(t, where) for t in rule["pattern"]]
            patterns.append({"label": rule["label"], "id": rule["id"], "pattern": tokens})
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ExtractionError(f"{where}: bad rule ({exc})") from exc
    return patterns
