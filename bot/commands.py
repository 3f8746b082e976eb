"""Account commands: /settings, /privacy, /export, /forget, /summary, /checkin, /progress, and
their buttons.

Channel-independent and pure: a command, the user's record and a `Voice` (how to speak to this
runner) in, a `TurnResult` (new record, replies, effects) out. The engine runs them outside the
dialogue flow because they act on the user's settings and data, not on the conversation. Their
buttons carry payloads starting with "!" so they are told apart from the flow's Rasa payloads
("/intent{...}"). Every text is in dialogues/texts/en.yml; every command is listed in
dialogues/vocabulary.yml with its help line.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any, cast

from bot.checkins.progress import CHART_MIN_ENTRIES, progress_text
from bot.checkins.schedule import (
    WEEKDAYS,
    CheckinSchedule,
    ScheduleError,
    next_due,
    valid_time,
    valid_timezone,
)
from bot.clinical import summary as clinical_summary
from bot.knowledge.loader import OTHER_COUNTRY
from bot.record import CheckinData, UserRecord
from bot.texts import Voice, text_family, text_key
from bot.turn import Button, Effect, Reply, TurnResult

ACTION_PREFIX = "!"
#: The button that turns the weekly check-in on (the offer after advice; "do the weekly check-in" typed).
CHECKIN_START = f"{ACTION_PREFIX}checkin start"

COUNTRY = text_key("settings.country")
COUNTRY_SET = text_key("settings.country_set")
COUNTRY_SET_OTHER = text_key("settings.country_set_other")
CHECKIN_STATUS = text_key("settings.checkin", "status")
CHECKIN_SET_UP = text_key("settings.checkin_set_up_button")
CHECKIN_CHANGE = text_key("settings.checkin_change_button")
PRIVACY = text_key("privacy.short")
PRIVACY_MORE = text_key("privacy.more_button")
PRIVACY_DETAILS = text_key("privacy.details")
EXPORT = text_key("export.sending")
FORGET = text_key("forget.confirm")
FORGET_YES = text_key("forget.yes_button")
FORGET_NO = text_key("forget.no_button")
FORGOTTEN = text_key("forget.done")
KEPT = text_key("forget.kept")
WEEKDAY = text_family("weekday", [str(d) for d in WEEKDAYS])
WEEKDAY_PLURAL = text_family("weekdays", [str(d) for d in WEEKDAYS])
DATE_DAY = text_key("date.day")
DATE_DAY_TIME = text_key("date.day_time")
DATE_FULL = text_key("date.full")


#: Buttons that only show more to read: they ask nothing, so the pending question is asked again
#: after the reply that carries them (other "!" buttons ask a question of their own).
READ_MORE = ("!privacy more",)


def asks_its_own_question(replies: tuple[Reply, ...]) -> bool:
    return any(b.payload.startswith(ACTION_PREFIX) and b.payload not in READ_MORE
               for r in replies for b in r.buttons)


def is_command(text: str) -> bool:
    return command_name(text) in HANDLERS


#: A whole message that only asks to stop the weekly check-ins, in plain words: "/checkin off"
#: (tester round 37: "stop the weekly reminders pls" got the 10% card, "i dont want the weekly
#: messages anymore" the direct suicide question). Only the whole message: anything more is the
#: conversation's, and the crisis screen reads it.
_CHECKINS = r"(?:the |my |these |those |your |all (?:the |these |your )?|any )?(?:weekly |sunday |monday |check-?in )?(?:messages|reminders|check-?ins?|check ins?|notifications|texts|prompts|pings)"
_PLEASE = r"(?:[ ,]+(?:please|pls|plz|thanks|thank you|thx|ty|now))*"
#: ... said with a filler first or a word of finality after ("actually just stop the check ins
#: altogether": tester round 50 got "That's outside what I know about")
_FILLER = r"(?:(?:ok|okay|actually|just|so|hey|hi|right|um|erm|and|no|i mean|sorry)[ ,]+)*"
_FOR_GOOD = r"(?: altogether| completely| for good| entirely| for now| totally)?"
_PLAIN_CHECKIN_OFF = re.compile(
    rf"{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|could u|i want to|i'd like to|id like to|i wanna|how do i|how can i)[ ,]+)*"
    rf"{_FILLER}(?:stop|turn off|switch off|cancel|disable|unsubscribe(?: me)?(?: from)?|no more){_PLEASE} {_CHECKINS}(?: anymore| any more)?"
    rf"{_FOR_GOOD}{_PLEASE}"
    rf"|{_FILLER}i (?:don'?t|do not|dont) (?:want|need) {_CHECKINS}(?: anymore| any more)?{_FOR_GOOD}{_PLEASE}")


_WEEKS = {"a": 1, "one": 1, "1": 1, "a week": 1, "two": 2, "2": 2, "a fortnight": 2, "fortnight": 2, "three": 3, "3": 3,
          "four": 4, "4": 4, "a month": 4, "five": 5, "5": 5, "six": 6, "6": 6, "a couple": 2, "a couple of": 2,
          "couple of": 2, "couple": 2, "a few": 3, "few": 3}
#: "pause the check-ins for 2 weeks", "no check ins for a fortnight pls" (tester round 38: the unit
#: question again, then "When to see a physical therapist").
#: ... and "can you pause it for a couple weeks, im away on holiday" (tester round 50: "Do I need to
#: stop running?"): "it" or "them" is the check-ins when a number of weeks follows
_AWAY = r"(?:[,.;]? (?:as |cause |coz |because )?(?:i'?m|im|i am|we'?re|were|we are|i'll be|ill be) (?:away|on holiday|travelling|traveling|off)\b[^.!?]*)?"
_PLAIN_CHECKIN_PAUSE = re.compile(
    rf"{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|i'?m going on holiday,?|going away,?|on holiday,?)[ ,]+)*"
    rf"(?:pause {_CHECKINS}|pause (?:it|them)|no {_CHECKINS}|skip {_CHECKINS}|hold {_CHECKINS})(?: for)? "
    rf"(?P<n>a fortnight|fortnight|a month|a week|a couple(?: of)?|couple(?: of)?|a few|few|an? |one|two|three|four|five|six|\d)"
    rf"(?: ?weeks?| wks?)?{_PLEASE}{_AWAY}{_PLEASE}")
#: Changing when the check-ins come ("change my check in to saturday", "can i move my check-ins to
#: mornings"): the /checkin menu, whose first button changes the day and time (tester round 50 got
#: the race card)
_PLAIN_CHECKIN_CHANGE = re.compile(
    rf"{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|can i|could i|can we|i want to|i'd like to|id like to|how do i)[ ,]+)*"
    rf"(?:change|move|switch|reschedule|update) {_CHECKINS}(?: (?:day|time|day and time|time and day))?"
    rf"(?: (?:to|for|on) [a-z0-9 :]+)?(?: instead)?{_PLEASE}")


#: Asking for the check-ins in plain words: "can you check in on me each week?", "could you send me
#: weekly check-ins", "set up the weekly check in pls" (tester round 52 got "When to see a physical
#: therapist"): the /checkin set-up
_PLAIN_CHECKIN_SETUP = re.compile(
    rf"{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|could u|will you|would you|i want you to|i'd like you to|id like you "
    rf"to|can i|could i|can we|i want to|i'd like to|id like to|i wanna|how do i|how can i)[ ,]+)*"
    rf"(?:check in (?:on|with) me|check on me|(?:send|give) me (?:a |the )?{_CHECKINS}|(?:set up|setup|start|turn on|switch on|"
    rf"get|sign (?:me )?up (?:for|to)|do) {_CHECKINS}"
    # "no i mean weekly check in" (tester round 56: the walk-run card), said after a misreading
    rf"|(?:weekly |a weekly |the weekly )(?:check[- ]?ins?|check ins?|reminders?))"
    rf"(?: (?:each|every|once a|one a) week| weekly| on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))?{_PLEASE}")
#: The day, time or zone said after the ask ("... every week? sunday morning 8am india time"):
#: details the set-up asks for anyway.
_SETUP_DETAILS = re.compile(r"(?:(?:on |every |at |around |about |say |like |maybe )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|"
                            r"saturdays?|sundays?|mornings?|evenings?|afternoons?|nights?|\d{1,2}(?::\d\d)? ?(?:am|pm)?|noon|"
                            r"[a-z]+ time|ist|gmt|bst|utc|est|cst|pst|cet|aest|please|pls|thanks|in|my|the)[ ,]*)+")
#: With check-ins already set up, "it" and "them" are the check-ins: "actually can we change it to
#: saturday mornings?", "can you pause them till we're back? ... for a fortnight" (tester round 52:
#: the race card and "Do I need to stop running?")
_IT_CHANGE = re.compile(
    rf"{_FILLER}(?:i mean(?:t)? (?:the |my )?check[- ]?ins?(?: day| time)?[.,;]? )?"
    rf"{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|can i|could i|can we|i want to|i'd like to|id like to)[ ,]+)*"
    # ("actually can we make it Fridays instead of Mondays?": tester round 56 got "outside what I know")
    r"(?:change|move|switch|make|have|do) (?:it|them|the day|the time|the day and time) (?:to |for |on )?(?:mondays?|tuesdays?|wednesdays?|"
    r"thursdays?|fridays?|saturdays?|sundays?|mornings|evenings|weekends?)\b(?: (?:mornings?|evenings?|afternoons?|nights?|at \d{1,2}(?::\d\d)?"
    r"(?: ?[ap]m)?|\d{1,2}(?::\d\d)? ?[ap]m|at (?:\w+ )?o'?clock|instead(?: of (?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|"
    r"saturdays?|sundays?))?|then|please|pls))*" + _PLEASE)
_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_IT_PAUSE = re.compile(
    rf"{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|can we)[ ,]+)*(?:pause|hold|skip|stop) (?:it|them|{_CHECKINS})"
    r"(?: (?:for|till|until|while)\b[^?]*)?")


#: /progress asked for in plain words: "show me my progress", "can i see my chart" (tester round 57
#: got the home-exercises card).
_PLAIN_PROGRESS = re.compile(rf"{_FILLER}(?:(?:please|pls|can you|could you|can u|can i|could i)[ ,]+)*(?:(?:show|send|give) me|see|view|check|show) "
                             r"(?:my |the )?(?:progress|chart|graph|stats|check-?in history|history|check-?ins so far)(?: so far)?" + _PLEASE
                             # "and show me how ive been doing" (tester round 62: "I can only help with running pain")
                             + rf"|{_FILLER}(?:(?:please|pls|can you|could you|can u)[ ,]+)*(?:show|tell) me how (?:i'?ve|ive|i have|i'?m|im|i am) "
                             r"(?:been )?(?:doing|getting on|going|progressing)(?: so far| lately)?" + _PLEASE)
#: Check-ins turned back on: "actually back early, can you turn the checkins back on" (tester round 62:
#: "That's outside what I know about").
_PLAIN_CHECKIN_ON = re.compile(
    rf"(?:{_FILLER}(?:back|home|back home)(?: early)?[ ,]+)?{_FILLER}(?:(?:please|pls|plz|can you|could you|can u|could u)[ ,]+)*"
    rf"(?:turn|switch|put|start)(?: {_CHECKINS})? (?:back )?on(?: {_CHECKINS})?(?: again)?{_PLEASE}|{_FILLER}(?:(?:please|pls|can you|could you|can u)[ ,]+)*"
    rf"(?:resume|restart|unpause|un-pause) {_CHECKINS}{_PLEASE}")
#: A clause asking for the check-ins, inside a longer message: "g day mate. nothing hurts rn, just
#: want weekly check ins to keep me honest with my training" (tester round 57: "I can only help with
#: running pain").
_WANT_CHECKINS = re.compile(r"\b(?:i )?(?:just |only |really )?(?:want|need|would like|'d like|d like) (?:the |some |a |your )?(?:weekly )?"
                            r"(?:check[- ]?ins?|check ins?|reminders)\b")
#: Pain told beside a plain-words command: then the message is the conversation's, not a command.
_PAIN_BESIDE = re.compile(r"\b(?:hurts?|hurting|pain|painful|sore|ache|aching|injur\w*|niggle|swollen|numb|knees?|shins?|calf|calves|"
                          r"hips?|ankles?|foot|feet|heels?|achilles|hamstrings?|quads?|back|legs?|groin|toes?)\b")
_NO_PAIN = re.compile(r"\b(?:nothing|not|no|isn'?t|doesn'?t|never)\s+(?:\w+\s+)?(?:hurts?|hurting|pain|sore|injured|aching)\b")


def plain_command(text: str, checkins_on: bool = False) -> str | None:
    """The command a whole plain-words message stands for ("stop the weekly reminders pls" ->
    "/checkin off", "pause the check-ins for 2 weeks" -> "/checkin pause 2"), or None.
    `checkins_on`: the runner has check-ins set up, so "it" and "them" can mean them."""
    lower = " ".join(text.lower().replace("\u2019", "'").split()).strip(" .!?")
    if _PLAIN_CHECKIN_OFF.fullmatch(lower):
        return "/checkin off"
    pause = _PLAIN_CHECKIN_PAUSE.fullmatch(lower)
    if pause:
        weeks = _WEEKS.get(pause.group("n").strip(), 1)
        return f"/checkin pause {weeks}"
    if _PLAIN_CHECKIN_CHANGE.fullmatch(lower):
        # "can we switch the check ins to saturday mornings instead", "... to saturday at 8am" (tester
        # round 60 got the menu): with check-ins on, the day named at once
        return (_new_day(lower) if checkins_on else None) or "/checkin"
    if not checkins_on and _PLAIN_CHECKIN_SETUP.fullmatch(lower):
        return "/checkin"
    # the ask, then when: "ok can you check in with me every week? sunday morning 8am india time"
    # (tester round 56: the race card)
    first, _, rest = lower.partition("?")
    if not checkins_on and rest.strip() and _PLAIN_CHECKIN_SETUP.fullmatch(first.strip()) and _SETUP_DETAILS.fullmatch(rest.strip(" .!?")):
        return "/checkin"
    if checkins_on and _IT_CHANGE.fullmatch(lower):
        return _new_day(lower) or "/checkin"
    # ... the pause asked for in any clause, its length anywhere: "we're off to my mum's for a
    # fortnight, can you pause them till we're back?"
    if (checkins_on and any(_IT_PAUSE.fullmatch(c.strip()) for c in re.split(r"[.,;!?]", lower))
            and (n := _weeks_said(lower)) is not None):
        return f"/checkin pause {n}"
    if _PLAIN_PROGRESS.fullmatch(lower):
        return "/progress"
    if _PLAIN_CHECKIN_ON.fullmatch(lower) and re.search(r"check-?\s?ins?|reminders|messages|notifications|prompts|pings", lower):
        return "/checkin on"
    # One clause is the command, the others say nothing of pain ("ok cool. actually can u stop the
    # weekly check ins, ill just message when i need": tester round 57 got the 10% rule)
    clauses = [c.strip() for c in re.split(r"[.,;!?]", lower) if c.strip()]
    painless = not _PAIN_BESIDE.search(_NO_PAIN.sub(" ", lower))
    if painless and len(clauses) > 1:
        if checkins_on and any(_PLAIN_CHECKIN_OFF.fullmatch(c) for c in clauses):
            return "/checkin off"
        if not checkins_on and any(_WANT_CHECKINS.search(c) and not re.search(r"\b(?:don'?t|do not|dont|no)\b", c) for c in clauses):
            return "/checkin"
    return None


def _new_day(lower: str) -> str | None:
    """One new day named (before any "instead of"), with its time when one is said: that day at
    once ("/checkin day 5 08:00"); None for the menu. A part of the day without an hour ("saturday
    mornings") is that part's usual hour, said back in the confirmation."""
    from bot.engine.typed import read_time  # the engine imports this module

    said = lower.split(" instead of ")[0]
    days = {i for i, day in enumerate(_DAY_NAMES) for m in re.finditer(rf"\b{day}s?\b", said)}
    at = read_time(said)
    part = re.search(r"\b(morning|evening|afternoon|night)s?\b", said)
    if at is None and part and not re.search(r"\d", said):
        at = _PART_OF_DAY[part.group(1)]
    if len(days) != 1 or (at is None and re.search(r"\d", said)):
        return None
    return f"/checkin day {days.pop()}" + (f" {at}" if at else "")


#: A part of the day said without an hour: the hour a check-in is set to (the confirmation says it).
_PART_OF_DAY = {"morning": "08:00", "afternoon": "14:00", "evening": "18:00", "night": "20:00"}


def _weeks_said(lower: str) -> int | None:
    """How many weeks a pause is for, when a number of weeks is said ("for a fortnight", "2 weeks")."""
    for m in re.finditer(r"\b(a fortnight|fortnight|a month|(?:a|one|two|three|four|five|six|\d|a couple(?: of)?|couple(?: of)?|"
                         r"a few|few) ?(?:weeks?|wks?))\b", lower):
        said = re.sub(r" ?(?:weeks?|wks?)$", "", m.group(1)).strip()
        return _WEEKS.get(said, 1)
    return None


def command_name(text: str) -> str:
    """'/Summary@RunnerBot now' -> '/summary'."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return ""
    return stripped.split()[0].split("@")[0].lower()


def is_action(payload: str | None) -> bool:
    return bool(payload) and payload.startswith(ACTION_PREFIX)  # type: ignore[union-attr]


def handle_command(record: Mapping[str, Any], text: str, now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    """Run one of the account commands (HANDLERS) for a user whose stored record is `record`
    (not modified)."""
    new = cast(UserRecord, copy.deepcopy(dict(record)))
    name = command_name(text)
    handler = HANDLERS.get(name)
    if handler is None:
        raise ValueError(f"not an account command: {name!r}")
    return handler(new, text.split()[1:], now, tz, voice)


def handle_action(record: Mapping[str, Any], payload: str, now: datetime, voice: Voice) -> TurnResult:
    """A pressed "!" button: '!country GB', '!forget yes', '!forget no', '!checkin day 0', …"""
    new = cast(UserRecord, copy.deepcopy(dict(record)))
    verb, _, arg = payload[len(ACTION_PREFIX):].partition(" ")
    if verb == "checkin":
        sub, _, value = arg.partition(" ")
        if sub not in CHECKIN_VERBS:
            raise ValueError(f"unknown action payload: {payload!r}")
        return checkin(new, sub, value, now, voice)
    if verb == "country" and arg in {c.code for c in voice.countries()}:
        new.setdefault("profile", {})["country"] = arg
        chosen = voice.with_country(arg)
        return _result(new, (Reply(chosen.say(COUNTRY_SET_OTHER if arg == OTHER_COUNTRY else COUNTRY_SET)),))
    if verb == "privacy" and arg == "more":
        return _result(new, (Reply(voice.say(PRIVACY_DETAILS)),))
    if verb == "forget" and arg == "yes":
        return _result(new, (Reply(voice.say(FORGOTTEN)),), (Effect("delete_data"),))
    if verb == "forget" and arg == "no":
        return _result(new, (Reply(voice.say(KEPT)),))
    raise ValueError(f"unknown action payload: {payload!r}")


def settings_reply(voice: Voice) -> Reply:
    return Reply(voice.say(COUNTRY),
                 buttons=tuple(Button(c.label, f"!country {c.code}") for c in voice.countries()))


def checkin_settings_reply(record: Mapping[str, Any], now: datetime, voice: Voice) -> Reply:
    active = checkin_active(record)
    label = voice.say(CHECKIN_CHANGE if active else CHECKIN_SET_UP)
    return Reply(voice.say(CHECKIN_STATUS, status=checkin_status(record, now, voice)),
                 buttons=(Button(label, "!checkin menu"),))


# -- the account commands --------------------------------------------------------------------

def _settings(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    return _result(record, (settings_reply(voice), checkin_settings_reply(record, now, voice)))


def _privacy(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    """The essentials in a screen; the rest behind a button (a phone shows about 500 characters)."""
    return _result(record, (Reply(voice.say(PRIVACY), buttons=(Button(voice.say(PRIVACY_MORE), READ_MORE[0]),)),))


def _export(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    return _result(record, (Reply(voice.say(EXPORT)),), (Effect("export_data"),))


def _forget(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    return _result(record, (Reply(voice.say(FORGET), buttons=(
        Button(voice.say(FORGET_YES), "!forget yes"), Button(voice.say(FORGET_NO), "!forget no"))),))


def _summary(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    """/summary: what the runner reported and the advice given, for a physical therapist; with
    something to report, also as a PDF (the adapter makes and sends it: send_summary_pdf)."""
    summary = clinical_summary.build(record, now, tz, voice)
    reply = Reply(clinical_summary.text(summary, voice))
    if summary.empty:
        return _result(record, (reply,))
    return _result(record, (reply, Reply(voice.say(SUMMARY_PDF))), (Effect("send_summary_pdf"),))


def _progress(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    return progress(record, voice)


def _checkin(record: UserRecord, args: list[str], now: datetime, tz: tzinfo, voice: Voice) -> TurnResult:
    return checkin(record, " ".join(args[:1]).lower(), " ".join(args[1:]), now, voice)


Handler = Callable[[UserRecord, list[str], datetime, tzinfo, Voice], TurnResult]
#: The account commands and what runs them; each is listed in dialogues/vocabulary.yml (checked
#: at start-up), where its help line is named.
HANDLERS: dict[str, Handler] = {
    "/settings": _settings, "/privacy": _privacy, "/export": _export, "/forget": _forget,
    "/summary": _summary, "/checkin": _checkin, "/progress": _progress,
}


# -- weekly check-in settings ----------------------------------------------------------------

CHECKIN_VERBS = ("start", "menu", "day", "time", "tz", "unit", "pause", "off", "on")
TIME_CHOICES = ("07:00", "08:00", "12:00", "18:00", "19:00", "20:00")
#: A short list of common zones as buttons; any other IANA name can be typed (/checkin tz Area/City).
TIMEZONE_CHOICES = ("Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
                    "America/Denver", "America/Los_Angeles", "Australia/Sydney", "UTC")
PAUSE_CHOICES = (1, 2, 4)
_DRAFT_KEYS = ("weekday", "at", "tz", "unit")

INTRO = text_key("checkin_settings.intro")
ASK_DAY = text_key("checkin_settings.ask_day")
ASK_TIME = text_key("checkin_settings.ask_time")
ASK_TZ = text_key("checkin_settings.ask_tz")
ASK_UNIT = text_key("checkin_settings.ask_unit")
KM_BUTTON = text_key("checkin_settings.km_button")
MILES_BUTTON = text_key("checkin_settings.miles_button")
CHANGE_DAY_BUTTON = text_key("checkin_settings.change_day_button")
RESUME_BUTTON = text_key("checkin_settings.resume_button")
PAUSE_ONE = text_key("checkin_settings.pause_button_one", "weeks")
PAUSE_MANY = text_key("checkin_settings.pause_button_many", "weeks")
OFF_BUTTON = text_key("checkin_settings.off_button")
MENU = text_key("checkin_settings.menu", "status", "usage")
USAGE = text_key("checkin_settings.usage")
ALREADY_OFF = text_key("checkin_settings.already_off")
TURNED_OFF = text_key("checkin_settings.turned_off")
NOTHING_TO_PAUSE = text_key("checkin_settings.nothing_to_pause")
NOT_APPLIED = text_key("checkin_settings.not_applied")
DONE = text_key("checkin_settings.done", "schedule", "next")
PAUSED = text_key("checkin_settings.paused", "until", "next")
STATUS_OFF = text_key("checkin_settings.status_off")
STATUS_PAUSED = text_key("checkin_settings.status_paused", "schedule", "until")
SCHEDULE = text_key("checkin_settings.schedule", "weekdays", "time", "tz", "unit")
SORRY = text_key("checkin_settings.sorry", "problem")


def _checkins(record: UserRecord) -> CheckinData:
    return record.setdefault("checkins", {})


def _result(record: UserRecord, replies: tuple[Reply, ...], effects: tuple[Effect, ...] = ()) -> TurnResult:
    return TurnResult(cast(dict[str, Any], record), replies, effects)


def current_schedule(record: Mapping[str, Any]) -> CheckinSchedule | None:
    return CheckinSchedule.from_json((record.get("checkins") or {}).get("schedule"))


def checkin_active(record: Mapping[str, Any]) -> bool:
    schedule = current_schedule(record)
    return schedule is not None and schedule.active


def describe_schedule(schedule: CheckinSchedule, voice: Voice) -> str:
    """'Mondays at 07:30 (Europe/London), distances in km'."""
    return voice.say(SCHEDULE, weekdays=voice.say(f"{WEEKDAY_PLURAL}.{schedule.weekday}"), time=schedule.at,
                     tz=schedule.tz, unit=schedule.unit)


def checkin_status(record: Mapping[str, Any], now: datetime | None, voice: Voice) -> str:
    schedule = current_schedule(record)
    if schedule is None or not schedule.active:
        return voice.say(STATUS_OFF)
    text = describe_schedule(schedule, voice)
    if schedule.paused_until is not None and (now is None or schedule.paused_until > now):
        until = schedule.paused_until.astimezone(schedule.zone).strftime(voice.say(DATE_DAY))
        text = voice.say(STATUS_PAUSED, schedule=text, until=until)
    return text


def checkin(record: UserRecord, verb: str, value: str, now: datetime, voice: Voice) -> TurnResult:
    """/checkin [off|on|pause N|tz NAME|time HH:MM|unit km|mi] and the "!checkin …" buttons."""
    data = _checkins(record)
    schedule = current_schedule(record)
    active = schedule is not None and schedule.active
    try:
        if verb in ("", "menu"):
            return _checkin_menu(record, now, voice) if active else _ask_next(record, voice, start=True)
        if verb == "start":
            # "Change day and time" with check-ins set up: the day and time only, the time zone and
            # unit kept (tester round 60 was asked both again after choosing Saturday 08:00)
            data["draft"] = {"tz": schedule.tz, "unit": schedule.unit} if schedule is not None else {}
            return _ask_next(record, voice, start=schedule is None)
        if verb == "off":
            data.pop("draft", None)
            if schedule is None or not schedule.active:
                return _result(record, (Reply(voice.say(ALREADY_OFF)),))
            data["schedule"] = {**schedule.to_json(), "active": False}
            return _result(record, (Reply(voice.say(TURNED_OFF)),), (Effect("unsubscribe_checkins"),))
        if verb == "on":
            if schedule is None:
                return _ask_next(record, voice, start=True)
            return _commit(record, CheckinSchedule.from_json({**schedule.to_json(), "active": True,
                                                              "paused_until": None}), now, voice)
        if verb == "pause":
            if not active:
                return _result(record, (Reply(voice.say(NOTHING_TO_PAUSE)),))
            weeks = _int(value, "pause_weeks")
            assert schedule is not None
            return _commit(record, schedule.paused_for(weeks, now), now, voice)
        parsed: Any
        also: dict[str, Any] = {}
        if verb == "day":
            # "!checkin day 0 09:00": a day typed with its time ("Monday mornings please, about 9")
            day, _, at = value.strip().partition(" ")
            parsed = _int(day, "day")
            if not 0 <= parsed <= 6:
                raise ScheduleError("day")
            key = "weekday"
            if at.strip():
                also["at"] = _time(at.strip())
        elif verb == "time":
            parsed, key = _time(value), "at"
        elif verb == "tz":
            parsed, key = valid_timezone(value), "tz"
        elif verb == "unit":
            parsed = {"km": "km", "mi": "mi", "miles": "mi", "mile": "mi"}.get(value.strip().lower())
            if parsed is None:
                raise ScheduleError("unit")
            key = "unit"
        else:
            return _result(record, (Reply(voice.say(USAGE)),))
    except ScheduleError as exc:
        return _result(record, (Reply(voice.say(SORRY, problem=voice.say(exc.text_key, **exc.values))),))
    draft = data.get("draft")
    if isinstance(draft, dict) or not active:
        draft = data["draft"] = draft if isinstance(draft, dict) else {}
        draft[key] = parsed
        draft.update(also)
        if all(k in draft for k in _DRAFT_KEYS):
            data.pop("draft")
            return _commit(record, CheckinSchedule(draft["weekday"], draft["at"], draft["tz"], draft["unit"]), now, voice)
        return _ask_next(record, voice)
    assert schedule is not None
    return _commit(record, CheckinSchedule.from_json({**schedule.to_json(), key: parsed, **also}), now, voice)


def _time(value: str) -> str:
    """'19:00', or as people say it: '/checkin time 7pm' (tester round 41: "'7pm' is not a time",
    where the set-up itself says to type it like 7pm)."""
    try:
        return valid_time(value)
    except ScheduleError:
        from bot.engine.typed import read_time  # the engine imports this module

        said = read_time(value)
        if said is None:
            raise
        return said


def finish_draft(record: Mapping[str, Any], now: datetime, voice: Voice) -> TurnResult | None:
    """A check-in set-up left at its last question (km or miles) when the runner asks for a
    check-in now: set up with the usual unit there (`_MILES_ZONES`, else km), so the
    check-in that follows is not the only one (tester round 42: /checkin_now at "km or miles?" and
    /progress later said check-ins were off). None when no set-up is waiting on its unit."""
    draft = (record.get("checkins") or {}).get("draft")
    if not isinstance(draft, dict) or not all(k in draft for k in ("weekday", "at", "tz")) or "unit" in draft:
        return None
    unit = "mi" if str(draft["tz"]).startswith(_MILES_ZONES) else "km"
    return checkin(cast(UserRecord, copy.deepcopy(dict(record))), "unit", unit, now, voice)


#: Time zones where distances are said in miles (the US, and the UK's Europe/London).
_MILES_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix",
                "America/Anchorage", "America/Detroit", "America/Indiana", "America/Kentucky", "America/Boise",
                "Pacific/Honolulu", "US/", "Europe/London")


def _int(value: str, problem: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ScheduleError(problem) from None


def _ask_next(record: UserRecord, voice: Voice, start: bool = False) -> TurnResult:
    draft = _checkins(record).setdefault("draft", {})
    intro = voice.say(INTRO) + "\n\n" if start else ""
    if "weekday" not in draft:
        return _result(record, (Reply(intro + voice.say(ASK_DAY), buttons=tuple(
            Button(voice.say(f"{WEEKDAY}.{d}"), f"!checkin day {d}") for d in WEEKDAYS)),))
    if "at" not in draft:
        return _result(record, (Reply(voice.say(ASK_TIME),
                                         buttons=tuple(Button(t, f"!checkin time {t}") for t in TIME_CHOICES)),))
    if "tz" not in draft:
        # the runner's country's zones first (tester round 53: Toronto and Mumbai were offered Europe,
        # the US and Sydney only), then the usual ones, eight at most
        own = voice.kb.zones_of(voice.country) if voice.kb is not None else ()
        choices = tuple(dict.fromkeys((*own[:4], *TIMEZONE_CHOICES)))[:8]
        return _result(record, (Reply(voice.say(ASK_TZ),
                                         buttons=tuple(Button(z, f"!checkin tz {z}") for z in choices)),))
    return _result(record, (Reply(voice.say(ASK_UNIT), buttons=(
        Button(voice.say(KM_BUTTON), "!checkin unit km"), Button(voice.say(MILES_BUTTON), "!checkin unit mi"))),))


def _checkin_menu(record: UserRecord, now: datetime, voice: Voice) -> TurnResult:
    schedule = current_schedule(record)
    assert schedule is not None
    other_unit = "mi" if schedule.unit == "km" else "km"
    buttons = [Button(voice.say(CHANGE_DAY_BUTTON), "!checkin start"),
               Button(voice.say(MILES_BUTTON if other_unit == "mi" else KM_BUTTON), f"!checkin unit {other_unit}")]
    if schedule.paused_until is not None and schedule.paused_until > now:
        buttons.append(Button(voice.say(RESUME_BUTTON), "!checkin pause 0"))
    buttons += [Button(voice.say(PAUSE_ONE if n == 1 else PAUSE_MANY, weeks=n), f"!checkin pause {n}")
                for n in PAUSE_CHOICES]
    buttons.append(Button(voice.say(OFF_BUTTON), "!checkin off"))
    text = voice.say(MENU, status=checkin_status(record, now, voice), usage=voice.say(USAGE))
    return _result(record, (Reply(text, buttons=tuple(buttons)),))


def _commit(record: UserRecord, schedule: CheckinSchedule | None, now: datetime, voice: Voice) -> TurnResult:
    if schedule is None:
        return _result(record, (Reply(voice.say(NOT_APPLIED)),))
    _checkins(record)["schedule"] = schedule.to_json()
    due = next_due(schedule, now)
    assert due is not None
    when = due.astimezone(schedule.zone).strftime(voice.say(DATE_DAY_TIME))
    text = voice.say(DONE, schedule=describe_schedule(schedule, voice), next=when)
    if schedule.paused_until is not None and schedule.paused_until > now:
        until = schedule.paused_until.astimezone(schedule.zone).strftime(voice.say(DATE_DAY))
        text = voice.say(PAUSED, until=until, next=when)
    return _result(record, (Reply(text),),
                      (Effect("subscribe_checkins", {"schedule": schedule.to_json(), "due": due.isoformat()}),))


def progress(record: UserRecord, voice: Voice) -> TurnResult:
    """/progress: the check-ins as text; with two or more, the chart as well."""
    data = record.get("checkins") or {}
    entries = [e for e in data.get("entries") or [] if isinstance(e, dict)]
    unit = ((data.get("schedule") or {}).get("unit")) or "km"
    # "Turn on the weekly check-in" to a runner who has it on read as if it had been lost (tester 5).
    reply = Reply(progress_text(entries, unit, voice, subscribed=checkin_active(record)))
    if len(entries) < CHART_MIN_ENTRIES:
        return _result(record, (reply,))
    return _result(record, (reply,), (Effect("send_progress_chart", {"unit": unit}),))


def export_document(record: Mapping[str, Any], user_id: str, now: datetime) -> bytes:
    """The user's stored record as a JSON document, with a short header saying what it is."""
    document = {
        "what": "Everything runner-triage keeps about you.",
        "user_id": user_id,
        "exported_at": now.isoformat(),
        "record": dict(record),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


# -- /summary --------------------------------------------------------------------------------

SUMMARY_PDF = text_key("summary.pdf_sending")


def summary_pdf(record: Mapping[str, Any], now: datetime, tz: tzinfo, voice: Voice) -> bytes:
    """/summary as a one-page PDF (the adapters send it, or save it: the effect send_summary_pdf)."""
    return clinical_summary.pdf(clinical_summary.build(record, now, tz, voice), voice)
