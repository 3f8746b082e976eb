"""Runner questions: does the bot answer with the entry that fits, or refuse in a way that fits?

A case (tests/data/blind/questions_*.yml):

    text: "ice or heat?"
    topic: ice_or_heat          # a topic id, or out_of_scope
    refusal: booking            # out_of_scope only: what kind of thing it asks
    when: first                 # first | in_triage | after_advice | after_thanks
    location: shin              # optional: what the conversation was about

Topics are the question author's, written without seeing the knowledge base; which entries answer
a topic is decided here (TOPIC_ENTRIES, refusals in REFUSALS), by what each entry is about, never
by looking at the questions. The conversation is brought to `when` first (a pain report for
in_triage; a whole triage for after_advice and after_thanks), then the question is sent.

Top-1: the first knowledge-base source of the first reply that answers something (not a repeated
form question) is an entry of the topic. A refusal fits when the bot answers from no entry and
its out-of-scope reply is the one for that kind of question.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

from bot.evals.driver import Runner, load_cases, pct, shared_engine

#: topic -> knowledge-base entries that answer it. A topic with no entry yet is a known gap: every
#: question on it is a miss until an entry is written for it (and added here, by its subject).
TOPIC_ENTRIES: dict[str, tuple[str, ...]] = {
    "soreness_normal": ("soreness-normal",),
    "pain_vs_soreness": ("pain-vs-soreness",),
    "run_through_pain": ("run-through-pain", "pain-monitoring"),
    "stop_or_rest": ("stop-running",),
    "return_to_running": ("return-to-running", "stress-fracture-healing"),
    "race_decision": ("race-decision",),
    "cross_training": ("cross-training",),
    "ice_or_heat": ("ice-or-heat",),
    "painkillers": ("painkillers",),
    "brace_after_sprain": ("ankle-sprain-brace",),
    "see_pt_when": ("pt-when", "pt-didnt-help"),
    "pt_what": ("pt-what",),
    "pt_access_cost": ("pt-access",),
    "stretching_warmup": ("stretching-warmup",),
    "foam_rolling": ("foam-rolling",),
    "calf_achilles_exercises": ("calf-raises",),
    "hip_knee_strength": ("pt-strength", "hip-knee-strength"),
    "mileage_increase": ("mileage-gradual", "mileage-rules"),
    "balance_test": ("balance-test", "balance-why"),
    "shin_splints_vs_fracture": ("shin-pain",),
    # A question about a condition is answered as a question; red-flag advice is not an answer.
    "stress_fracture": ("stress-fracture-healing",),
    "knee_pain": ("knee-pain",),
    "it_band": ("knee-pain",),
    "plantar_heel": ("foot-heel-pain",),
    "achilles": ("achilles-calf-pain",),
    "back_pain": ("back-pain",),
    "hip_groin": ("hip-pain",),
    "warning_signs": ("red-flags",),
    "periods_energy": ("periods-energy",),
    "heat_hydration": ("heat-and-drinking",),
}
#: After advice, "should I race?", "can I run tomorrow?" (or on it, through it), "when can I run
#: again?" get the clinical rules' answer for the level reached (knowledge/clinical/decisions.yml,
#: issue 15) instead of the general entries race-decision and return-to-running; it has no entry
#: id. It is scored by its subject: the race and run-tomorrow answers are race-decision's, the
#: run-tomorrow one is also the pain-monitoring rule (run on it at 3/10 or less, settled by the
#: next morning), the return answer return-to-running's.
DECISION_TOPICS: dict[str, tuple[str, ...]] = {
    "race": ("race_decision",),
    "run_tomorrow": ("race_decision", "run_through_pain"),
    "return": ("return_to_running",),
}
#: refusal kind -> the out-of-scope topic (knowledge/out_of_scope.yml) whose reply fits it.
REFUSALS: dict[str, tuple[str, ...]] = {
    "booking": ("booking",),
    "personal_diagnosis_imaging": ("diagnosis",),
    "medication_dose": ("medication",),
    "shoes_kit_brand": ("shoes",),
    "training_plan": ("training",),
    "nutrition_diet": ("nutrition",),
    "non_running_medical": ("other", "diagnosis"),
    # "are you a real person?" is chit-chat to a question author; the bot answers it honestly with
    # its own topic (out_of_scope.yml `bot`: an automated helper, not a person or a clinician).
    # Added after the second blind set's first contact, which is unchanged by it.
    "chit_chat_other": ("other", "bot"),
}
TRIAGE_ANSWERS = ("it comes back every time I run", "about the same")
#: The answer to any further question of the triage (the clinical intake: more mileage? a race?),
#: so that "after advice" is after the advice; at most this many of them.
FURTHER_ANSWER, MAX_FURTHER = "no", 8


async def _bring_to(runner: Runner, when: str, location: str) -> None:
    if when == "first":
        return
    await runner.say(f"my {location.replace('_', ' ')} hurts")
    if when == "in_triage":
        return
    for answer in (*TRIAGE_ANSWERS, *[FURTHER_ANSWER] * MAX_FURTHER):
        if runner.asks is None:
            break
        await runner.say(answer)


def _decision_kind(text: str) -> str | None:
    """The kind of the clinical rules' decision answer in `text`, if it is one (matched on the
    longest stretch of each answer's words between its placeholders)."""
    import re

    from bot.clinical import decisions

    flat = " ".join(text.split())
    for texts in decisions._data()["answers"].values():  # noqa: SLF001 - the answers are the data
        for kind, template in texts.items():
            longest = max((" ".join(part.split()) for part in re.split(r"\{[^}]*\}", str(template))), key=len)
            if len(longest) >= 20 and longest in flat:
                return kind if kind in decisions.KINDS else None
    return None


def _refusal_topic(text: str) -> str | None:
    oos = shared_engine().kb._data.out_of_scope.topics  # noqa: SLF001 - the replies are the data
    for name, topic in oos.items():
        if topic.reply.strip() and topic.reply.strip() in text:
            return name
    return None


async def score_case(case: dict[str, Any]) -> tuple[bool, str]:
    runner = Runner()
    when = case.get("when") or "first"
    await _bring_to(runner, when, case.get("location") or "knee")
    replies = await runner.say(str(case["text"]))
    answering = [r for r in replies if not r.asks]
    sources = [s for r in answering for s in r.sources]
    top = sources[0] if sources else None
    decision = next((k for r in answering if (k := _decision_kind(r.text))), None) if top is None else None
    if decision is not None:
        top = f"decision:{decision}"
    text = "\n".join(r.text for r in answering)
    if case["topic"] == "out_of_scope":
        refused_as = _refusal_topic(text)
        fits = top is None and refused_as in REFUSALS.get(case.get("refusal") or "", ())
        return fits, f"answered {top}" if top else f"refused as {refused_as}"
    wanted = TOPIC_ENTRIES.get(case["topic"], ())
    ok = top in wanted or (decision is not None and case["topic"] in DECISION_TOPICS.get(decision, ()))
    return ok, f"answered {top}" if top else f"refused as {_refusal_topic(text)}"


async def evaluate(cases: list[dict[str, Any]]) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        ok, what = await score_case(case)
        group = "oos" if case["topic"] == "out_of_scope" else "in"
        counts[group] += 1
        counts[f"{group}:ok"] += ok
        when = case.get("when") or "first"
        counts[f"when:{when}"] += 1
        counts[f"when:{when}:ok"] += ok
        counts[f"topic:{case['topic']}"] += 1
        counts[f"topic:{case['topic']}:ok"] += ok
        if not ok:
            misses.append(f"{case['topic']}/{case.get('refusal', '')} [{when}] {case['text']!r}: {what}")
    return counts, misses


def report(counts: Counter[str]) -> list[str]:
    lines = [f"cases: {counts['in'] + counts['oos']}",
             f"in scope, top-1 right:      {pct(counts['in:ok'], counts['in'])}",
             f"out of scope, refusal fits: {pct(counts['oos:ok'], counts['oos'])}"]
    for when in ("first", "in_triage", "after_advice", "after_thanks"):
        lines.append(f"  asked {when:13} {pct(counts[f'when:{when}:ok'], counts[f'when:{when}'])}")
    gaps = sorted(t for t, ids in TOPIC_ENTRIES.items() if not ids and counts[f"topic:{t}"])
    if gaps:
        lines.append(f"topics with no entry yet ({sum(counts[f'topic:{t}'] for t in gaps)} questions): {', '.join(gaps)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evals.questions", description=__doc__.splitlines()[0])
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
