"""Health data stays out of the logs: no message text at INFO or above, anywhere in a turn."""

from __future__ import annotations

import json
import logging

import pytest

from bot.engine import Engine
from bot.turn import UserMessage
from tests.conversation import NOW

SECRETS = [
    "my left shin hurts every time I run zebra-17",
    "honestly I don't want to live anymore zebra-17",
    "my calf is swollen and hot zebra-17",
    "what does a physio do zebra-17?",
]


async def test_no_message_text_in_logs_at_info_or_above(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    record: dict = {}
    for text in SECRETS:
        record = (await engine.handle(record, UserMessage(text), NOW)).record
    leaked = [r for r in caplog.records if r.levelno >= logging.INFO and "zebra-17" in r.getMessage()]
    assert leaked == [], [r.getMessage() for r in leaked]


CRISIS_SECRETS = [
    "I want to kill myself zebra-17",
    "i have the pills right here zebra-17",
    "idk zebra-17",
    "took 15 advil to get through the race zebra-17",
    "me quiero morir zebra-17",
    "my friend says she wants to kill herself zebra-17",
    "honestly I feel useless since I can't run zebra-17",
    "kms if my knee doesn't heal zebra-17",
    "je veux mourir zebra-17",
]


async def test_no_crisis_message_text_in_any_log_or_in_the_stored_record(
        engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    """The crisis conversation logs no message text at any level, and the screen's memory kept in
    the record (conversation.crisis) holds flags and a language, never the words."""
    caplog.set_level(logging.DEBUG)
    record: dict = {}
    for text in CRISIS_SECRETS:
        result = await engine.handle(record, UserMessage(text), NOW)
        record = result.record
        assert "zebra" not in json.dumps(record), record
        assert set(record["conversation"]["crisis"]["context"]) == {"risk", "distress", "awaiting", "language", "heavy", "checked", "grief", "others", "medicine"}
    leaked = [r for r in caplog.records if "zebra-17" in r.getMessage()]
    assert leaked == [], [r.getMessage() for r in leaked]


async def test_the_screens_memory_is_forgotten_a_day_after_the_last_message(engine: Engine) -> None:
    from datetime import timedelta

    from bot.record import CRISIS_MEMORY_HOURS

    record = (await engine.handle({}, UserMessage("I want to kill myself"), NOW)).record
    assert record["conversation"]["crisis"]["context"]["risk"] is True
    for answer, payload in (("I'm safe right now", "/safe"), ("Carry on about my running", "/resume")):
        record = (await engine.handle(record, UserMessage(answer, payload=payload), NOW)).record
    later = NOW + timedelta(hours=CRISIS_MEMORY_HOURS, minutes=1)
    record = (await engine.handle(record, UserMessage("/help"), later)).record  # a command: no screening
    assert "crisis" not in record["conversation"]
    # ... and "tonight" a day later is about running again, not a time to act.
    result = await engine.handle(record, UserMessage("I have a 10k tonight, can I run on a sore calf?"), later)
    assert not any(r.safety for r in result.replies)
