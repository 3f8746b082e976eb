"""The stored record of one runner: its shape (TypedDicts) and how long its lists grow.

One JSON document per user (bot.store keeps it; the store only reads "schema"). The engine
reads a record and returns a new one (bot.engine.bookkeeping); bot.commands and the check-in
sweep change their own parts. Every key is optional: a new runner's record is {}.

    {
      "schema": 1,                               # the store's
      "profile": {"country": "GB"},              # /settings
      "conversation": {"state": "triage_form", "slots": {...}, "requested_slot": "balance_change",
                       "paused": [{"state": "triage_form", "requested_slot": "balance_change"}],
                       "buttons": [["Not sure", "/inform{...}"]],    # the last turn's (typed answers)
                       "advice": {"level": "see_pt", ...},            # the last advice's context
                       "crisis": {"context": {"risk": false, ...}, "at": "2026-11-26T09:00:00+00:00"}},
      "history": [HistoryEntry, ...],            # the last HISTORY_LIMIT triage results
      "clinical": {...},                         # the clinical case the last advice was based on
                                                 # (bot.clinical.flow.Case.to_json(), for /summary)
      "checkins": {"schedule": {...}, "entries": [CheckinEntry, ...], "draft": {...},
                   "sent_week": "2026-W49", "missed_week": "..."},
      "telegram": {...}                          # the Telegram adapter's own state
    }
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

#: Triage results kept per runner (the newest; /privacy says how many).
HISTORY_LIMIT = 50
#: Weekly check-ins kept per runner: two years.
CHECKIN_LIMIT = 104
#: Questions a conversation can come back to after interruptions: a crisis during a check-in that
#: paused a triage question brings both back, in order.
PAUSE_DEPTH = 4
#: How long the safety screen remembers earlier crisis talk, distress and the conversation's
#: language after the last message (so "I'm running tonight" a week later is just running).
CRISIS_MEMORY_HOURS = 24


class Profile(TypedDict, total=False):
    country: str  # a code of knowledge/crisis_resources.yml, or "other"
    language: str  # a locale of dialogues/texts/ (English when unset or unknown)


class PausedQuestion(TypedDict):
    """A state an interruption paused, and the question that was pending there."""

    state: str
    requested_slot: str | None
    message: NotRequired[str]  # a deferred message, handled there on return (flow.yml `defer`)
    then: NotRequired[str]  # a pain told while the question waited, handled after `message` (`keeps_pain`)


class CrisisMemory(TypedDict):
    """What the safety screen keeps between messages (bot.safety.crisis.CrisisContext.to_dict():
    earlier risk or distress, the conversation's language; never message text), and when it last
    changed: after CRISIS_MEMORY_HOURS without a message a conversation starts afresh."""

    context: dict[str, Any]
    at: str  # ISO time


class Conversation(TypedDict):
    state: str  # a state of dialogues/flow.yml
    slots: dict[str, Any]  # domain slots that are set (None values are not kept)
    requested_slot: str | None  # the question we are waiting for
    paused: list[PausedQuestion] | None  # oldest first; "@paused" returns to the last
    buttons: NotRequired[list[list[str]]]  # the last turn's buttons [label, payload, asks]: typed answers
    advice: NotRequired[dict[str, Any]]  # the last advice (bot.replies.AdviceContext), for its buttons
    crisis: NotRequired[CrisisMemory]  # kept through /restart and new triages, unlike the slots
    said: NotRequired[dict[str, int]]  # the responses the last turn said (name -> variant)
    reset_held: NotRequired[str]  # a /restart held once in this state (flow.yml holds_reset)


class HistoryEntry(TypedDict):
    """One triage result, as /summary shows it."""

    at: str  # ISO time
    level: str | None
    pain_location: list[str] | None
    pain_side: str | None
    pain_pattern: str | None
    balance_change: str | None
    severity: float | None
    red_flags: list[str]  # clinical rule ids of the warning signs behind the level
    reasons: NotRequired[list[str]]  # the reasons the advice gave, in plain words
    sources: list[str]  # knowledge-base entry ids of the advice


class CheckinEntry(TypedDict, total=False):
    """One weekly check-in, as action_record_checkin writes it (distances in km)."""

    week: str  # ISO week "2026-W49": one entry per week, the last answer counts
    at: str
    pain: float | None
    location: list[str]
    pattern: str | None
    distance_km: float | None
    longest_km: float | None
    said_before_km: float  # the week before, as said in the distance answer ("up from about 35")
    longest_first: bool  # the longest run said to be a first ("my first half distance")
    findings: list[str]  # rule ids of bot.checkins.rules


class CheckinData(TypedDict, total=False):
    schedule: dict[str, Any]  # CheckinSchedule.to_json()
    entries: list[CheckinEntry]  # oldest first, at most CHECKIN_LIMIT
    draft: dict[str, Any]  # /checkin settings being chosen
    sent_week: str | None  # the sweep's at-most-once mark (None: not sent this week)
    missed_week: str


class UserRecord(TypedDict, total=False):
    schema: int
    profile: Profile
    conversation: Conversation
    history: list[HistoryEntry]
    checkins: CheckinData
    clinical: dict[str, Any]
    telegram: dict[str, Any]


def copy_json(value: Any) -> Any:
    """A deep copy of plain JSON data (dicts, lists, and immutable scalars), several times faster
    than copy.deepcopy, which the engine paid on every turn and every action call. Anything else
    (a tuple, an object) is copied with copy.deepcopy."""
    kind = type(value)
    if kind is dict:
        return {k: copy_json(v) for k, v in value.items()}
    if kind is list:
        return [copy_json(v) for v in value]
    if kind in (str, int, float, bool) or value is None:
        return value
    import copy

    return copy.deepcopy(value)
