"""Tracker dicts handed to the actions are never changed in place.

rasa-sdk's `Tracker.from_dict` keeps references to the dict's slots, latest_message and events,
and `validate_triage_form` updates `tracker.slots` while validating, so rasa-sdk's plain
`ActionExecutor` changes the caller's dict. Our callers copy: the action server's executor
deep-copies each action call, and the engine copies the slots when it builds the tracker.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from rasa_sdk.executor import ActionExecutor

from bot.actions import build_actions, build_executor
from bot.engine import Engine
from tests.conversation import NOW
from bot.rasa_server import build_server_executor

from .conftest import action_call

CALLS = [
    ("validate_triage_form", "my left shin hurts every time I run", {"requested_slot": "pain_location"}),
    ("validate_triage_form", "banana", {"requested_slot": "pain_pattern", "pain_location": ["shin"],
                                        "clarified_slots": ["pain_pattern"]}),
    ("action_safety_check", "I can't take 4 steps after I twisted my ankle",
     {"red_flags": [{"flag": "cardiac", "level": "emergency", "reason": "earlier"}]}),
    ("action_safety_check", "I've been thinking about ending it", {}),
    ("action_triage", "", {"pain_location": ["shin"], "pain_pattern": "recurring", "balance_change": "same"}),
    ("action_answer_question", "what does a PT do?", {"pain_location": ["knee"]}),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


async def _assert_unchanged(executor: ActionExecutor, name: str, text: str, slots: dict[str, Any]) -> None:
    call = action_call(name, text, slots, form=name.startswith("validate_"))
    before = copy.deepcopy(call)
    result = await executor.run(call)
    assert result is not None
    assert call == before


@pytest.mark.parametrize(("name", "text", "slots"), CALLS, ids=[c[0] + ":" + c[1][:20] for c in CALLS])
async def test_server_executor_leaves_the_action_call_unchanged(engine: Engine, name: str, text: str,
                                                                slots: dict[str, Any]) -> None:
    await _assert_unchanged(build_server_executor(engine.nlu, engine.kb), name, text, slots)


async def test_plain_executor_leaves_the_action_call_unchanged(engine: Engine) -> None:
    name, text, slots = CALLS[0]
    await _assert_unchanged(build_executor(build_actions(engine.nlu, engine.kb)), name, text, slots)


async def test_engine_passes_the_actions_a_copy_of_its_slots(engine: Engine) -> None:
    conversation = engine.new_conversation()
    conversation["requested_slot"] = "pain_location"
    conversation["slots"].update({"pain_location": ["knee"], "clarified_slots": []})
    turn = engine.begin({"conversation": conversation}, NOW, "runner-1")
    turn.text = "my left shin hurts every time I run"
    before = copy.deepcopy(turn.conv)
    call = engine.bridge.action_call(turn, "validate_triage_form")
    assert call["tracker"]["slots"] is not turn.slots
    result = await engine.executor.run(call)
    assert result is not None and result.events
    assert turn.conv == before
