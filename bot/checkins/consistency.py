"""Answers that contradict each other within one check-in, and a second check-in in one week.

Pure functions. Each contradiction is answered with ONE confirming question (a `Confirm`, see
bot.checkins.answers), asked about the answer just given:

- the longest run is more than the week's total (after unit conversion: everything is km here);
- the pain "came back when I ran", but no running this week (0 km).

`same_week(entries, week)` is the "replace or keep?" question when a check-in for that week
was already answered (the check-in form asks it first; "keep" records nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.checkins.answers import Confirm, Option, Reading

DISTANCE = "checkin_distance"
LONGEST = "checkin_longest"
PATTERN = "checkin_pattern"
#: Rounding slack: "12.4 mi" total and "20 km" longest should not trip the check.
LONGEST_SLACK_KM = 0.15


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def longest_over_total(longest_km: float, total_km: float, asked: str = LONGEST) -> Confirm | None:
    """The longest run is more than the whole week: one question, asked about `asked` (the
    answer just given). Options: the total was more (ask the total again); the longest was
    shorter (ask it again); it was the only run (both become the longest)."""
    if longest_km <= total_km + LONGEST_SLACK_KM:
        return None
    return Confirm(asked, "longest-over-total", (
        Option("only-run", round(longest_km, 2), {DISTANCE: round(longest_km, 2), LONGEST: round(longest_km, 2)}),
        Option("total-wrong", None, {LONGEST: round(longest_km, 2), DISTANCE: None}, ask_again=DISTANCE),
        Option("longest-wrong", None, {DISTANCE: round(total_km, 2), LONGEST: None}, ask_again=LONGEST),
    ), {"longest_km": round(longest_km, 2), "total_km": round(total_km, 2)})


def recurring_without_running(pattern: Any, distance_km: float, asked: str = DISTANCE) -> Confirm | None:
    """Pain that "came back when I ran" in a week with no running: one question, asked about
    `asked` (the answer just given: the distance, or the pattern when the distance came first).
    "yes" keeps both (the pain came back with other activity, or from last week's runs: still not
    fading, so the advice is unchanged); "ran" asks the distance again; "faded" corrects the
    pattern."""
    if pattern != "recurring" or distance_km > 0:
        return None
    return Confirm(asked, "recurring-without-running", (
        Option("yes", 0.0, {PATTERN: "recurring", DISTANCE: 0.0, LONGEST: 0.0}),
        Option("ran", None, {PATTERN: "recurring", DISTANCE: None}, ask_again=DISTANCE),
        Option("faded", None, {PATTERN: "fades", DISTANCE: 0.0, LONGEST: 0.0}),
    ), {"distance_km": 0.0, "pattern": "recurring"})


def check(reading: Reading, answers: Mapping[str, Any]) -> Confirm | None:
    """The contradiction (if any) between `reading` and the answers already given."""
    if reading.slot == LONGEST:
        total = _number(answers.get(DISTANCE))
        if total is not None:
            return longest_over_total(reading.value, total, LONGEST)
    if reading.slot == DISTANCE:
        confirm = recurring_without_running(answers.get(PATTERN), reading.value, DISTANCE)
        if confirm is not None:
            return confirm
        longest = _number(answers.get(LONGEST))
        if longest is not None:
            return longest_over_total(longest, reading.value, DISTANCE)
        also = _number(reading.also.get(LONGEST))
        if also is not None:
            return longest_over_total(also, reading.value, DISTANCE)
    return None


def check_entry(entry: Mapping[str, Any]) -> Confirm | None:
    """The same checks over a whole entry (e.g. one assembled from buttons and a run file)."""
    distance = _number(entry.get("distance_km"))
    longest = _number(entry.get("longest_km"))
    if distance is not None:
        confirm = recurring_without_running(entry.get("pattern"), distance)
        if confirm is not None:
            return confirm
        if longest is not None:
            return longest_over_total(longest, distance)
    return None


# -- a second check-in in the same week ---------------------------------------------------------

@dataclass(frozen=True)
class SameWeek:
    """A check-in for `week` already exists: ask "replace or keep?" before a new one.
    `existing` is the stored entry (for "you told me pain 3/10, 20 km")."""

    week: str
    existing: Mapping[str, Any]
    options: tuple[Option, ...] = (Option("replace"), Option("keep"))

    @property
    def asks(self) -> str:
        return "checkin_replace"


def answered(entry: Mapping[str, Any]) -> bool:
    """Whether the runner answered a check-in for this entry's week (not only sent run files)."""
    return not (entry.get("runs") and entry.get("pain") is None and entry.get("answered_km") is None)


def same_week(entries: Sequence[Mapping[str, Any]], week: str) -> SameWeek | None:
    """The question to ask before a new check-in for `week`, if one was already answered (a week
    known only from run files is not asked about: its runs join the new answers)."""
    existing = next((e for e in reversed(entries) if e.get("week") == week and answered(e)), None)
    return SameWeek(week, dict(existing)) if existing is not None else None
