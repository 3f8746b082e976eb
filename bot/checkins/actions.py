"""The check-in's rasa-sdk actions: start it, validate its form, record it, add a run file.

Registered with the others in `bot.actions.build_actions`, so the engine runs them in-process and
the action server serves them. They read the runner's unit, timezone, recent entries and the time
from the `checkin_context` slot, which the caller fills on every call (the engine from the stored
record); the new entry (or, from a run file, the changed entries) goes back in the
`checkin_entry` slot for the caller to store.

The form's answers are read by `bot.checkins.numbers.read_answer` (pain, distance, longest run)
and our NLU (where, whether it faded). A `Reading` is recorded, with what else the same message
said (`also`: "5k, 6k and 8k" is the longest run too, so that question is skipped). A `Confirm`
becomes ONE confirming question (its reply asks `<slot>_confirm`; kept in the `checkin_confirm`
slot until answered): a button carries the chosen option, a typed reply is read by
`read_confirm_reply`. An answer still unsure after that is left out, never asked a third time.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime, timedelta
from typing import Any, TypeGuard

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import Tracker
from rasa_sdk.types import DomainDict

from bot.checkins import render, rules
from bot.checkins.answers import Confirm, Option, Reading
from bot.checkins.consistency import answered, check, recurring_without_running, same_week
from bot.checkins.numbers import KM_PER_MILE, read_answer, read_confirm_reply
from bot.checkins.runfiles import (
    RunAdded,
    RunFileError,
    add_run,
    oversized,
    read_run_file,
    with_runs,
)
from bot.checkins.schedule import week_key
from bot.actions.clinical import advised_level
from bot.nlu.pipeline import NLU
from bot.record import CheckinEntry
from bot.replies import ADVICE_SLOT, AdviceContext
from bot.texts import LOCATION as PLACE
from bot.texts import Texts, default_texts, text_key
from bot.tracker import (
    KnowledgeAction,
    SpeakingAction,
    latest_text,
    payload_values,
    validate_slot,
    voice,
)
from bot.vocabulary import LOCATIONS, VOCABULARY

START = text_key("checkin.start")
SAME_PLACE = text_key("checkin.same_place_button", "places")
SAME_PLACE_AND = text_key("checkin.same_place_and")
#: The check-in's questions, in order (the domain's checkin_form).
FORM = VOCABULARY.forms["checkin_form"]
REPLACE = "checkin_replace"
CONFIRM = "checkin_confirm"
PAIN, LOCATION, PATTERN, DISTANCE, LONGEST = (
    "checkin_pain", "checkin_location", "checkin_pattern", "checkin_distance", "checkin_longest")
SAID_BEFORE, LONGEST_FIRST = "checkin_said_before", "checkin_longest_first"
#: What the runner said of the weeks before, in their answers (bot.checkins.rules uses it when
#: the stored check-ins before are too few).
SAID = (SAID_BEFORE, LONGEST_FIRST)
#: "55km, up from about 35 the week before", "from 30 to 55", "usually 35".
_SAID_BEFORE = re.compile(r"\b(?:up |went up |jumped |increased |going up )?from (?:about |around |roughly |approx |~)?(\d+(?:\.\d+)?)"
                          r"|\b(?:usually|normally|last week was|the week before was|previous week was) (?:about |around |~)?(\d+(?:\.\d+)?)"
                          r"|\b(\d+(?:\.\d+)?) ?(?:km|k|kms|miles?|mi)? (?:the week before|last week|the previous week)\b")
#: "21, my first half distance", "my longest ever", "never run that far".
_LONGEST_FIRST = re.compile(r"\b(?:my |a |the )?(?:first (?:ever )?(?:half|marathon|20|21|30|\w+ ?k|time|run (?:that|this) (?:long|far))|"
                            r"(?:first|longest|furthest) (?:ever|yet)|(?:new |my )?longest (?:run )?(?:ever|yet)|"
                            r"never (?:ran|run|done|gone) (?:that|this|so) (?:far|long))\b")
#: The answers read by bot.checkins.numbers (the others by our NLU).
NUMBERS = (PAIN, DISTANCE, LONGEST)
#: Sanity limits: beyond these a number is more likely a typo than a week of running (the
#: domain's max_value of the slots).
MAX_WEEK_KM = float(VOCABULARY.slots["checkin_distance"]["max_value"])
MAX_RUN_KM = float(VOCABULARY.slots["checkin_longest"]["max_value"])
#: Runs of one file said one by one; the rest are counted.
RUNS_SAID = 3

_SAME = re.compile(r"\b(same|as before|as last time|again|that one)\b")
_REPLACE = re.compile(r"\b(replace|new( ones?)?|redo|again|start (again|over)|overwrite|update|change|yes)\b")
_KEEP = re.compile(r"\b(keep|leave|no|nope|cancel|don'?t|as (they are|it is)|fine)\b")


def context(tracker: Tracker) -> dict[str, Any]:
    value = tracker.get_slot("checkin_context")
    return value if isinstance(value, dict) else {}


def _unit(tracker: Tracker) -> str:
    return str(context(tracker).get("unit") or "km")


def _number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _entries(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in ctx.get("entries") or [] if isinstance(e, dict)]


def _now(ctx: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(ctx["now"]))
    except (KeyError, ValueError):
        return datetime.now(UTC)


def _previous(ctx: dict[str, Any], week: Any) -> dict[str, Any] | None:
    """The last check-in answered before `week` (for "same as last week" and what changed)."""
    earlier = [e for e in _entries(ctx) if str(e.get("week")) < str(week) and answered(e)]
    return earlier[-1] if earlier else None


class ValidateCheckinForm(FormValidationAction):
    """Reads the answer to the pending check-in question (a button, or typed words), asks one
    confirming or clarifying question when it is unsure, then moves on; asks the next question
    itself, so the distance question names the runner's unit and the place question offers the
    place they reported last time."""

    def __init__(self, nlu: NLU, texts: Texts | None = None) -> None:
        self.nlu = nlu
        self.texts = texts or default_texts()

    def name(self) -> str:
        return "validate_checkin_form"

    # One extract_<slot> per question (rasa-sdk's naming); only the pending question's runs. A
    # number question's extract returns the reader's Answer under "answer"; run() acts on it.
    # Values are validated by validate_<slot> where the domain's declaration is not enough.

    def extract_checkin_replace(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker).lower()
        keep, replace = bool(_KEEP.search(text)), bool(_REPLACE.search(text))
        return {REPLACE: "keep" if keep and not replace else ("replace" if replace and not keep else None)}

    def extract_checkin_pain(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker)
        found: dict[str, Any] = {"answer": self._read(PAIN, text, tracker)}
        parse = self.nlu.parse(text, "pain_location")
        if parse.slots.get("pain_location"):  # "3, my knee again" answers two questions
            found[LOCATION] = parse.slots["pain_location"]
        if parse.slots.get("pain_pattern"):
            found[PATTERN] = parse.slots["pain_pattern"]
        return found

    def extract_checkin_location(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker)
        locations = self.nlu.parse(text, "pain_location").slots.get("pain_location")
        if not locations and _SAME.search(text.lower()):
            locations = tracker.get_slot("checkin_last_location")
        return {LOCATION: locations}

    def extract_checkin_pattern(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        pattern = self.nlu.parse(latest_text(tracker), "pain_pattern").slots.get("pain_pattern")
        distance = tracker.get_slot(DISTANCE)
        confirm = recurring_without_running(pattern, float(distance), PATTERN) if _number(distance) else None
        return {"answer": confirm} if confirm is not None else {PATTERN: pattern}

    def extract_checkin_distance(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                 domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker)
        found: dict[str, Any] = {"answer": self._read(DISTANCE, text, tracker)}
        m = _SAID_BEFORE.search(text.lower())
        if m:
            before = float(next(g for g in m.groups() if g))
            found[SAID_BEFORE] = round(before * (KM_PER_MILE if _unit(tracker) == "mi" else 1.0), 2)
        return found

    def extract_checkin_longest(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        text = latest_text(tracker)
        found: dict[str, Any] = {"answer": self._read(LONGEST, text, tracker)}
        if _LONGEST_FIRST.search(text.lower()):
            found[LONGEST_FIRST] = True
        return found

    def validate_checkin_location(self, value: Any, *_: Any) -> dict[str, Any]:
        cleaned = [x for x in value if x in LOCATIONS] if isinstance(value, list) else []
        return {LOCATION: cleaned or None}

    def validate_checkin_distance(self, value: Any, *_: Any) -> dict[str, Any]:
        return {DISTANCE: round(float(value), 2) if _number(value) and 0 <= value <= MAX_WEEK_KM else None}

    def validate_checkin_longest(self, value: Any, *_: Any) -> dict[str, Any]:
        return {LONGEST: round(float(value), 2) if _number(value) and 0 <= value <= MAX_RUN_KM else None}

    # -- reading ------------------------------------------------------------------------------

    @staticmethod
    def _answers(tracker: Tracker) -> dict[str, Any]:
        return {s: v for s in (PAIN, PATTERN, DISTANCE, LONGEST) if (v := tracker.get_slot(s)) is not None}

    def _read(self, slot: str, text: str, tracker: Tracker) -> Any:
        ctx = context(tracker)
        return read_answer(slot, text, _unit(tracker), self._answers(tracker),
                           _previous(ctx, tracker.get_slot("checkin_week")))

    def _extract(self, requested: str | None, dispatcher: CollectingDispatcher, tracker: Tracker,
                 domain: DomainDict) -> dict[str, Any]:
        values = payload_values(tracker)
        if values is not None:  # a button: its value is checked against the other answers like a typed one
            value = values.get(requested) if requested in (DISTANCE, LONGEST, PATTERN) else None
            others = {k: v for k, v in values.items() if k != requested}
            distance = tracker.get_slot(DISTANCE)
            if requested == PATTERN and _number(distance):
                confirm = recurring_without_running(value, float(distance), PATTERN)
                return {**others, "answer": confirm} if confirm is not None else values
            if requested in (DISTANCE, LONGEST) and _number(value):
                reading = Reading(str(requested), float(value))
                return {**others, "answer": check(reading, self._answers(tracker)) or reading}
            return values
        extract = getattr(self, f"extract_{requested}", None) if requested in FORM else None
        return dict(extract(dispatcher, tracker, domain)) if extract else {}

    def _confirm_reply(self, confirm: Confirm, tracker: Tracker) -> Option | Any:
        """The answer to the pending confirming question: the pressed option, a value from a
        pressed scale button, "skip", or a typed reply read by read_confirm_reply."""
        values = payload_values(tracker)
        if values is not None:
            option = render.chosen(confirm, values.get(render.CHOICE))
            if option is not None:
                return option
            if confirm.slot in values:
                return Reading(confirm.slot, values[confirm.slot]) if _number(values[confirm.slot]) else None
            return None  # "skip", or a button of another question
        ctx = context(tracker)
        text = latest_text(tracker)
        return render.typed_choice(confirm, text, voice(tracker, self.texts)) or read_confirm_reply(
            confirm, text, _unit(tracker), self._answers(tracker), _previous(ctx, tracker.get_slot("checkin_week")))

    # -- the form step ------------------------------------------------------------------------

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        slots = dict(tracker.slots)
        requested = slots.get("requested_slot")
        speaker = voice(tracker, self.texts)
        events: list[EventType] = []
        skipped = list(slots.get("skipped_slots") or [])
        clarified = list(slots.get("clarified_slots") or [])
        found: dict[str, Any] = {}
        asked = False  # a question about an answer was asked this turn (no other question then)

        def ask(question: render.Question, slot: str) -> None:
            nonlocal asked
            dispatcher.utter_message(text=question.text, buttons=list(question.buttons),
                                     json_message={"asks": question.asks})
            asked = True
            if slot not in clarified:
                clarified.append(slot)

        def take(reading: Reading) -> None:
            found[reading.slot] = reading.value
            for other, value in reading.also.items():  # the longest run said with the distance
                if other in FORM and slots.get(other) is None and other not in found:
                    found[other] = value

        pending = Confirm.from_json(slots.get(CONFIRM)) if slots.get(CONFIRM) else None
        if slots.get(CONFIRM) is not None:
            events.append(SlotSet(CONFIRM, None))
        if pending is not None and pending.slot == requested:
            reply = self._confirm_reply(pending, tracker)
            if isinstance(reply, Option):
                found.update(reply.sets)
                again = reply.ask_again
                if again and again == pending.slot and render.is_open(pending):
                    skipped.append(again)  # "no" to "how far was it?": leave it out
                elif again:
                    found[again] = None
                    ask(render.fix_prompt(again, speaker), again)
            elif isinstance(reply, Reading):
                take(reply)
            elif requested not in skipped:  # still unsure after one confirming question: move on
                skipped.append(requested)
        else:
            extracted = self._extract(requested, dispatcher, tracker, domain)
            skip = extracted.pop("skip", None)
            if skip and skip == requested and skip not in skipped:
                skipped.append(skip)
            answer = extracted.pop("answer", None)
            extracted.pop(render.CHOICE, None)  # a button of a question already answered
            if isinstance(answer, Reading):
                take(answer)
            elif isinstance(answer, Confirm):
                if answer.slot in clarified:  # a second unsure answer to the same question
                    skipped.append(answer.slot)
                else:
                    events.append(SlotSet(CONFIRM, answer.to_json()))
                    ask(render.confirm_question(answer, speaker), answer.slot)
            # "replace or keep" only as the answer to that question (a stale "keep" must not end a check-in)
            found.update({k: v for k, v in extracted.items() if (k in FORM or k in SAID) and (k != REPLACE or requested == REPLACE)})

        for slot, value in found.items():
            if slot in SAID:  # what was said of the weeks before, kept beside the answers
                slots[slot] = value
                events.append(SlotSet(slot, value))
            if slot in FORM:
                slots.update(validate_slot(self, slot, value, dispatcher, tracker, domain)
                             if value is not None else {slot: None})
                events.append(SlotSet(slot, slots[slot]))
        if requested in FORM and slots.get(requested) is None and requested not in skipped and not asked:
            if requested not in clarified:
                dispatcher.utter_message(response=f"utter_clarify_{requested}")
                clarified.append(requested)
                asked = True
            else:
                skipped.append(requested)  # still unclear: leave it out, never ask endlessly
        if slots.get(REPLACE) == "keep":  # keep last time's answers: nothing more to ask
            skipped += [s for s in FORM if s != REPLACE and s not in skipped]
        if slots.get(PAIN) == 0:  # no pain: where and whether it faded don't apply
            skipped += [s for s in (LOCATION, PATTERN) if s not in skipped]
        if slots.get(DISTANCE) == 0 and slots.get(LONGEST) is None:
            slots[LONGEST] = 0.0
            events.append(SlotSet(LONGEST, 0.0))
        if skipped != list(slots.get("skipped_slots") or []):
            events.append(SlotSet("skipped_slots", skipped))
        if clarified != list(slots.get("clarified_slots") or []):
            events.append(SlotSet("clarified_slots", clarified))
        missing = [s for s in FORM if slots.get(s) is None and s not in skipped]
        following = missing[0] if missing else None
        if following and not asked:
            self._ask(following, dispatcher, tracker, domain)
        events.append(SlotSet("requested_slot", following))
        return events

    def _ask(self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> None:
        name = f"utter_ask_{slot}"
        speaker = voice(tracker, self.texts)
        variant = self.texts.response(name, speaker.locale)[0]
        if slot == LOCATION:
            last = [x for x in tracker.get_slot("checkin_last_location") or [] if x in LOCATIONS]
            if last:
                label = speaker.say(SAME_PLACE, places=speaker.names(PLACE, last, speaker.say(SAME_PLACE_AND)))
                dispatcher.utter_message(
                    response=name,
                    buttons=[{"title": label[:40], "payload": render.payload({LOCATION: last})},
                             *variant.get("buttons", [])],
                )
                return
        if slot in (DISTANCE, LONGEST):  # names the runner's unit
            dispatcher.utter_message(response=name, distance_unit=speaker.context["distance_unit"])
            return
        dispatcher.utter_message(response=name)


def _cleared(tracker: Tracker, skip: tuple[str, ...] = ()) -> list[EventType]:
    """The events that forget a check-in's answers and its questions' bookkeeping (`skip`: the
    questions of the next check-in not to ask)."""
    skipped = [s for s in tracker.get_slot("skipped_slots") or [] if s not in FORM] + list(skip)
    clarified = [s for s in tracker.get_slot("clarified_slots") or [] if s not in FORM]
    return [*(SlotSet(s, None) for s in (*FORM, *SAID, CONFIRM, "checkin_week", "checkin_last_location")),
            SlotSet("skipped_slots", skipped), SlotSet("clarified_slots", clarified)]


class ActionStartCheckin(SpeakingAction):
    """Starts a check-in: clears last time's answers, notes the week and the place last reported;
    when this week already has a check-in, asks "replace or keep?" first."""

    def name(self) -> str:
        return "action_start_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        ctx = context(tracker)
        metadata = tracker.latest_message.get("metadata") or {}
        week = (metadata.get("payload_values") or {}).get("checkin_week") if isinstance(metadata, dict) else None
        if not week:
            week = week_key(_now(ctx), str(ctx.get("tz") or "UTC"))
        entries = _entries(ctx)
        last = next((e["location"] for e in reversed(entries) if e.get("location")), None)
        last = last or tracker.get_slot("pain_location") or None
        speaker = self.voice(tracker)
        existing = same_week(entries, week)
        if existing is None:
            dispatcher.utter_message(text=speaker.say(START))
        else:  # the question says it is the check-in, and that there is one already
            question = render.same_week_question(week, existing.existing, speaker)
            dispatcher.utter_message(text=question.text, buttons=list(question.buttons),
                                     json_message={"asks": question.asks})
        events = _cleared(tracker, skip=() if existing is not None else (REPLACE,))
        return [*events, SlotSet("checkin_entry", None), SlotSet("checkin_week", week),
                SlotSet("checkin_last_location", last)]


def _entry_from_answers(tracker: Tracker, ctx: dict[str, Any], week: str,
                        now: datetime) -> tuple[CheckinEntry, list[rules.Finding]]:
    """The week's entry from the check-in's answers so far (runs from files kept with their week),
    and what the rules find in it with the weeks before."""
    pain = tracker.get_slot(PAIN)
    # No pain (0): no place or pattern. No score given ("comes back every run"): what was said of
    # the place and the pattern is kept (tester round 7: it was dropped, then "nothing worries me").
    hurts = pain is None or pain != 0
    entry: CheckinEntry = {
        "week": week,
        "at": now.isoformat(),
        "pain": pain,
        "location": [x for x in tracker.get_slot(LOCATION) or [] if x in LOCATIONS] if hurts else [],
        "pattern": tracker.get_slot(PATTERN) if hurts else None,
        "distance_km": tracker.get_slot(DISTANCE),
        "longest_km": tracker.get_slot(LONGEST),
    }
    if _number(said := tracker.get_slot(SAID_BEFORE)) and said > 0:
        entry["said_before_km"] = float(said)
    if tracker.get_slot(LONGEST_FIRST) is True:
        entry["longest_first"] = True
    entries = _entries(ctx)
    existing = next((e for e in reversed(entries) if e.get("week") == week), None)
    entry = with_runs(entry, existing)  # type: ignore[assignment]  # runs from files stay with their week
    history = [e for e in entries if e.get("week") != week]
    findings = rules.evaluate([*history, entry])
    entry["findings"] = [f.rule for f in findings]
    return entry, findings


class ActionKeepCheckinAnswers(KnowledgeAction):
    """A check-in cut short by a warning sign (dialogues/flow.yml, checkin_form `on_safety`): the
    answers given so far are kept as the week's entry, silently, and the warning sign's advice is
    what the runner reads (tester round 5: "4/10, left shin, came back every run" was lost, and
    /progress then had no week). Nothing is kept before the pain was answered, nor over a week the
    runner chose to keep."""

    def name(self) -> str:
        return "action_keep_checkin_answers"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if tracker.get_slot(PAIN) is None or tracker.get_slot(REPLACE) == "keep":
            return _cleared(tracker)
        ctx = context(tracker)
        now = _now(ctx)
        week = tracker.get_slot("checkin_week") or week_key(now, str(ctx.get("tz") or "UTC"))
        entry, _ = _entry_from_answers(tracker, ctx, week, now)
        return [*_cleared(tracker), SlotSet("checkin_entry", entry)]


class ActionRecordCheckin(KnowledgeAction):
    """Records the check-in, applies the rules (bot.checkins.rules) and says what it noted, what
    changed since last time and what the rules found, with their numbers: pain the triage's rules
    would send to a physical therapist, or rising -> short see_pt advice, firmer as it persists;
    a load spike -> a warning with the numbers, firmer as it persists."""

    def name(self) -> str:
        return "action_record_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        ctx = context(tracker)
        now = _now(ctx)
        speaker = self.voice(tracker)
        week = tracker.get_slot("checkin_week") or week_key(now, str(ctx.get("tz") or "UTC"))
        if tracker.get_slot(REPLACE) == "keep":
            dispatcher.utter_message(text=render.kept(week, speaker))
            return _cleared(tracker)
        entry, findings = _entry_from_answers(tracker, ctx, week, now)
        text = render.noted(entry, _previous(ctx, week), speaker)
        buttons: tuple[dict[str, str], ...] = ()
        sources: list[str] = []
        pain = render.pain_advice(findings, speaker)
        advice = _open_urgent(tracker, now)
        if advice is not None:
            places = [str(x) for x in entry.get("location") or []]
            still = render.open_urgent_advice(entry.get("pain"), places, advice.locations,
                                              advice.reasons[0] if advice.reasons else "", speaker)
            pain = still or pain
        if pain is not None and pain.triage is None:  # a note: pain that rose, to watch
            text = f"{text}\n\n{pain.text}"
        warning = render.load_warning(findings, speaker)
        if warning is not None:
            text = f"{text}\n\n{warning[0]}"
            buttons, sources = warning[1], ["mileage-rules"]
        elif not findings:
            text = f"{text}\n\n{render.all_clear(speaker)}"
        dispatcher.utter_message(text=text, buttons=list(buttons), json_message={"sources": sources})
        if pain is not None and pain.triage is not None:
            dispatcher.utter_message(text=pain.text, buttons=list(pain.buttons),
                                     json_message={"triage": pain.triage, "sources": list(pain.sources),
                                                   "rules": entry["findings"]})
        return [*_cleared(tracker), SlotSet("checkin_entry", entry)]


#: How long advice to see a doctor today stays open for the weekly check-in: pain at a check-in
#: within this time gets that advice again (the runner may not have gone), never a physio.
URGENT_STAYS_OPEN = timedelta(days=28)


def _open_urgent(tracker: Tracker, now: datetime) -> AdviceContext | None:
    """The conversation's advice to see a doctor today (or call emergency services) when it still
    stands: the last advice given, within URGENT_STAYS_OPEN."""
    if advised_level(tracker) not in ("urgent", "emergency"):
        return None
    advice = AdviceContext.from_json(tracker.get_slot(ADVICE_SLOT))
    if advice is None or advice.level not in ("urgent", "emergency") or not advice.at:
        return None
    try:
        given = datetime.fromisoformat(advice.at)
        return advice if timedelta(0) <= now - given <= URGENT_STAYS_OPEN else None
    except (TypeError, ValueError):
        return None


class ActionReadRunFile(KnowledgeAction):
    """A run file the runner sent (GPX, TCX or FIT): each run in it is added to its week
    (bot.checkins.runfiles), and the reply says what was read; a file that is too big, damaged
    or not a run changes nothing and says why. The file arrives in the latest message's metadata
    (`attachment`: filename, size, and the bytes as base64, or none when the adapter did not
    download it because it is too big)."""

    def name(self) -> str:
        return "action_read_run_file"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        ctx = context(tracker)
        speaker = self.voice(tracker)
        tz = str(ctx.get("tz") or "UTC")
        metadata = tracker.latest_message.get("metadata") or {}
        attachment = metadata.get("attachment") if isinstance(metadata, dict) else None
        attachment = attachment if isinstance(attachment, dict) else {}
        size = attachment.get("size")
        data = _decoded(attachment.get("data"))
        result = oversized(size) if data is None else read_run_file(data, attachment.get("filename"))
        if isinstance(result, RunFileError):
            dispatcher.utter_message(text=render.run_file_error(result, speaker, tz))
            return []
        entries = _entries(ctx)
        lines: list[str] = []
        changed: dict[str, dict[str, Any]] = {}
        errors: list[RunFileError] = []
        for run in result.runs:
            added = add_run(entries, run, tz, _now(ctx))
            if isinstance(added, RunAdded):
                entries = added.entries
                changed[added.week] = next(e for e in entries if e.get("week") == added.week)
                lines.append(render.run_added(added, speaker, tz))
            else:
                errors.append(added)
        if not lines:
            dispatcher.utter_message(text=render.run_file_error(errors[0], speaker, tz))
            return []
        shown = lines[:RUNS_SAID]
        if len(lines) > RUNS_SAID:
            shown.append(render.more_runs(len(lines) - RUNS_SAID, speaker))
        dispatcher.utter_message(text="\n".join(shown))
        return [SlotSet("checkin_entry", list(changed.values()))]


def _decoded(value: Any) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None

