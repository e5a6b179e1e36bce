"""The one policy that combines rule hits with the model's sentence scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidents.errors import ExtractionError
from incidents.extract.classifier import models_dir
from incidents.extract.policy import (
    RULE_ONLY_CONFIDENCE,
    CombinationPolicy,
    Decision,
    load_policies,
    save_policies,
)

POLICY = CombinationPolicy(veto_below=0.05, add_at_least=0.9)


def test_without_a_model_rule_hits_stand() -> None:
    assert POLICY.decide(["explosion"], None, model_may_add=True) == [
        Decision("explosion", "rules", RULE_ONLY_CONFIDENCE)
    ]


def test_agreement_raises_confidence_with_the_probability() -> None:
    (low,) = POLICY.decide(["explosion"], {"explosion": 0.2}, model_may_add=True)
    (high,) = POLICY.decide(["explosion"], {"explosion": 0.95}, model_may_add=True)
    assert low.source == high.source == "rules+model"
    assert low.score < high.score <= 0.95


def test_the_model_vetoes_a_bare_keyword() -> None:
    assert POLICY.decide(["explosion"], {"explosion": 0.01}, model_may_add=True) == []


def test_the_model_adds_what_no_rule_found_only_when_sure_and_allowed() -> None:
    probabilities = {"airstrike": 0.97, "shelling": 0.6}
    (added,) = POLICY.decide([], probabilities, model_may_add=True)
    assert (added.type, added.source) == ("airstrike", "model")
    assert added.score < RULE_ONLY_CONFIDENCE
    assert POLICY.decide([], probabilities, model_may_add=False) == []


def test_each_type_once() -> None:
    decisions = POLICY.decide(["road_closure", "road_closure"], {"road_closure": 0.9}, True)
    assert [d.type for d in decisions] == ["road_closure"]


def test_a_policy_that_neither_vetoes_nor_adds_does_not_need_the_model() -> None:
    assert not CombinationPolicy(veto_below=0.0, add_at_least=1.01).uses_model
    assert CombinationPolicy(veto_below=0.0, add_at_least=0.8).uses_model
    assert CombinationPolicy(veto_below=0.01, add_at_least=1.01).uses_model


def test_policies_round_trip_through_their_file(tmp_path: Path) -> None:
    chosen = {
        "fa": (CombinationPolicy(0.0, 0.95), 0.968),
        "ar": (CombinationPolicy(0.02, 1.01), None),
    }
    save_policies(tmp_path, chosen)
    assert load_policies(tmp_path) == {lang: policy for lang, (policy, _) in chosen.items()}


def test_no_policy_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_policies(tmp_path) == {}


def test_a_bad_policy_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "policy.json").write_text('{"policies": {"fa": {"veto_below": 0}}}')
    with pytest.raises(ExtractionError, match=r"policy\.json: bad policy file"):
        load_policies(tmp_path)


def test_the_shipped_policies_were_chosen_on_dev() -> None:
    shipped = json.loads((models_dir() / "policy.json").read_text(encoding="utf-8"))
    assert set(shipped["policies"]) == {"fa", "ar", "en"}
    assert "dev" in shipped["chosen_on"]
    assert load_policies(models_dir())["fa"] == CombinationPolicy(
        shipped["policies"]["fa"]["veto_below"], shipped["policies"]["fa"]["add_at_least"]
    )
