"""What blind sets 15 and tester round 25 found in the twelfth session, one test per *kind* of
miss, with wordings written for this file (never the sets'), so each kind is read by its structure
(docs/evaluation.md, "Twelfth session").
"""

from __future__ import annotations

import pytest

from bot.clinical.evaluate import evaluate
from bot.clinical.intake import parse_mileage
from bot.evals.driver import Runner
from bot.safety.crisis import assess


def tier(text: str) -> str | None:
    return assess(text).tier


# -- the crisis screen ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "parked up by the viaduct now, been staring at the drop. i'm not going back home tonight",   # a place, a time
    "i won't do anything silly but the noose is ready in the loft in case things get too much",  # made ready, a decoy
    "j'ai tous mes cachets devant moi, ce sera cette nuit",                                      # French: means, a time
])
def test_places_means_made_ready_and_times_are_the_emergency_tier(text: str) -> None:
    assert tier(text) == "emergency", text


@pytest.mark.parametrize("text", [
    "lately i wonder how i'd do it. the car park roof maybe",
    "i keep thinking of how to end it, quietly",
])
def test_thinking_of_how_is_a_method_thought(text: str) -> None:
    assert tier(text) in ("crisis", "emergency"), text


@pytest.mark.parametrize("text", [
    "my coros says recovery battery 4%, should i take a rest day?",                # a battery that is a number
    "if this hamstring isn't better by the weekend im going to throw myself in the sea lol",  # a threat on a condition: asked
    "percussion gun or foam roller for tight quads?",                               # kit
    "legs felt flat on the long run, normal in a taper?",                           # running talk
    "i think about how i would do it differently at the next marathon",             # a race plan
])
def test_ordinary_running_words_are_not_the_full_response(text: str) -> None:
    assert tier(text) not in ("crisis", "emergency"), text


def test_a_swallowed_battery_is_still_a_poisoning() -> None:
    assert tier("my toddler swallowed one of those button batteries") == "emergency"


@pytest.mark.parametrize("text", [
    "physio says 10 more weeks. dunno if i can keep this up much longer",
    "can't take this much longer honestly",
])
def test_not_lasting_much_longer_is_asked_about(text: str) -> None:
    assert tier(text) == "unclear", text


def test_low_mood_said_as_flat_is_acknowledged() -> None:
    assert tier("been pretty flat since the injury and can't be bothered doing anything") == "distress"


# -- the clinical rules ---------------------------------------------------------------------------

def said(text: str) -> tuple[str, ...]:
    return evaluate(text).said


def denied(text: str) -> tuple[str, ...]:
    return evaluate(text).denied


def test_a_negation_ends_where_a_new_clause_begins() -> None:
    text = "it never settles, it's like one spot on the bone"
    assert "one_spot_on_bone" in said(text) and "one_spot_on_bone" not in denied(text)


def test_an_odd_feeling_in_the_chest_on_a_run_is_chest_discomfort() -> None:
    assert "chest_pain_or_pressure" in said("weird sensation in my chest about 5k in, like indigestion")


def test_a_hope_that_it_is_not_torn_is_not_a_denial_of_the_pop() -> None:
    assert "pop_or_kicked_feeling" not in denied("i can still walk so it's probably not torn, right?")


@pytest.mark.parametrize(("text", "value"), [
    ("long run was 30k, usually 20", "up_a_lot"),
    ("did 42 km this week instead of 40", "up_a_little"),
])
def test_a_distance_beside_the_usual_answers_the_mileage_question(text: str, value: str) -> None:
    assert parse_mileage(text) == value


# -- the conversation -----------------------------------------------------------------------------

async def test_a_turn_that_produces_no_reply_still_gets_one(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = Runner()
    flow = runner.engine.flow

    async def nothing(turn: object) -> None:
        return None

    monkeypatch.setattr(flow, "dispatch", nothing)
    replies = await runner.say("my knee hurts when i run")
    assert replies and "another way" in replies[-1].text


def test_stopping_at_a_bridge_on_a_run_is_not_a_place_of_danger() -> None:
    assert tier("stopped on the bridge to take a photo of the river on my long run, calf feels tight") is None


def test_no_signal_table_names_a_signal_twice() -> None:
    """A signal written twice in one table literal keeps only the last (Python dicts): the first
    patterns would be lost without a word (it happened in the twelfth session)."""
    import ast
    from pathlib import Path

    import bot.safety.crisis_patterns as patterns

    tree = ast.parse(Path(patterns.__file__).read_text(encoding="utf-8"))
    twice = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            twice += [(node.lineno, k) for k in set(keys) if keys.count(k) > 1]
    assert not twice


def test_pointlessness_said_beside_a_diagnosis_is_asked_about() -> None:
    text = "doc confirmed it's a stress fracture. honestly don't see what the point is anymore, running was everything"
    assert tier(text) == "unclear"


async def test_a_helper_told_their_friend_was_found_is_looked_after() -> None:
    runner = Runner()
    await runner.say("my training partner posted goodbye on instagram and wont answer, i think she might hurt herself")
    replies = await runner.say("police got to her, she's safe in hospital now. my hands wont stop shaking")
    text = " ".join(r.text for r in replies)
    assert "glad" in text and "welfare" not in text.lower()


def test_skipping_meals_to_be_lighter_is_disclosed() -> None:
    from bot.actions.disclosure import discloses_disordered_eating

    assert discloses_disordered_eating("my coach wants us lighter so i've been skipping breakfast and lunch")
    assert not discloses_disordered_eating("i skipped breakfast before my long run and felt dizzy")


def test_a_question_hears_yes_in_its_own_words() -> None:
    from bot.clinical.rules import default_rules

    question = default_rules().questions["q_little_urine"]
    assert question.reply("barely any to be honest") is True
    assert question.reply("yes still dark") is None  # about the colour: asked again
