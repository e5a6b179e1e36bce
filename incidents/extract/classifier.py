"""The trained sentence classifier: which event types a sentence states.

One spaCy ``textcat_multilabel`` pipeline per language, trained by
``incidents train`` (see :mod:`incidents.extract.training.train`) and shipped in
``extract/models/{lang}``. It reads folded text, like the rules, and scores each
sentence for each of the eleven event types.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from incidents.errors import ExtractionError

COMPONENT = "textcat_multilabel"


def models_dir() -> Path:
    return Path(str(resources.files("incidents.extract").joinpath("models")))


@dataclass
class SentenceClassifier:
    """Scores sentences of a processed document with a trained textcat pipeline."""

    nlp: Language

    @classmethod
    def load(cls, lang: str, folder: Path | None = None) -> SentenceClassifier | None:
        """The shipped model for ``lang``, or None when none has been trained."""
        path = (folder or models_dir()) / lang
        if not (path / "config.cfg").is_file():
            return None
        try:
            return cls(spacy.load(path))
        except (OSError, ValueError) as exc:
            raise ExtractionError(f"cannot load the {lang} model at {path}: {exc}") from exc

    def score(self, sentences: Sequence[Span]) -> list[dict[str, float]]:
        """Type probabilities of each sentence (of one document or of many), in order."""
        component = self.nlp.get_pipe(COMPONENT)
        docs: list[Doc] = [self.nlp.make_doc(s.text) for s in sentences]
        scored = component.pipe(docs, batch_size=256)  # type: ignore[attr-defined]
        return [dict(d.cats) for d in scored]

    def score_sentences(self, sentences: list[Span]) -> dict[int, dict[str, float]]:
        """Type probabilities per sentence of one document, keyed by its first token."""
        return {s.start: p for s, p in zip(sentences, self.score(sentences), strict=True)}
