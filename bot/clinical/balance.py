"""The single-leg balance test: understand answers in seconds, and interpret them.

"10 s on the left, 40 on the right", "about 20 secs each", "left 30 right 45", "45 both sides".
Interpretation (CLINICAL.md, Springer et al. 2007): a clear difference between sides matters more
than the age norm; both sides well below the norm for the age is worth a physical therapist's look
too. The numbers live in knowledge/clinical/intake.yml (`balance`). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from bot.clinical.intake import intake_data
from bot.clinical.text import normalise

_NUM = r"(\d{1,3}(?:\.\d)?)"
_UNIT = r"\s*(?:s|sec|secs|second|seconds|ish)?\b"
_SIDE = r"(left|right|l|r|left leg|right leg|left side|right side|bad (?:leg|side)|good (?:leg|side)|injured (?:leg|side)|other (?:leg|side))"
_NUM_SIDE = re.compile(_NUM + _UNIT + r"\s*(?:on|for|with|standing on)?\s*(?:the|my)?\s*" + _SIDE + r"\b")
_SIDE_NUM = re.compile(r"\b" + _SIDE + r"\s*(?:leg|side|foot)?\s*(?:is|was|:|=|-|at|about|around|only|just|for|i managed|managed|lasted|got|of)?\s*(?:about|around|only|just|roughly|like|maybe|approx|barely)?\s*" + _NUM + _UNIT)
#: A side and its time a few words apart ("on my right leg I lasted like 15 seconds, left I could
#: go the full 45": forecast vignettes 13 read 45 on both sides), no other side or number between,
#: and not a time of another kind ("right knee, 3 weeks").
#: A number that may be a time in seconds: not one of another unit ("3 times a week for 30 years":
#: tester round 21's 71-year-old was read as 3 s and 30 s).
_TIME = re.compile(r"\b(\d{1,3}(?:\.\d)?)\s*(?:s|sec)?\b(?!\s*(?:times?|x|years?|yrs?|weeks?|wks?|days?|months?|km|kms|k|miles?|mi|"
                   r"mins?|minutes?|hours?|hrs?|%|percent|per cent|kg|lbs?)\b)")
_AGE = re.compile(r"\b(?:i'?m|i am|im|aged?|age|he'?s|she'?s|they'?re)\s+(?:about |around |nearly |almost )?\d{1,3}\b(?!\s*(?:s|sec|secs|second|seconds)\b)"
                  r"|\b\d{1,3}\s*(?:years?|yrs?|y)\s*old\b|\b\d{1,3}\s*(?:yo|y/o)\b")
_SIDE_SPAN = re.compile(r"\b" + _SIDE + r"\b(?:(?!\b(?:left|right)\b)[^0-9.;!?]){1,40}?" + _NUM
                        + r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|km|k|miles?|mi|mins?|minutes?|hours?|hrs?|x|%|/10)\b)" + _UNIT)
_SIDE_SECONDS = re.compile(r"\b" + _SIDE + r"\b(?:(?!\b(?:left|right)\b)[^0-9.;!?,]){1,45}?" + _NUM + r"\s*(?:s|sec|secs|second|seconds)\b")
_SCORE = re.compile(r"\b\d{1,2}(?:\.\d)?\s*(?:/|out of)\s*10\b")
_EFFORT = re.compile(r"\b\d{1,3}(?:\.\d)?\s*(?:s|sec|secs|second|seconds|x)?\s*(?:reps?|sets?|hills?|hill reps|efforts?|sprints?|intervals?|"
                     r"strides|repeats|recover(?:y|ies)|jog|float|rest)\b|\b\d{1,3}\s*s?\s*on[, /]+\d{1,3}\s*s?\s*off\b")
_EACH = re.compile(r"(?:about|around|roughly|maybe|only|just)?\s*" + _NUM + _UNIT + r"[^0-9]{0,20}\b(each|both|either|per (?:leg|side)|on both|same both|each side|each leg|both sides|both legs)\b")
_EACH_BEFORE = re.compile(r"\b(each|both|either)\b[^0-9]{0,20}?" + _NUM + _UNIT)
_FULL = re.compile(r"\b(full 45|the full|all 45|the whole (45|time)|no problem both|easily both|45\+)\b")


@dataclass(frozen=True)
class BalanceReading:
    """Seconds on each side (None when not said)."""

    left: float | None = None
    right: float | None = None
    #: Said to be no worse than before ("same as last year"): then the age norm alone does not
    #: raise the level (CLINICAL.md: a drop from the runner's own time matters more than the norm).
    unchanged: bool = False
    #: The time is where the runner stopped, not where they wobbled off ("held 30s easy", "25+"):
    #: at least that long, so only a difference between the sides counts, never the age norm
    #: (blind vignettes 22: "held 30s easy both sides" at 27 was sent to a physio).
    at_least: bool = False

    @property
    def sides(self) -> tuple[float, ...]:
        return tuple(x for x in (self.left, self.right) if x is not None)


@dataclass(frozen=True)
class BalanceResult:
    """What the test shows. verdict: worse (a clear left/right difference), below_norm (both sides
    well below the age norm), normal, or needs_age (similar sides, age unknown)."""

    verdict: str
    reading: BalanceReading
    norm: float | None
    reason: str

    @property
    def raises_level(self) -> bool:
        return self.verdict in ("worse", "below_norm")

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "left": self.reading.left, "right": self.reading.right,
                "norm": self.norm, "reason": self.reason, **({"at_least": True} if self.reading.at_least else {})}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> BalanceResult | None:
        if not data:
            return None
        return cls(str(data["verdict"]), BalanceReading(data.get("left"), data.get("right"),
                                                        at_least=bool(data.get("at_least"))), data.get("norm"),
                   str(data.get("reason") or ""))


def _side(word: str) -> str:
    word = word.split()[0]
    return "left" if word in ("left", "l") else "right" if word in ("right", "r") else word


_ABOUT_BALANCE = re.compile(r"\b(balanc\w*|stand\w*|one leg|single.?leg|each leg|each side|wobbl\w*|seconds?|secs?|\d+(\.\d)?\s?s)\b")


def says_seconds(text: str) -> bool:
    """Is a time in seconds said ("14 seconds", "20s", "30 secs")?"""
    return bool(re.search(r"\b\d{1,3}(?:\.\d)?\s*(?:s|sec|secs|second|seconds)\b", normalise(text)))


def about_balance(text: str) -> bool:
    """Does the message talk about balance or seconds? Times said without the balance question
    pending count only then ("I'm 19 ... for 3 weeks" has no balance times)."""
    return bool(_ABOUT_BALANCE.search(normalise(text)))


#: Times said to be no worse than before; not "same as the other side" (that is symmetry).
_UNCHANGED = re.compile(r"\b(?:same as (?!(?:the |my )?other\b)(?:last|before|usual|always|ever|it was|a year|when)|no different (?:from|to|than) "
                        r"(?:before|last|usual)|no worse than (?:before|last|usual|it was)|as (?:usual|always|ever)|unchanged|"
                        r"(?:hasn'?t|has not|haven'?t|not) changed|always been (?:like that|about (?:that|the same))|no change)\b")


#: A time the runner stopped at, not fell off at: "held 30s easy", "25+", "could have gone longer".
_AT_LEAST = re.compile(r"(?<!\bnot )(?<!\bnot so )(?<!\bnot that )(?<!\bnot really )\b(?:easy|easily|fine|no problem|no bother|no issues?|comfortabl[ey]|"
                       r"without (?:a )?(?:wobble|problem|trouble|any trouble)|at least)\b|\b\d{1,3}\s*s?\s*\+|"
                       r"\bcould (?:have|'ve|of|easily have) (?:gone|kept going|held|done) (?:on|longer|more)\b|\bstopped at \d"
                       # "a bit shaky but 30 s ok both sides" (blind vignettes 28: read as 30 s where the runner
                       # wobbled off, so a physio for two-day-old DOMS at 27)
                       r"|(?<!\bnot )\b\d{1,3}\s*s?\s+(?:was |is )?(?:ok|okay|alright|grand)\b")


def parse(text: str) -> BalanceReading | None:
    """Seconds per side in the runner's words; None when the answer has no times."""
    reading = _parse_times(text)
    if reading is not None and _AT_LEAST.search(normalise(text)):
        reading = replace(reading, at_least=True)
    if reading is not None and _UNCHANGED.search(normalise(text)):
        # "about 20 seconds on each leg, same as last year" (blind vignettes 19: a physio for a
        # 67-year-old's balance that had not changed)
        return replace(reading, unchanged=True)
    return reading


def _parse_times(text: str) -> BalanceReading | None:
    norm = normalise(text).replace("secs", "s").replace("seconds", "s")
    # An age is not a time: "only managed 14 seconds. I'm 74" (blind vignettes 11 read 74 s right)
    norm = _AGE.sub(" ", norm)
    # Nor is a pain score: "like a 2/10, less than yesterday" (blind vignettes 14 read 2 s and 10 s)
    norm = _SCORE.sub(" ", norm)
    # Nor a session's numbers: "12 reps of a 90s hill" (blind vignettes 21 read 12 s left, 90 s right)
    norm = _EFFORT.sub(" ", norm)
    # Side then time ("left 10, right 30") or time then side ("20 left 40 right"): the reading
    # that gives a time to more sides wins, side-first on a tie (the second read "left 40" and
    # "40 right" before).
    readings: list[dict[str, float]] = []
    for rx, side_first in ((_SIDE_NUM, True), (_NUM_SIDE, False)):
        reading: dict[str, float] = {}
        for m in rx.finditer(norm):
            side, value = (m.group(1), m.group(2)) if side_first else (m.group(2), m.group(1))
            reading.setdefault(_side(side), float(value))
        readings.append(reading)
    best = max(readings, key=len)  # the first of the longest
    found: dict[str, float] = dict(best)
    for reading in readings:
        for side, value in reading.items():
            found.setdefault(side, value)
    for m in _SIDE_SPAN.finditer(norm):
        if float(m.group(2)) <= 120:
            found.setdefault(_side(m.group(1)), float(m.group(2)))
    for m in _SIDE_SECONDS.finditer(norm):
        # "standing on my left leg I wobble off after about 8 seconds" (blind vignettes 22): a
        # side, then a time in seconds further on in the same clause
        if float(m.group(2)) <= 120:
            found.setdefault(_side(m.group(1)), float(m.group(2)))
    if ("left" in found) != ("right" in found):
        # "my left leg now, like 10 secs vs 40 on the right": one side named with its time, the
        # other time compared with it belongs to the other side (blind vignettes 4).
        numbers = [float(x) for x in _TIME.findall(norm) if float(x) <= 120]
        known_side = "left" if "left" in found else "right"
        other = [n for n in numbers if n != found[known_side]]
        if (len(numbers) == 2 and len(other) == 1 and re.search(r"\b(vs|versus|compared to|compared with|against)\b", norm)
                and re.search(r"\b(left|right)\b.*\b(left|right)\b", norm)):
            found["right" if known_side == "left" else "left"] = other[0]
    if "left" in found or "right" in found:
        left, right = found.get("left"), found.get("right")
        # "bad leg 10, good leg 40": sides named by how they feel, not left/right.
        return BalanceReading(left, right)
    named = {k: v for k, v in found.items() if k in ("bad", "good", "injured", "other")}
    if len(named) == 2:
        values = sorted(named.values())
        return BalanceReading(values[0], values[1])
    each = _EACH.search(norm) or _EACH_BEFORE.search(norm)
    if each:
        m = each
        value = float(next(g for g in m.groups() if g and re.fullmatch(r"\d{1,3}(\.\d)?", g)))
        return BalanceReading(value, value)
    if _FULL.search(norm):
        return BalanceReading(45.0, 45.0)
    numbers = [float(x) for x in _TIME.findall(norm) if float(x) <= 120]
    if len(numbers) == 2 and re.search(r"\b(and|vs|versus|/|,|then)\b|/", norm):
        return BalanceReading(numbers[0], numbers[1])
    if len(numbers) == 1:
        return BalanceReading(numbers[0], None)
    return None


def norm_for(age: int | None) -> float | None:
    if age is None:
        return None
    for band in intake_data()["balance"]["norms"]:
        if band["from"] <= age <= band["to"]:
            return float(band["seconds"])
    return None


def interpret(reading: BalanceReading, age: int | None = None) -> BalanceResult:
    cfg = intake_data()["balance"]
    norm = norm_for(age)
    sides = reading.sides
    if reading.left is not None and reading.right is not None:
        gap = abs(reading.left - reading.right)
        better = max(reading.left, reading.right)
        if gap > cfg["side_gap_seconds"] and (better == 0 or gap / better > cfg["side_gap_share"]):
            weaker = "left" if reading.left < reading.right else "right"
            return BalanceResult("worse", reading, norm,
                                 f"your single-leg balance is clearly weaker on the {weaker} "
                                 f"({reading.left:g} s left, {reading.right:g} s right)")
    if not sides:
        return BalanceResult("needs_age", reading, norm, "")
    worst = min(sides)
    if norm is None:
        if worst >= 40:
            return BalanceResult("normal", reading, None, f"you held {worst:g} s or more on each side")
        return BalanceResult("needs_age", reading, None, "")
    if max(sides) < norm * cfg["below_norm_share"] and reading.at_least:
        return BalanceResult("normal", reading, norm, f"you held your single-leg balance ({_times(reading)}) without trouble "
                             "and no side is weaker")
    if max(sides) < norm * cfg["below_norm_share"] and reading.unchanged:
        return BalanceResult("normal", reading, norm, f"your single-leg balance ({_times(reading)}) is below the typical "
                             f"{norm:g} s for your age but no worse than before")
    if max(sides) < norm * cfg["below_norm_share"]:
        return BalanceResult("below_norm", reading, norm,
                             f"your single-leg balance ({_times(reading)}) is well below the typical "
                             f"{norm:g} s for your age")
    return BalanceResult("normal", reading, norm, f"your single-leg balance ({_times(reading)}) is in the normal range for your age")


def _times(reading: BalanceReading) -> str:
    if reading.left is not None and reading.right is not None:
        return f"{reading.left:g} s left, {reading.right:g} s right" if reading.left != reading.right else f"{reading.left:g} s each side"
    return f"{reading.sides[0]:g} s"
