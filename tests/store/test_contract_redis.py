"""The store contract (tests/store/test_contract.py), run on RedisStore against a private
redis-server (tests/redis_server.py): the same tests, imported, with the `backend` fixture
overridden here so tests/store/conftest.py stays as it is."""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator
from typing import Any

import pytest
import redis

from bot.store.base import BaseStore
from bot.store.redis_store import RedisStore
from tests.redis_server import RedisServer, redis_server  # noqa: F401  (a fixture)

from .conftest import Backend
from .test_contract import *  # noqa: F403  (every contract test, collected again for Redis)


@pytest.fixture
async def backend(redis_server: RedisServer) -> AsyncIterator[Backend]:  # noqa: F811
    prefix = f"contract-{secrets.token_hex(4)}:"  # one keyspace per test on the shared private server
    opened: list[BaseStore] = []
    planter = redis.Redis.from_url(redis_server.url, decode_responses=True)

    def open_redis(**options: Any) -> BaseStore:
        opened.append(RedisStore(redis_server.url, prefix=prefix, **options))
        return opened[-1]

    def plant(store: BaseStore, user_id: str, record: dict[str, Any]) -> None:
        assert isinstance(store, RedisStore)
        planter.hset(store.user_key(user_id), "rec", json.dumps(record))

    yield Backend("redis", open_redis, plant)
    for store in opened:
        await store.close()
    planter.close()
