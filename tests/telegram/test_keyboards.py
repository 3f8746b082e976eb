"""Inline buttons: versioned callback data, double presses, stale and foreign buttons."""

from __future__ import annotations

from bot.telegram.render import CallbackRef, parse_callback
from tests.telegram.conftest import Harness
from tests.telegram.fake_api import callback_dict, data_for

ALICE, MALLORY = 2001, 2002


def answers_of(record: dict | None) -> tuple:  # type: ignore[type-arg]
    """What the engine knows (the conversation and history), without the adapter's bookkeeping."""
    assert record is not None
    return record.get("conversation"), record.get("history"), record.get("profile")


def callback_data(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [b["callback_data"] for row in message["reply_markup"]["inline_keyboard"] for b in row]


async def test_callback_data_is_versioned_short_and_never_the_payload(harness: Harness) -> None:
    await harness.say(ALICE, "my left shin hurts when I run")
    message = harness.last_keyboard_message(ALICE)
    for data in callback_data(message):
        assert data.startswith("v1:") and len(data.encode()) <= 64
        assert parse_callback(data) is not None
        assert "inform" not in data


def test_parse_callback_rejects_anything_not_issued_in_this_version() -> None:
    assert parse_callback("v1:abcd1234:3") == CallbackRef("abcd1234", 3)
    for bad in (None, "", "v0:abcd1234:3", "v1:ABCD1234:3", "v1:abcd1234:x", "/inform{}", "v1:abcd1234:3:9"):
        assert parse_callback(bad) is None


async def test_a_pressed_answer_is_recorded_once_even_if_pressed_twice(harness: Harness) -> None:
    await harness.say(ALICE, "my left knee hurts when I run")
    question = harness.last_keyboard_message(ALICE)
    first = await harness.press(ALICE, question, "Comes back when I run")
    assert "run more, faster or longer" in first[0]["text"]
    record = await harness.record(ALICE)
    assert record is not None
    second = await harness.press(ALICE, question, "Fades within days")
    assert second == []  # no message, no engine turn
    assert harness.answers()[-1]["text"].startswith("Already answered")
    assert answers_of(await harness.record(ALICE)) == answers_of(record)
    # The answered question's buttons were taken away.
    assert harness.fake.sent("editMessageReplyMarkup")[-1]["message_id"] == question["message_id"]


async def test_the_same_update_delivered_twice_is_handled_once(harness: Harness) -> None:
    update = harness.fake.text(ALICE, "my knee hurts")
    await harness.feed(update)
    before = len(harness.fake.sent())
    await harness.feed(update)
    assert len(harness.fake.sent()) == before


async def test_a_stale_question_button_is_answered_gracefully(harness: Harness) -> None:
    await harness.say(ALICE, "my left shin hurts when I run")
    question = harness.last_keyboard_message(ALICE)
    await harness.say(ALICE, "/cancel")
    out = await harness.press(ALICE, question, "Fades within days")
    assert out == []
    assert "moved on" in harness.answers()[-1]["text"]
    record = await harness.record(ALICE)
    assert record and "pain_pattern" not in record["conversation"]["slots"]


async def test_unknown_or_forged_callback_data_is_answered_not_crashed(harness: Harness) -> None:
    await harness.say(ALICE, "my left shin hurts when I run")
    question = harness.last_keyboard_message(ALICE)
    for data in ("garbage", "v1:zzzzzzzz:0", data_for(question, "Fades within days").replace(":0", ":9")):
        await harness.feed(harness.fake.user_update({"callback_query": callback_dict(ALICE, question, data)}))
        assert "expired" in harness.answers()[-1]["text"]
    record = await harness.record(ALICE)
    assert record and "pain_pattern" not in record["conversation"]["slots"]


async def test_a_button_from_another_users_message_cannot_touch_their_data(harness: Harness) -> None:
    await harness.say(ALICE, "my left shin hurts when I run")
    alices = harness.last_keyboard_message(ALICE)
    alice_before = await harness.record(ALICE)
    await harness.say(MALLORY, "my knee hurts")
    # Mallory replays Alice's callback data, on Alice's message and on his own.
    await harness.press(MALLORY, alices, "It doesn't fade")
    assert "expired" in harness.answers()[-1]["text"]
    mallorys = harness.last_keyboard_message(MALLORY)
    forged = {**mallorys, "reply_markup": alices["reply_markup"]}
    await harness.press(MALLORY, forged, "It doesn't fade")
    assert "expired" in harness.answers()[-1]["text"]
    assert answers_of(await harness.record(ALICE)) == answers_of(alice_before)
    mallory = await harness.record(MALLORY)
    assert mallory and "pain_pattern" not in mallory["conversation"]["slots"]


async def test_a_button_pressed_on_a_message_it_was_not_sent_with_is_refused(harness: Harness) -> None:
    await harness.say(ALICE, "my left shin hurts when I run")
    question = harness.last_keyboard_message(ALICE)
    moved = {**question, "message_id": question["message_id"] + 100}
    await harness.press(ALICE, moved, "Fades within days")
    assert "expired" in harness.answers()[-1]["text"]


async def test_suggested_questions_can_each_be_pressed_once(harness: Harness) -> None:
    await harness.say(ALICE, "what does a physio do?")
    message = harness.last_keyboard_message(ALICE)
    labels = [b["text"] for row in message["reply_markup"]["inline_keyboard"] for b in row]
    first = await harness.press(ALICE, message, labels[0])
    assert first and first[0]["text"]
    second = await harness.press(ALICE, message, labels[1])
    assert second and second[0]["text"]
    again = await harness.press(ALICE, message, labels[0])
    assert again == [] and harness.answers()[-1]["text"].startswith("Already")


async def test_buttons_survive_only_for_the_recent_keyboards(harness: Harness) -> None:
    await harness.say(ALICE, "what does a physio do?")
    old = harness.last_keyboard_message(ALICE)
    for _ in range(13):
        await harness.say(ALICE, "/settings")
    label = old["reply_markup"]["inline_keyboard"][0][0]["text"]
    assert await harness.press(ALICE, old, label) == []
    assert "expired" in harness.answers()[-1]["text"]


def test_keyboard_tokens_are_eight_letters_or_digits_and_do_not_repeat() -> None:
    from bot.telegram.keyboards import _ALPHABET, _token

    tokens = [_token() for _ in range(5000)]
    assert all(len(t) == 8 and set(t) <= set(_ALPHABET) for t in tokens)
    assert len(set(tokens)) == len(tokens)
    assert set("".join(tokens)) == set(_ALPHABET)  # every character is used
