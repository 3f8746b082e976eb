"""Clinical vignettes: a simulated runner tells their story and answers the bot's questions;
is the level the bot ends on the one a sports physio would give?

A case (tests/data/blind/vignettes_*.yml):

    id: v001
    condition: femoral_neck_stress_fracture
    trap: false
    messages: ["groin pain for 3 weeks since I upped my mileage, now limping"]
    answers: {location: "groin, right", pattern: "...", balance: "...", age: "19", sex: female,
              periods: "...", mileage: "...", race: "...", past_injury: "no"}
    facts: {limping: yes, pain_on_hopping: yes, ...}   # the truth for yes/no context questions
    expect: urgent                                       # emergency | urgent | see_pt | self_care
    accept: [emergency]                                  # optional: other levels a clinician could defend

The runner sends `messages`, then answers each question in their own words: the three triage
questions and the intake from `answers`, a yes/no question about context from `facts` (which fact
a question asks about is declared in CONTEXT_FACTS, by the question's meaning). The level judged
is the last one the bot announced; none at all counts as self_care (the bot answered and let the
runner carry on). Anchors (Semigran et al., BMJ 2015, symptom checkers): 57%
correct triage, 80% of emergencies, 33% of self-care. Targets on first contact (issue 15): exact
level >= 90%; emergency and urgent cases under-triaged <= 2%; ordinary cases sent to emergency <= 1%.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

from bot.evals.driver import Runner, load_cases, pct
from bot.turn import Reply
from bot.vocabulary import LEVELS as ALL_LEVELS

LEVELS = tuple(level for level in ALL_LEVELS if level != "crisis")  # what a vignette can expect
#: The bot's question (the slot a reply asks for) -> the key of `answers` that answers it.
SLOT_ANSWERS = {"pain_location": "location", "pain_pattern": "pattern", "balance_change": "balance",
                "age_band": "age", "sex": "sex", "periods": "periods", "mileage_change": "mileage",
                "upcoming_race": "race", "past_injury": "past_injury"}
#: The facts a vignette states (yes / no / unsure), the vocabulary of the set's format.
FACT_KEYS = (
    "during_or_just_after_run", "hot_conditions", "drank_a_lot_during_long_race",
    "after_fall_twist_or_impact", "can_walk_4_steps", "pain_at_rest_or_night", "one_spot_on_bone",
    "pain_on_hopping", "limping", "swelling_within_hours", "pop_or_kicked_feeling", "deformity",
    "chest_pain_or_pressure", "palpitations_with_dizziness_or_at_rest", "fainted_or_nearly",
    "breathless_at_rest", "confused_or_foggy", "one_sided_weakness_or_face_droop",
    "numbness_tingling_or_weakness_leg", "numbness_returns_each_run_and_goes_with_rest",
    "saddle_numbness_or_bladder_bowel_change", "calf_swollen_warm_one_side",
    "fever_with_hot_swollen_joint", "dark_cola_urine", "little_or_no_urine",
    "vomiting_or_severe_headache", "periods_stopped_3_months",
)
#: A yes/no context question (the slot it asks for) -> the fact it asks about. Kept next to the
#: questions' meaning (the clinical rules' question ids), never tuned on any case.
CONTEXT_FACTS: dict[str, str] = {
    "q_exertion": "during_or_just_after_run",
    "q_palpitations": "palpitations_with_dizziness_or_at_rest",
    "q_faint": "fainted_or_nearly",
    "q_breathless_rest": "breathless_at_rest",
    "q_confused": "confused_or_foggy",
    "q_heat": "hot_conditions",
    "q_drank_a_lot": "drank_a_lot_during_long_race",
    "q_saddle": "saddle_numbness_or_bladder_bowel_change",
    "q_calf": "calf_swollen_warm_one_side",
    "q_fall": "after_fall_twist_or_impact",
    "q_can_walk": "can_walk_4_steps",
    "q_bone_tender": "one_spot_on_bone",  # pressing one spot on the ankle/foot bone hurts sharply
    "q_one_spot": "one_spot_on_bone",
    "q_hop": "pain_on_hopping",
    "q_rest_night": "pain_at_rest_or_night",
    "q_limp": "limping",
    "q_numb_returns": "numbness_returns_each_run_and_goes_with_rest",
    "q_fever": "fever_with_hot_swollen_joint",
    "q_urine": "dark_cola_urine",
    "q_little_urine": "little_or_no_urine",
    "q_pop": "pop_or_kicked_feeling",
    "q_swelling": "swelling_within_hours",
    "q_head_signs": "vomiting_or_severe_headache",  # sick, a bad or worsening headache, drowsy or confused
}
MAX_TURNS = 16


def _answer(asks: str, case: dict[str, Any]) -> str:
    answers = case.get("answers") or {}
    facts = case.get("facts") or {}
    if asks in SLOT_ANSWERS:
        value = answers.get(SLOT_ANSWERS[asks])
        return str(value) if value not in (None, "") else "not sure"
    fact = CONTEXT_FACTS.get(asks)
    if fact is not None:
        value = facts.get(fact)
        if value is True or str(value).lower() == "yes":
            return "yes"
        if value is False or str(value).lower() == "no":
            return "no"
    return "not sure"


def _standing(runner: Runner, replies: tuple[Reply, ...], level: str | None, before: str | None) -> str | None:
    """The level that stands after a turn: the last one announced; none once the advice was
    withdrawn and the questions began again ("it's more my ribs, a stitch ... never felt faint"
    after chest pain: "that warning no longer applies", the state back from advice to a form)."""
    announced = next((r.triage for r in reversed(replies) if r.triage), None)
    if announced is not None:
        return announced
    now = (runner.record.get("conversation") or {}).get("state")
    if before == "advised" and now in ("triage_form", "clinical_form"):
        return None
    return level


async def run_case(case: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The level that stands at the end (the last one announced, unless withdrawn), and the
    questions the bot asked."""
    runner = Runner()
    level: str | None = None
    asked: list[str] = []
    for message in case.get("messages") or []:
        before = (runner.record.get("conversation") or {}).get("state")
        replies = await runner.say(str(message))
        level = _standing(runner, replies, level, before)
    for _ in range(MAX_TURNS):
        asks = runner.asks
        if asks is None or level == "crisis":
            break
        asked.append(asks)
        before = (runner.record.get("conversation") or {}).get("state")
        replies = await runner.say(_answer(asks, case))
        level = _standing(runner, replies, level, before)
    return level, asked


def run_case_rules(case: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The clinical rules alone (bot.clinical, without the engine): the same simulated runner, the
    same answers, the level `assess` ends on. Questions in the order the engine asks them: a yes/no
    context question whenever one is open, then where it hurts and whether it fades (not once a
    doctor is the next step), then the balance test and the intake."""
    from bot.clinical.flow import Case, assess, next_question
    from bot.evals.driver import shared_engine

    nlu = shared_engine().nlu
    slots: dict[str, Any] = {}
    clinical = Case()
    asked: list[str] = []

    def take(parse_slots: dict[str, Any]) -> None:
        for key in ("pain_location", "pain_side", "pain_pattern", "balance_change", "range_of_motion"):
            if parse_slots.get(key) is not None:
                if key == "pain_location":
                    slots[key] = list(dict.fromkeys((slots.get(key) or []) + parse_slots[key]))
                else:
                    slots[key] = parse_slots[key]

    started = False  # a pain report starts the questions; a plain question is just answered
    for message in case.get("messages") or []:
        parse = nlu.parse(str(message))
        take(parse.slots)
        clinical, result = clinical.hear(str(message), slots)
        started = started or parse.intent in ("report_pain", "inform", "correction") or bool(
            result.findings or result.questions)
    if not started:
        return None, asked
    form_tries: Counter[str] = Counter()
    for _ in range(MAX_TURNS):
        level = assess(clinical, slots).decision.level.value
        serious = level in ("emergency", "urgent")
        question = next_question(clinical, slots, balance=not serious)
        if not serious and (question is None or question.kind != "context"):
            missing = [s for s in ("pain_location", "pain_pattern") if slots.get(s) is None and form_tries[s] < 2]
            if missing:
                slot = missing[0]
                form_tries[slot] += 1
                asked.append(slot)
                reply = _answer(slot, case)
                take(nlu.parse(reply, slot).slots)
                clinical, _ = clinical.hear(reply, slots)
                if slots.get(slot) is None and form_tries[slot] >= 2 and slot == "pain_pattern":
                    slots["skipped_slots"] = ["pain_pattern"]
                continue
        if question is None:
            break
        slot = question.id if question.kind != "balance" else "balance_change"
        asked.append(slot)
        reply = _answer(slot, case)
        if question.kind == "balance":
            clinical, _ = clinical.answer("balance", reply, slots)
            parsed = nlu.parse(reply, "balance_change").slots.get("balance_change")
            if clinical.balance is None:
                slots["balance_change"] = parsed if parsed in ("worse", "same") else "unsure"
            continue
        clinical, _ = clinical.answer(question.id, reply, slots)
        if question.kind == "intake":
            clinical, _ = clinical.hear(reply, slots)
    return assess(clinical, slots).decision.level.value, asked


async def evaluate(cases: list[dict[str, Any]], rules_only: bool = False) -> tuple[Counter[str], list[str]]:
    c: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        announced, asked = run_case_rules(case) if rules_only else await run_case(case)
        # No level announced and nothing asked: the bot answered and let the runner be (a plain
        # question, ordinary soreness). That is the self-care outcome, and counted as such.
        got = announced or "self_care"
        c["silent"] += announced is None
        want = case["expect"]
        exact = got == want
        c["n"] += 1
        c["exact"] += exact
        c["acceptable"] += exact or got in (case.get("accept") or ())
        c[f"want:{want}"] += 1
        c[f"want:{want}:exact"] += exact
        c["questions"] += len(asked)
        rank_got = LEVELS.index(got) if got in LEVELS else len(LEVELS)
        if want in ("emergency", "urgent"):
            c["serious"] += 1
            c["serious:under"] += rank_got > LEVELS.index(want)
        else:
            c["ordinary"] += 1
            c["ordinary:emergency"] += got == "emergency"
            c["ordinary:over"] += rank_got < LEVELS.index(want)
        if case.get("trap"):
            c["trap"] += 1
            c["trap:exact"] += exact
            c["trap:over"] += rank_got < LEVELS.index(want)
        if not exact:
            misses.append(f"{case.get('id')} {case.get('condition')}{' (trap)' if case.get('trap') else ''}: "
                          f"want {want}, got {got}; asked {asked}; {case.get('messages')}")
    return c, misses


def report(c: Counter[str]) -> list[str]:
    lines = [f"vignettes: {c['n']}",
             f"exact level:                         {pct(c['exact'], c['n'])}   target >= 90% (symptom checkers 57%)",
             f"exact or another defensible level:  {pct(c['acceptable'], c['n'])}   (the author's `accept` list)",
             f"emergency/urgent under-triaged:      {pct(c['serious:under'], c['serious'])}   target <= 2%",
             f"ordinary (see_pt/self_care) -> emergency: {pct(c['ordinary:emergency'], c['ordinary'])}   target <= 1%",
             f"ordinary over-triaged (any):         {pct(c['ordinary:over'], c['ordinary'])}",
             f"traps exact:                         {pct(c['trap:exact'], c['trap'])}  (over-triaged {c['trap:over']})"]
    for level in LEVELS:
        lines.append(f"  {level:10} exact {pct(c[f'want:{level}:exact'], c[f'want:{level}'])}")
    lines.append(f"ended with no level announced (counted as self_care): {c['silent']}")
    lines.append(f"questions asked per vignette: {c['questions'] / c['n']:.1f}" if c["n"] else "")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evals.vignettes", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--rules", action="store_true",
                        help="score the clinical rules alone (bot.clinical), not the bot end to end")
    args = parser.parse_args(argv)
    counts, misses = asyncio.run(evaluate(load_cases(args.file), rules_only=args.rules))
    print("\n".join(report(counts)))
    if args.details:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
