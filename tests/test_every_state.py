"""Crisis and red-flag messages interrupt in EVERY state of the dialogue definition.

The states come from dialogues/ (not a hand-written list), so a new state is covered automatically.
In form states the message arrives as the answer to the pending question, with its buttons shown.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue import load_dialogue
from bot.engine import Engine
from bot.paths import dialogues_directory
from bot.turn import UserMessage
from tests.conversation import NOW

STATES = load_dialogue(dialogues_directory()).form_states()
FILLED = {"pain_location": ["knee"], "pain_pattern": "recurring", "balance_change": "same"}

CRISIS = ["I want to kill myself", "honestly i don't want to live anymore", "kms", "everyone's better off without me"]
RED_FLAGS = [("yes, and my calf is swollen and hot", "urgent"), ("I fainted at the end of my run", "emergency"),
             ("I can't feel my toes", "urgent"), ("chest pain when I run uphill", "emergency")]


def record_in(state: str, slot: str | None) -> dict[str, Any]:
    """A stored record sitting in `state`, waiting for `slot` (earlier slots filled)."""
    slots: dict[str, Any] = {}
    if slot is not None:
        for name, value in FILLED.items():
            if name == slot:
                break
            slots[name] = value
    elif state == "advised":
        slots = dict(FILLED, triage_level="see_pt")
    paused = {"state": "triage_form", "requested_slot": "balance_change"} if state.startswith("crisis") else None
    return {"conversation": {"state": state, "slots": slots, "requested_slot": slot, "paused": paused}}


def ids(value: Any) -> str:
    return f"{value[0]}:{value[1]}" if isinstance(value, tuple) else str(value)


@pytest.mark.parametrize("state", STATES, ids=ids)
@pytest.mark.parametrize("text", CRISIS)
async def test_crisis_interrupts_every_state(engine: Engine, state: tuple[str, str | None], text: str) -> None:
    result = await engine.handle(record_in(*state), UserMessage(text), NOW)
    assert any(r.triage == "crisis" for r in result.replies), [r.text for r in result.replies]
    assert all(r.asks is None for r in result.replies), "no triage question in a crisis turn"
    joined = " ".join(r.text for r in result.replies)
    assert "988" in joined and "741741" in joined
    assert result.record["conversation"]["state"] == "crisis"


@pytest.mark.parametrize("state", STATES, ids=ids)
@pytest.mark.parametrize("text, level", RED_FLAGS)
async def test_red_flag_interrupts_every_state(engine: Engine, state: tuple[str, str | None], text: str, level: str) -> None:
    result = await engine.handle(record_in(*state), UserMessage(text), NOW)
    assert level in [r.triage for r in result.replies], [r.text[:80] for r in result.replies]
    assert all(r.asks is None for r in result.replies), "no remaining triage question after a red flag"
    assert result.record["conversation"]["state"] == "advised"


def test_every_state_of_the_definition_is_walked() -> None:
    names = {s for s, _ in STATES}
    assert {"idle", "triage_form", "advised", "crisis", "crisis_check"} <= names
    assert ("triage_form", "balance_change") in STATES
