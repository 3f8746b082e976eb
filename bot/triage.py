"""Slots, clinical findings, the intake and the balance test -> a triage level and the reasons,
in plain words. Pure rules.

The rules, in order (the first that applies decides; docs/triage.md has the table):

| rule | when | level |
|---|---|---|
| crisis | the safety screen found talk of suicide or self-harm | crisis |
| red-flag-emergency | a red flag or clinical finding whose level is emergency | emergency |
| red-flag-urgent | a red flag or clinical finding whose level is urgent | urgent |
| clinical-see-pt | a clinical finding whose level is see_pt (shin splints, a pelvic-floor leak) | see_pt |
| pattern-not-fading | pain_pattern is recurring or persistent | see_pt |
| balance-worse | balance_change is worse, or the timed test shows a clear side difference or is well below the age norm | see_pt |
| range-of-motion | range of motion is reduced | see_pt |
| pattern-unknown | we could not tell whether the pain fades (still unclear after one clarifying question) | see_pt |
| early-soreness | no pattern said, and the pain started only in the last day or two (too soon to tell): with no see_pt reason above | self_care, with when to book a PT |
| soreness | pain fades like soreness, balance the same or unsure | self_care |

Several see_pt rules can apply at once: all their reasons are given. The clinical findings come
from `bot.clinical.evaluate` (red flags in context, knowledge/clinical/rules.yml); the intake adds
advice notes (a recent jump in load, a race soon, an old injury in the same spot) to see_pt and
self_care advice; they never lower a level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

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
    notes: tuple[str, ...] = ()  # advice notes from the intake (keys of knowledge/clinical/intake.yml)
    findings: tuple[str, ...] = ()  # the clinical rule ids behind the level


class ClinicalFinding(Protocol):
    """What decide needs of a clinical finding (bot.clinical.evaluate.Finding)."""

    @property
    def rule(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def reason(self) -> str: ...


class BalanceOutcome(Protocol):
    """What decide needs of a balance test result (bot.clinical.balance.BalanceResult)."""

    @property
    def raises_level(self) -> bool: ...
    @property
    def reason(self) -> str: ...


def describe_pain(slots: Mapping[str, Any]) -> str:
    """'your left shin pain', 'your knee and hip pain', 'your pain'. Location names are the text
    catalog's (location.<id>); the sentences around them are still English (see docs/triage.md)."""
    voice = english()
    locations = [voice.name(LOCATION, x) for x in slots.get("pain_location") or []]
    side = slots.get("pain_side")
    where = " and ".join(locations) if len(locations) <= 2 else ", ".join(locations[:-1]) + " and " + locations[-1]
    if where and side in ("left", "right"):
        where = f"{side} {where}"
    # A parent, partner or coach writing for someone else: their pain, not "your" (tester round
    # 16: "your heel pain" said to the father of a 13-year-old).
    whose = "their" if slots.get("reporting_for") == "other" else "your"
    return f"{whose} {where} pain" if where else f"{whose} pain"


def decide(slots: Mapping[str, Any], red_flags: Sequence[RedFlagFinding] = (),
           crisis: bool = False, *, findings: Sequence[ClinicalFinding] = (),
           notes: Sequence[str] = (), balance: BalanceOutcome | None = None) -> TriageDecision:
    """The triage level for what the runner told us. Pure: same input, same answer.

    `red_flags` (the safety screen's, kept for callers that have only those), `findings` (the
    clinical evaluator's), `notes` (bot.clinical.intake.notes) and `balance` (a timed single-leg
    test) are optional: `decide(slots, red_flags, crisis)` works as it always did.
    """
    if crisis:
        return TriageDecision(TriageLevel.CRISIS, ("you told me you might be in crisis",), ("crisis",))
    for level, rule in ((TriageLevel.EMERGENCY, "red-flag-emergency"), (TriageLevel.URGENT, "red-flag-urgent")):
        hits = [f.reason for f in red_flags if f.level == level.value]
        clinical = [f for f in findings if f.level == level.value]
        if hits or clinical:
            # No intake notes: when a doctor is the next step, training advice is noise.
            return TriageDecision(level, tuple(dict.fromkeys([f.reason for f in clinical] + hits)), (rule,), (),
                                  tuple(f.rule for f in clinical))

    pain = describe_pain(slots)
    they = slots.get("reporting_for") == "other"
    run_again = "when they run again" if they else "when you run again"
    pattern = slots.get("pain_pattern")
    reasons: list[str] = []
    rules: list[str] = []
    pt_findings = [f for f in findings if f.level == TriageLevel.SEE_PT.value]
    if pt_findings:
        reasons += [f.reason for f in pt_findings]
        rules.append("clinical-see-pt")
    if pattern == "recurring":
        reasons.append(f"{pain} comes back {run_again}")
        rules.append("pattern-not-fading")
    elif pattern == "persistent":
        reasons.append(f"{pain} does not fade the way normal soreness does")
        rules.append("pattern-not-fading")
    if balance is not None and balance.raises_level:
        reasons.append(balance.reason)
        rules.append("balance-worse")
    elif slots.get("balance_change") == "worse" and balance is None:
        reasons.append("their single-leg balance is worse than it used to be" if they
                       else "your single-leg balance is worse than it used to be")
        rules.append("balance-worse")
    if slots.get("range_of_motion") == "reduced":
        reasons.append("they have lost some range of motion" if they else "you have lost some range of motion")
        rules.append("range-of-motion")
    early = pattern is None and "early-soreness" in notes
    if pattern is None and not pt_findings and not early:  # skipped after a clarification, or not asked
        reasons.append(f"we could not tell whether {pain} fades like normal soreness, so it is safer to have it checked")
        rules.append("pattern-unknown")
    if reasons:
        return TriageDecision(TriageLevel.SEE_PT, tuple(reasons), tuple(rules), tuple(n for n in notes if n != "early-soreness"),
                              tuple(f.rule for f in pt_findings))
    if early:
        # Too soon to say whether it fades: started a day or two ago, nothing else pointing to a
        # physical therapist (tester round 7). Self-care, with when to think again.
        reasons = [f"{pain} only started in the last day or two, when soreness after a harder run than usual is at its worst"]
        return TriageDecision(TriageLevel.SELF_CARE, tuple(reasons), ("early-soreness",), tuple(notes))

    reasons = [f"{pain} eases within days, like normal soreness after running"]
    extra = list(notes)
    if slots.get("balance_change") == "unsure" and balance is None:
        reasons.append("you were not sure about your balance, so the single-leg test is worth a try")
        extra.append("balance-test")
    return TriageDecision(TriageLevel.SELF_CARE, tuple(reasons), ("soreness",), tuple(extra))
