"""Account commands: /settings, /privacy, /export, /forget, /summary, and their buttons.

Channel-independent and pure: a command and the user's record in, a `TurnResult` (new record,
replies, effects) out. The engine runs them (`Engine._account`) outside the dialogue flow because
they act on the user's settings and data, not on the conversation. Their buttons carry payloads
starting with "!" so they are told apart from the flow's Rasa payloads ("/intent{...}").
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from bot.turn import Button, Effect, Reply, TurnResult

COMMANDS = ("/settings", "/privacy", "/export", "/forget", "/summary")
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

What: the answers you give me (where it hurts, whether it fades, your balance, anything you type that I use for the triage), the advice I gave and when (your last 50 triage results), your settings (country for crisis lines), and the Telegram chat id I need to reply to you and to recognise my buttons. Your messages themselves are not logged.

Where: in one file per user on the server that runs this bot, readable only by the bot's account. Nothing is sold or shared, and nothing is sent anywhere except back to you through Telegram.

How long: until you delete it. Nothing expires automatically.

Your controls: /export sends you everything I keep as a JSON file. /forget deletes all of it, after you confirm. /cancel stops the current questions without deleting anything.

I'm not a doctor, and this is not a medical record: if you see a physical therapist or doctor, /summary gives you a short report you can show them."""

def is_command(text: str) -> bool:
    return command_name(text) in COMMANDS


def command_name(text: str) -> str:
    """'/Summary@RunnerBot now' -> '/summary'."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return ""
    return stripped.split()[0].split("@")[0].lower()


def is_action(payload: str | None) -> bool:
    return bool(payload) and payload.startswith(ACTION_PREFIX)  # type: ignore[union-attr]


def handle_command(record: Mapping[str, Any], text: str, now: datetime, tz: tzinfo) -> TurnResult:
    """Run one of COMMANDS for a user whose stored record is `record` (not modified)."""
    new = copy.deepcopy(dict(record))
    name = command_name(text)
    if name == "/settings":
        return TurnResult(new, (settings_reply(new),))
    if name == "/privacy":
        return TurnResult(new, (Reply(PRIVACY_TEXT),))
    if name == "/export":
        return TurnResult(new, (Reply("Here is everything I keep about you, as a JSON file."),),
                          (Effect("export_data"),))
    if name == "/forget":
        return TurnResult(new, (Reply(
            "This deletes everything I keep about you: your answers, the advice history and your "
            "settings. It cannot be undone. Delete it all?",
            buttons=(Button("Yes, delete everything", "!forget yes"), Button("No, keep it", "!forget no")),
        ),))
    if name == "/summary":
        return TurnResult(new, (Reply(summary_text(new, now, tz)),))
    raise ValueError(f"not an adapter command: {name!r}")


def handle_action(record: Mapping[str, Any], payload: str) -> TurnResult:
    """A pressed "!" button: '!country GB', '!forget yes', '!forget no'."""
    new = copy.deepcopy(dict(record))
    verb, _, arg = payload[len(ACTION_PREFIX):].partition(" ")
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
    if not current and not history:
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
