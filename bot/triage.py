"""Slots (and safety findings) -> a triage level and the reasons, in plain words. Pure rules.

The rules, in order (the first that applies decides; docs/triage.md has the table):

| rule | when | level |
|---|---|---|
| crisis | the safety screen found talk of suicide or self-harm | crisis |
| red-flag-emergency | a red flag whose level is emergency | emergency |
| red-flag-urgent | a red flag whose level is urgent | urgent |
| pattern-not-fading | pain_pattern is recurring or persistent | see_pt |
| balance-worse | balance_change is worse | see_pt |
| range-of-motion | range of motion is reduced | see_pt |
| pattern-unknown | we could not tell whether the pain fades (still unclear after one clarifying question) | see_pt |
| soreness | pain fades like soreness, balance the same or unsure | self_care |

Several see_pt rules can apply at once: all their reasons are given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.texts import LOCATION, english


class TriageLevel(str, Enum):
    CRISIS = "crisis"
    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_PT = "see_pt"
    SELF_CARE = "self_care"


@dataclass(frozen=True)
class RedFlagFinding:
    flag: str
    level: str  # "emergency" | "urgent"
    reason: str


@dataclass(frozen=True)
class TriageDecision:
    level: TriageLevel
    reasons: tuple[str, ...]
    rules: tuple[str, ...]


def describe_pain(slots: Mapping[str, Any]) -> str:
    """'your left shin pain', 'your knee and hip pain', 'your pain'. Location names are the text
    catalog's (location.<id>); the sentences around them are still English (see docs/triage.md)."""
    voice = english()
    locations = [voice.name(LOCATION, x) for x in slots.get("pain_location") or []]
    side = slots.get("pain_side")
    where = " and ".join(locations) if len(locations) <= 2 else ", ".join(locations[:-1]) + " and " + locations[-1]
    if where and side in ("left", "right"):
        where = f"{side} {where}"
    return f"your {where} pain" if where else "your pain"


def decide(slots: Mapping[str, Any], red_flags: Sequence[RedFlagFinding] = (),
           crisis: bool = False) -> TriageDecision:
    """The triage level for what the runner told us. Pure: same input, same answer."""
    if crisis:
        return TriageDecision(TriageLevel.CRISIS, ("you told me you might be in crisis",), ("crisis",))
    for level, rule in ((TriageLevel.EMERGENCY, "red-flag-emergency"), (TriageLevel.URGENT, "red-flag-urgent")):
        hits = [f for f in red_flags if f.level == level.value]
        if hits:
            return TriageDecision(level, tuple(dict.fromkeys(f.reason for f in hits)), (rule,))

    pain = describe_pain(slots)
    pattern = slots.get("pain_pattern")
    reasons: list[str] = []
    rules: list[str] = []
    if pattern == "recurring":
        reasons.append(f"{pain} comes back when you run again")
        rules.append("pattern-not-fading")
    elif pattern == "persistent":
        reasons.append(f"{pain} does not fade the way normal soreness does")
        rules.append("pattern-not-fading")
    if slots.get("balance_change") == "worse":
        reasons.append("your single-leg balance is worse than it used to be")
        rules.append("balance-worse")
    if slots.get("range_of_motion") == "reduced":
        reasons.append("you have lost some range of motion")
        rules.append("range-of-motion")
    if pattern is None:  # skipped after a clarification, or not asked
        reasons.append(f"we could not tell whether {pain} fades like normal soreness, so it is safer to have it checked")
        rules.append("pattern-unknown")
    if reasons:
        return TriageDecision(TriageLevel.SEE_PT, tuple(reasons), tuple(rules))

    reasons = [f"{pain} eases within days, like normal soreness after running"]
    if slots.get("balance_change") == "unsure":
        reasons.append("you were not sure about your balance, so try the single-leg test below")
    return TriageDecision(TriageLevel.SELF_CARE, tuple(reasons), ("soreness",))
