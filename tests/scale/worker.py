"""A worker process for the multi-process tests (test_processes.py): ``python -m tests.scale.worker
MODE PREFIX ...`` with the Redis URL in ``TEST_REDIS_URL`` (not argv: it holds a password). Each mode writes what it did, one line at a time (flushed), to stdout or
a file, so the test can check it after the process ends or is killed."""

from __future__ import annotations

import asyncio
import os
import random
import sys
import time

from bot.scale.leader import LeaderLease
from bot.scale.ratelimit import Rate, SendRate
from bot.scale.session import may_send
from bot.store.redis_store import LeaseLost, RedisStore, connect


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def turns(url: str, prefix: str, users: int, count: int, tasks: int) -> None:
    """``count`` read-modify-write turns on ``users`` shared users, ``tasks`` at a time; each turn
    adds one to the user's count and appends its fence. Prints "ack <user> <fence>" after each."""
    store = RedisStore(url, prefix=prefix, acquire_timeout=60)
    me = os.getpid()
    todo = list(range(count))

    async def run() -> None:
        while todo:
            todo.pop()
            user = f"u{random.randrange(users)}"
            async with store.session(user) as session:
                n = session.record.get("count", 0)
                await asyncio.sleep(random.random() * 0.003)  # let other workers try meanwhile
                session.record["count"] = n + 1
                session.record.setdefault("fences", []).append(session.fence)
                session.record.setdefault("by", {})[str(me)] = session.record.get("by", {}).get(str(me), 0) + 1
                fence = session.fence
            say(f"ack {user} {fence}")

    await asyncio.gather(*(run() for _ in range(tasks)))
    await store.close()


async def pause(url: str, prefix: str) -> None:
    """Open a turn, say READY, sleep (the test SIGSTOPs us meanwhile), then report whether we may
    still send and whether the save went through."""
    store = RedisStore(url, prefix=prefix, lease_ttl=1.0)
    try:
        async with store.session("shared") as session:
            session.record["by"] = "paused worker"
            say(f"READY {session.fence}")
            await asyncio.sleep(2.0)
            say(f"MAY_SEND {await may_send(session)}")
        say("SAVED")
    except LeaseLost:
        say("LEASE_LOST")
    await store.close()


async def rate(url: str, prefix: str, seconds: float, per_second: float, tasks: int) -> None:
    """Send as fast as the shared rate lets ``tasks`` senders; print each grant's server time and
    the local time once the slot has come."""
    redis = connect(url)
    limiter = SendRate(redis, prefix=prefix, rate=Rate(per_second))
    end = time.time() + seconds

    async def sender() -> None:
        while time.time() < end:
            slot = await limiter.acquire()
            say(f"grant {slot:.6f} {time.time():.6f}")

    await asyncio.gather(*(sender() for _ in range(tasks)))
    await redis.aclose()


async def leader(url: str, prefix: str, ttl: float) -> None:
    """Campaign forever; print "LEADER <fence> <time>" on each election."""
    redis = connect(url)
    lease = LeaderLease(redis, prefix=prefix, ttl=ttl)
    terms = 0
    async with lease.running():
        say("STARTED")
        while True:
            await asyncio.sleep(0.02)
            if lease.terms != terms and lease.is_leader:
                terms = lease.terms
                say(f"LEADER {lease.fence} {time.time():.6f}")


def main() -> None:
    mode, prefix, *rest = sys.argv[1:]
    url = os.environ["TEST_REDIS_URL"]
    if mode == "turns":
        asyncio.run(turns(url, prefix, int(rest[0]), int(rest[1]), int(rest[2])))
    elif mode == "pause":
        asyncio.run(pause(url, prefix))
    elif mode == "rate":
        asyncio.run(rate(url, prefix, float(rest[0]), float(rest[1]), int(rest[2])))
    elif mode == "leader":
        asyncio.run(leader(url, prefix, float(rest[0])))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
