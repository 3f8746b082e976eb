"""Background tasks stop for certain, even when a library drops a cancellation.

Python 3.11's asyncio.wait_for (used by redis-py to send a command) can return the inner result
and drop a cancellation that arrives as the call completes (CPython gh-86296). A campaign or a
renewal loop that lost its one cancellation ran on, and stopping it hung: a CI run hung for 90
minutes in test_leader_and_rate.py. These tests drop the cancellation on purpose.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.scale.leader import LeaderLease
from bot.scale.leases import Leases
from bot.scale.tasks import cancel_and_wait


async def test_a_task_that_drops_its_first_cancellation_is_stopped() -> None:
    dropped = []

    async def stubborn() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            dropped.append(True)  # as 3.11's wait_for may: carry on as if nothing happened
        while True:  # a loop like the leader's campaign
            await asyncio.sleep(0.01)

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    async with asyncio.timeout(5):
        await cancel_and_wait(task)
    assert dropped == [True] and task.cancelled()


async def test_a_task_that_failed_is_waited_for_without_a_warning() -> None:
    async def fails() -> None:
        raise ValueError("boom")

    task = asyncio.create_task(fails())
    await asyncio.sleep(0)
    await cancel_and_wait(task)  # no exception: the caller no longer needs the outcome
    assert task.done() and isinstance(task.exception(), ValueError)


async def test_the_callers_own_cancellation_still_propagates() -> None:
    release = asyncio.Event()

    async def ignores_cancellation() -> None:
        while not release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.sleep(30)

    task = asyncio.create_task(ignores_cancellation())
    await asyncio.sleep(0)
    stopper = asyncio.create_task(cancel_and_wait(task))
    await asyncio.sleep(0.12)  # two or three cancellations ignored so far
    stopper.cancel()
    with pytest.raises(asyncio.CancelledError):
        await stopper
    release.set()
    await cancel_and_wait(task)
    assert task.done()


async def test_leaving_a_campaign_returns_when_a_redis_call_drops_the_cancellation(
        client: Redis, prefix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Leases.call
    in_call = asyncio.Event()

    async def call_dropping_cancellation(self: Leases, script: Any, keys: list[str], args: list[Any]) -> Any:
        inner = asyncio.ensure_future(original(self, script, keys, args))
        in_call.set()
        try:
            await asyncio.shield(asyncio.sleep(0.1))
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            return await inner  # the answer arrived as the cancellation did: 3.11's wait_for

    monkeypatch.setattr(Leases, "call", call_dropping_cancellation)
    lease = LeaderLease(client, prefix=prefix, ttl=0.6)
    async with asyncio.timeout(10):
        async with lease.running():
            await in_call.wait()  # leave while the campaign's first call is in flight
    assert not lease.is_leader
