"""Putting it together: one runner's case -> the triage decision, and the next question worth
asking. What phase B's dialogue calls. Pure.

    case = Case()                                   # stored as case.to_json() in the record
    case, result = case.hear(text, slots)           # every message: facts, findings, what changed
    case = case.answer(question_id, text, slots)    # a reply to the question we asked
    decision = assess(case, slots).decision         # the level, reasons, notes
    q = next_question(case, slots)                  # context question, balance, intake, or None

Questions are asked only when an answer could change the level or the advice: each possible
answer is tried, and a question whose answers all lead to the same outcome is skipped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from bot.clinical import balance as B
from bot.clinical import intake as I
from bot.clinical.evaluate import (
    BALANCE,
    ClinicalState,
    Evaluation,
    FactValue,
    Finding,
    Truth,
    evaluate,
    findings_for,
    open_questions,
    slot_facts,
)
from bot.clinical.rules import default_rules
from bot.triage import RedFlagFinding, TriageDecision, decide

#: Representative ages for a band, to read the balance norms when only the band is known.
BAND_AGE = {"under_16": 14, "16_17": 17, "18_39": 30, "40_49": 45, "50_54": 52, "55_59": 57,
            "60_69": 65, "70_79": 75, "80_plus": 85}


@dataclass(frozen=True)
class Case:
    """Everything the runner told us clinically: facts, intake answers, balance times."""

    state: ClinicalState = field(default_factory=ClinicalState)
    intake: I.Intake = field(default_factory=I.Intake)
    balance: B.BalanceReading | None = None
    asked: tuple[str, ...] = ()  # intake slots and "balance" already asked
    unread: tuple[str, ...] = ()  # questions whose answer could not be read once (asked again, once)
    #: The runner's date, to count "this Sunday" from (not stored: the caller's clock).
    today: date | None = field(default=None, compare=False)

    def hear(self, text: str, slots: Mapping[str, Any] | None = None) -> tuple[Case, Evaluation]:
        """A message in any state of the conversation: facts, findings, what changed (and the
        age or sex it says outright, for the intake)."""
        result = evaluate(text, self.state, slots=_with_intake(self, slots))
        return replace(self, state=result.state, intake=I.from_text(self.intake, text, self.today)), result

    def answer(self, question: str, text: str, slots: Mapping[str, Any] | None = None) -> tuple[Case, Evaluation | None]:
        """A reply to the question we asked: a context question id, an intake slot or "balance"."""
        rules = default_rules()
        if question in rules.questions:
            result = evaluate(text, self.state, slots=_with_intake(self, slots), answering=question)
            return replace(self, state=result.state), result
        case = replace(self, asked=self.asked + (question,) if question not in self.asked else self.asked)
        if question == "balance":
            reading = B.parse(text)
            return (replace(case, balance=reading) if reading else case), None
        if question in I.SLOTS:
            new = I.answer(case.intake, question, text, self.today)
            if new is case.intake:
                new = I.not_sure(case.intake, question, text.strip()[:120])
            return replace(case, intake=new), None
        raise ValueError(f"unknown question {question!r}")

    def unread_once(self, question: str) -> Case | None:
        """The case noting that an answer to `question` could not be read, when that is the
        first time (the question is then asked again); None the second time (recorded as not sure),
        and None when it was already asked again after another message: a question is asked at
        most twice (blind vignettes 5: "long run went up to 28k" got the mileage question three times)."""
        if question in self.unread or f"heard:{question}" in self.unread:
            return None
        return replace(self, unread=self.unread + (question,))

    def asked_again(self, question: str, limit: int = 1) -> Case | None:
        """The case noting that a message sent while `question` was pending said something else
        (heard as it is, the question asked again), up to `limit` times; None after that (the
        answer then counts as not sure, so the same reply never loops)."""
        key = f"heard:{question}"
        return None if self.unread.count(key) >= limit else replace(self, unread=self.unread + (key,))

    def unread_count(self) -> int:
        """How many questions had an answer we could not read (not counting other messages)."""
        return len([u for u in self.unread if ":" not in u])

    def age(self) -> int | None:
        if self.intake.age is not None:
            return self.intake.age
        band = self.intake.get("age_band")
        return BAND_AGE.get(band) if band else None

    def balance_result(self) -> B.BalanceResult | None:
        return B.interpret(self.balance, self.age()) if self.balance else None

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state.to_json(), "intake": self.intake.to_json(),
                "balance": None if self.balance is None else {"left": self.balance.left, "right": self.balance.right,
                                                              "unchanged": self.balance.unchanged,
                                                              **({"at_least": True} if self.balance.at_least else {})},
                "asked": list(self.asked), "unread": list(self.unread)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Case:
        if not data:
            return cls()
        bal = data.get("balance")
        return cls(ClinicalState.from_json(data.get("state")), I.Intake.from_json(data.get("intake")),
                   B.BalanceReading(bal.get("left"), bal.get("right"), bool(bal.get("unchanged")), bool(bal.get("at_least")))
                   if isinstance(bal, Mapping) else None,
                   tuple(data.get("asked") or ()), tuple(data.get("unread") or ()))


def says_a_sign(text: str) -> bool:
    """Does this text alone state a sign the clinical rules act on (a finding, or a sign worth
    a question)? The engine never reads such a message as a button's press."""
    _, result = Case().hear(text)
    return bool(result.findings or result.questions)


def _with_intake(case: Case, slots: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(slots or {})


def facts_of(case: Case, slots: Mapping[str, Any] | None) -> dict[str, FactValue]:
    """All facts: the slots, what was said and answered, the intake, the balance test."""
    facts: dict[str, FactValue] = {**slot_facts(slots), **case.state.facts, **I.intake_facts(case.intake)}
    result = case.balance_result()
    if result is not None and result.verdict != "needs_age":
        facts["balance_worse"] = FactValue(result.raises_level, result.reason, BALANCE)
    return facts


@dataclass(frozen=True)
class Assessment:
    decision: TriageDecision
    findings: tuple[Finding, ...]
    balance: B.BalanceResult | None


def assess(case: Case, slots: Mapping[str, Any], red_flags: Sequence[RedFlagFinding] = (),
           crisis: bool = False) -> Assessment:
    """The triage decision for everything known now."""
    found = findings_for(facts_of(case, slots))
    result = case.balance_result()
    usable = result if result is not None and result.verdict != "needs_age" else None
    notes = I.notes(case.intake)
    if is_early(case) and not slots.get("pain_pattern"):
        notes += ("early-soreness",)
    decision = decide(slots, red_flags, crisis, findings=found, notes=notes, balance=usable)
    return Assessment(decision, found, result)


#: Clinical rules for an injury that has just happened: "does it fade within days?" cannot be
#: answered yet, and its advice does not depend on it (docs/triage.md).
ACUTE_RULES = ("acute_injury", "muscle_pop", "muscle_strain_fresh")  # (tests/test_clinical.py checks each is a rule)


def is_early(case: Case) -> bool:
    """The pain started only in the last day or two (the fact early_onset): too soon to ask
    whether it fades within days (docs/triage.md, early-soreness)."""
    early = case.state.facts.get("early_onset")
    return early is not None and bool(early.value)


#: An injury already diagnosed and treated: its clinician's plan, no triage questions (tester round 29).
UNDER_CARE_RULES = ("under_care",)


def is_under_care(case: Case, slots: Mapping[str, Any]) -> bool:
    """Has the runner said it is already diagnosed and being treated (a finding of UNDER_CARE_RULES)?"""
    return any(f.rule in UNDER_CARE_RULES for f in findings_for(facts_of(case, slots)))


def is_acute(case: Case, slots: Mapping[str, Any]) -> bool:
    """Is this a fresh twist, fall or knock (a finding of ACUTE_RULES)?"""
    return any(f.rule in ACUTE_RULES for f in findings_for(facts_of(case, slots)))


def outcome(case: Case, slots: Mapping[str, Any]) -> tuple[str, tuple[str, ...]]:
    d = assess(case, slots).decision
    return d.level.value, tuple(sorted(d.notes))


@dataclass(frozen=True)
class NextQuestion:
    """What to ask next; `id` is also the slot the question fills (its words: utter_ask_<id>)."""

    kind: str  # context | balance | intake
    id: str  # the question id (context), "balance_change" (balance) or the intake slot


def balance_can_change(case: Case, slots: Mapping[str, Any]) -> bool:
    """Could a balance answer still change the outcome? (Not once a doctor is the next step, nor
    when the pain already needs a physical therapist.)"""
    if case.balance is not None or "balance" in case.asked or slots.get("balance_change") is not None:
        return False
    worse = outcome(replace(case, balance=B.BalanceReading(10, 40)), slots)
    same = outcome(replace(case, balance=B.BalanceReading(45, 45)), slots)
    return worse != same


def intake_can_change(case: Case, slots: Mapping[str, Any], slot: str) -> bool:
    """Could any answer to this intake question change the level or the advice? (Stops at the
    first answer whose outcome differs from another's: each outcome is a whole assessment.)"""
    first: tuple[str, tuple[str, ...]] | None = None
    for trial in _answers(case, slot):
        found = outcome(trial, slots)
        if first is None:
            first = found
        elif found != first:
            return True
    return False


def _answers(case: Case, slot: str) -> Iterator[Case]:
    """The case with each possible answer to the intake question `slot`."""
    for value in I.VALUES[slot]:
        details: dict[str, Any] = {}
        if slot == "age_band":
            details["age"] = BAND_AGE[value]
        trial = replace(case, intake=case.intake.with_answer(slot, value, "", **details))
        yield trial
        if slot == "sex" and value == "female":  # sex matters through the periods question
            for periods in I.VALUES["periods"]:
                yield replace(trial, intake=trial.intake.with_answer("periods", periods))


#: next_question's answers by everything it reads: a turn asks for the next question two or three
#: times (the form's required slots, the clinical check, the questions-left count) on the same case,
#: and each answer tries every answer to every intake question (issue 18: the heaviest turns).
NEXT_CACHE = 512
_next_cache: OrderedDict[tuple[Any, ...], NextQuestion | None] = OrderedDict()
_next_rules: Any = None  # the rules _next_cache was filled with


def _next_key(case: Case, slots: Mapping[str, Any], balance: bool) -> tuple[Any, ...] | None:
    """All that next_question reads: the case (but `unread`, `today` and the turn count, which it
    does not read) and the slots the facts and the outcome read. None if a value is unhashable."""
    intake = case.intake
    locations = slots.get("pain_location")
    try:
        key = (frozenset(case.state.facts.items()), case.state.asked, frozenset(intake.values.items()),
               frozenset(intake.words.items()), intake.age, intake.race_in_days, case.balance, case.asked,
               tuple(locations) if isinstance(locations, list) else locations,
               *(slots.get(s) for s in ("pain_pattern", "balance_change", "range_of_motion")), balance)
        hash(key)
    except TypeError:
        return None
    return key


def next_question(case: Case, slots: Mapping[str, Any], *, balance: bool = True) -> NextQuestion | None:
    """The one question worth asking next, or None. Call it after the triage form has asked where
    it hurts and whether it fades: context questions come first (they can raise the level), then
    the balance test, then the intake. `balance=False` when the form asks balance itself."""
    global _next_rules
    rules = default_rules()
    if _next_rules is not rules:  # the rules were loaded again (tests): forget the old answers
        _next_cache.clear()
        _next_rules = rules
    key = _next_key(case, slots, balance)
    if key is None:
        return _next_question(case, slots, balance)
    if key in _next_cache:
        _next_cache.move_to_end(key)
        return _next_cache[key]
    found = _next_cache[key] = _next_question(case, slots, balance)
    if len(_next_cache) > NEXT_CACHE:
        _next_cache.popitem(last=False)
    return found


def _next_question(case: Case, slots: Mapping[str, Any], balance: bool) -> NextQuestion | None:
    facts = facts_of(case, slots)
    context = open_questions(facts, case.state.asked)
    if context:
        return NextQuestion("context", context[0].id)
    if balance and balance_can_change(case, slots):
        return NextQuestion("balance", "balance_change")
    truth = Truth(default_rules(), facts)
    for q in I.questions():
        if case.intake.answered(q.slot) or q.slot in case.asked:
            continue
        if q.only_when and _clauses_hold(truth, q.only_when) is False:
            continue
        if q.slot == "periods" and case.intake.get("sex") != "female":
            continue
        band = case.intake.get("age_band")
        if q.slot == "periods" and band in I.AGE_BANDS and I.AGE_BANDS.index(band) >= I.AGE_BANDS.index("55_59"):
            continue  # past the menopause, when the age is known (intake.yml)
        if intake_can_change(case, slots, q.slot):
            return NextQuestion("intake", q.slot)
    return None


def _clauses_hold(truth: Truth, raw: tuple[Any, ...]) -> bool | None:
    from bot.clinical.rules import Literal

    clauses = tuple(tuple(Literal(x[4:], False) if x.startswith("not ") else Literal(x)
                          for x in (c if isinstance(c, list) else [c])) for c in raw)
    value = truth.all(clauses)
    return value if value is not None else False
