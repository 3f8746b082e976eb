"""Driving the Telegram bot with the YAML conversations, in process or over HTTP.

Reuses the Bot API stand-in of the Telegram tests (tests/telegram/fake_api.py). `LeanTelegram`
keeps only what a long benchmark needs (counts, each chat's latest keyboard message and the times
its messages were sent) instead of every call, so that the stand-in's memory does not grow with
the number of conversations.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from tests.conversation import CONVERSATIONS
from tests.telegram.fake_api import FakeTelegram, callback_dict, data_for, message_dict

Step = tuple[str, str]  # ("text", what the user types) or ("press", a button label)


def load_scripts(max_steps: int | None = None) -> list[list[Step]]:
    """Every YAML conversation as a list of steps (optionally only the first ``max_steps``)."""
    scripts = []
    for path in sorted(Path(CONVERSATIONS).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        steps: list[Step] = [("press", str(s["press"])) if "press" in s else ("text", str(s["user"]))
                             for s in data["steps"]]
        scripts.append(steps[:max_steps] if max_steps else steps)
    return scripts


class LeanTelegram(FakeTelegram):
    """FakeTelegram that forgets calls once counted; remembers per chat the last keyboards and
    when each message was sent (time.perf_counter, the same clock in this process's threads)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()
        self.keyboards: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.sent_at: dict[int, list[float]] = defaultdict(list)
        self.first_poll: float | None = None

    def call(self, method: str, params: dict[str, Any], files: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        if method == "getUpdates" and self.first_poll is None:
            self.first_poll = time.perf_counter()
        status, body = super().call(method, params, files)
        with self.cond:
            self.counts[method] += 1
            if method != "getUpdates" and self.calls:
                _, record = self.calls.pop()
                if method == "sendMessage":
                    chat = int(record["chat_id"])
                    self.sent_at[chat].append(time.perf_counter())
                    if record.get("reply_markup"):  # a turn can send several keyboards (/settings)
                        self.keyboards[chat] = (self.keyboards[chat] + [record["_message"]])[-4:]
                self.cond.notify_all()
        return status, body

    def forget(self, chat_id: int) -> None:
        with self.cond:
            self.keyboards.pop(chat_id, None)
            self.sent_at.pop(chat_id, None)


def update_for(fake: LeanTelegram, user_id: int, step: Step) -> dict[str, Any] | None:
    """The update (without update_id) a user sends for a step; None if the button is not there
    (the conversation went another way than the script expects: the driver stops it)."""
    kind, value = step
    if kind == "text":
        return {"message": message_dict(user_id, value)}
    for keyboard in reversed(fake.keyboards.get(user_id) or []):
        try:
            data = data_for(keyboard, value)
        except AssertionError:
            continue
        return {"callback_query": callback_dict(user_id, keyboard, data)}
    return None
