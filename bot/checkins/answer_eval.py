"""Score a set of check-in answers against the pure readers (phase A), in the blind-set format.

    python -m bot.checkins.answer_eval tests/data/checkin_dev.yml [--details]

Same cases and outcomes as `python -m bot.evals.checkin` (which plays them through the engine,
as a runner sees them): *right* (the value read is the expected one, or a confirming question
when one was expected), *asked* (a confirming or clarifying question where a value was
expected), *wrong* (another value recorded, or a value recorded where a question was expected).
The difference: this one calls `bot.checkins.numbers.read_answer` (plus the consistency checks)
directly, with the same answers already given (the engine scorer's defaults, then the case's
`before`), so it measures the readers alone; what the engine adds is the safety screen before
every answer (a red flag in an answer ends the check-in with the triage's advice). An
`Unclear` counts as asked, because the form then asks its clarifying question. `also` (another
answer stated in the same message) is scored separately.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.checkins.answers import Confirm, Reading, Unclear
from bot.checkins.consistency import recurring_without_running
from bot.checkins.numbers import read_answer
from bot.evals.checkin import BEFORE, DEFAULTS, ORDER, SLOTS

ALSO = {"longest_km": "checkin_longest", "distance_km": "checkin_distance", "pain": "checkin_pain"}
KM_TOLERANCE = 0.05


@lru_cache(maxsize=1)
def _pattern_reader() -> Callable[[str], str | None]:
    from bot.nlu.pipeline import (
        NLU,  # the same reader the check-in form uses for this question
    )

    nlu = NLU()
    return lambda text: nlu.parse(text, "pain_pattern").slots.get("pain_pattern")


def _close(a: Any, b: Any, tolerance: float) -> bool:
    return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(float(a) - float(b)) <= tolerance


def score_case(case: dict[str, Any]) -> tuple[str, str, str | None]:
    """('right' | 'asked' | 'wrong', what happened, the `also` outcome or None)."""
    ask = case["ask"]
    slot = SLOTS[ask]
    unit = str(case.get("unit") or "km")
    # the answers already given: the engine scorer's defaults for the earlier questions, then the case's
    answers = {s: v for s, v in DEFAULTS.items() if ORDER.index(s) < ORDER.index(slot) and s in BEFORE.values()}
    answers.update({BEFORE[k]: v for k, v in (case.get("before") or {}).items() if k in BEFORE})
    expect = case.get("expect") or {}
    if ask == "pattern":
        pattern = _pattern_reader()(str(case["text"]))
        distance = answers.get("checkin_distance")
        answer: Any = (Unclear(slot) if pattern is None else
                       (recurring_without_running(pattern, float(distance), slot)
                        if isinstance(distance, (int, float)) else None) or Reading(slot, 0.0))
        value: Any = pattern
    else:
        answer = read_answer(slot, str(case["text"]), unit, answers)
        value = answer.value if isinstance(answer, Reading) else None
    if isinstance(answer, (Confirm, Unclear)):
        what = f"asked ({answer.reason})"
        return ("right" if expect.get("confirm") else "asked"), what, None
    if expect.get("confirm"):
        return "wrong", f"recorded {value!r} without asking", None
    if "km" in expect:
        ok = _close(value, expect["km"], KM_TOLERANCE)
    elif "pain" in expect:
        ok = isinstance(value, (int, float)) and float(value) == float(expect["pain"])
    else:
        ok = value == expect.get("pattern")
    also_outcome = None
    if case.get("also") and isinstance(answer, Reading):
        also_outcome = "right" if all(_close(answer.also.get(ALSO[k]), v, KM_TOLERANCE)
                                      for k, v in case["also"].items() if k in ALSO) else "wrong"
    return ("right" if ok else "wrong"), f"recorded {value!r}", also_outcome


def evaluate(cases: list[dict[str, Any]]) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        outcome, what, also = score_case(case)
        kind = "confirm" if (case.get("expect") or {}).get("confirm") else "value"
        counts[outcome] += 1
        counts[f"{kind}:{outcome}"] += 1
        counts[f"{case['ask']}:{outcome}"] += 1
        if also:
            counts[f"also:{also}"] += 1
        if outcome != "right" or also == "wrong":
            misses.append(f"[{outcome}{', also wrong' if also == 'wrong' else ''}] {case['ask']} "
                          f"({case.get('unit', 'km')}) {case['text']!r}: want {case.get('expect')}"
                          f"{' also ' + str(case['also']) if case.get('also') else ''}, {what}")
    return counts, misses


def report(counts: Counter[str], total: int) -> list[str]:
    from bot.evals.driver import pct

    ok = counts["right"] + counts["asked"]
    lines = [f"cases: {total}",
             f"recorded right or confirmed by a question: {pct(ok, total)}",
             f"  recorded right:                          {pct(counts['right'], total)}",
             f"  asked again (expected a value):          {pct(counts['value:asked'], total)}",
             f"silently wrong:                            {pct(counts['wrong'], total)}"]
    for ask in SLOTS:
        n = sum(counts[f"{ask}:{o}"] for o in ("right", "asked", "wrong"))
        lines.append(f"  {ask:9} right {counts[f'{ask}:right']:3}  asked {counts[f'{ask}:asked']:3}  "
                     f"wrong {counts[f'{ask}:wrong']:3}  of {n}")
    also = counts["also:right"] + counts["also:wrong"]
    lines.append(f"also stated in the same message, read right: {pct(counts['also:right'], also)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    from bot.evals.driver import load_cases

    parser = argparse.ArgumentParser(prog="python -m bot.checkins.answer_eval", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--details", action="store_true", help="list every case not recorded right")
    args = parser.parse_args(argv)
    cases = load_cases(args.file)
    counts, misses = evaluate(cases)
    print("\n".join(report(counts, len(cases))))
    if args.details:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
