"""The Telegram channel's command tests (tests/telegram/test_commands.py), unchanged, with the
bot's store a RedisStore on a private redis-server: the adapter needs nothing Redis-specific to
run on it (phase B adds the lease checks before sends, the dedupe claim and the webhook workers)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.engine import Engine
from bot.store.redis_store import RedisStore
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from tests.redis_server import RedisServer
from tests.telegram.conftest import NOW, FakeClock, Harness, fake  # noqa: F401  (a fixture)
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest
from tests.telegram.test_commands import *  # noqa: F403  (every command test, on Redis)


@pytest.fixture
async def harness(engine: Engine, fake: FakeTelegram, redis_server: RedisServer,  # noqa: F811
                  prefix: str) -> AsyncIterator[Harness]:
    config = TelegramConfig(token=TOKEN, rate_limiter=False)
    store = RedisStore(redis_server.url, prefix=prefix)
    clock = FakeClock()
    channel = TelegramChannel(flood=FloodGate(limit=5, window=10.0, clock=clock), clock=lambda: NOW,
                              typing_delay=0)
    app = build_application(config, engine=engine, store=store, request=OfflineRequest(fake), channel=channel)
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        yield Harness(app, fake, store, channel, clock)  # type: ignore[arg-type]
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
    await store.close()
