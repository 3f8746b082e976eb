"""Crisis, red-flag and context-question messages in EVERY state of the dialogue definition.

The states come from dialogues/ (not a hand-written list), so a new state is covered automatically;
the questions a form adds as it goes (the clinical yes/no questions, the balance test, the
intake) are covered with one of each. In form states the message arrives as the answer to the
pending question, with its buttons shown.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue import load_dialogue
from bot.engine import Engine
from bot.paths import dialogues_directory
from bot.turn import UserMessage
from tests.conversation import NOW

DIALOGUE = load_dialogue(dialogues_directory())
#: Every (state, pending question): the domain's form slots, and one of each kind of question a
#: form asks as it goes (a clinical yes/no question, the balance test, an intake question).
STATES = DIALOGUE.form_states() + [("triage_form", "q_fall"), ("triage_form", "balance_change"),
                                   ("triage_form", "age_band"), ("clinical_form", "q_exertion")]
FILLED = {"pain_location": ["knee"], "pain_pattern": "recurring"}

CRISIS = ["I want to kill myself", "honestly i don't want to live anymore", "kms", "everyone's better off without me"]
RED_FLAGS = [("my left calf is swollen, warm and painful and I'm short of breath sitting here", "emergency"),
             ("I fainted at the end of my run", "emergency"),
             ("I can't feel my toes", "urgent"),
             ("chest pain when I run uphill", "emergency"),
             ("I rolled my ankle and can't put any weight on it", "urgent"),
             ("my face drooped on one side and my arm went weak", "emergency")]
#: A sign without its context: one yes/no question before the level rises (none in the crisis states).
SIGNS = [("my heart was racing, is that normal?", "q_palpitations"), ("I feel a bit foggy", "q_confused")]


def record_in(state: str, slot: str | None) -> dict[str, Any]:
    """A stored record sitting in `state`, waiting for `slot` (earlier slots filled)."""
    slots: dict[str, Any] = {}
    if state == "triage_form" and slot is not None:
        for name, value in FILLED.items():
            if name == slot:
                break
            slots[name] = value
    elif state == "advised":
        slots = dict(FILLED, triage_level="see_pt", triage_reasons=["your knee pain comes back"])
    paused: list[dict[str, Any]] | None = None
    if state.startswith("crisis"):
        paused = [{"state": "triage_form", "requested_slot": "pain_pattern"}]
    elif state == "clinical_form":
        paused = [{"state": "idle", "requested_slot": None, "message": "chest pain"}]
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
    conv = result.record["conversation"]
    assert conv["state"] == "advised"
    assert not conv.get("paused"), "the advice supersedes what was paused"


@pytest.mark.parametrize("state", STATES, ids=ids)
@pytest.mark.parametrize("text, question", SIGNS)
async def test_a_sign_without_its_context_gets_one_question_first(engine: Engine, state: tuple[str, str | None],
                                                                  text: str, question: str) -> None:
    result = await engine.handle(record_in(*state), UserMessage(text), NOW)
    assert not any(r.triage in ("emergency", "urgent") for r in result.replies), [r.text[:80] for r in result.replies]
    asking = [r.asks for r in result.replies if r.asks]
    if DIALOGUE.states[state[0]].ignores:  # someone who may be in crisis is not asked about signs
        assert question not in asking
        return
    if state[1] is not None and state[1].startswith("q_"):
        # A clinical question was pending: the message is its answer ("not sure"), and the new
        # sign's question comes next, or the pending one again.
        assert len(asking) <= 1
        return
    assert asking == [question], [r.text[:80] for r in result.replies]


def test_every_state_of_the_definition_is_walked() -> None:
    names = {s for s, _ in STATES}
    assert set(DIALOGUE.states) <= names
    assert ("triage_form", "pain_pattern") in STATES and ("clinical_form", "q_exertion") in STATES
