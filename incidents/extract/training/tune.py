"""Choose the combination policy per language on the dev split: ``incidents tune``.

A grid over ``veto_below`` and ``add_at_least`` (see :mod:`incidents.extract.policy`);
for each language the policy with the best dev event F1 wins, ties going to the one
that leaves the rules alone the most (no veto, the highest adding threshold). The test
split is never used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from incidents.evaluate import evaluate_gold
from incidents.extract.extractor import Extractor
from incidents.extract.policy import CombinationPolicy
from incidents.extract.training.corpus import load_corpus

VETO_GRID = (0.0, 0.01, 0.02, 0.05, 0.1)
#: Above 1 never adds.
ADD_GRID = (1.01, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5)


def tune_policies(
    extractor: Extractor,
    languages: tuple[str, ...],
    log: Callable[[str], None] = print,
) -> dict[str, tuple[CombinationPolicy, float]]:
    """The best dev policy per language, with its dev event F1."""
    chosen: dict[str, tuple[CombinationPolicy, float]] = {}
    for lang in languages:
        documents = load_corpus((lang,), ("dev",))
        best: tuple[CombinationPolicy, float] | None = None
        for veto in VETO_GRID:
            for add in ADD_GRID:
                policy = CombinationPolicy(veto_below=veto, add_at_least=add)
                trial = replace(extractor, policies={**extractor.policies, lang: policy})
                f1 = evaluate_gold(trial, documents).overall.f1
                log(f"  {lang} veto {veto:<4} add {add:<4} dev F1 {f1:.3f}")
                if best is None or f1 > best[1] + 1e-9:
                    best = (policy, f1)
        assert best is not None
        chosen[lang] = best
        log(
            f"{lang}: veto_below={best[0].veto_below}, add_at_least={best[0].add_at_least} "
            f"(dev F1 {best[1]:.3f})"
        )
    return chosen
