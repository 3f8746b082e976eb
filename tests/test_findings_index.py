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


def test_the_question_index_finds_what_checking_every_rule_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """open_questions reads only the rules one of whose questions' `when` facts is known
    (evaluate._ask_triggers): the same questions, in the same order, as reading every rule."""
    rules = default_rules()
    names = sorted({lit.fact for rule in rules.rules for clause in rule.clauses for lit in clause}
                   | {lit.fact for rule in rules.rules for a in rule.ask for clause in a.when for lit in clause}
                   | {p for parts in rules.derived.values() for p in parts} | set(rules.facts))
    questions = sorted(rules.questions)
    rng = random.Random(13)
    cases = []
    for _ in range(3000):
        chosen = rng.sample(names, rng.randint(0, 8))
        facts = {name: FactValue(rng.choice([True, True, False, None]), name) for name in chosen}
        cases.append((facts, frozenset(rng.sample(questions, rng.randint(0, 3)))))
    indexed = [evaluate._open_questions(facts, asked, rules, None) for facts, asked in cases]
    monkeypatch.setattr(evaluate, "_ask_triggers", lambda r: {rule.id: None for rule in r.rules})
    every = [evaluate._open_questions(facts, asked, rules, None) for facts, asked in cases]
    assert indexed == every
    assert sum(bool(q) for q in every) > 300  # many cases have a question to ask: it means something
