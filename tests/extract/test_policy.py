"""The one policy that combines rule hits with the model's sentence scores."""

from __future__ import annotations

from incidents.extract.policy import RULE_ONLY_CONFIDENCE, CombinationPolicy, Decision

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
