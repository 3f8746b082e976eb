"""Which buttons a user was shown, kept in the user's own record under ``record["telegram"]``.

A keyboard gets a random token; callback data names the token and a button index
(render.CallbackRef). Pressing a button resolves the token in the *presser's* record and checks
the message it came from, so another user's button, a forged one, one from before /forget or a
restart of the world all resolve to nothing. Keyboards that answer a question are spent by the
first press; suggested questions can each be pressed once.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from typing import Any, Literal

from bot.turn import Button

KEEP_KEYBOARDS = 12
#: Update ids remembered per user. Telegram redelivers what it was never told was handled: at most
#: one getUpdates batch (100 updates) in polling, one update per chat in a webhook.
KEEP_UPDATE_IDS = 100
_ALPHABET = string.ascii_lowercase + string.digits


def telegram_state(record: dict[str, Any]) -> dict[str, Any]:
    """The adapter's part of a record (created on first use)."""
    state = record.setdefault("telegram", {})
    state.setdefault("keyboards", [])
    state.setdefault("recent_updates", [])
    return state  # type: ignore[no-any-return]


def handled_before(record: dict[str, Any], update_id: int) -> bool:
    """True if this update's turn was already saved for the user (Telegram redelivers an update
    it was not told about, e.g. after a crash)."""
    recent = (record.get("telegram") or {}).get("recent_updates") or []
    return update_id in recent


def remember_update(record: dict[str, Any], update_id: int) -> None:
    """Mark the update handled. It is saved with the turn it starts, in the same write, so a turn
    is either saved and marked, or neither (and runs when the update comes again)."""
    recent: list[int] = telegram_state(record)["recent_updates"]
    if update_id not in recent:
        recent.append(update_id)
        del recent[:-KEEP_UPDATE_IDS]


def _token(length: int = 8) -> str:
    """`length` characters of _ALPHABET, uniformly at random: one draw from the system's random
    source (secrets.choice per character made 8 urandom calls a keyboard)."""
    number = secrets.randbelow(len(_ALPHABET) ** length)
    characters = []
    for _ in range(length):
        number, digit = divmod(number, len(_ALPHABET))
        characters.append(_ALPHABET[digit])
    return "".join(characters)


def new_keyboard(record: dict[str, Any], buttons: tuple[Button, ...], asks: str | None, chat_id: int) -> str:
    token = _token()
    keyboards: list[dict[str, Any]] = telegram_state(record)["keyboards"]
    keyboards.append({
        "token": token,
        "chat_id": chat_id,
        "message_id": None,
        "asks": asks,
        "buttons": [{"label": b.label, "payload": b.payload} for b in buttons],
        "pressed": [],
    })
    del keyboards[:-KEEP_KEYBOARDS]
    return token


def attach_message(record: dict[str, Any], token: str, message_id: int) -> None:
    for keyboard in telegram_state(record)["keyboards"]:
        if keyboard["token"] == token:
            keyboard["message_id"] = message_id


Outcome = Literal["ok", "unknown", "used", "stale"]


@dataclass(frozen=True)
class Press:
    outcome: Outcome
    button: Button | None = None
    asks: str | None = None


def press(record: dict[str, Any], token: str, index: int, chat_id: int | None, message_id: int | None) -> Press:
    """Resolve a pressed button and mark it pressed (only when the outcome is "ok")."""
    for keyboard in telegram_state(record)["keyboards"]:
        if keyboard["token"] != token:
            continue
        if keyboard["chat_id"] != chat_id or keyboard["message_id"] != message_id:
            return Press("unknown")
        if not 0 <= index < len(keyboard["buttons"]):
            return Press("unknown")
        asks = keyboard.get("asks")
        if keyboard["pressed"] and (asks or index in keyboard["pressed"]):
            return Press("used")
        if asks and _requested_slot(record) != asks:
            return Press("stale")
        keyboard["pressed"].append(index)
        raw = keyboard["buttons"][index]
        return Press("ok", Button(raw["label"], raw["payload"]), asks)
    return Press("unknown")


def _requested_slot(record: dict[str, Any]) -> str | None:
    conversation = record.get("conversation") or {}
    return conversation.get("requested_slot")
