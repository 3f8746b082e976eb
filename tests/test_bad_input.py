"""Bad input never crashes the engine, always gets a kind reply, and never loses state."""

from __future__ import annotations

import random

import pytest

from bot.engine import Engine
from bot.turn import UserMessage
from tests.conversation import NOW

START = "my left shin hurts"


async def _after_first_message(engine: Engine) -> dict:
    return (await engine.handle({}, UserMessage(START), NOW)).record


@pytest.mark.parametrize("text, says", [
    ("", "didn't get any words"),
    ("   \n\t ", "didn't get any words"),
    ("🏃‍♀️🦵😭", "emoji"),
    ("x" * 10_000, "long message"),
    ("ich habe schmerzen im knie und es ist nicht gut", "English"),
    ("\x00\x1b[31m\x07", "didn't get any words"),
    ("/unknowncommand", "don't know that command"),
])
async def test_bad_input_gets_a_clear_reply_and_keeps_state(engine: Engine, text: str, says: str) -> None:
    record = await _after_first_message(engine)
    result = await engine.handle(record, UserMessage(text), NOW)
    joined = " ".join(r.text for r in result.replies)
    assert says.lower() in joined.lower(), joined
    slots = result.record["conversation"]["slots"]
    assert slots["pain_location"] == ["shin"] and slots["pain_side"] == "left"
    assert result.replies[-1].asks == "pain_pattern", "the pending question comes back"


async def test_a_crisis_hidden_in_a_very_long_message_is_still_found(engine: Engine) -> None:
    text = "my knee is sore after the long run. " * 300 + "honestly i want to die"
    result = await engine.handle({}, UserMessage(text), NOW)
    assert any(r.triage == "crisis" for r in result.replies)


async def test_bad_button_payloads_are_harmless(engine: Engine) -> None:
    record = await _after_first_message(engine)
    for payload in ['/inform{"pain_pattern": "sideways"}', '/inform{"pain_location": "not-a-list"}',
                    '/nonsense', '/inform{broken', "/inform[1]"]:
        result = await engine.handle(record, UserMessage("?", payload=payload), NOW)
        assert result.replies
        assert result.record["conversation"]["slots"]["pain_location"] == ["shin"]


async def test_random_garbage_never_crashes(engine: Engine) -> None:
    rng = random.Random(20261126)
    alphabet = "abc xyz?!.,'\"/{}[]0123456789\n\t\x00é中😀ðŸ"
    record: dict = {}
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        result = await engine.handle(record, UserMessage(text), NOW)
        assert result.replies, repr(text)
        record = result.record
