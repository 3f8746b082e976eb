"""Is a message a question? Read clause by clause from its form (bot/nlu/questions.py; issue 16,
after the blind set: runners ask without question marks, with typos, and mid-sentence)."""

from __future__ import annotations

import pytest

from bot.nlu.pipeline import NLU


@pytest.fixture(scope="module")
def nlu() -> NLU:
    return NLU()


@pytest.mark.parametrize(("text", "context", "intent"), [
    # The question in a later clause, no question mark.
    ("my calf tightens up on hills, should i be worried", None, "ask_and_inform"),
    ("sore hip after the trail race, is that normal", "pain_pattern", "ask_and_inform"),
    # A question word after a filler or a preposition.
    ("so just how long does doms last", None, "ask_question"),
    ("at what point should i see a doctor", None, "ask_question"),
    ("for how long should i rest", "pain_pattern", "ask_question"),
    # An auxiliary before a noun or a gerund; a pronoun after it.
    ("is swimming ok while it settles", "pain_pattern", "ask_question"),
    ("would cycling be better for now", "balance_change", "ask_question"),
    ("does taping help when it comes back", "pain_pattern", "ask_question"),
    ("can i still do parkrun", "pain_pattern", "ask_question"),
    # "... or not", wondering aloud, a request.
    ("hilly 10k on sunday, run it or not", None, "ask_question"),
    ("i was wondering whether ice would help", "pain_pattern", "ask_question"),
    ("exercises for weak ankles", None, "ask_and_inform"),
    ("tips for sore quads after a marathon", None, "ask_and_inform"),
    # A typo in the question word (not an English word, two letters swapped or one missing).
    ("hwo long till i can run", None, "ask_question"),
    ("waht helps a sore heel", None, "ask_and_inform"),
    ("shuold i stretch before running", None, "ask_question"),
    # A question inside a clause that ends with "?".
    ("if it only hurts 2/10 on easy runs is that ok?", None, "ask_question"),
    # A choice said first or asked at the end; "tldr" before a question (questions 3).
    ("ice or heat for a tight calf", "pain_pattern", "ask_question"),
    ("foam roller yes or no", "pain_pattern", "ask_question"),
    ("tldr can I still run with this", "pain_pattern", "ask_question"),
    # Something that only sounds like a question, and was never a question.
    ("the physio was worth it, knee feels better", None, "improved"),
    ("when i run downhill my knee hurts", None, "report_pain"),
    ("any time i run my shin hurts", None, "report_pain"),
    ("it comes back every time i run", "pain_pattern", "inform"),
    ("tell me a joke", None, "off_topic"),
])
def test_questions_are_read_from_their_form(nlu: NLU, text: str, context: str | None, intent: str) -> None:
    assert nlu.parse(text, context).intent == intent, nlu.parse(text, context)


@pytest.mark.parametrize(("text", "context", "slots"), [
    # The answer the bot asked for stays an answer, even with a question mark or an auxiliary.
    ("left knee?", "pain_location", {"pain_location": ["knee"], "pain_side": "left"}),
    ("comes back every run?", "pain_pattern", {"pain_pattern": "recurring"}),
    ("is getting worse every run", "pain_pattern", {"pain_pattern": "recurring"}),
])
def test_the_answer_asked_for_is_not_a_question(nlu: NLU, text: str, context: str, slots: dict) -> None:
    parse = nlu.parse(text, context)
    assert parse.intent in ("inform", "report_pain"), parse
    for key, value in slots.items():
        assert parse.slots.get(key) == value, parse


@pytest.mark.parametrize(("text", "side"), [
    ("should i rest it right now", None),
    ("pain right after i finish a run", None),
    ("it's just soreness, right?", None),
    ("my right knee", "right"),
    ("it hurts on the right", "right"),
    ("right", "right"),
])
def test_right_now_is_not_the_right_side(nlu: NLU, text: str, side: str | None) -> None:
    context = "pain_side" if text == "right" else None
    assert nlu.parse(text, context).slots.get("pain_side") == side


def test_the_crisis_states_still_read_a_message_whole(nlu: NLU) -> None:
    # questions=False (the crisis states): the old reading by the first word and "?" alone.
    assert nlu.parse("my knee hurts, should i run", None, questions=False).intent == "report_pain"


@pytest.mark.parametrize(("text", "context"), [
    # Runner shorthand in the check-in: statements, not questions.
    ("couldn't run, sick all week", "checkin_distance"),
    ("did a half on sunday and 3 easy runs of 6k", "checkin_distance"),
    ("have a 10k race on saturday", "checkin_distance"),
])
def test_runner_shorthand_is_not_a_question(nlu: NLU, text: str, context: str) -> None:
    assert not nlu.parse(text, context).is_question


def test_did_with_a_pronoun_asks(nlu: NLU) -> None:
    assert nlu.parse("did i overdo it", "pain_pattern").intent == "ask_question"
    assert nlu.parse("do the stretches help", "pain_pattern").intent == "ask_question"
