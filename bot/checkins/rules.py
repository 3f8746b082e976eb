"""What a runner's check-ins say, as findings. Pure rules over the stored check-in entries.

| rule | when | finding |
|---|---|---|
| pain-pattern | pain >= 1 and the triage (bot.triage.decide, the conversation's own rules) says see_pt for the pattern reported: it comes back, does not fade, or could not be told | see_pt |
| pain-rising | pain up by 2 points or more since the last check-in, or up in each of the last two check-ins (two weeks running) | see_pt |
| load-week | this week's distance > 130% of the average of the previous four weeks (at least two of them reported) | load |
| load-long-run | this week's longest run > 130% of the longest run reported in the previous 30 days | load |

With too few check-ins before, what the runner said in this week's answers counts instead: the week
before said in the distance answer ("55km, up from about 35 the week before") for load-week, and a
longest run said to be a first ("21, my first half distance") for load-long-run (tester round 27 was
told "Nothing in this week's answers worries me").

One set of rules: the pain pattern is judged by `bot.triage.decide`, the same function the
conversation uses, so "6/10, came back when I ran" gets the same see_pt in both. Only the level it
returns is used (the triage module's reasons and rule names are its own business).

A one-point rise (2 -> 3) is within the noise of a 0-10 self-report: the minimal clinically
important difference for pain scales is about 2 points (Farrar et al., Pain 2001; Salaffia et al.
2004), so a single rise counts from 2 points, or when the pain has risen two weeks running.

**Escalation.** A problem found again in consecutive check-ins (each within 15 days of the one
before) climbs a ladder: step 1 a note (for pain: the see_pt advice), step 2 firmer advice,
step 3 "see someone this week". Pain problems (pattern, rising) and load problems (weekly
distance, long run) are two ladders. The step is counted from the `findings` stored with each
entry, so nothing new needs storing.

Weeks without a check-in are unknown, not zero, so they are left out of the four-week average.
Exactly 30% more is not "more than 30%". The load thresholds are rules of thumb from cohort
studies, not laws (CLINICAL.md: Nielsen et al., JOSPT 2014; the 2025 cohort of 5,205 runners).
Red flags in a check-in answer are the safety screen's job, before any of this runs.

Findings carry their numbers (`numbers`, km and pain); `bot.checkins.render` says them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

LOAD_FACTOR = Fraction(13, 10)
FOUR_WEEKS = 4
MIN_WEEKS_FOR_AVERAGE = 2
LONG_RUN_WINDOW = timedelta(days=30)
#: A rise this big in one week counts; smaller rises count when they repeat (two weeks running).
PAIN_RISE_POINTS = 2
#: Check-ins further apart than this do not make a "persisting" problem.
STREAK_GAP = timedelta(days=15)
MAX_STEP = 3

#: Which ladder each rule climbs. "pain-recurring" is the name stored by the rules before issue
#: 17 (pain in two check-ins in a row): it counts as a pain problem in the streak.
PROBLEMS = {"pain-pattern": "pain", "pain-rising": "pain", "pain-recurring": "pain",
            "load-week": "load", "load-long-run": "load"}


@dataclass(frozen=True)
class Finding:
    rule: str
    kind: str  # "see_pt" | "load"
    numbers: Mapping[str, Any] = field(default_factory=dict)  # what its text says (bot.checkins.render)
    step: int = 1  # 1 note, 2 firmer, 3 see someone this week
    streak: int = 1  # check-ins in a row with this problem, this one included
    level: str | None = None  # the triage level behind a pain finding

    @property
    def problem(self) -> str:
        return PROBLEMS.get(self.rule, self.rule)


def _number(value: Any) -> Fraction | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return Fraction(value).limit_denominator(1000)


def week_monday(key: Any) -> date | None:
    """'2026-W48' -> the Monday of that ISO week (what runners call "the week of 23 Nov")."""
    try:
        year, week = str(key).split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except (AttributeError, ValueError):
        return None


def _week_index(key: str) -> int | None:
    """'2026-W49' -> a number that grows by one per ISO week (for "the previous four weeks")."""
    monday = week_monday(key)
    return None if monday is None else monday.toordinal() // 7


def _at(entry: Mapping[str, Any]) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(entry.get("at")))
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None  # naive times cannot be compared


def _when(entry: Mapping[str, Any]) -> date | None:
    at = _at(entry)
    return at.date() if at is not None else week_monday(entry.get("week"))


# -- pain ---------------------------------------------------------------------------------------

def _pattern_finding(latest: Mapping[str, Any], pain: Fraction | None) -> Finding | None:
    """The conversation's triage rules, applied to this week's pain and pattern."""
    locations = [str(x) for x in latest.get("location") or [] if isinstance(x, str)]
    pattern = latest.get("pattern")
    if pain is None and pattern in ("recurring", "persistent"):
        # No score given ("comes back every run" instead of a number), but the pattern was: it
        # still needs a physical therapist, never "nothing worries me" (tester round 7).
        return Finding("pain-pattern", "see_pt", {"pain": None, "pattern": pattern, "location": locations},
                       level="see_pt")
    if pain is None or pain < 1:
        return None
    from bot.triage import decide

    decision = decide({"pain_pattern": pattern, "pain_location": locations})
    level = str(getattr(decision.level, "value", decision.level))
    if level == "self_care":
        return None
    return Finding("pain-pattern", "see_pt",
                   {"pain": float(pain), "pattern": pattern, "location": locations}, level=level)


def _rising_finding(pains: list[Fraction]) -> Finding | None:
    """pains: this check-in's score last, the ones before it in order (None-free)."""
    if len(pains) < 2:
        return None
    now, before = pains[-1], pains[-2]
    if now - before >= PAIN_RISE_POINTS:
        return Finding("pain-rising", "see_pt", {"from": float(before), "to": float(now), "weeks": 1})
    if len(pains) >= 3 and pains[-3] < before < now:
        first = pains[-3]
        return Finding("pain-rising", "see_pt", {"from": float(first), "to": float(now), "via": float(before), "weeks": 2})
    return None


# -- load ---------------------------------------------------------------------------------------

def _average(week: int, earlier: Sequence[Mapping[str, Any]]) -> tuple[Fraction, int] | None:
    """The average distance of the four ISO weeks before `week` that have a check-in, and how
    many there were; None with fewer than two."""
    window: dict[int, Fraction] = {}
    for entry in earlier:
        index = _week_index(str(entry.get("week")))
        value = _number(entry.get("distance_km"))
        if index is not None and value is not None and 1 <= week - index <= FOUR_WEEKS:
            window[index] = value  # a later entry for the same week wins
    if len(window) < MIN_WEEKS_FOR_AVERAGE:
        return None
    return sum(window.values(), Fraction(0)) / len(window), len(window)


def safe_band(latest: Mapping[str, Any], earlier: Sequence[Mapping[str, Any]]) -> tuple[float, float] | None:
    """The rule-of-thumb band for `latest`'s week: from the average of the previous four weeks
    to 30% above it (the load-week rule's limit), in km; None without two earlier weeks."""
    week = _week_index(str(latest.get("week")))
    found = None if week is None else _average(week, earlier)
    if found is None:
        return None
    return float(found[0]), float(found[0] * LOAD_FACTOR)


def _week_finding(latest: Mapping[str, Any], earlier: Sequence[Mapping[str, Any]]) -> Finding | None:
    distance = _number(latest.get("distance_km"))
    week = _week_index(str(latest.get("week")))
    found = None if distance is None or week is None else _average(week, earlier)
    said = _number(latest.get("said_before_km"))
    if found is None and said is not None and said > 0:
        found = said, 0  # the week before, as the runner said it (weeks = 0: said, not stored)
    if distance is None or found is None:
        return None
    average, weeks = found
    if distance <= average * LOAD_FACTOR:
        return None
    return Finding("load-week", "load", {
        "this_km": float(distance), "average_km": float(average), "weeks": weeks,
        "band_high_km": float(average * LOAD_FACTOR),
        "increase_pct": float((distance / average - 1) * 100) if average else None})


def _long_run_finding(latest: Mapping[str, Any], earlier: Sequence[Mapping[str, Any]]) -> Finding | None:
    longest = _number(latest.get("longest_km"))
    when = _at(latest)
    if longest is None or when is None:
        return None
    recent = [
        value for entry in earlier
        if (at := _at(entry)) is not None and timedelta(0) < when - at <= LONG_RUN_WINDOW
        and (value := _number(entry.get("longest_km"))) is not None
    ]
    if not recent and latest.get("longest_first") is True and longest > 0:
        # "21, my first half distance", with no long run stored before it
        return Finding("load-long-run", "load", {"longest_km": float(longest), "first": True})
    if not recent or max(recent) <= 0 or longest <= max(recent) * LOAD_FACTOR:
        return None
    top = max(recent)
    return Finding("load-long-run", "load", {
        "longest_km": float(longest), "previous_longest_km": float(top),
        "increase_pct": float((longest / top - 1) * 100), "band_high_km": float(top * LOAD_FACTOR)})


# -- escalation ---------------------------------------------------------------------------------

def streak(problem: str, earlier: Sequence[Mapping[str, Any]], latest: Mapping[str, Any]) -> int:
    """How many check-ins in a row, ending with `latest`, show `problem` ("pain" or "load"),
    counting `latest` as one. A gap of more than 15 days between check-ins ends a streak."""
    count = 1
    after = _when(latest)
    for entry in reversed(earlier):
        if entry.get("pain") is None and entry.get("runs"):
            continue  # a week made from run files alone: no check-in, neither breaks nor extends a streak
        when = _when(entry)
        if after is not None and when is not None and after - when > STREAK_GAP:
            break
        if not any(PROBLEMS.get(str(rule)) == problem for rule in entry.get("findings") or []):
            break
        count += 1
        after = when
    return count


def evaluate(entries: Sequence[Mapping[str, Any]]) -> list[Finding]:
    """Findings for the LAST entry of `entries` (oldest first), given the ones before it, each
    with its step on the escalation ladder."""
    if not entries:
        return []
    latest, earlier = entries[-1], [e for e in entries[:-1] if e.get("week") != entries[-1].get("week")]
    pain = _number(latest.get("pain"))
    found: list[Finding] = []
    pattern = _pattern_finding(latest, pain)
    if pattern is not None:
        found.append(pattern)
    if pain is not None:
        pains = [p for e in earlier if (p := _number(e.get("pain"))) is not None][-2:] + [pain]
        rising = _rising_finding(pains)
        if rising is not None:
            found.append(rising)
    for finding in (_week_finding(latest, earlier), _long_run_finding(latest, earlier)):
        if finding is not None:
            found.append(finding)
    streaks = {problem: streak(problem, earlier, latest) for problem in {f.problem for f in found}}
    return [Finding(f.rule, f.kind, f.numbers, min(MAX_STEP, streaks[f.problem]), streaks[f.problem],
                    f.level) for f in found]
