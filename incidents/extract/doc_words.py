"""The words of a processed doc as plain strings, read once per doc.

Reading ``token.lower_`` builds a ``Token`` for every word each time a sentence is
looked at; the readers of figures, clauses and tolls look at the same sentences
several times. One ``Doc.to_array`` call and one string lookup per word give lists
that every reader of the doc slices instead (kept in ``doc.user_data``).
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

_LOWERS = "incidents.lowers"
_TEXTS = "incidents.texts"


def lowers(doc: Doc) -> list[str]:
    """The lower-cased text of each token of ``doc`` (``token.lower_``)."""
    return _strings(doc, _LOWERS, LOWER)


def texts(doc: Doc) -> list[str]:
    """The text of each token of ``doc`` (``token.text``)."""
    return _strings(doc, _TEXTS, ORTH)


def _strings(doc: Doc, key: str, attr: int) -> list[str]:
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[k] for k in doc.to_array(attr).tolist()]
    return found  # type: ignore[no-any-return]
