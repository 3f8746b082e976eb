"""Fixtures for the several-workers tests: a private redis-server (tests/redis_server.py) and a
fresh key prefix per test, so tests on the shared private server never see each other's keys."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable

import pytest
from redis.asyncio import Redis

from bot.store.redis_store import RedisStore, connect
from tests.redis_server import RedisServer, own_redis, redis_server  # noqa: F401  (fixtures)


@pytest.fixture
def prefix() -> str:
    return f"t-{secrets.token_hex(4)}:"


@pytest.fixture
async def client(redis_server: RedisServer) -> AsyncIterator[Redis]:  # noqa: F811
    redis = connect(redis_server.url)
    yield redis
    await redis.aclose()


@pytest.fixture
async def open_store(redis_server: RedisServer, prefix: str) -> AsyncIterator[Callable[..., RedisStore]]:  # noqa: F811
    """open_store(**options): a RedisStore on the private server, one per simulated worker."""
    opened: list[RedisStore] = []

    def make(**options: object) -> RedisStore:
        options.setdefault("prefix", prefix)
        opened.append(RedisStore(redis_server.url, **options))  # type: ignore[arg-type]
        return opened[-1]

    yield make
    for store in opened:
        await store.close()
