"""The sweep's leader lease and the shared send rate, in one process (several clients standing in
for several workers). Across real processes: test_processes.py (slow)."""

from __future__ import annotations

import asyncio
import time

import pytest
from redis.asyncio import Redis
from telegram.error import RetryAfter
from telegram.ext import ExtBot

from bot.scale.leader import LeaderLease
from bot.scale.ratelimit import Rate, RedisRateLimiter, SendRate
from bot.store.redis_store import connect
from tests.redis_server import RedisServer
from tests.scale.botworkers import windows_max
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest


# -- leader lease ---------------------------------------------------------------------------------

async def test_one_leader_at_a_time_and_a_quick_handover(client: Redis, prefix: str) -> None:
    a = LeaderLease(client, prefix=prefix, ttl=0.3)
    b = LeaderLease(client, prefix=prefix, ttl=0.3)
    assert await a.try_lead() and a.is_leader
    assert not await b.try_lead() and not b.is_leader
    assert await a.try_lead()  # renewing
    first = a.fence
    await a.resign()  # a clean stop hands over at once
    assert await b.try_lead() and b.fence is not None and first is not None and b.fence > first
    assert not a.is_leader and a.fence is None and not await a.check()


async def test_a_paused_leader_is_replaced_and_knows_it(client: Redis, prefix: str) -> None:
    a = LeaderLease(client, prefix=prefix, ttl=0.3)
    b = LeaderLease(client, prefix=prefix, ttl=0.3)
    assert await a.try_lead()
    time.sleep(0.4)  # paused past its lease: our own clock already says so
    assert not a.is_leader
    assert await b.try_lead()
    assert not await a.check()
    assert not await a.try_lead()  # renewal refused, and b holds it
    assert b.is_leader and await b.check(margin=0.05)


async def test_campaigning_workers_keep_exactly_one_leader(client: Redis, prefix: str) -> None:
    # A lease long enough that a loaded machine's stalls do not lapse it: what is tested is that
    # there is never more than one leader, and one is found.
    workers = [LeaderLease(client, prefix=prefix, ttl=1.5) for _ in range(3)]
    async with workers[0].running(), workers[1].running(), workers[2].running():
        seen = []
        for _ in range(10):
            await asyncio.sleep(0.05)
            seen.append(sum(w.is_leader for w in workers))
        assert max(seen) == 1 and seen[-1] == 1
        leader = next(w for w in workers if w.is_leader)
    assert not leader.is_leader  # resigned on the way out
    # Gone at once, or, when a campaign was cancelled with its acquire already run on Redis (the
    # answer lost with the task), within the lease's TTL: nobody holds the sweep for longer.
    for _ in range(40):
        if await client.exists(workers[0].key) == 0:
            break
        await asyncio.sleep(0.05)
    assert await client.exists(workers[0].key) == 0


# -- send rate ------------------------------------------------------------------------------------

async def test_grants_are_spaced_by_the_rate_across_clients(redis_server: RedisServer, prefix: str) -> None:
    clients = [connect(redis_server.url) for _ in range(3)]
    try:
        rates = [SendRate(c, prefix=prefix, rate=Rate(100)) for c in clients]
        started = time.monotonic()
        slots = await asyncio.gather(*(rates[i % 3].acquire() for i in range(45)))
        took = time.monotonic() - started
    finally:
        for c in clients:
            await c.aclose()
    slots.sort()
    assert min(b - a for a, b in zip(slots, slots[1:])) >= 0.01 - 1e-6
    assert windows_max(slots, 0.199) <= 20  # 100/s: 20 in any 0.2 s (less a hair for float rounding)
    assert took > 0.4  # 45 at 100/s: at least 0.44 s of slots (how much more is the machine's load)


async def test_a_share_is_slower_than_global_and_both_apply(client: Redis, prefix: str) -> None:
    rate = SendRate(client, prefix=prefix, rate=Rate(100), shares={"sweep": Rate(20)})
    sweep = rate.share("sweep")
    # The slots granted (Redis's clock), not when this process woke: on a busy machine a late
    # wake-up and an on-time one can be closer than the rate, which is not what is tested here.
    slots = [await rate.acquire("sweep") for _ in range(6)]  # what sweep.acquire() does, with the slot
    gaps = [b - a for a, b in zip(slots, slots[1:])]
    assert min(gaps) >= 0.049  # 20/s
    await sweep.acquire()  # the sweep's Limiter takes from the same share
    with pytest.raises(KeyError):
        rate.share("nobody")
    # a burst of 3 at 1/s: the first three go at once, the fourth waits its slot (about a second,
    # less whatever a busy machine took between the calls: reserve() returns the wait, never sleeps)
    bursty = SendRate(client, prefix=prefix + "b:", rate=Rate(1, burst=3))
    waits = [(await bursty.reserve("global"))[0] for _ in range(4)]
    assert waits[:3] == [0, 0, 0] and waits[3] > 0.5


async def test_a_pause_stops_every_client_until_it_ends(redis_server: RedisServer, prefix: str) -> None:
    one, two = connect(redis_server.url), connect(redis_server.url)
    try:
        a = SendRate(one, prefix=prefix, rate=Rate(100))
        b = SendRate(two, prefix=prefix, rate=Rate(100))
        before = await b.acquire()
        await a.pause(0.3)
        assert 0.2 < await b.paused_for() <= 0.3
        slot = await b.acquire()
        assert slot - before >= 0.29
        await a.pause(0.01)  # a shorter pause never shortens a longer one
    finally:
        await one.aclose()
        await two.aclose()


async def test_ptb_sends_through_the_shared_rate_and_a_429_pauses_all(client: Redis, prefix: str) -> None:
    fake = FakeTelegram()
    rate = SendRate(client, prefix=prefix, rate=Rate(100))
    other_worker = SendRate(client, prefix=prefix, rate=Rate(100))
    bot = ExtBot(TOKEN, request=OfflineRequest(fake), get_updates_request=OfflineRequest(fake),
                 rate_limiter=RedisRateLimiter(rate, max_retries=1))
    async with bot:
        fake.faults["sendMessage"].append("retry_after")  # Telegram: 429, retry after 1 s
        started = time.monotonic()
        task = asyncio.create_task(bot.send_message(42, "hello"))
        await asyncio.sleep(0.3)
        assert await other_worker.paused_for() > 0.5  # every worker waits, not just this one
        message = await task
        assert message.text == "hello" and time.monotonic() - started >= 1.0
        assert [p["chat_id"] for p in fake.sent()] == [42]
        assert await client.get(rate.bucket_key("global")) is not None  # a request to a chat: charged

        fake.faults["sendMessage"].extend(["retry_after", "retry_after"])
        with pytest.raises(RetryAfter):
            await bot.send_message(42, "again", rate_limit_args=0)  # no retry asked for


def test_a_rate_rounds_its_interval_up() -> None:
    assert Rate(30).interval_us == 33334 and Rate(30).tolerance_us == 0
    assert Rate(10, burst=3).tolerance_us == 200000
    with pytest.raises(ValueError):
        Rate(0)
