"""Tracker dicts handed to the actions are never changed in place.

rasa-sdk's `Tracker.from_dict` keeps references to the dict's slots, latest_message and events,
and `validate_triage_form` updates `tracker.slots` while validating, so rasa-sdk's plain
`ActionExecutor` changes the caller's dict. Our callers copy: the action server's executor
deep-copies each action call, and the engine copies the slots when it builds the tracker.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from typing import Any

import pytest
from rasa_sdk.executor import ActionExecutor, ActionExecutorRunResult

from bot.actions import build_actions, build_executor
from bot.engine import Engine
from bot.rasa_server import build_server_executor
from bot.turn import UserMessage

from .conftest import action_call

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)

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


class ScribblingExecutor(ActionExecutor):
    """The engine's executor, plus what an action may do that Rasa never sees: write into the
    tracker dict it was handed (rasa-sdk's form validation updates `tracker.slots`, and
    `Tracker.from_dict` keeps references to the dict's slots)."""

    def __init__(self, inner: ActionExecutor) -> None:
        super().__init__()
        self.inner = inner
        self.calls = 0

    async def run(self, action_call: dict[str, Any], sink: Any = None,
                  dispatcher: Any = None) -> ActionExecutorRunResult | None:
        result = await self.inner.run(action_call)
        action_call["tracker"]["slots"]["pain_side"] = "scribbled"
        action_call["tracker"]["slots"]["pain_location"] = ["scribbled"]
        self.calls += 1
        return result


async def test_the_engine_keeps_only_what_actions_return_as_events(engine: Engine) -> None:
    executor = ScribblingExecutor(engine.executor)
    scribbled_on = Engine(engine.dialogue, engine.nlu, engine.kb, executor, engine.texts)
    record: dict[str, Any] = {}
    for text in ("my knee hurts", "it comes back every time I run"):
        before = copy.deepcopy(record)
        result = await scribbled_on.handle(record, UserMessage(text), NOW, "runner-1")
        assert record == before  # the caller's record is never changed in place
        record = result.record
    assert executor.calls, "the turns ran actions"
    slots = record["conversation"]["slots"]
    assert slots["pain_location"] == ["knee"] and slots["pain_pattern"] == "recurring"
    assert "scribbled" not in str(record)
