"""Weekly check-in answers: is what the runner typed recorded right, or confirmed by a question?

A case (tests/data/blind/checkin_*.yml):

    ask: distance            # pain | pattern | distance | longest: the question being answered
    unit: km                 # the runner's unit setting
    text: "did 3 runs, 5k 6k and 8k so 19k total"
    before: {distance_km: 0} # optional: answers already given in this check-in
    expect: {km: 19.0}       # or {pain: 6} / {pattern: recurring} / {confirm: true}
    also: {longest_km: 8.0}  # optional: another answer stated in the same message

The runner starts a check-in (/checkin_now), the earlier answers are filled in, and the case's
text answers the question. Outcomes: *right* (the recorded value is the expected one), *asked*
(the bot asked about that answer again: a confirming or clarifying question), *wrong* (a value
recorded that is not what the runner meant, or nothing recorded and nothing asked). The target
(issue 17): right or asked for at least 95%, and none silently wrong.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

from bot.evals.driver import Runner, load_cases, pct

SLOTS = {"pain": "checkin_pain", "pattern": "checkin_pattern", "distance": "checkin_distance",
         "longest": "checkin_longest"}
ENTRY_FIELDS = {"checkin_pain": "pain", "checkin_pattern": "pattern", "checkin_distance": "distance_km",
                "checkin_longest": "longest_km"}
BEFORE = {"pain": "checkin_pain", "pattern": "checkin_pattern", "distance_km": "checkin_distance",
          "longest_km": "checkin_longest"}
ORDER = ("checkin_pain", "checkin_location", "checkin_pattern", "checkin_distance", "checkin_longest")
DEFAULTS: dict[str, Any] = {"checkin_pain": 2, "checkin_location": ["knee"], "checkin_pattern": "fades",
                            "checkin_distance": 20.0}
KM_TOLERANCE = 0.05


def _matches(expect: dict[str, Any], value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return False
    if "km" in expect:
        return isinstance(value, (int, float)) and abs(float(value) - float(expect["km"])) <= KM_TOLERANCE
    if "pain" in expect:
        return isinstance(value, (int, float)) and float(value) == float(expect["pain"])
    if "pattern" in expect:
        return bool(value == expect["pattern"])
    return False


async def score_case(case: dict[str, Any]) -> tuple[str, str]:
    """('right' | 'asked' | 'wrong', what happened in words)."""
    slot = SLOTS[case["ask"]]
    runner = Runner(record={"checkins": {"schedule": {"unit": case.get("unit") or "km", "tz": "UTC",
                                                      "active": True, "weekday": 0, "at": "09:00"}}})
    await runner.say("/checkin_now")
    conv = runner.record["conversation"]
    filled = {s: v for s, v in DEFAULTS.items() if ORDER.index(s) < ORDER.index(slot)}
    for key, value in (case.get("before") or {}).items():
        filled[BEFORE[key]] = value
    conv["slots"].update(filled)
    conv["requested_slot"] = slot
    replies = await runner.say(str(case["text"]))
    expect = case.get("expect") or {}
    if any(r.asks and r.asks.startswith(slot) for r in replies):
        return ("right" if expect.get("confirm") else "asked"), "asked again"
    value = runner.slots.get(slot)
    if value is None and runner.state != "checkin_form":
        entries = (runner.record.get("checkins") or {}).get("entries") or []
        value = entries[-1].get(ENTRY_FIELDS[slot]) if entries else None
    if expect.get("confirm"):
        return "wrong", f"recorded {value!r} without asking"
    if _matches(expect, value):
        return "right", f"recorded {value!r}"
    return "wrong", f"recorded {value!r}"


async def evaluate(cases: list[dict[str, Any]]) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        outcome, what = await score_case(case)
        kind = "confirm" if (case.get("expect") or {}).get("confirm") else "value"
        counts[outcome] += 1
        counts[f"{kind}:{outcome}"] += 1
        counts[f"{case['ask']}:{outcome}"] += 1
        if outcome != "right":
            misses.append(f"[{outcome}] {case['ask']} ({case.get('unit', 'km')}) {case['text']!r}: "
                          f"want {case.get('expect')}, {what}")
    return counts, misses


def report(counts: Counter[str], total: int) -> list[str]:
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
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evals.checkin", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--details", action="store_true", help="list every case not recorded right")
    args = parser.parse_args(argv)
    cases = load_cases(args.file)
    counts, misses = asyncio.run(evaluate(cases))
    print("\n".join(report(counts, len(cases))))
    if args.details:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
