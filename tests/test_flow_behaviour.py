"""What a state does is declared in dialogues/flow.yml, not in the engine; each message is parsed once.

The crisis states are renamed in a copy of the flow: pausing, no check-in and keeping the pending
question still work, because the engine reads `pausable`, `checkin` and `keep_question` (and an
interrupt's `pause`) from the flow and names no state.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.engine import Engine
from bot.nlu.pipeline import NLU, Parse
from bot.paths import dialogues_directory
from bot.turn import UserMessage
from tests.conversation import NOW


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The shipped dialogue with the crisis states renamed (crisis -> support, ...)."""
    target = tmp_path_factory.mktemp("flow") / "dialogues"
    shutil.copytree(dialogues_directory(), target)
    flow = yaml.safe_load((target / "flow.yml").read_text(encoding="utf-8"))
    names = {"crisis": "support", "crisis_check": "support_check", "crisis_emergency": "support_now",
             "crisis_support": "support_after", "crisis_helping": "support_others", "crisis_poisoning": "support_poison"}
    flow["states"] = {names.get(k, k): v for k, v in flow["states"].items()}
    transitions = [*flow["interrupts"].values(), *flow["commands"].values()]
    for state in flow["states"].values():
        transitions += state.get("transitions", []) + ([state["on_complete"]] if "on_complete" in state else [])
        transitions += list((state.get("on_safety") or {}).values())
    for t in transitions:
        t["to"] = names.get(t.get("to"), t.get("to"))
    (target / "flow.yml").write_text(yaml.safe_dump(flow, sort_keys=False), encoding="utf-8")
    engine = Engine.load(target)
    assert {"support", "support_check"} <= set(engine.dialogue.states)
    assert not [s for s in engine.dialogue.states if s.startswith("crisis")]
    return engine


async def say(engine: Engine, record: dict[str, Any], text: str) -> dict[str, Any]:
    return (await engine.handle(record, UserMessage(text), NOW)).record


async def test_the_crisis_behaviour_follows_the_flags_not_the_state_names(renamed: Engine) -> None:
    record = await say(renamed, {}, "my ankle is a bit sore after long runs, it fades in a couple of days")
    assert record["conversation"]["requested_slot"] == "balance_change"
    record = await say(renamed, record, "honestly I don't want to live anymore")
    conv = record["conversation"]
    assert conv["state"] == "support"
    assert conv["paused"] == [{"state": "triage_form", "requested_slot": "balance_change"}]
    assert conv["requested_slot"] == "balance_change"  # keep_question: true
    record = await say(renamed, record, "I want to kill myself")  # pausable: false: no second pause
    assert record["conversation"]["paused"] == [{"state": "triage_form", "requested_slot": "balance_change"}]
    assert await renamed.start_checkin(record, NOW, "2026-W48") is None  # checkin: false
    result = await renamed.handle(record, UserMessage("Carry on about my running", payload="/resume"), NOW)
    assert result.record["conversation"]["state"] == "triage_form"
    assert result.replies[-1].asks == "balance_change"


async def test_a_state_that_allows_check_ins_gets_one(renamed: Engine) -> None:
    started = await renamed.start_checkin({}, NOW, "2026-W48")
    assert started is not None and started.replies[-1].asks == "checkin_pain"


class CountingNLU(NLU):
    def __init__(self, real: NLU) -> None:  # shares the real pipeline; counts the parses
        self.__dict__.update(real.__dict__)
        self.calls: list[str | None] = []

    def parse(self, text: str, context: str | None = None, *, questions: bool = True) -> Parse:
        self.calls.append(context)
        return super().parse(text, context, questions=questions)


async def test_each_message_is_parsed_once(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    counting = CountingNLU(engine.nlu)
    monkeypatch.setattr(engine, "nlu", counting)
    for run in engine.executor.actions.values():  # the executor keeps each action's bound run()
        action = getattr(run, "__self__", None)
        if getattr(action, "nlu", None) is not None:
            monkeypatch.setattr(action, "nlu", counting)
    assert any(getattr(getattr(r, "__self__", None), "nlu", None) is counting for r in engine.executor.actions.values())
    record = await say(engine, {}, "my ankle is a bit sore after long runs, it fades in a couple of days")
    assert counting.calls == [None]  # the screens and validate_triage_form read the engine's parse
    counting.calls.clear()
    record = await say(engine, record, "it's about the same as ever")  # the balance answer
    assert counting.calls == ["balance_change"]
    assert record["conversation"]["slots"]["balance_change"] == "same"


async def test_the_crisis_question_a_state_awaits_comes_from_the_flow(renamed: Engine) -> None:
    """'no' is read as the answer to "are you safe?" because the state says `awaits: are_you_safe`."""
    record = await say(renamed, {}, "I want to kill myself")
    assert record["conversation"]["state"] == "support"
    result = await renamed.handle(record, UserMessage("no"), NOW)
    assert result.record["conversation"]["state"] == "support_now"
    assert [r.safety for r in result.replies] == ["emergency", "emergency"]
    result = await renamed.handle(result.record, UserMessage("idk"), NOW)
    assert result.record["conversation"]["state"] == "support_now"  # never taken for "safe"
