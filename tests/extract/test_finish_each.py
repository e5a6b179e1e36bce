"""finish_each: one document that fails in a batch gives its error in its place and the
others are still finished (the nightly job and ``incidents extract --jsonl`` rely on it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from incidents.domain import Document, DocumentKind
from incidents.errors import ExtractionError
from incidents.extract.extractor import ExtractionResult, Extractor, Prepared, finish_each

pytestmark = pytest.mark.slow


@dataclass
class FailsOn:
    """The real extractor, except that finishing a batch holding ``key`` fails."""

    real: Extractor
    key: str
    error: type[Exception] = ExtractionError

    def finish(self, prepared: Sequence[Prepared]) -> list[ExtractionResult]:
        if any(p.document.key == self.key for p in prepared):
            raise self.error(f"{self.key}: broken")
        return self.real.finish(prepared)


def _prepared(extractor: Extractor) -> list[Prepared]:
    texts = ["A car bomb exploded in Mosul.", "Gunmen kidnapped two men in Kirkuk.", "Calm day."]
    return [
        extractor.prepare(Document(f"d{i}", DocumentKind.ARTICLE, text, "test", lang="en"))
        for i, text in enumerate(texts)
    ]


def test_the_others_are_finished_as_alone(extractor: Extractor) -> None:
    prepared = _prepared(extractor)
    results = finish_each(FailsOn(extractor, "d1"), prepared)  # type: ignore[arg-type]
    assert isinstance(results[1], ExtractionError) and "d1: broken" in str(results[1])
    assert results[0] == extractor.finish([prepared[0]])[0]
    assert results[2] == extractor.finish([prepared[2]])[0]
    assert [e.type.value for e in results[0].events] == ["explosion"]  # type: ignore[union-attr]


def test_an_error_not_caught_goes_up(extractor: Extractor) -> None:
    failing = FailsOn(extractor, "d0", error=KeyError)
    with pytest.raises(KeyError):
        finish_each(failing, _prepared(extractor), ExtractionError)  # type: ignore[arg-type]
