"""Everything else users send, groups, flood control, Telegram's limits and network faults."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

import pytest
from telegram.ext import AIORateLimiter

from bot.telegram import adapter
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from bot.turn import TurnResult, UserMessage
from tests.telegram.conftest import Harness
from bot.texts import english
from tests.telegram.fake_api import BOT_USERNAME, TOKEN, message_dict

#: What the runner reads (the channel's texts are keys into dialogues/texts/en.yml).
EDITED, GROUP, SLOW_DOWN, SORRY, TEXT_ONLY = (english().say(key) for key in (
    adapter.EDITED, adapter.GROUP, adapter.SLOW_DOWN, adapter.SORRY, adapter.TEXT_ONLY))

USER = 4001
SECRET = "my left shin hurts"


@pytest.mark.parametrize("content", [
    {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 10, "height": 10}]},
    {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
    {"sticker": {"file_id": "s", "file_unique_id": "s", "width": 512, "height": 512, "is_animated": False,
                 "is_video": False, "type": "regular"}},
    {"location": {"latitude": 51.5, "longitude": -0.1}},
])  # a document is a run file: tests/telegram/test_run_files.py
async def test_non_text_messages_get_one_polite_line(harness: Harness, content: dict[str, Any]) -> None:
    before = len(harness.fake.sent())
    await harness.feed(harness.fake.user_update({"message": message_dict(USER, None, **content)}))
    assert [p["text"] for p in harness.fake.sent()[before:]] == [TEXT_ONLY]
    assert await harness.record(USER) is None  # nothing stored for it


async def test_an_edited_message_gets_a_note_and_changes_nothing(harness: Harness) -> None:
    await harness.say(USER, "my knee hurts")
    record = await harness.record(USER)
    before = len(harness.fake.sent())
    edited = message_dict(USER, "my shin hurts", edit_date=1)
    await harness.feed(harness.fake.user_update({"edited_message": edited}))
    assert [p["text"] for p in harness.fake.sent()[before:]] == [EDITED]
    assert await harness.record(USER) == record


async def test_in_groups_only_commands_for_us_are_answered_with_a_private_chat_link(harness: Harness) -> None:
    group = -100123
    out = await harness.say(USER, f"/help@{BOT_USERNAME}", chat_type="supergroup", chat_id=group)
    assert [p["text"] for p in out] == [GROUP]
    button = out[0]["reply_markup"]["inline_keyboard"][0][0]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}?start=group"
    assert await harness.say(USER, "/help@SomeOtherBot", chat_type="group", chat_id=group) == []
    assert await harness.say(USER, "my knee hurts", chat_type="group", chat_id=group) == []
    assert await harness.record(USER) is None  # nothing about group members is stored


async def test_a_burst_gets_one_slow_down_and_every_message_is_answered(harness: Harness) -> None:
    harness.pace = 0.2
    sent: list[dict[str, Any]] = []
    for _ in range(12):
        sent += await harness.say(USER, "what does a physio do?")
    texts = [p["text"] for p in sent]
    assert texts.count(SLOW_DOWN) == 1
    # (the card once, then the sentence asked about: the same card asked again at once is shorter)
    answers = [t for t in texts if "A physical therapist" in t or t.startswith("As in my last answer")]
    assert len(answers) == 12
    # After a quiet spell a new burst may be warned about again.
    harness.pace = 30
    await harness.say(USER, "thanks")
    assert SLOW_DOWN not in [p["text"] for p in await harness.say(USER, "thanks")]


async def test_the_production_rate_limiter_is_on_and_switchable_off(engine: Any) -> None:
    on = build_application(TelegramConfig(token=TOKEN), engine=engine)
    off = build_application(TelegramConfig(token=TOKEN, rate_limiter=False), engine=engine)
    assert isinstance(on.bot.rate_limiter, AIORateLimiter)
    assert off.bot.rate_limiter is None


async def test_a_send_that_never_reached_telegram_is_retried_once_delivered(harness: Harness) -> None:
    harness.fake.faults["sendMessage"].append("connect")
    out = await harness.say(USER, "/start")
    assert len(out) == 1 and "triage helper" in out[0]["text"]


async def test_idempotent_calls_are_retried_on_timeouts(harness: Harness) -> None:
    harness.fake.faults["sendChatAction"].extend(["timeout", "timeout"])
    out = await harness.say(USER, "/start")
    assert harness.fake.sent("sendChatAction")  # third attempt got through
    assert "triage helper" in out[0]["text"]


async def test_retry_after_is_honoured_when_the_rate_limiter_is_off(harness: Harness) -> None:
    harness.fake.faults["sendMessage"].append("retry_after")
    out = await harness.say(USER, "/start")
    assert len(out) == 1 and "triage helper" in out[0]["text"]


async def test_a_user_who_blocked_the_bot_is_marked_inactive(harness: Harness) -> None:
    await harness.say(USER, "my knee hurts")
    harness.fake.faults["sendMessage"].append("forbidden")
    await harness.say(USER, "it comes back when I run")
    record = await harness.record(USER)
    assert record and record["telegram"]["active"] is False
    assert record["conversation"]["slots"]["pain_pattern"] == "recurring"  # the answer was kept
    await harness.say(USER, "/help")
    assert (await harness.record(USER) or {})["telegram"]["active"] is True


def member_update(user_id: int, status: str) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "Runner"}
    bot = {"id": 123456789, "is_bot": True, "first_name": "Runner triage", "username": BOT_USERNAME}
    old = {"status": "member", "user": bot}
    new = {"status": status, "user": bot, **({"until_date": 0} if status == "kicked" else {})}
    return {"my_chat_member": {"chat": {"id": user_id, "type": "private", "first_name": "Runner"},
                               "from": user, "date": 1, "old_chat_member": old, "new_chat_member": new}}


async def test_blocking_and_unblocking_in_telegram_flip_the_active_flag(harness: Harness) -> None:
    await harness.say(USER, "my knee hurts")
    await harness.feed(harness.fake.user_update(member_update(USER, "kicked")))
    assert (await harness.record(USER) or {})["telegram"]["active"] is False
    await harness.feed(harness.fake.user_update(member_update(USER, "member")))
    assert (await harness.record(USER) or {})["telegram"]["active"] is True
    for status in ("member", "kicked"):
        await harness.feed(harness.fake.user_update(member_update(USER + 1, status)))
    assert await harness.record(USER + 1) is None  # opening or blocking the chat stores nothing


class BrokenEngine:
    async def handle(self, record: Any, message: UserMessage, now: datetime, user_id: str) -> TurnResult:
        raise KeyError(message.text)


async def test_the_error_handler_logs_without_message_text_and_keeps_the_bot_alive(
        harness: Harness, engine: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    harness.channel.engine = BrokenEngine()  # type: ignore[assignment]
    out = await harness.say(USER, SECRET)
    assert [p["text"] for p in out] == [SORRY]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and "KeyError" in errors[0].getMessage() and "handle" in errors[0].getMessage()
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records if r.levelno >= logging.INFO)
    assert "shin" not in logged  # the exception quoted the user's words; the log does not
    harness.channel.engine = engine
    out = await harness.say(USER, SECRET)
    assert out and "fade" in out[0]["text"]


async def test_no_message_text_is_logged_at_info_or_above(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    await harness.say(USER, SECRET)
    await harness.press(USER, harness.last_keyboard_message(USER), "Comes back when I run")
    harness.fake.faults["sendMessage"].append("forbidden")
    await harness.say(USER, "/summary")
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records if r.levelno >= logging.INFO)
    assert "shin" not in logged and "Comes back" not in logged


async def test_concurrent_updates_of_one_user_are_handled_in_order(harness: Harness) -> None:
    texts = ["my left knee hurts when I run", "it comes back every time I run", "about the same", "no", "no"]
    updates = [harness.fake.text(USER, t) for t in texts]
    other = harness.fake.text(USER + 1, "my knee hurts")
    await asyncio.gather(*(harness.feed(u) for u in [*updates, other]))
    record = await harness.record(USER)
    assert record and record["history"][-1]["level"] == "see_pt"
    assert record["history"][-1]["pain_pattern"] == "recurring"
    assert await harness.record(USER + 1)


async def test_a_fast_turn_sends_no_typing_indicator() -> None:
    """'typing…' is for slow turns; a quick answer goes out without the extra round trip."""
    from bot.telegram.adapter import TelegramChannel

    channel = TelegramChannel(typing_delay=0.5)
    calls: list[int] = []

    async def fake_typing(bot: Any, chat_id: int) -> None:
        calls.append(chat_id)

    channel._typing = fake_typing  # type: ignore[method-assign]
    async with channel._typing_while_slow(None, 1):  # type: ignore[arg-type]
        pass
    assert calls == []
    channel.typing_delay = 0.01
    async with channel._typing_while_slow(None, 2):  # type: ignore[arg-type]
        await asyncio.sleep(0.05)
    assert calls == [2]


def test_flood_gate_forgets_users_quiet_for_a_window() -> None:
    """Memory follows the users active in the last window, not everyone ever seen."""
    from bot.telegram.adapter import FloodGate

    now = [0.0]
    gate = FloodGate(limit=5, window=10.0, clock=lambda: now[0])
    for user in range(1000):
        gate.arrive(str(user))
    assert len(gate._seen) == 1000
    now[0] = 25.0
    gate.arrive("fresh")
    assert set(gate._seen) == {"fresh"}
