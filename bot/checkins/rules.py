"""What a runner's check-ins say, as findings. Pure rules over the stored check-in entries.

| rule | when | finding |
|---|---|---|
| pain-recurring | pain ≥ 1 in this check-in and the one before, and this week it did not fade | see_pt |
| pain-rising | this check-in's pain is higher than the one before | see_pt |
| load-week | this week's distance > 130% of the average of the previous four weeks (at least two of them reported) | load warning |
| load-long-run | this week's longest run > 130% of the longest run reported in the previous 30 days | load warning |

"Consecutive" means consecutive check-ins, whatever their dates. Weeks without a check-in are
unknown, not zero, so they are left out of the four-week average. Exactly 30% more is not "more
than 30%". The load thresholds are rules of thumb from cohort studies, not laws (CLINICAL.md:
Nielsen et al., JOSPT 2014; the 2025 cohort of 5,205 runners), and are worded that way.
Red flags in a check-in answer are the safety screen's job, before any of this runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any

from bot.texts import Voice, english, text_family, text_key

LOAD_FACTOR = Fraction(13, 10)
FOUR_WEEKS = 4
MIN_WEEKS_FOR_AVERAGE = 2
LONG_RUN_WINDOW = timedelta(days=30)



#: The rules by kind; each see_pt rule has its reason text (checkin.reason.<rule>), each load
#: rule its warning (checkin.load.<rule>), in dialogues/texts/en.yml.
SEE_PT_RULES = ("pain-recurring", "pain-rising")
LOAD_RULES = ("load-week", "load-long-run")
REASON = text_family("checkin.reason", SEE_PT_RULES, "before", "pain")
LOAD = text_family("checkin.load", LOAD_RULES, "percent", "days")
RULE_OF_THUMB = text_key("checkin.rule_of_thumb")


@dataclass(frozen=True)
class Finding:
    rule: str
    kind: str  # "see_pt" | "load"
    values: Mapping[str, str] = field(default_factory=dict)  # what its text names

    def reason(self, voice: Voice | None = None) -> str:
        """Plain words for the advice ("because ..."): a see_pt finding's reason."""
        return (voice or english()).say(f"{REASON}.{self.rule}", **self.values)


def _number(value: Any) -> Fraction | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return Fraction(value).limit_denominator(1000)


def _week_index(key: str) -> int | None:
    """'2026-W49' -> a number that grows by one per ISO week (for "the previous four weeks")."""
    try:
        year, week = key.split("-W")
        monday = datetime.fromisocalendar(int(year), int(week), 1)
    except (AttributeError, ValueError):
        return None
    return monday.toordinal() // 7


def _at(entry: Mapping[str, Any]) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(entry.get("at")))
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None  # naive times cannot be compared


def evaluate(entries: Sequence[Mapping[str, Any]]) -> list[Finding]:
    """Findings for the LAST entry of `entries` (oldest first), given the ones before it."""
    if not entries:
        return []
    latest, earlier = entries[-1], list(entries[:-1])
    findings: list[Finding] = []
    pain = _number(latest.get("pain"))
    previous = earlier[-1] if earlier else None
    before = _number(previous.get("pain")) if previous else None
    if pain is not None and before is not None:
        if pain >= 1 and before >= 1 and latest.get("pattern") != "fades":
            findings.append(Finding("pain-recurring", "see_pt"))
        if pain > before:
            findings.append(Finding("pain-rising", "see_pt", {"before": f"{float(before):g}", "pain": f"{float(pain):g}"}))

    distance = _number(latest.get("distance_km"))
    week = _week_index(str(latest.get("week")))
    if distance is not None and week is not None:
        window = {}
        for entry in earlier:
            index = _week_index(str(entry.get("week")))
            value = _number(entry.get("distance_km"))
            if index is not None and value is not None and 1 <= week - index <= FOUR_WEEKS:
                window[index] = value  # a later entry for the same week wins
        if len(window) >= MIN_WEEKS_FOR_AVERAGE:
            average = sum(window.values(), Fraction(0)) / len(window)
            if distance > average * LOAD_FACTOR:
                findings.append(Finding("load-week", "load"))

    longest = _number(latest.get("longest_km"))
    when = _at(latest)
    if longest is not None and when is not None:
        recent = [
            value for entry in earlier
            if (at := _at(entry)) is not None and timedelta(0) < when - at <= LONG_RUN_WINDOW
            and (value := _number(entry.get("longest_km"))) is not None
        ]
        if recent and max(recent) > 0 and longest > max(recent) * LOAD_FACTOR:
            findings.append(Finding("load-long-run", "load"))
    return findings


def load_warning(findings: Sequence[Finding], voice: Voice | None = None) -> str | None:
    """The gentle warning for load findings, worded as a rule of thumb with its source."""
    voice = voice or english()
    rules = {f.rule for f in findings if f.kind == "load"}
    if not rules:
        return None
    values = {"percent": f"{float((LOAD_FACTOR - 1) * 100):g}", "days": LONG_RUN_WINDOW.days}
    parts = [voice.say(f"{LOAD}.{rule}", **values) for rule in LOAD_RULES if rule in rules]
    parts.append(voice.say(RULE_OF_THUMB))
    return "\n\n".join(parts)
