"""The check-in on Telegram, offline (PTB's BaseRequest seam, as in tests/telegram/): opting in
with buttons, the sweep sending exactly one check-in, a blocked runner, the progress chart."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from telegram import Update

from bot.engine import Engine
from bot.store import MemoryStore
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest

THURSDAY = datetime(2026, 12, 3, 12, tzinfo=UTC)
MONDAY_7 = datetime(2026, 12, 7, 7, tzinfo=UTC)


class PhotoTelegram(FakeTelegram):
    def _sendPhoto(self, params: dict[str, Any]) -> Any:
        return self._message(params, {"photo": [{"file_id": "p1", "file_unique_id": "p1", "width": 1000, "height": 700}]})


class Bot:
    def __init__(self, app: Any, fake: PhotoTelegram, store: MemoryStore, channel: TelegramChannel) -> None:
        self.app, self.fake, self.store, self.channel = app, fake, store, channel
        self.now = THURSDAY

    async def feed(self, update: dict[str, Any]) -> None:
        await self.app.process_update(Update.de_json(update, self.app.bot))

    async def say(self, user: int, text: str) -> list[dict[str, Any]]:
        before = len(self.fake.sent())
        await self.feed(self.fake.text(user, text))
        return self.fake.sent()[before:]

    async def press(self, user: int, label: str) -> list[dict[str, Any]]:
        message = next(p["_message"] for p in reversed(self.fake.sent("sendMessage", user)) if p.get("reply_markup"))
        before = len(self.fake.sent())
        await self.feed(self.fake.press(user, message, label))
        return self.fake.sent()[before:]

    async def subscribe(self, user: int) -> None:
        await self.say(user, "/checkin")
        for label in ("Monday", "07:00", "UTC", "km"):
            await self.press(user, label)


@pytest.fixture
async def bot(engine: Engine) -> AsyncIterator[Bot]:
    fake = PhotoTelegram()
    store = MemoryStore()
    channel = TelegramChannel(flood=FloodGate(limit=100), clock=lambda: harness.now)
    app = build_application(TelegramConfig(token=TOKEN, rate_limiter=False), engine=engine, store=store,
                            request=OfflineRequest(fake), channel=channel)
    harness = Bot(app, fake, store, channel)
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        yield harness
        assert app.post_shutdown is not None
        await app.post_shutdown(app)


async def test_the_sweep_is_a_repeating_job(bot: Bot) -> None:
    (job,) = bot.app.job_queue.get_jobs_by_name("checkin-sweep")
    assert job is not None


async def test_a_due_user_gets_exactly_one_check_in_and_can_answer_it(bot: Bot) -> None:
    await bot.subscribe(1)
    assert await bot.store.due_checkins(MONDAY_7) == [("1", MONDAY_7)]
    bot.now = MONDAY_7 + timedelta(seconds=30)
    before = len(bot.fake.sent())
    report = await bot.channel.run_checkin_sweep(bot.app.bot)
    assert report is not None and report["sent"] == 1
    (message,) = bot.fake.sent()[before:]
    assert message["chat_id"] == 1 and "weekly check-in" in message["text"] and message["reply_markup"]
    for _ in range(3):  # later ticks, same week: nothing more
        bot.now += timedelta(minutes=1)
        await bot.channel.run_checkin_sweep(bot.app.bot)
    assert len(bot.fake.sent()) == before + 1
    out = await bot.press(1, "2")
    assert "Where was the pain?" in out[-1]["text"]


async def test_a_user_who_blocked_the_bot_is_unsubscribed(bot: Bot) -> None:
    await bot.subscribe(1)
    await bot.subscribe(2)
    bot.now = MONDAY_7 + timedelta(minutes=1)
    calls: list[int] = []
    original = bot.fake.call

    def call(method: str, params: dict[str, Any], files: Any = None) -> Any:
        if method == "sendMessage" and int(params["chat_id"]) == 2:
            calls.append(2)
            return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
        return original(method, params, files)

    bot.fake.call = call  # type: ignore[method-assign]
    report = await bot.channel.run_checkin_sweep(bot.app.bot)
    assert report is not None and report["blocked"] == 1 and report["sent"] == 1
    assert calls == [2]
    assert await bot.store.users_with_checkins() == ["1"]
    record = await bot.store.export_user("2") or {}
    assert record["checkins"]["schedule"]["active"] is False and record["telegram"]["active"] is False


async def test_progress_sends_a_png_chart_after_the_text(bot: Bot) -> None:
    await bot.say(1, "hi")
    async with bot.store.session("1") as session:
        session.record["checkins"] = {"entries": [
            {"week": "2026-W48", "pain": 3, "distance_km": 20.0, "longest_km": 8.0},
            {"week": "2026-W49", "pain": 2, "distance_km": 24.0, "longest_km": 10.0}]}
    await bot.say(1, "/progress")
    (photo,) = bot.fake.sent("sendPhoto", 1)
    data = photo["_files"]["photo"]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    kinds = [m for m, p in bot.fake.calls if m in ("sendMessage", "sendPhoto") and p.get("chat_id") == 1]
    assert kinds[-2:] == ["sendMessage", "sendPhoto"]


async def test_opting_out_removes_the_schedule(bot: Bot) -> None:
    await bot.subscribe(1)
    assert await bot.store.users_with_checkins() == ["1"]
    await bot.say(1, "/checkin off")
    assert await bot.store.users_with_checkins() == []


class _NoBackoff:
    """The adapter's asyncio, minus the retry back-off sleeps (the test controls time)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    async def sleep(self, seconds: float) -> None:
        return None


async def test_a_check_in_that_never_reached_telegram_is_sent_on_a_later_tick(
        bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.telegram.adapter.asyncio", _NoBackoff())
    await bot.subscribe(1)
    bot.now = MONDAY_7 + timedelta(minutes=1)
    bot.fake.faults["sendMessage"].extend(["connect"] * 3)  # call_api's three attempts all refused
    before = len(bot.fake.sent())
    report = await bot.channel.run_checkin_sweep(bot.app.bot)
    assert report is not None and report["not_delivered"] == 1
    assert len(bot.fake.sent()) == before
    bot.now += timedelta(minutes=1)
    report = await bot.channel.run_checkin_sweep(bot.app.bot)
    assert report is not None and report["sent"] == 1
    bot.now += timedelta(minutes=1)
    await bot.channel.run_checkin_sweep(bot.app.bot)
    assert len(bot.fake.sent()) == before + 1


async def test_no_check_in_answers_in_the_logs(bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    await bot.subscribe(1)
    bot.now = MONDAY_7 + timedelta(minutes=1)
    await bot.channel.run_checkin_sweep(bot.app.bot)
    await bot.press(1, "7")
    await bot.say(1, "my left achilles, it keeps coming back")
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= 20)
    assert "check-in sweep: sent 1" in logged
    assert "achilles" not in logged.lower() and "coming back" not in logged
