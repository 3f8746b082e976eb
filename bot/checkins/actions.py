"""The check-in's rasa-sdk actions: start it, validate its form, record it and apply the rules.

Registered with the others in `bot.actions.build_actions`, so the engine runs them in-process and
the action server serves them. They read the runner's unit, timezone, recent entries and the time
from the `checkin_context` slot, which the caller fills on every call (the engine from the stored
record); the new entry goes back in the `checkin_entry` slot for the caller to store.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.checkins import rules
from bot.checkins.progress import entry_line
from bot.checkins.schedule import KM_PER_MILE, week_key
from bot.nlu.pipeline import NLU
from bot.record import CheckinEntry
from bot.texts import LOCATION, Texts, default_texts, text_key
from bot.tracker import KnowledgeAction, SpeakingAction, latest_text, payload_values, validate_slot, voice
from bot.vocabulary import LOCATIONS, VOCABULARY

START = text_key("checkin.start")
SAME_PLACE = text_key("checkin.same_place_button", "places")
SAME_PLACE_AND = text_key("checkin.same_place_and")
NOTED = text_key("checkin.noted", "entry")
ALL_CLEAR = text_key("checkin.all_clear")
#: The check-in's questions, in order (the domain's checkin_form).
FORM = VOCABULARY.forms["checkin_form"]
#: Sanity limits: beyond these a number is more likely a typo than a week of running (the
#: domain's max_value of the slots).
MAX_WEEK_KM = float(VOCABULARY.slots["checkin_distance"]["max_value"])
MAX_RUN_KM = float(VOCABULARY.slots["checkin_longest"]["max_value"])
#: How many stored entries the rules need: four weeks back plus 30 days, with room for gaps.
CONTEXT_ENTRIES = 8

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,4}(?:[.,]\d{1,2})?)\s*(km|kms|k|kilomet(?:er|re)s?|mi|mile|miles)?\b")
_PAIN = re.compile(r"(?<![\d.])(10|[0-9])(?:\s*(?:/|out of)\s*10)?(?![\d.])")
_ZERO_PAIN = re.compile(r"\b(none|no pain|nothing|zero|pain[- ]free|didn'?t hurt|no)\b")
_NO_RUN = re.compile(r"\b(didn'?t run|did not run|no running|none|nothing|zero|rest(ed)? week|no runs?)\b")
_SAME = re.compile(r"\b(same|as before|as last time|again|that one)\b")


def context(tracker: Tracker) -> dict[str, Any]:
    value = tracker.get_slot("checkin_context")
    return value if isinstance(value, dict) else {}


def _unit(tracker: Tracker) -> str:
    return str(context(tracker).get("unit") or "km")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def parse_distance(text: str, unit: str) -> float | None:
    """'25 km' / '15 miles' / '12.5' (in the runner's unit) / "didn't run" -> km."""
    lower = text.lower()
    match = _NUMBER.search(lower)
    if match is None:
        return 0.0 if _NO_RUN.search(lower) else None
    value = float(match.group(1).replace(",", "."))
    typed = match.group(2)
    if typed in ("mi", "mile", "miles") or (typed is None and unit == "mi"):
        value *= KM_PER_MILE
    return round(value, 2)


def parse_pain(text: str) -> int | None:
    lower = text.lower()
    match = _PAIN.search(lower)
    if match is not None:
        return int(match.group(1))
    return 0 if _ZERO_PAIN.search(lower) else None


class ValidateCheckinForm(FormValidationAction):
    """Reads the answer to the pending check-in question (a button, or typed words via our NLU),
    asks one clarifying follow-up when it is unclear, then moves on; asks the next question
    itself, so the distance question names the runner's unit and the place question offers the
    place they reported last time."""

    def __init__(self, nlu: NLU, texts: Texts | None = None) -> None:
        self.nlu = nlu
        self.texts = texts or default_texts()

    def name(self) -> str:
        return "validate_checkin_form"

    # One extract_<slot> per question (rasa-sdk's naming); only the pending question's runs. Values
    # are validated by validate_<slot> where the domain's declaration (checkin_pain 0-10,
    # checkin_pattern's values) is not enough (bot.tracker.validate_slot). Checked at start-up.

    def extract_checkin_pain(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker)
        found: dict[str, Any] = {"checkin_pain": parse_pain(text)}
        parse = self.nlu.parse(text, "pain_location")
        if parse.slots.get("pain_location"):  # "3, my knee again" answers two questions
            found["checkin_location"] = parse.slots["pain_location"]
        if parse.slots.get("pain_pattern"):
            found["checkin_pattern"] = parse.slots["pain_pattern"]
        return found

    def extract_checkin_location(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker)
        locations = self.nlu.parse(text, "pain_location").slots.get("pain_location")
        if not locations and _SAME.search(text.lower()):
            locations = tracker.get_slot("checkin_last_location")
        return {"checkin_location": locations}

    def extract_checkin_pattern(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        return {"checkin_pattern": self.nlu.parse(latest_text(tracker), "pain_pattern").slots.get("pain_pattern")}

    def extract_checkin_distance(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        return {"checkin_distance": parse_distance(latest_text(tracker), _unit(tracker))}

    def extract_checkin_longest(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        return {"checkin_longest": parse_distance(latest_text(tracker), _unit(tracker))}

    def validate_checkin_location(self, value: Any, *_: Any) -> dict[str, Any]:
        cleaned = [x for x in value if x in LOCATIONS] if isinstance(value, list) else []
        return {"checkin_location": cleaned or None}

    def validate_checkin_distance(self, value: Any, *_: Any) -> dict[str, Any]:
        return {"checkin_distance": round(float(value), 2) if _number(value) and 0 <= value <= MAX_WEEK_KM else None}

    def validate_checkin_longest(self, value: Any, *_: Any) -> dict[str, Any]:
        return {"checkin_longest": round(float(value), 2) if _number(value) and 0 <= value <= MAX_RUN_KM else None}

    def _extract(self, requested: str | None, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> dict[str, Any]:
        values = payload_values(tracker)
        if values is not None:
            return values
        extract = getattr(self, f"extract_{requested}", None) if requested in FORM else None
        return dict(extract(dispatcher, tracker, domain)) if extract else {}

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        slots = dict(tracker.slots)
        requested = slots.get("requested_slot")
        unit = str(context(tracker).get("unit") or "km")
        events: list[EventType] = []
        skipped = list(slots.get("skipped_slots") or [])
        clarified = list(slots.get("clarified_slots") or [])
        found = self._extract(requested, dispatcher, tracker, domain)
        skip = found.pop("skip", None)
        if skip and skip == requested and skip not in skipped:
            skipped.append(skip)
        for slot, value in found.items():
            if slot in FORM:
                slots.update(validate_slot(self, slot, value, dispatcher, tracker, domain))
                events.append(SlotSet(slot, slots[slot]))
        clarifying = False
        if requested in FORM and slots.get(requested) is None and requested not in skipped:
            if requested not in clarified:
                dispatcher.utter_message(response=f"utter_clarify_{requested}")
                clarified.append(requested)
                events.append(SlotSet("clarified_slots", clarified))
                clarifying = True
            else:
                skipped.append(requested)  # still unclear: leave it out, never ask endlessly
        if slots.get("checkin_pain") == 0:  # no pain: where and whether it faded don't apply
            skipped += [s for s in ("checkin_location", "checkin_pattern") if s not in skipped]
        if slots.get("checkin_distance") == 0 and slots.get("checkin_longest") is None:
            slots["checkin_longest"] = 0.0
            events.append(SlotSet("checkin_longest", 0.0))
        if skipped != list(slots.get("skipped_slots") or []):
            events.append(SlotSet("skipped_slots", skipped))
        missing = [s for s in FORM if slots.get(s) is None and s not in skipped]
        following = missing[0] if missing else None
        if following and not clarifying:
            self._ask(following, dispatcher, tracker, domain)
        events.append(SlotSet("requested_slot", following))
        return events

    def _ask(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> None:
        name = f"utter_ask_{slot}"
        speaker = voice(tracker, self.texts)
        variant = self.texts.response(name, speaker.locale)[0]
        if slot == "checkin_location":
            last = [x for x in tracker.get_slot("checkin_last_location") or [] if x in LOCATIONS]
            if last:
                label = speaker.say(SAME_PLACE, places=speaker.names(LOCATION, last, speaker.say(SAME_PLACE_AND)))
                dispatcher.utter_message(
                    response=name,
                    buttons=[{"title": label[:40], "payload": '/inform{"checkin_location":' + json.dumps(last, separators=(',', ':')) + "}"},
                             *variant.get("buttons", [])],
                )
                return
        if slot in ("checkin_distance", "checkin_longest"):  # names the runner's unit
            dispatcher.utter_message(response=name, distance_unit=speaker.context["distance_unit"])
            return
        dispatcher.utter_message(response=name)


class ActionStartCheckin(SpeakingAction):
    """Starts a check-in: clears last time's answers, notes the week and the place last reported."""

    def name(self) -> str:
        return "action_start_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        ctx = context(tracker)
        metadata = tracker.latest_message.get("metadata") or {}
        week = (metadata.get("payload_values") or {}).get("checkin_week") if isinstance(metadata, dict) else None
        if not week:
            week = week_key(_now(ctx), str(ctx.get("tz") or "UTC"))
        entries = [e for e in ctx.get("entries") or [] if isinstance(e, dict)]
        last = next((e["location"] for e in reversed(entries) if e.get("location")), None)
        last = last or tracker.get_slot("pain_location") or None
        skipped = [s for s in tracker.get_slot("skipped_slots") or [] if s not in FORM]
        clarified = [s for s in tracker.get_slot("clarified_slots") or [] if s not in FORM]
        dispatcher.utter_message(text=self.voice(tracker).say(START))
        return [*(SlotSet(s, None) for s in FORM), SlotSet("checkin_entry", None), SlotSet("checkin_week", week),
                SlotSet("checkin_last_location", last), SlotSet("skipped_slots", skipped),
                SlotSet("clarified_slots", clarified)]


def _now(ctx: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(ctx["now"]))
    except (KeyError, ValueError):
        return datetime.now(UTC)


class ActionRecordCheckin(KnowledgeAction):
    """Records the check-in, applies the rules (bot.checkins.rules) and says what they found:
    recurring or rising pain -> the see_pt advice; a load spike -> a gentle rule-of-thumb warning."""

    def name(self) -> str:
        return "action_record_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        ctx = context(tracker)
        unit = str(ctx.get("unit") or "km")
        now = _now(ctx)
        pain = tracker.get_slot("checkin_pain")
        entry: CheckinEntry = {
            "week": tracker.get_slot("checkin_week") or week_key(now, str(ctx.get("tz") or "UTC")),
            "at": now.isoformat(),
            "pain": pain,
            "location": [x for x in tracker.get_slot("checkin_location") or [] if x in LOCATIONS] if pain else [],
            "pattern": tracker.get_slot("checkin_pattern") if pain else None,
            "distance_km": tracker.get_slot("checkin_distance"),
            "longest_km": tracker.get_slot("checkin_longest"),
        }
        history = [e for e in ctx.get("entries") or [] if isinstance(e, dict) and e.get("week") != entry["week"]]
        findings = rules.evaluate([*history, entry])
        entry["findings"] = [f.rule for f in findings]
        speaker = self.voice(tracker)
        dispatcher.utter_message(text=speaker.say(NOTED, entry=entry_line(entry, unit, speaker)),
                                 json_message={"sources": []})
        see_pt = [f.reason(speaker) for f in findings if f.kind == "see_pt"]
        if see_pt:
            advice = self.kb.advice("see_pt", entry["location"], see_pt, speaker.country, locale=speaker.locale)
            dispatcher.utter_message(text=advice.text, json_message={"triage": "see_pt", "sources": list(advice.sources),
                                                                    "rules": entry["findings"]})
        warning = rules.load_warning(findings, speaker)
        if warning:
            dispatcher.utter_message(text=warning, json_message={"sources": ["mileage-rules"]})
        if not findings:
            dispatcher.utter_message(text=speaker.say(ALL_CLEAR))
        skipped = [s for s in tracker.get_slot("skipped_slots") or [] if s not in FORM]
        clarified = [s for s in tracker.get_slot("clarified_slots") or [] if s not in FORM]
        return [*(SlotSet(s, None) for s in (*FORM, "checkin_week", "checkin_last_location")),
                SlotSet("skipped_slots", skipped), SlotSet("clarified_slots", clarified),
                SlotSet("checkin_entry", entry)]

