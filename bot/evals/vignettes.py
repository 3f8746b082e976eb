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
CONTEXT_FACTS: dict[str, str] = {}
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


async def run_case(case: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The last level the bot announced, and the questions it asked."""
    runner = Runner()
    level: str | None = None
    asked: list[str] = []
    for message in case.get("messages") or []:
        replies = await runner.say(str(message))
        level = next((r.triage for r in reversed(replies) if r.triage), level)
    for _ in range(MAX_TURNS):
        asks = runner.asks
        if asks is None or level == "crisis":
            break
        asked.append(asks)
        replies = await runner.say(_answer(asks, case))
        level = next((r.triage for r in reversed(replies) if r.triage), level)
    return level, asked


async def evaluate(cases: list[dict[str, Any]]) -> tuple[Counter[str], list[str]]:
    c: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        announced, asked = await run_case(case)
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
    args = parser.parse_args(argv)
    counts, misses = asyncio.run(evaluate(load_cases(args.file)))
    print("\n".join(report(counts)))
    if args.details:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
