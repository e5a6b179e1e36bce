"""How rule hits and the trained model's sentence scores combine — one policy.

For each sentence the rules propose event types (triggers that survived the cues)
and the model gives a probability per type. Then:

1. **Rule and model agree** (rule hit, p ≥ ``veto_below``): the event stands;
   confidence ``0.6 + 0.35 · p``.
2. **Model vetoes a rule hit** (p < ``veto_below``): the event is dropped. The model
   has read many sentences where a trigger word did not state an event ("the
   explosion of prices", a defused bomb) and can overrule a bare keyword.
3. **Model alone** (no rule hit, p ≥ ``add_at_least``): the event is added, unless a
   sentence-level cue (denial, background, statistics, claim) or a question blocks
   the sentence; confidence ``0.5 · p``. This reaches phrasings no rule lists.
4. **No model** for the language: rule hits stand with confidence 0.8.

Thresholds are chosen per language on the dev split (never on test) when the models
are trained, by a grid search (:mod:`incidents.extract.training.tune`), and shipped
beside the models in ``policy.json``.

The model is asked only about sentences where the rules found something (a trigger,
a casualty word, a cue): on dev, a sentence without any gave it nothing it used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from incidents.errors import ExtractionError

RULE_ONLY_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class Decision:
    type: str
    source: str  # "rules+model", "rules" or "model"
    score: float


@dataclass(frozen=True, slots=True)
class CombinationPolicy:
    veto_below: float = 0.0
    add_at_least: float = 0.9

    @property
    def uses_model(self) -> bool:
        """Whether the model can change anything (no veto and never adding: it cannot)."""
        return self.veto_below > 0.0 or self.add_at_least <= 1.0

    def decide(
        self,
        rule_types: Iterable[str],
        probabilities: Mapping[str, float] | None,
        model_may_add: bool,
    ) -> list[Decision]:
        """The event types a sentence states, with where each came from and a score."""
        rules = list(dict.fromkeys(rule_types))
        if probabilities is None:
            return [Decision(t, "rules", RULE_ONLY_CONFIDENCE) for t in rules]
        decisions = [
            Decision(t, "rules+model", round(0.6 + 0.35 * probabilities.get(t, 0.0), 3))
            for t in rules
            if probabilities.get(t, 0.0) >= self.veto_below
        ]
        if model_may_add:
            decisions += [
                Decision(t, "model", round(0.5 * p, 3))
                for t, p in sorted(probabilities.items())
                if p >= self.add_at_least and t not in rules
            ]
        return decisions


POLICY_FILE = "policy.json"


def load_policies(folder: Path) -> dict[str, CombinationPolicy]:
    """The policies chosen when the models in ``folder`` were trained (``policy.json``,
    written by ``incidents train``); languages it does not list use the default."""
    path = folder / POLICY_FILE
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {
            lang: CombinationPolicy(float(p["veto_below"]), float(p["add_at_least"]))
            for lang, p in raw["policies"].items()
        }
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ExtractionError(f"{path}: bad policy file ({exc})") from exc


def save_policies(
    folder: Path, chosen: Mapping[str, tuple[CombinationPolicy, float | None]]
) -> None:
    """Record the policy chosen per language, with the dev F1 that chose it."""
    payload = {
        "chosen_on": "dev split, best event F1 (incidents.extract.training.tune)",
        "policies": {
            lang: {
                "veto_below": p.veto_below,
                "add_at_least": p.add_at_least,
                "dev_f1": None if f1 is None else round(f1, 4),
            }
            for lang, (p, f1) in sorted(chosen.items())
        },
    }
    (folder / POLICY_FILE).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
