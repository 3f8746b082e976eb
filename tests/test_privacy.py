"""Health data stays out of the logs: no message text at INFO or above, anywhere in a turn."""

from __future__ import annotations

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
