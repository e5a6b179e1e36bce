"""The extractor against the bundled gold corpus (incidents/samples/expected.json).

The corpus was written alongside the rules, so these figures guard against
regressions; they are not a measure of accuracy on unseen news.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents.evaluate import evaluate_samples
from incidents.extract.extractor import Extractor

pytestmark = pytest.mark.slow


def test_sample_corpus_scores(extractor: Extractor, corpus: Path) -> None:
    result = evaluate_samples(extractor, corpus).as_dict()
    for lang in ("fa", "ar", "en"):
        assert result["by_lang"][lang]["f1"] >= 0.85, (lang, result["by_lang"][lang])
    for kind in ("explosion", "road_closure", "security_deployment"):
        assert result["by_type"][kind]["f1"] >= 0.85, (kind, result["by_type"][kind])
    assert result["killed_exact"] >= 0.9
    assert result["injured_exact"] >= 0.9
    assert result["negatives_without_event"] >= 0.95
