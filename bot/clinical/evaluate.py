"""The clinical evaluator: a message (and what the conversation already knows) -> findings,
the context questions still worth asking, and what changed. Pure; runs on every message.

    result = evaluate("I rolled my ankle and can't put weight on it", state, slots=slots)
    result.findings    # (Finding(rule="ottawa_weight", level="urgent", reason=..., words=(...)),)
    result.questions   # context questions that could still change a finding, most serious first
    result.changes     # what this message added, removed or re-levelled, with the reason
    result.state       # store it; pass it back with the next message

A fact is known from what the runner said (the latest statement wins: that is how "I didn't
fall" corrects an earlier "after a fall"), from a yes/no answer to one of our questions, from
the intake, or from the triage slots (where it hurts, whether it fades).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from bot.clinical.rules import Clause, ClinicalRules, Literal, Question, Rule, default_rules
from bot.clinical.text import normalise, read_mentions

LEVEL_RANK = {"emergency": 0, "urgent": 1, "see_pt": 2, "self_care": 3}
#: How a fact became known.
SAID, ANSWERED, INTAKE, BALANCE = "said", "answered", "intake", "balance"


@dataclass(frozen=True)
class FactValue:
    """What we know of one fact. `value` None: asked, and the runner was not sure."""

    value: bool | None
    words: str  # the runner's own words (or their answer)
    how: str = SAID  # said | answered | intake | balance
    question: str | None = None  # the question answered, for `answered`
    turn: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "words": self.words, "how": self.how, "question": self.question,
                "turn": self.turn}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FactValue:
        return cls(data.get("value"), str(data.get("words") or ""), str(data.get("how") or SAID),
                   data.get("question"), int(data.get("turn") or 0))


@dataclass(frozen=True)
class ClinicalState:
    """What the conversation knows, clinically. Store `to_json()`; it is the runner's data."""

    facts: Mapping[str, FactValue] = field(default_factory=dict)
    asked: tuple[str, ...] = ()
    turn: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"facts": {k: v.to_json() for k, v in self.facts.items()}, "asked": list(self.asked),
                "turn": self.turn}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ClinicalState:
        if not data:
            return cls()
        facts = {str(k): FactValue.from_json(v) for k, v in (data.get("facts") or {}).items() if isinstance(v, Mapping)}
        return cls(facts, tuple(data.get("asked") or ()), int(data.get("turn") or 0))

    def with_facts(self, updates: Mapping[str, FactValue]) -> ClinicalState:
        return replace(self, facts={**self.facts, **updates})

    def with_asked(self, question: str) -> ClinicalState:
        return self if question in self.asked else replace(self, asked=self.asked + (question,))


@dataclass(frozen=True)
class Finding:
    """A rule that holds: the level, the reason in plain words, and the runner's own words."""

    rule: str
    level: str
    reason: str
    condition: str
    words: tuple[str, ...]
    facts: tuple[str, ...]
    source: tuple[str, ...]
    entry: str


@dataclass(frozen=True)
class Change:
    """A finding this message added, removed, raised or lowered, and why, in plain words."""

    kind: str  # added | removed | raised | lowered
    rule: str
    before: str | None
    after: str | None
    because: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Evaluation:
    state: ClinicalState
    findings: tuple[Finding, ...]
    questions: tuple[Question, ...]
    changes: tuple[Change, ...]
    said: tuple[str, ...]  # facts this message stated true
    denied: tuple[str, ...]  # facts this message stated false (negations, corrections)
    general_question: bool  # a sentence asked about a condition in general

    @property
    def level(self) -> str | None:
        return max_level(self.findings)


def max_level(findings: Iterable[Finding]) -> str | None:
    levels = [f.level for f in findings]
    return min(levels, key=LEVEL_RANK.__getitem__) if levels else None


# -- truth ---------------------------------------------------------------------------------------

_CLOSED_PREFIXES = ("loc:", "pattern:")


class Truth:
    """Three-valued truth of facts over a known-facts map (plus slot facts and derived groups)."""

    def __init__(self, rules: ClinicalRules, facts: Mapping[str, FactValue], raise_unsure: bool = False,
                 closed: frozenset[str] | None = None) -> None:
        self.rules = rules
        self.facts = facts
        self.raise_unsure = raise_unsure
        # Where it hurts and whether it fades are closed sets once known: "knee" means not "shin".
        self.closed = closed if closed is not None else frozenset(
            p for p in _CLOSED_PREFIXES if any(k.startswith(p) and v.value for k, v in facts.items()))

    def other(self, raise_unsure: bool) -> Truth:
        return self if raise_unsure == self.raise_unsure else Truth(self.rules, self.facts, raise_unsure, self.closed)

    def fact(self, name: str) -> bool | None:
        if name in self.rules.derived:
            values = [self.fact(p) for p in self.rules.derived[name]]
            if any(v is True for v in values):
                return True
            return False if all(v is False for v in values) else None
        known = self.facts.get(name)
        if known is not None:
            if known.value is None:
                return True if self.raise_unsure else None
            return known.value
        if name.startswith(_CLOSED_PREFIXES) and name.split(":")[0] + ":" in self.closed:
            return False
        return None

    def literal(self, lit: Literal) -> bool | None:
        v = self.fact(lit.fact)
        return v if v is None or lit.positive else not v

    def clause(self, clause: Clause) -> bool | None:
        values = [self.literal(lit) for lit in clause]
        if any(v is True for v in values):
            return True
        return False if all(v is False for v in values) else None

    def all(self, clauses: Iterable[Clause]) -> bool | None:
        values = [self.clause(c) for c in clauses]
        if any(v is False for v in values):
            return False
        return True if all(v is True for v in values) else None

    def any_true(self, names: Iterable[str]) -> bool:
        """Does any of `names` hold? ("not <fact>": the fact is known to be false.)"""
        return any(self.fact(n[4:]) is False if n.startswith("not ") else self.fact(n) is True for n in names)


#: Results of findings_for on the default rules, by facts: a turn asks for the same facts many
#: times (the form's next question tries every answer to every intake question, each an outcome;
#: the clinical check, the triage and the form read the same case). Facts and findings are frozen.
FINDINGS_CACHE = 1024
_findings_rules: ClinicalRules | None = None
_questions_cache: OrderedDict[tuple[frozenset[str], frozenset[tuple[str, FactValue]]], tuple[Question, ...]] = OrderedDict()
_findings_cache: OrderedDict[tuple[bool, frozenset[tuple[str, FactValue]]], tuple[Finding, ...]] = OrderedDict()


def findings_for(facts: Mapping[str, FactValue], rules: ClinicalRules | None = None,
                 overrides: bool = True) -> tuple[Finding, ...]:
    """The rules that hold on these facts, most serious first; with `overrides`, a finding another
    one replaces (a more specific reason for the same thing) is dropped."""
    global _findings_rules
    shipped = default_rules()
    if rules is not None and rules is not shipped:
        return _findings_for(facts, rules, overrides)
    if _findings_rules is not shipped:  # the rules were loaded again (tests): forget the old ones'
        _findings_cache.clear()
        _questions_cache.clear()
        _findings_rules = shipped
    # Only the facts a rule reads can change the findings (Truth reads facts by name, and the
    # closed sets by prefix): the intake's other facts ("race_soon", "mileage_up") share one entry,
    # so the form's next question, trying every intake answer, mostly finds them here (issue 18).
    read = _read_facts(shipped)
    relevant = {k: v for k, v in facts.items() if k in read or k.startswith(_CLOSED_PREFIXES)}
    key = (overrides, frozenset(relevant.items()))
    found = _findings_cache.get(key)
    if found is None:
        found = _findings_cache[key] = _findings_for(relevant, shipped, overrides)
        if len(_findings_cache) > FINDINGS_CACHE:
            _findings_cache.popitem(last=False)
    else:
        _findings_cache.move_to_end(key)
    return found


@lru_cache(maxsize=4)
def _read_facts(rules: ClinicalRules) -> frozenset[str]:
    """Every fact a rule's finding can depend on: its sign, context, unless and escalations, derived
    groups expanded to their parts (questions to ask are not findings)."""
    names: set[str] = set()
    for rule in rules.rules:
        for clause in (*rule.clauses, *(c for esc in rule.escalate for c in esc.when)):
            names.update(lit.fact for lit in clause)
        names.update(n[4:] if n.startswith("not ") else n for n in rule.unless)
    todo = list(names)
    while todo:
        for part in rules.derived.get(todo.pop(), ()):
            if part not in names:
                names.add(part)
                todo.append(part)
    return frozenset(names)


@lru_cache(maxsize=4)
def _triggers(rules: ClinicalRules) -> tuple[tuple[Rule, frozenset[str] | None], ...]:
    """Each rule with the facts one of which must be known for its sign's first clause to hold:
    the facts of its literals, derived ones expanded (None: a negative literal, which a closed
    place or pattern makes true unsaid; such a rule is always checked)."""
    def base(name: str, depth: int = 0) -> frozenset[str]:
        if name in rules.derived and depth < 10:
            return frozenset().union(*(base(p, depth + 1) for p in rules.derived[name]))
        return frozenset([name])

    out: list[tuple[Rule, frozenset[str] | None]] = []
    for rule in rules.rules:
        first = rule.sign[0]
        if any(not lit.positive for lit in first):
            out.append((rule, None))
        else:
            out.append((rule, frozenset().union(*(base(lit.fact) for lit in first))))
    return tuple(out)


@lru_cache(maxsize=4)
def _ask_triggers(rules: ClinicalRules) -> dict[str, frozenset[str] | None]:
    """Each rule with the facts one of which must be known for one of its questions to be asked
    (`when` all true needs its first clause true, which needs one of its positive facts known;
    derived ones expanded). None: a question with an empty `when` or a negative literal first
    (a closed place makes it true unsaid), always checked. No questions: an empty set, never."""
    def base(name: str, depth: int = 0) -> frozenset[str]:
        if name in rules.derived and depth < 10:
            return frozenset().union(*(base(p, depth + 1) for p in rules.derived[name]))
        return frozenset([name])

    out: dict[str, frozenset[str] | None] = {}
    for rule in rules.rules:
        if any(not a.when or any(not lit.positive for lit in a.when[0]) for a in rule.ask):
            out[rule.id] = None
        else:
            out[rule.id] = frozenset().union(*(base(lit.fact) for a in rule.ask for lit in a.when[0]))
    return out


def _findings_for(facts: Mapping[str, FactValue], rules: ClinicalRules, overrides: bool) -> tuple[Finding, ...]:
    fired: dict[str, Finding] = {}
    base = Truth(rules, facts)
    for rule, triggers in _triggers(rules):
        if triggers is not None and triggers.isdisjoint(facts):
            continue  # none of its sign's first facts is known: that clause cannot hold
        truth = base.other(rule.if_unsure == "raise")
        # The first clause of the sign is what the runner must have said: check it first, cheaply.
        if truth.clause(rule.sign[0]) is not True:
            continue
        if truth.all(rule.clauses) is not True or truth.any_true(rule.unless):
            continue
        level, reason = rule.level, rule.reason
        for esc in rule.escalate:
            if truth.all(esc.when) is True and LEVEL_RANK[esc.level] < LEVEL_RANK[level]:
                level, reason = esc.level, f"{rule.reason}, {esc.reason}"
        used = [lit.fact for clause in rule.clauses for lit in clause
                if truth.literal(lit) is True and lit.fact in facts]
        words = tuple(dict.fromkeys(facts[f].words for f in used if facts[f].words))
        fired[rule.id] = Finding(rule.id, level, reason, rule.condition, words, tuple(dict.fromkeys(used)),
                                 rule.source, rule.entry)
    overridden = {o for rid in fired for o in rules.rule(rid).overrides} if overrides else set()
    kept = [f for rid, f in fired.items() if rid not in overridden]
    return tuple(sorted(kept, key=lambda f: LEVEL_RANK[f.level]))


def open_questions(facts: Mapping[str, FactValue], asked: Iterable[str] = (),
                   rules: ClinicalRules | None = None,
                   found: tuple[Finding, ...] | None = None) -> tuple[Question, ...]:
    """Context questions that could still turn a sign into a finding (or raise one), most serious
    first. A question is never asked twice, nor about a fact already known. `found`, if given,
    is ``findings_for(facts, rules)`` (the caller had it already)."""
    asked = frozenset(asked)
    if rules is not None and rules is not default_rules():
        return _open_questions(facts, asked, rules, found)
    findings_for({}, None)  # forgets cached answers of rules loaded before (tests)
    key = (asked, frozenset(facts.items()))
    questions = _questions_cache.get(key)
    if questions is None:
        questions = _questions_cache[key] = _open_questions(facts, asked, default_rules(), found)
        if len(_questions_cache) > FINDINGS_CACHE:
            _questions_cache.popitem(last=False)
    else:
        _questions_cache.move_to_end(key)
    return questions


def _open_questions(facts: Mapping[str, FactValue], asked: frozenset[str], rules: ClinicalRules,
                    found: tuple[Finding, ...] | None) -> tuple[Question, ...]:
    found = findings_for(facts, rules) if found is None else found
    fired = {f.rule for f in found}
    overridden = {o for rid in fired for o in rules.rule(rid).overrides}
    # A question is worth asking only if its answer could make the outcome more serious.
    current = LEVEL_RANK[max_level(found) or "self_care"]
    candidates: list[tuple[int, int, Question]] = []
    plain = Truth(rules, facts)
    ask_triggers = _ask_triggers(rules)
    for order, rule in enumerate(rules.rules):
        truth = plain.other(rule.if_unsure == "raise")
        if rule.id in fired:
            for esc in rule.escalate:
                q = rules.questions.get(esc.ask) if esc.ask else None
                if (q and q.id not in asked and q.fact not in facts and truth.all(esc.when) is None
                        and LEVEL_RANK[esc.level] < current):
                    candidates.append((LEVEL_RANK[esc.level], order, q))
            continue
        # Only its questions can make a rule that has not fired worth asking about, and a question
        # is asked only once the facts of its `when` are known: most rules are skipped unread.
        triggers = ask_triggers.get(rule.id, frozenset())
        if triggers is not None and triggers.isdisjoint(facts):
            continue
        if LEVEL_RANK[rule.level] >= current:
            continue
        if truth.all(rule.clauses) is False or truth.any_true(rule.unless) or rule.id in overridden:
            continue
        for a in rule.ask:
            q = rules.questions[a.question]
            if q.id in asked or q.fact in facts:
                continue
            if plain.all(a.when) is True and not plain.any_true(a.unless):
                candidates.append((LEVEL_RANK[rule.level], order, q))
                break
    seen: dict[str, Question] = {}
    for _, _, q in sorted(candidates, key=lambda c: (c[0], c[1])):
        seen.setdefault(q.id, q)
    return tuple(seen.values())


# -- the evaluator ---------------------------------------------------------------------------------

def slot_facts(slots: Mapping[str, Any] | None) -> dict[str, FactValue]:
    """Where it hurts and whether it fades, from the triage slots, as facts."""
    out: dict[str, FactValue] = {}
    if not slots:
        return out
    locations = slots.get("pain_location") or []
    if isinstance(locations, str):
        locations = [locations]
    for loc in locations:
        out[f"loc:{loc}"] = FactValue(True, str(loc).replace("_", " "), SAID)
    pattern = slots.get("pain_pattern")
    if pattern:
        out[f"pattern:{pattern}"] = FactValue(True, str(pattern), SAID)
    return out


#: Another episode than the one told: "last week", "a few weeks ago", "on other runs", "usually".
_ANOTHER_EPISODE = re.compile(r"\b(?:last (?:week|month|year|time|season|summer|winter)|(?:a|one|two|three|few|couple of) (?:weeks?|months?|years?) ago|"
                              r"other (?:runs|times|days|sessions)|usually|normally|most (?:runs|days|times))\b")


def _another_episode(norm: str, at: int) -> bool:
    """Whether the sentence around `at` is about another time than the one told."""
    start = max(norm.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (norm.find(c, at) for c in ".!?\n") if i != -1]
    return bool(_ANOTHER_EPISODE.search(norm, start, min(ends) if ends else len(norm)))


def evaluate(text: str, state: ClinicalState | None = None, *, slots: Mapping[str, Any] | None = None,
             answering: str | None = None, rules: ClinicalRules | None = None) -> Evaluation:
    """Evaluate one message. `answering` is the id of the context question it replies to, if any.
    Never raises on any text; cost is linear in its length."""
    rules = rules or default_rules()
    state = state or ClinicalState()
    turn = state.turn + 1
    norm = normalise(text[:5000])
    extra = slot_facts(slots)
    # Where it hurts, as the conversation knows it: the sign's context when a message names no
    # place ("It's swollen and feels warm", after "my left calf is really sore").
    places = frozenset(k for k, v in {**extra, **state.facts}.items() if k.startswith("loc:") and v.value)
    mentions, general = read_mentions(norm, rules, places) if norm else ([], False)
    updates: dict[str, FactValue] = {}
    for m in mentions:  # in order: the last statement of a fact wins
        if not m.value and _another_episode(norm, m.start) and (earlier := state.facts.get(m.fact)) is not None and earlier.value:
            # "the Herzrasen in my intervals last week ... no dizzy" after yesterday's dizzy racing
            # heart (tester round 63: the warning withdrawn, then "keep running"): a denial about
            # another time is not a correction of what was said
            continue
        updates[m.fact] = FactValue(m.value, m.words, SAID, None, turn)
    last_said = {m.fact: m.start for m in mentions}
    for m in mentions:
        # A fact said now rules out what it contradicts, unless that is said now too, after it
        # ("a vague ache when I run, but if I press the bone there's one spot": the spot, said
        # last, stands; blind vignettes 6).
        if m.value and updates[m.fact].value:
            fact = rules.facts.get(m.fact)
            for other in fact.contradicts if fact is not None else ():
                if other not in updates or (updates[other].value and last_said[other] < m.start):
                    updates[other] = FactValue(False, m.words, SAID, None, turn)
    new_state = state
    if answering and answering in rules.questions:
        q = rules.questions[answering]
        new_state = new_state.with_asked(answering)
        if q.fact not in updates:
            reply = q.reply(text)
            updates[q.fact] = FactValue(reply, text.strip()[:120], ANSWERED, answering, turn)
    new_state = replace(new_state.with_facts(updates), turn=turn)

    before_facts = {**extra, **state.facts}
    after_facts = {**extra, **new_state.facts}
    after = findings_for(after_facts, rules)
    changed = {k: v for k, v in updates.items() if before_facts.get(k, FactValue(None, "")).value != v.value}
    changes = _changes(rules, findings_for(before_facts, rules), after, changed) if updates else ()
    questions = open_questions(after_facts, new_state.asked, rules, after)
    return Evaluation(
        state=new_state, findings=after, questions=questions, changes=changes,
        said=tuple(k for k, v in updates.items() if v.value is True and v.how == SAID),
        denied=tuple(k for k, v in updates.items() if v.value is False),
        general_question=general and not mentions,
    )


def _changes(rules: ClinicalRules, before: tuple[Finding, ...], after: tuple[Finding, ...],
             changed: Mapping[str, FactValue]) -> tuple[Change, ...]:
    old = {f.rule: f for f in before}
    new = {f.rule: f for f in after}
    out: list[Change] = []

    def because(rule_id: str, removed: bool = False) -> tuple[str, ...]:
        rule = rules.rule(rule_id)
        relevant = {lit.fact for c in rule.clauses for lit in c} | set(rule.unless)
        relevant |= {lit.fact for e in rule.escalate for c in e.when for lit in c}
        for name in list(relevant):
            relevant |= set(rules.derived.get(name, ()))
        # A warning withdrawn is not withdrawn because of a sign of it said now ("What you added (...,
        # you are short of breath ...) makes a heart problem less likely": blind vignettes 3)
        signs = {lit.fact for c in rule.clauses for lit in c if lit.positive} if removed else set()
        reasons = []
        for name, value in changed.items():
            if removed and value.value and name in signs:
                continue
            if name in relevant and name in rules.facts:
                fact = rules.facts[name]
                reasons.append(fact.said if value.value else fact.unsaid)
        return tuple(reasons)

    for rid, f in old.items():
        if rid not in new:
            why = because(rid, removed=True)
            replaced = [n for n in new.values() if rid in rules.rule(n.rule).overrides]
            if replaced:
                continue  # reported as the newer, more specific finding
            # ("Since no swollen warm calf, ..." was not English: tester round 29)
            text = (f"What you added{_bracket(why)} makes {f.condition} less likely: that warning no longer applies."
                    if why else f"{f.condition[0].upper()}{f.condition[1:]} no longer fits what you told me.")
            out.append(Change("removed", rid, f.level, None, why, text))
        elif new[rid].level != f.level:
            kind = "raised" if LEVEL_RANK[new[rid].level] < LEVEL_RANK[f.level] else "lowered"
            why = because(rid)
            out.append(Change(kind, rid, f.level, new[rid].level, why,
                              # facts are said as phrases or clauses ("chest pain or tightness", "it was
                              # hot"): named in brackets, never after a bare "because" (tester round 7)
                              f"What you added{_bracket(why)} makes this more serious: {new[rid].reason}."
                              if kind == "raised" else f"What you added{_bracket(why)} makes this less serious than I first thought."))
    for rid, f in new.items():
        if rid not in old:
            why = because(rid)
            out.append(Change("added", rid, None, f.level, why, f"New: {f.reason}."))
    return tuple(out)


def _bracket(parts: tuple[str, ...]) -> str:
    return f" ({_join(parts)})" if parts else ""


def _join(parts: tuple[str, ...]) -> str:
    parts = tuple(dict.fromkeys(parts))
    # A phrase that another one says more exactly is left out: "you are short of breath" beside
    # "you are short of breath at rest or on everyday effort" (tester round 41 read both)
    parts = tuple(p for p in parts if not any(o != p and o.startswith(p) for o in parts))
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
