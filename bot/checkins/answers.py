"""What a check-in answer means, as data: a value to record, a confirming question, or unclear.

Pure values, no text: `bot.checkins.render` says them (the words are in dialogues/texts/en.yml).
The parser (`bot.checkins.numbers`) and the consistency checks (`bot.checkins.consistency`)
return these; the check-in form acts on them:

- `Reading`: record `value` in the slot asked; `also` holds other answers stated in the same
  message ({"checkin_longest": 8.0} from "5k, 6k and 8k"), which the form may fill too.
- `Confirm`: ask one confirming question (the reply declares `asks=f"{slot}_confirm"`). Each
  `Option` says what choosing it does: the slots it sets, and whether the slot is asked again.
  `yes` and `no` are the options with those keys, when the question is a yes/no one.
- `Unclear`: nothing could be read; the form's existing clarifying question applies.

Distances are always kilometres here; pain is 0-10. `facts` carry the numbers the question's
text needs (in km: the renderer converts to the runner's unit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: Why a confirming question is asked. The text for each is checkin.confirm.<reason> (en.yml).
REASONS = (
    "range",                      # "20-25": which one?
    "two-options",                # "25 or 30"
    "duration",                   # "about 3 hours": time, not distance
    "run-count",                  # "3 runs": how many, not how far
    "implausible",                # 600 km in a week: did I read that right?
    "read-check",                 # "4 km each way, 3 days": sums the reader doesn't follow, corrections
    "sum-mismatch",               # "5k, 6k and 8k so 25 total"
    "runs-missing",               # "4 runs: 5, 6 and 8": the fourth?
    "unit-unclear",               # "a 10k and an easy 5" from a runner who counts in miles
    "each-unknown",               # "8 each" without saying how many runs
    "every-day",                  # "5k every day": 7 runs?
    "comma-ambiguous",            # "5,6 and 8": 5.6 + 8, or 5 + 6 + 8?
    "race-unknown",               # "an ultra": which distance?
    "pain-out-of-scale",          # "11", "12/10"
    "pain-two-options",           # "3 or 4", "3-4"
    "pain-word",                  # "mild": about 2/10?
    "pain-change-only",           # "worse than last week" with no number
    "longest-over-total",         # longest run 12 km, the week's total 10 km
    "recurring-without-running",  # pain "came back when I ran", 0 km run this week
)


@dataclass(frozen=True)
class Option:
    """One answer to a confirming question. `key` names it for the renderer ("yes", "no",
    "first", "second", "km", "mi", ...); `value` is the number its label shows (km or pain)."""

    key: str
    value: float | None = None
    sets: Mapping[str, Any] = field(default_factory=dict)  # slot -> value when chosen
    ask_again: str | None = None  # a slot to ask again after choosing this (None: move on)


@dataclass(frozen=True)
class Reading:
    """A value read from the answer, to record as it is."""

    slot: str
    value: float
    also: Mapping[str, float] = field(default_factory=dict)
    approximate: bool = False  # "about 20", "20ish": recorded as 20, noted as approximate
    parts: tuple[float, ...] = ()  # the runs that were added up ("5k, 6k and 8k": 5, 6, 8), km


@dataclass(frozen=True)
class Confirm:
    """One confirming question about the answer to `slot`, for `reason` (see REASONS)."""

    slot: str
    reason: str
    options: tuple[Option, ...]
    facts: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.reason not in REASONS:
            raise ValueError(f"unknown confirm reason {self.reason!r}")

    @property
    def asks(self) -> str:
        """What the question's reply declares it asks (the scorer and the adapters key on it)."""
        return f"{self.slot}_confirm"

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    @property
    def yes(self) -> Option | None:
        return self.option("yes")

    @property
    def no(self) -> Option | None:
        return self.option("no")

    def to_json(self) -> dict[str, Any]:
        """The question as plain data, kept in the conversation while it waits for its answer."""
        return {"slot": self.slot, "reason": self.reason, "facts": dict(self.facts),
                "options": [{"key": o.key, "value": o.value, "sets": dict(o.sets), "ask_again": o.ask_again}
                            for o in self.options]}

    @classmethod
    def from_json(cls, data: Any) -> Confirm | None:
        """A question kept by `to_json`; None for anything else (an old or damaged record)."""
        try:
            options = tuple(Option(str(o["key"]), o.get("value"), dict(o.get("sets") or {}), o.get("ask_again"))
                            for o in data["options"])
            return cls(str(data["slot"]), str(data["reason"]), options, dict(data.get("facts") or {}))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Unclear:
    """Nothing readable: the form asks its clarifying question (once), then moves on."""

    slot: str
    reason: str = "no-number"


Answer = Reading | Confirm | Unclear


def yes_no(slot: str, reason: str, value: float | None, facts: Mapping[str, Any] | None = None,
           yes_sets: Mapping[str, Any] | None = None) -> Confirm:
    """A yes/no question: "yes" records `value` in `slot` (plus `yes_sets`), "no" asks again."""
    sets = dict(yes_sets or {})
    if value is not None:
        sets.setdefault(slot, value)
    return Confirm(slot, reason, (Option("yes", value, sets), Option("no", None, {}, ask_again=slot)),
                   dict(facts or {}))


def choose(slot: str, reason: str, values: tuple[float, ...], facts: Mapping[str, Any] | None = None,
           also: Mapping[int, Mapping[str, Any]] | None = None) -> Confirm:
    """A question offering each of `values` for `slot` (keys "first", "second", ...), plus
    "other", which asks the slot again."""
    keys = ("first", "second", "third", "fourth")
    options = [Option(keys[i], v, {slot: v, **dict((also or {}).get(i, {}))}) for i, v in enumerate(values[:4])]
    options.append(Option("other", None, {}, ask_again=slot))
    return Confirm(slot, reason, tuple(options), dict(facts or {}))
