"""Fixtures for the Telegram channel: an Application on the test's own event loop, wired to a
FakeTelegram through PTB's offline BaseRequest seam, with a memory store and a shared engine.
Updates go in the way the real bot takes them: `Ingress.handle` (process_update, then flush)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.engine import Engine
from bot.store import MemoryStore
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from bot.telegram.ingress import Ingress, Outcome
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """One bot, one fake Telegram: send updates through Application.process_update."""

    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], fake: FakeTelegram,
                 store: MemoryStore, channel: TelegramChannel, clock: FakeClock) -> None:
        self.app = app
        self.ingress = Ingress(app, lambda: store)
        self.fake = fake
        self.store = store
        self.channel = channel
        self.clock = clock
        self.pace = 3.0  # seconds between a user's messages, as the flood gate sees them

    async def feed(self, update: dict[str, Any]) -> Outcome:
        """Deliver an update (again, if Telegram would); what the bot tells Telegram."""
        self.clock.now += self.pace
        return await self.ingress.handle(Update.de_json(update, self.app.bot))

    async def say(self, user_id: int, text: str, **kw: Any) -> list[dict[str, Any]]:
        """Send text; return the messages the bot sent in answer."""
        before = len(self.fake.sent())
        await self.feed(self.fake.text(user_id, text, **kw))
        return self.fake.sent()[before:]

    async def press(self, user_id: int, bot_message: dict[str, Any], label: str) -> list[dict[str, Any]]:
        before = len(self.fake.sent())
        await self.feed(self.fake.press(user_id, bot_message, label))
        return self.fake.sent()[before:]

    def last_keyboard_message(self, chat_id: int) -> dict[str, Any]:
        for params in reversed(self.fake.sent("sendMessage", chat_id)):
            if params.get("reply_markup"):
                return params["_message"]  # type: ignore[no-any-return]
        raise AssertionError("no message with buttons")

    def answers(self) -> list[dict[str, Any]]:
        return self.fake.sent("answerCallbackQuery")

    async def record(self, user_id: int) -> dict[str, Any] | None:
        return await self.store.export_user(str(user_id))


@pytest.fixture
def fake() -> FakeTelegram:
    return FakeTelegram()


@pytest.fixture
async def harness(engine: Engine, fake: FakeTelegram) -> AsyncIterator[Harness]:
    config = TelegramConfig(token=TOKEN, rate_limiter=False)
    store = MemoryStore()
    clock = FakeClock()
    channel = TelegramChannel(flood=FloodGate(limit=5, window=10.0, clock=clock), clock=lambda: NOW,
                              typing_delay=0)  # show "typing…" at once, so tests see it
    app = build_application(config, engine=engine, store=store, request=OfflineRequest(fake), channel=channel)
    async with app:  # initialize (getMe) ... shutdown, on this test's event loop
        assert app.post_init is not None
        await app.post_init(app)
        yield Harness(app, fake, store, channel, clock)
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
