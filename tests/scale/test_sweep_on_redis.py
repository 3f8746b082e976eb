"""The check-in sweep's tests that take a `store` (tests/checkins/test_sweep.py), unchanged, on a
RedisStore: the sweep's mark-before-send, rescheduling and unsubscribing work through the fenced
writes (the sweep holds each runner's lease while it marks and sends)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator

import pytest

import tests.checkins.test_sweep as sweep_tests
from bot.store import UserStore
from bot.store.redis_store import RedisStore
from tests.redis_server import RedisServer

# Only the tests that take the `store` fixture (the others open a store of their own).
globals().update({name: test for name, test in vars(sweep_tests).items()
                  if name.startswith("test_") and "store" in inspect.signature(test).parameters})


@pytest.fixture
async def store(redis_server: RedisServer, prefix: str) -> AsyncIterator[UserStore]:
    backend = RedisStore(redis_server.url, prefix=prefix)
    yield backend
    await backend.close()
