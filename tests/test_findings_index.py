"""findings_for checks only the rules whose sign's first clause could hold (evaluate._triggers):
the same findings as checking every rule, on random cases over every fact the rules name."""

from __future__ import annotations

import random

import pytest

from bot.clinical import evaluate
from bot.clinical.evaluate import FactValue
from bot.clinical.rules import default_rules


def test_the_rule_index_finds_what_checking_every_rule_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = default_rules()
    names = sorted({lit.fact for rule in rules.rules for clause in rule.clauses for lit in clause}
                   | {p for parts in rules.derived.values() for p in parts} | set(rules.facts))
    rng = random.Random(7)
    cases = []
    for _ in range(3000):
        chosen = rng.sample(names, rng.randint(0, 8))
        cases.append({name: FactValue(rng.choice([True, False, None]), name) for name in chosen})
    indexed = [evaluate._findings_for(facts, rules, overrides) for facts in cases for overrides in (True, False)]
    monkeypatch.setattr(evaluate, "_triggers", lambda r: tuple((rule, None) for rule in r.rules))
    every = [evaluate._findings_for(facts, rules, overrides) for facts in cases for overrides in (True, False)]
    assert indexed == every
    assert sum(bool(f) for f in every) > 300  # many cases fire a rule: the comparison means something


def test_facts_no_rule_reads_do_not_change_the_findings_and_share_one_cache_entry() -> None:
    """findings_for keys its cache on the facts some rule reads (evaluate._read_facts): the same
    findings as reading every fact, on random cases with intake and unknown facts mixed in."""
    rules = default_rules()
    read = evaluate._read_facts(rules)
    names = sorted(read | set(rules.facts) | {"race_soon", "mileage_up", "female", "male", "age_under_16"})
    unread = [n for n in names if n not in read and not n.startswith(("loc:", "pattern:"))]
    assert {"race_soon", "mileage_up"} <= set(unread)
    rng = random.Random(11)
    for _ in range(2000):
        chosen = rng.sample(names, rng.randint(0, 8))
        facts = {name: FactValue(rng.choice([True, False, None]), name) for name in chosen}
        assert evaluate.findings_for(facts) == evaluate._findings_for(facts, rules, True)
    evaluate.findings_for({"loc:shin": FactValue(True, "shin"), "one_spot_on_bone": FactValue(True, "one spot")})
    size = len(evaluate._findings_cache)
    evaluate.findings_for({"loc:shin": FactValue(True, "shin"), "one_spot_on_bone": FactValue(True, "one spot"),
                           "race_soon": FactValue(True, "a race on sunday")})
    assert len(evaluate._findings_cache) == size  # the race is no rule's fact: the same entry
