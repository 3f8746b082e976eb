"""Every dialogue state x every tier of the safety screen: the crisis protocol holds everywhere.

The states come from dialogues/ (not a hand-written list), so a new state is covered automatically.
In form states the message arrives as the answer to the pending question, with its buttons shown.
What must hold (docs/safety.md, "The crisis conversation"):

- an emergency (or an overdose) gets the emergency number first, in every state;
- crisis talk gets the crisis response, or more (never less) in a crisis state;
- an unclear remark gets the direct question with resources, unless the person is already in the
  crisis protocol, where the protocol carries on with the resources;
- someone else at risk gets how to help, with the lines;
- distress gets a kind word and the conversation goes on (the pending question is kept);
- a red flag gets its medical level, and a crisis state keeps its resources in view;
- false alarms stay quiet outside the crisis states;
- every turn that starts in a crisis state carries the runner's crisis line; no triage question is
  asked in a turn that answers a crisis.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue import load_dialogue
from bot.engine import Engine
from bot.paths import dialogues_directory
from bot.turn import Reply, UserMessage
from tests.conversation import NOW, SAFETY_ORDER

DIALOGUE = load_dialogue(dialogues_directory())
#: Every (state, pending question): the domain's form slots, and one of each kind of question a
#: form asks as it goes (a clinical yes/no question, the balance test, an intake question).
STATES = DIALOGUE.form_states() + [("triage_form", "q_fall"), ("triage_form", "balance_change"),
                                   ("triage_form", "age_band"), ("clinical_form", "q_exertion")]
CRISIS_STATES = {name for name, s in DIALOGUE.states.items() if not s.checkin}
FILLED = {"pain_location": ["knee"], "pain_pattern": "recurring", "balance_change": "same",
          "checkin_replace": "replace", "checkin_pain": 3, "checkin_location": ["knee"], "checkin_pattern": "fades",
          "checkin_distance": 20}

TIERS: dict[str, list[str]] = {
    "emergency": ["I have the pills right here and I'm going to take them tonight", "im not safe"],
    "overdose": ["took 15 advil to get through the race and now I'm dizzy"],
    "crisis": ["I want to kill myself", "everyone's better off without me", "me quiero morir"],
    "third_party": ["my friend says she wants to kill herself"],
    "unclear": ["kms if my knee doesn't heal", "honestly whats the point anymore"],
    "distress": ["honestly I feel useless since I can't run"],
    "red_flag": ["I fainted at the end of my run", "my calf is swollen and hot"],
    "none": ["this hill is killing me", "I want to end my running streak", "sunday evening would be best",
             "can ibuprofen overdose hurt your kidneys?"],
}
CASES = [(tier, text) for tier, texts in TIERS.items() for text in texts]

# What the most serious reply is, by the state's kind and the message's tier (None: no crisis reply).
# ANY: the state's own transition for the message decides (a running remark in a crisis state is
# the person choosing to talk about running: they may); the resources are checked all the same.
ANY = "any"
EXPECTED: dict[str, dict[str, str | None]] = {
    "crisis_emergency": {t: "emergency" for t in TIERS},
    "crisis_poisoning": {t: "emergency" for t in TIERS},
    "crisis": {"emergency": "emergency", "overdose": "emergency", "crisis": "crisis", "third_party": "crisis",
               "unclear": "crisis", "distress": "crisis", "red_flag": "crisis", "none": ANY},
    "crisis_check": {"emergency": "emergency", "overdose": "emergency", "crisis": "crisis", "third_party": "crisis",
                     "unclear": "ask", "distress": "ask", "red_flag": "ask", "none": ANY},
    # Distress after crisis talk is read as unclear (bot.safety.crisis): "are you safe?" again.
    "crisis_support": {"emergency": "emergency", "overdose": "emergency", "crisis": "crisis", "third_party": "crisis",
                       "unclear": "crisis", "distress": "crisis", "red_flag": None, "none": ANY},
    "crisis_helping": {"emergency": "emergency", "overdose": "emergency", "crisis": "crisis", "third_party": "crisis",
                       "unclear": "ask", "distress": "crisis", "red_flag": None, "none": ANY},
}
OTHER = {"emergency": "emergency", "overdose": "emergency", "crisis": "crisis", "third_party": "crisis",
         "unclear": "ask", "distress": "support", "red_flag": None, "none": None}


def record_in(state: str, slot: str | None) -> dict[str, Any]:
    """A stored record sitting in `state`, waiting for `slot` (earlier slots filled); a crisis
    state has paused a triage question and remembers the crisis talk that led there."""
    slots: dict[str, Any] = {}
    form = DIALOGUE.states[state].form
    if slot is not None and form:
        for name in DIALOGUE.required_slots(form):
            if name == slot:
                break
            if name in FILLED:  # a new required slot without a value here is left unset
                slots[name] = FILLED[name]
    elif state == "advised":
        slots = {k: FILLED[k] for k in ("pain_location", "pain_pattern", "balance_change")} | {"triage_level": "see_pt"}
    record: dict[str, Any] = {"conversation": {"state": state, "slots": slots, "requested_slot": slot, "paused": None}}
    if state == "clinical_form":  # a yes/no question about a sign, the message that raised it waiting
        record["conversation"]["paused"] = [{"state": "idle", "requested_slot": None, "message": "chest pain"}]
    if state in CRISIS_STATES:
        record["conversation"]["paused"] = [{"state": "triage_form", "requested_slot": "balance_change"}]
        record["conversation"]["requested_slot"] = "balance_change"
        risk = state != "crisis_helping"
        record["conversation"]["crisis"] = {"context": {"risk": risk, "distress": False, "language": "en"},
                                            "at": NOW.isoformat()}
    return record


def most_serious(replies: tuple[Reply, ...]) -> str | None:
    tiers = [r.safety for r in replies if r.safety]
    return min(tiers, key=SAFETY_ORDER.index) if tiers else None


def ids(value: Any) -> str:
    return f"{value[0]}:{value[1]}" if isinstance(value, tuple) else str(value)


@pytest.mark.parametrize("state", STATES, ids=ids)
@pytest.mark.parametrize("tier, text", CASES, ids=[f"{t}:{x[:24]}" for t, x in CASES])
async def test_the_crisis_protocol_holds_in_every_state(engine: Engine, state: tuple[str, str | None], tier: str,
                                                       text: str) -> None:
    name, slot = state
    result = await engine.handle(record_in(name, slot), UserMessage(text), NOW)
    replies = result.replies
    said = "\n".join(r.text for r in replies)
    where = f"{name}/{slot} <- {text!r}:\n{said}"
    assert replies, where
    expected = EXPECTED.get(name, OTHER)[tier]
    if expected != ANY:
        assert most_serious(replies) == expected, where
    if expected in ("emergency", "crisis", "ask") or name in CRISIS_STATES:
        assert "988" in said, where  # the country's line (US here), in Spanish too
    if expected in ("emergency", "crisis", "ask"):
        assert all(r.asks is None for r in replies), "no triage question in a turn that answers a crisis"
    if tier in ("emergency", "overdose"):
        assert said.index("911") < said.index("988"), "the emergency number first"
        assert result.record["conversation"]["state"] == ("crisis_poisoning" if tier == "overdose" else "crisis_emergency"), where
    if tier == "overdose":
        assert "Poison Control" in said, where
    if tier == "crisis" and name not in CRISIS_STATES:
        assert result.record["conversation"]["state"] == "crisis", where
        assert "741741" in said, "the full response: every line"
    if tier == "none" and name not in CRISIS_STATES:
        assert result.record["conversation"]["state"] not in CRISIS_STATES, where


@pytest.mark.parametrize("state", [s for s in STATES if s[0] not in CRISIS_STATES], ids=ids)
async def test_distress_keeps_the_conversation_going(engine: Engine, state: tuple[str, str | None]) -> None:
    name, slot = state
    result = await engine.handle(record_in(name, slot), UserMessage("honestly I feel useless since I can't run"), NOW)
    assert result.replies[0].safety == "support" and "really hard" in result.replies[0].text
    assert not any(r.safety in ("emergency", "crisis", "ask") for r in result.replies)
    state = result.record["conversation"]["state"]
    if slot is not None and state == name:
        # The question is asked again, or the next one when the message answered it ("since I
        # can't run" is no running this week).
        form = DIALOGUE.states[name].form
        # The form's own slots, or a question it adds as it goes (the intake, a yes/no question).
        assert form and result.replies[-1].asks is not None, "the form goes on"
    elif slot is None:
        assert state == name


#: Red flags in their context (the clinical check, knowledge/clinical/rules.yml).
RED_FLAGS = [("my left calf is swollen, warm and painful and I'm short of breath sitting here", "emergency"),
             ("I fainted at the end of my run", "emergency"),
             ("I can't feel my toes", "urgent"),
             ("chest pain when I run uphill", "emergency"),
             ("I rolled my ankle and can't put any weight on it", "urgent"),
             ("my face drooped on one side and my arm went weak", "emergency")]
#: A sign without its context: one yes/no question before the level rises (none in the crisis states).
SIGNS = [("my heart was racing, is that normal?", "q_palpitations"), ("I feel a bit foggy", "q_confused")]


@pytest.mark.parametrize("state", STATES, ids=ids)
@pytest.mark.parametrize("text, level", RED_FLAGS)
async def test_red_flag_interrupts_every_state(engine: Engine, state: tuple[str, str | None], text: str, level: str) -> None:
    name, slot = state
    result = await engine.handle(record_in(name, slot), UserMessage(text), NOW)
    assert level in [r.triage for r in result.replies], [r.text[:80] for r in result.replies]
    assert all(r.asks is None for r in result.replies), "no remaining triage question after a red flag"
    protocol_open = DIALOGUE.states[name].awaits is not None
    conv = result.record["conversation"]
    assert conv["state"] == (name if protocol_open else "advised")
    if not protocol_open:
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
    assert set(DIALOGUE.states) == names
    assert {"idle", "triage_form", "advised", "crisis_emergency", "crisis_poisoning", "crisis", "crisis_check", "crisis_support",
            "crisis_helping", "checkin_form"} <= names
    assert set(EXPECTED) == CRISIS_STATES
    assert ("triage_form", "pain_pattern") in STATES and ("clinical_form", "q_exertion") in STATES
