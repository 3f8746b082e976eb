"""Where issue 14's crisis protocol meets issue 16's replies: the crisis states keep their own
replies (`anywhere: false` in dialogues/flow.yml), and a feeling is acknowledged once."""

from __future__ import annotations

from typing import Any

from bot.engine import Engine
from bot.turn import Reply, UserMessage
from tests.conversation import NOW


async def turn(engine: Engine, record: dict[str, Any], text: str,
               payload: str | None = None) -> tuple[dict[str, Any], tuple[Reply, ...]]:
    result = await engine.handle(record, UserMessage(text, payload=payload), NOW)
    return result.record, result.replies


def labels(replies: tuple[Reply, ...]) -> list[str]:
    return [b.label for r in replies for b in r.buttons]


async def test_a_red_flag_in_a_crisis_state_gets_advice_without_detail_buttons(engine: Engine) -> None:
    record, _ = await turn(engine, {}, "I want to kill myself")
    assert record["conversation"]["state"] == "crisis"
    record, replies = await turn(engine, record, "I had chest pain and fainted on my run")
    assert record["conversation"]["state"] == "crisis"
    assert any(r.triage == "emergency" for r in replies)
    assert labels(replies) == ["I'm safe right now", "I'm not safe right now"]  # no "Why?"
    assert not any(b[1].startswith("/detail") for b in record["conversation"]["buttons"])


async def test_the_same_red_flag_outside_a_crisis_offers_its_detail_button(engine: Engine) -> None:
    _, replies = await turn(engine, {}, "I had chest pain and fainted on my run")
    assert "Why?" in labels(replies)


async def test_a_detail_button_in_a_crisis_state_gets_the_crisis_reply(engine: Engine) -> None:
    record, _ = await turn(engine, {}, "my left knee hurts every time I run")
    for answer in ("about the same", "no"):  # the short intake
        record, _ = await turn(engine, record, answer)
    record, replies = await turn(engine, record, "no")
    assert "Why?" in labels(replies)
    record, _ = await turn(engine, record, "I want to kill myself")
    record, replies = await turn(engine, record, "Why?", '/detail{"detail":"why"}')  # an old message's button
    assert record["conversation"]["state"] == "crisis"
    assert replies and all(r.safety for r in replies)
    assert not any("Why this advice" in r.text for r in replies)


async def test_a_feeling_is_acknowledged_once_by_its_kind(engine: Engine) -> None:
    # One detector (the safety screen's distress, with kinds): one acknowledgement, tagged support.
    record, replies = await turn(engine, {}, "so frustrated, my knee hurts again and I can't run")
    text = "\n".join(r.text for r in replies)
    assert [r.safety for r in replies][0] == "support"
    assert text.count("frustrating") == 1 and "really hard" not in text  # the frustration line, once
    assert record["conversation"]["requested_slot"] == "pain_pattern"


async def test_a_feeling_alone_gets_its_line_and_an_invitation(engine: Engine) -> None:
    _, replies = await turn(engine, {}, "so frustrating")
    assert "really frustrating" in replies[0].text and replies[0].safety == "support"
    assert "Tell me what hurts" in "\n".join(r.text for r in replies)


async def test_low_mood_gets_its_own_line(engine: Engine) -> None:
    _, replies = await turn(engine, {}, "honestly i feel worthless since the injury")
    assert replies[0].safety == "support" and "really hard" in replies[0].text


async def test_no_feelings_line_in_a_crisis_state(engine: Engine) -> None:
    record, _ = await turn(engine, {}, "I want to kill myself")
    record, _ = await turn(engine, record, "I'm safe right now")
    assert record["conversation"]["state"] == "crisis_support"
    _, replies = await turn(engine, record, "ugh this is so annoying")
    assert not any("really frustrating" in r.text for r in replies)
    assert all(r.safety for r in replies)


async def test_a_crisis_state_reads_a_question_whole_never_as_ask_and_inform(engine: Engine) -> None:
    record, _ = await turn(engine, {}, "I want to kill myself")
    record, _ = await turn(engine, record, "I'm safe right now")
    record, replies = await turn(engine, record, "how long will my knee take to heal?")
    # crisis_support's own ask_question transition: the answer, then the offer to carry on later
    assert record["conversation"]["state"] == "crisis_support"
    assert len(replies) == 2 and replies[-1].safety == "support"
    assert "Carry on about my running" in labels(replies)
    # outside the crisis states the same message is a question that also tells (ask_and_inform)
    record, _ = await turn(engine, {}, "how long will my knee take to heal?")
    assert record["conversation"]["state"] == "triage_form"


async def test_a_typed_spanish_label_answers_are_you_safe_like_its_button(engine: Engine) -> None:
    record, _ = await turn(engine, {}, "me quiero morir")
    record, replies = await turn(engine, record, "Ahora estoy a salvo")
    assert record["conversation"]["state"] == "crisis_support"
    # still the crisis protocol, continuing gently with the resources: the crisis tier
    assert [r.safety for r in replies] == ["crisis"]


def test_the_one_line_crisis_resources_speak_the_conversations_language(engine: Engine) -> None:
    assert engine.kb.country_values("US", "en")["crisis_line_compact"].startswith("If you're struggling")
    spanish = engine.kb.country_values("US", "es")["crisis_line_compact"]
    assert spanish.startswith("Si lo estás pasando mal") and "988" in spanish and "911" in spanish
