"""Account commands: /settings, /privacy, /export, /forget, /summary, /checkin, /progress, and
their buttons.

Channel-independent and pure: a command and the user's record in, a `TurnResult` (new record,
replies, effects) out. The engine runs them (`Engine._account`) outside the dialogue flow because
they act on the user's settings and data, not on the conversation. Their buttons carry payloads
starting with "!" so they are told apart from the flow's Rasa payloads ("/intent{...}").
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from typing import Any

from bot.checkins.progress import CHART_MIN_ENTRIES, entry_line, progress_text
from bot.checkins.schedule import (
    WEEKDAYS,
    CheckinSchedule,
    ScheduleError,
    next_due,
    valid_time,
    valid_timezone,
)
from bot.turn import Button, Effect, Reply, TurnResult

ACTION_PREFIX = "!"

#: Countries with their own crisis lines in knowledge/crisis_resources.yml; "other" gets the
#: generic fallback (findahelpline.com, local emergency number).
COUNTRIES: dict[str, str] = {"US": "United States", "GB": "United Kingdom", "IE": "Ireland",
                             "other": "Somewhere else"}

LEVEL_WORDS: dict[str, str] = {
    "crisis": "crisis support offered first (talk of self-harm)",
    "emergency": "call emergency services now",
    "urgent": "see a doctor today and stop running",
    "see_pt": "book a physical therapist",
    "self_care": "normal soreness: self-care and a gradual return",
}
PATTERN_WORDS = {"fades": "fades within days like normal soreness",
                 "recurring": "comes back when running again", "persistent": "does not fade"}
BALANCE_WORDS = {"worse": "single-leg balance worse than before", "same": "single-leg balance unchanged",
                 "unsure": "not sure about single-leg balance"}

PRIVACY_TEXT = """What I keep about you, and how to get rid of it.

What: the answers you give me (where it hurts, whether it fades, your balance, anything you type that I use for the triage), the advice I gave and when (your last 50 triage results), your weekly check-in answers if you turned it on (pain, where, distance; the last 104 weeks), your settings (country for crisis lines, check-in day, time, timezone and unit), and the Telegram chat id I need to reply to you and to recognise my buttons. Your messages themselves are not logged.

Where: in one file per user on the server that runs this bot, readable only by the bot's account. Nothing is sold or shared, and nothing is sent anywhere except back to you through Telegram.

How long: until you delete it. Nothing expires automatically.

Your controls: /export sends you everything I keep as a JSON file. /forget deletes all of it, after you confirm. /cancel stops the current questions without deleting anything.

I'm not a doctor, and this is not a medical record: if you see a physical therapist or doctor, /summary gives you a short report you can show them."""

def is_command(text: str) -> bool:
    return command_name(text) in HANDLERS


def command_name(text: str) -> str:
    """'/Summary@RunnerBot now' -> '/summary'."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return ""
    return stripped.split()[0].split("@")[0].lower()


def is_action(payload: str | None) -> bool:
    return bool(payload) and payload.startswith(ACTION_PREFIX)  # type: ignore[union-attr]


def handle_command(record: Mapping[str, Any], text: str, now: datetime, tz: tzinfo) -> TurnResult:
    """Run one of the account commands (HANDLERS) for a user whose stored record is `record`
    (not modified)."""
    new = copy.deepcopy(dict(record))
    name = command_name(text)
    handler = HANDLERS.get(name)
    if handler is None:
        raise ValueError(f"not an account command: {name!r}")
    return handler(new, text.split()[1:], now, tz)


def _settings(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return TurnResult(record, (settings_reply(record), checkin_settings_reply(record, now)))


def _privacy(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return TurnResult(record, (Reply(PRIVACY_TEXT),))


def _export(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return TurnResult(record, (Reply("Here is everything I keep about you, as a JSON file."),),
                      (Effect("export_data"),))


def _forget(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return TurnResult(record, (Reply(
        "This deletes everything I keep about you: your answers, the advice history and your "
        "settings. It cannot be undone. Delete it all?",
        buttons=(Button("Yes, delete everything", "!forget yes"), Button("No, keep it", "!forget no")),
    ),))


def _summary(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return TurnResult(record, (Reply(summary_text(record, now, tz)),))


def _progress(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return progress(record)


def _checkin(record: dict[str, Any], args: list[str], now: datetime, tz: tzinfo) -> TurnResult:
    return checkin(record, " ".join(args[:1]).lower(), " ".join(args[1:]), now)


def handle_action(record: Mapping[str, Any], payload: str, now: datetime) -> TurnResult:
    """A pressed "!" button: '!country GB', '!forget yes', '!forget no', '!checkin day 0', …"""
    new = copy.deepcopy(dict(record))
    verb, _, arg = payload[len(ACTION_PREFIX):].partition(" ")
    if verb == "checkin":
        sub, _, value = arg.partition(" ")
        if sub not in CHECKIN_VERBS:
            raise ValueError(f"unknown action payload: {payload!r}")
        return checkin(new, sub, value, now)
    if verb == "country" and arg in COUNTRIES:
        new.setdefault("profile", {})["country"] = arg
        return TurnResult(new, (Reply(f"Done: crisis lines for {COUNTRIES[arg]} from now on."),))
    if verb == "forget" and arg == "yes":
        return TurnResult(new, (Reply("Done: I've deleted everything I kept about you. "
                                      "If you want to talk again, just tell me what hurts."),),
                          (Effect("delete_data"),))
    if verb == "forget" and arg == "no":
        return TurnResult(new, (Reply("Okay, nothing was deleted."),))
    raise ValueError(f"unknown action payload: {payload!r}")


def settings_reply(record: Mapping[str, Any]) -> Reply:
    current = (record.get("profile") or {}).get("country") or "US"
    name = COUNTRIES.get(current, current)
    return Reply(
        f"Settings\n\nCountry for crisis lines: {name}. Where are you? This decides which "
        "helplines and emergency numbers I show.",
        buttons=tuple(Button(label, f"!country {code}") for code, label in COUNTRIES.items()),
    )


def checkin_settings_reply(record: Mapping[str, Any], now: datetime) -> Reply:
    status = checkin_status(record, now)
    label = "Set up weekly check-in" if status == "off" else "Change weekly check-in"
    return Reply(f"Weekly check-in: {status}.", buttons=(Button(label, "!checkin menu"),))


# -- weekly check-in settings ----------------------------------------------------------------

CHECKIN_VERBS = ("start", "menu", "day", "time", "tz", "unit", "pause", "off", "on")
TIME_CHOICES = ("07:00", "08:00", "12:00", "18:00", "19:00", "20:00")
#: A short list of common zones as buttons; any other IANA name can be typed (/checkin tz Area/City).
TIMEZONE_CHOICES = ("Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago",
                    "America/Denver", "America/Los_Angeles", "Australia/Sydney", "UTC")
PAUSE_CHOICES = (1, 2, 4)
_DRAFT_KEYS = ("weekday", "at", "tz", "unit")


def _checkins(record: dict[str, Any]) -> dict[str, Any]:
    return record.setdefault("checkins", {})  # type: ignore[no-any-return]


def current_schedule(record: Mapping[str, Any]) -> CheckinSchedule | None:
    return CheckinSchedule.from_json((record.get("checkins") or {}).get("schedule"))


def checkin_status(record: Mapping[str, Any], now: datetime | None = None) -> str:
    schedule = current_schedule(record)
    if schedule is None or not schedule.active:
        return "off"
    text = schedule.describe()
    if schedule.paused_until is not None and (now is None or schedule.paused_until > now):
        text += f", paused until {schedule.paused_until.astimezone(schedule.zone):%a %d %b}"
    return text


def checkin(record: dict[str, Any], verb: str, value: str, now: datetime) -> TurnResult:
    """/checkin [off|on|pause N|tz NAME|time HH:MM|unit km|mi] and the "!checkin …" buttons."""
    data = _checkins(record)
    schedule = current_schedule(record)
    active = schedule is not None and schedule.active
    try:
        if verb in ("", "menu"):
            return _checkin_menu(record, now) if active else _ask_next(record, start=True)
        if verb == "start":
            data["draft"] = {}
            return _ask_next(record, start=True)
        if verb == "off":
            data.pop("draft", None)
            if schedule is None or not schedule.active:
                return TurnResult(record, (Reply("Weekly check-ins are already off."),))
            data["schedule"] = {**schedule.to_json(), "active": False}
            return TurnResult(record, (Reply("Done: no more weekly check-ins. Your past check-ins are kept "
                                             "(/progress, /forget). /checkin turns them on again."),),
                              (Effect("unsubscribe_checkins"),))
        if verb == "on":
            if schedule is None:
                return _ask_next(record, start=True)
            return _commit(record, CheckinSchedule.from_json({**schedule.to_json(), "active": True,
                                                              "paused_until": None}), now)
        if verb == "pause":
            if not active:
                return TurnResult(record, (Reply("Weekly check-ins are off, so there is nothing to pause. "
                                                 "/checkin turns them on."),))
            weeks = _int(value, "pause for a number of weeks, e.g. /checkin pause 2")
            assert schedule is not None
            return _commit(record, schedule.paused_for(weeks, now), now)
        parsed: Any
        if verb == "day":
            parsed = _int(value, "the day is a number from 0 (Monday) to 6 (Sunday)")
            if not 0 <= parsed <= 6:
                raise ScheduleError("the day is a number from 0 (Monday) to 6 (Sunday)")
            key = "weekday"
        elif verb == "time":
            parsed, key = valid_time(value), "at"
        elif verb == "tz":
            parsed, key = valid_timezone(value), "tz"
        elif verb == "unit":
            parsed = {"km": "km", "mi": "mi", "miles": "mi", "mile": "mi"}.get(value.strip().lower())
            if parsed is None:
                raise ScheduleError("the unit is km or mi")
            key = "unit"
        else:
            return TurnResult(record, (Reply(CHECKIN_USAGE),))
    except ScheduleError as exc:
        return TurnResult(record, (Reply(f"Sorry, {exc}."),))
    draft = data.get("draft")
    if isinstance(draft, dict) or not active:
        draft = data["draft"] = draft if isinstance(draft, dict) else {}
        draft[key] = parsed
        if all(k in draft for k in _DRAFT_KEYS):
            data.pop("draft")
            return _commit(record, CheckinSchedule(draft["weekday"], draft["at"], draft["tz"], draft["unit"]), now)
        return _ask_next(record)
    assert schedule is not None
    return _commit(record, CheckinSchedule.from_json({**schedule.to_json(), key: parsed}), now)


CHECKIN_USAGE = ("/checkin sets up the weekly check-in. Also: /checkin off, /checkin on, /checkin pause 2 "
                 "(weeks), /checkin tz Europe/Berlin, /checkin time 07:30, /checkin unit km or mi.")


def _int(value: str, problem: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ScheduleError(problem) from None


def _ask_next(record: dict[str, Any], start: bool = False) -> TurnResult:
    draft = _checkins(record).setdefault("draft", {})
    intro = ("Weekly check-in: once a week I ask how much running hurt (0–10), where, whether it "
             "faded, and how far you ran, then warn you about pain that keeps coming back or a "
             "sudden jump in distance. /checkin off stops it any time.\n\n") if start else ""
    if "weekday" not in draft:
        return TurnResult(record, (Reply(intro + "Which day should I ask?",
                                         buttons=tuple(Button(d, f"!checkin day {i}") for i, d in enumerate(WEEKDAYS))),))
    if "at" not in draft:
        return TurnResult(record, (Reply("At what time? (Or send /checkin time 06:45 for another time.)",
                                         buttons=tuple(Button(t, f"!checkin time {t}") for t in TIME_CHOICES)),))
    if "tz" not in draft:
        return TurnResult(record, (Reply("Which timezone are you in? If yours is not here, send it like "
                                         "/checkin tz Europe/Madrid (an IANA name).",
                                         buttons=tuple(Button(z, f"!checkin tz {z}") for z in TIMEZONE_CHOICES)),))
    return TurnResult(record, (Reply("Distances in kilometres or miles?",
                                     buttons=(Button("km", "!checkin unit km"), Button("miles", "!checkin unit mi"))),))


def _checkin_menu(record: dict[str, Any], now: datetime) -> TurnResult:
    schedule = current_schedule(record)
    assert schedule is not None
    buttons = [Button("Change day and time", "!checkin start"),
               Button("miles" if schedule.unit == "km" else "km", f"!checkin unit {'mi' if schedule.unit == 'km' else 'km'}")]
    if schedule.paused_until is not None and schedule.paused_until > now:
        buttons.append(Button("Resume now", "!checkin pause 0"))
    buttons += [Button(f"Pause {n} week{'s' if n > 1 else ''}", f"!checkin pause {n}") for n in PAUSE_CHOICES]
    buttons.append(Button("Turn off", "!checkin off"))
    return TurnResult(record, (Reply(f"Weekly check-in: {checkin_status(record, now)}.\n\n{CHECKIN_USAGE}",
                                     buttons=tuple(buttons)),))


def _commit(record: dict[str, Any], schedule: CheckinSchedule | None, now: datetime) -> TurnResult:
    if schedule is None:
        return TurnResult(record, (Reply("Sorry, that setting could not be applied; send /checkin to set it up again."),))
    _checkins(record)["schedule"] = schedule.to_json()
    due = next_due(schedule, now)
    assert due is not None
    when = due.astimezone(schedule.zone)
    text = f"Done: weekly check-ins on {schedule.describe()}. The next one: {when:%a %d %b, %H:%M}."
    if schedule.paused_until is not None and schedule.paused_until > now:
        text = f"Paused: no check-ins until {schedule.paused_until.astimezone(schedule.zone):%a %d %b}. The next one: {when:%a %d %b, %H:%M}."
    return TurnResult(record, (Reply(text),),
                      (Effect("subscribe_checkins", {"schedule": schedule.to_json(), "due": due.isoformat()}),))


def progress(record: dict[str, Any]) -> TurnResult:
    """/progress: the check-ins as text; with two or more, the chart as well."""
    data = record.get("checkins") or {}
    entries = [e for e in data.get("entries") or [] if isinstance(e, dict)]
    unit = ((data.get("schedule") or {}).get("unit")) or "km"
    reply = Reply(progress_text(entries, unit))
    if len(entries) < CHART_MIN_ENTRIES:
        return TurnResult(record, (reply,))
    return TurnResult(record, (reply,), (Effect("send_progress_chart", {"unit": unit}),))


def export_document(record: Mapping[str, Any], user_id: str, now: datetime) -> bytes:
    """The user's stored record as a JSON document, with a short header saying what it is."""
    document = {
        "what": "Everything runner-triage keeps about you.",
        "user_id": user_id,
        "exported_at": now.isoformat(),
        "record": dict(record),
    }
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def summary_text(record: Mapping[str, Any], now: datetime, tz: tzinfo) -> str:
    """A short report for a physical therapist: the current answers and the triage history."""
    slots = ((record.get("conversation") or {}).get("slots")) or {}
    history = [h for h in record.get("history") or [] if isinstance(h, dict)]
    lines = [f"Runner triage summary, made {now.astimezone(tz):%d %b %Y}",
             "What the runner reported to a triage chatbot. Not a diagnosis."]
    current = _describe(slots)
    if current:
        lines += ["", "Latest answers:"] + [f"- {line}" for line in current]
    if history:
        lines += ["", f"Triage results ({min(len(history), 10)} most recent of {len(history)}):"]
        for entry in reversed(history[-10:]):
            lines.append(f"- {_when(entry.get('at'), tz)}: {LEVEL_WORDS.get(str(entry.get('level')), entry.get('level'))}")
            for line in _describe(entry):
                lines.append(f"    {line}")
    entries = [e for e in (record.get("checkins") or {}).get("entries") or [] if isinstance(e, dict)]
    if entries:
        unit = (((record.get("checkins") or {}).get("schedule") or {}).get("unit")) or "km"
        lines += ["", f"Weekly check-ins ({min(len(entries), 8)} most recent of {len(entries)}):"]
        lines += [f"- {entry_line(e, unit)}" for e in entries[-8:]]
    if not current and not history and not entries:
        return ("There is nothing to summarise yet. Tell me what hurts, answer a few questions, "
                "and /summary will list what you reported and the advice you got.")
    return "\n".join(lines)


def _describe(values: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    locations = values.get("pain_location") or []
    if isinstance(locations, str):
        locations = [locations]
    if locations:
        side = values.get("pain_side")
        where = ", ".join(str(x).replace("_", " ") for x in locations)
        out.append(f"Where: {where}" + (f" ({side} side)" if side in ("left", "right") else
                                        " (both sides)" if side == "both" else ""))
    if values.get("pain_pattern"):
        out.append(f"Pattern: {PATTERN_WORDS.get(values['pain_pattern'], values['pain_pattern'])}")
    if values.get("balance_change"):
        out.append(f"Balance: {BALANCE_WORDS.get(values['balance_change'], values['balance_change'])}")
    if values.get("severity") is not None:
        out.append(f"Severity: {values['severity']:g}/10" if isinstance(values["severity"], (int, float))
                   else f"Severity: {values['severity']}")
    if values.get("range_of_motion") == "reduced":
        out.append("Range of motion: reduced")
    flags = [f if isinstance(f, str) else (f or {}).get("flag") for f in values.get("red_flags") or []]
    flags = [str(f).replace("_", " ") for f in flags if f]
    if flags:
        out.append(f"Warning signs mentioned: {', '.join(flags)}")
    return out


def _when(at: Any, tz: tzinfo) -> str:
    try:
        return f"{datetime.fromisoformat(str(at)).astimezone(tz):%d %b %Y}"
    except ValueError:
        return "date unknown"


Handler = Callable[[dict[str, Any], list[str], datetime, tzinfo], TurnResult]
#: The account commands and what runs them; every one is listed in dialogues/vocabulary.yml.
HANDLERS: dict[str, Handler] = {
    "/settings": _settings, "/privacy": _privacy, "/export": _export, "/forget": _forget,
    "/summary": _summary, "/checkin": _checkin, "/progress": _progress,
}
