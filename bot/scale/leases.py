"""Leases in Redis with fencing tokens: one holder per key across every worker.

A lease is a key ``<prefix>lease:<name>`` whose value is its token ``"<fence>/<owner>"`` and whose
expiry (PX, on Redis's clock) is the lease's time to live. The fence is taken from one counter
(``<prefix>fence``, INCR, never deleted), so a later lease on any key always has a larger fence
than an earlier one. The holder renews the lease while it works (every third of its TTL); if the
worker dies, the key expires and the next worker gets a new, larger fence.

Every write a lease protects is a Lua script that first compares the key's value with the
writer's token: a worker that was paused (GC, SIGSTOP, a swapped-out VM) past its lease finds a
different token, or none, and its write is refused as a whole. That is the fencing; the TTL alone
would not be enough, because a paused worker does not know it was paused.

A send to Telegram cannot carry a token, so before each send the holder calls :meth:`Leases.check`,
which asks Redis whether the token is still there *with at least a margin of time left*; the send
then happens inside that margin unless the worker is paused again between the check and the send
(docs/scale.md, "What fencing cannot cover").
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.errors import StoreRetryLater
from bot.scale.tasks import cancel_and_wait

log = logging.getLogger(__name__)

#: Errors meaning "Redis did not answer": the outcome of a write is then unknown.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, OSError)


class StoreUnavailable(StoreRetryLater):
    """Redis could not be reached (or did not answer in time); try again later."""


class StoreBusy(StoreRetryLater):
    """Another worker held the user's lease for longer than we were willing to wait."""


class LeaseLost(StoreRetryLater):
    """This worker's lease expired or was taken over: it may neither save nor send."""


# KEYS: lease, fence counter, [record hash]; ARGV: owner, ttl_ms, load ("1" loads the hash's
# rec and applied fields in the same round trip).
# -> {1, token, rec|false, applied|false} or {0, pttl_ms of the current holder}
ACQUIRE = """
local holder = redis.call('PTTL', KEYS[1])
if holder ~= -2 then return {0, holder} end
local fence = redis.call('INCR', KEYS[2])
local token = fence .. '/' .. ARGV[1]
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
if ARGV[3] == '1' then
  local fields = redis.call('HMGET', KEYS[3], 'rec', 'applied')
  return {1, token, fields[1], fields[2]}
end
return {1, token}
"""

# KEYS: lease; ARGV: token, ttl_ms -> 1 renewed, 0 lost
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
"""

# KEYS: lease; ARGV: token, min_remaining_ms -> 1 if held with at least that much time left
CHECK = """
if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('PTTL', KEYS[1]) >= tonumber(ARGV[2]) then
  return 1
end
return 0
"""

# KEYS: lease; ARGV: token -> 1 released, 0 it was no longer ours
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""


def default_owner() -> str:
    """Who holds a lease, for an operator reading Redis: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass(eq=False)
class Lease:
    """A held lease. ``fence`` orders it after every earlier lease on any key."""

    key: str
    token: str
    ttl: float
    #: time.monotonic() before which the lease is certainly still ours (measured from before the
    #: request that acquired or last renewed it was sent, so it never overestimates).
    valid_until: float
    lost: bool = False
    renewals: int = 0
    _renewer: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def fence(self) -> int:
        return int(self.token.split("/", 1)[0])


class Leases:
    """Acquire, renew, check and release fenced leases on one Redis."""

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "rt:",
        owner: str | None = None,
        ttl: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        describe: str = "Redis",
    ) -> None:
        if ttl <= 0.05:
            raise ValueError("a lease needs a TTL of more than 50 ms")
        self.redis = redis
        self.prefix = prefix
        self.owner = owner or default_owner()
        self.ttl = ttl
        self.clock = clock
        self.describe = describe
        self.fence_key = f"{prefix}fence"
        self._acquire = redis.register_script(ACQUIRE)
        self._renew = redis.register_script(RENEW)
        self._check = redis.register_script(CHECK)
        self._release = redis.register_script(RELEASE)

    def key(self, name: str) -> str:
        return f"{self.prefix}lease:{name}"

    async def call(self, script: Any, keys: list[str], args: list[Any]) -> Any:
        """Run a script; an unreachable Redis becomes StoreUnavailable (never with the URL)."""
        try:
            return await script(keys=keys, args=args)
        except UNREACHABLE as exc:
            raise StoreUnavailable(
                f"cannot reach {self.describe} ({type(exc).__name__}); the operation may or may "
                "not have been applied"
            ) from None

    async def try_acquire(self, key: str, *, load: str | None = None
                          ) -> tuple[Lease | None, float, list[Any]]:
        """(lease, 0, loaded fields) if free; (None, seconds the holder still has, []) if not."""
        started = self.clock()
        keys = [key, self.fence_key] + ([load] if load else [])
        reply = await self.call(self._acquire, keys, [self.owner, int(self.ttl * 1000), "1" if load else "0"])
        if int(reply[0]) == 0:
            return None, max(int(reply[1]), 0) / 1000, []
        lease = Lease(key, str(reply[1]), self.ttl, started + self.ttl)
        return lease, 0.0, list(reply[2:])

    async def acquire(self, key: str, *, timeout: float, load: str | None = None) -> tuple[Lease, list[Any]]:
        """Wait (polling, with backoff and jitter) until the lease is ours; StoreBusy after timeout.

        In-process waiters queue on the per-user asyncio lock first, so only workers in other
        processes poll here.
        """
        deadline = self.clock() + timeout
        pause = 0.002
        while True:
            lease, holder_left, loaded = await self.try_acquire(key, load=load)
            if lease is not None:
                return lease, loaded
            left = deadline - self.clock()
            if left <= 0:
                raise StoreBusy(
                    f"{key} is held by another worker; gave up after {timeout:.1f} s "
                    "(it expires by itself if that worker died)"
                )
            # A holder with no TTL (-1) cannot come from this code; treat it like a long wait.
            wait = min(pause, holder_left if holder_left > 0 else pause, left)
            await asyncio.sleep(wait * (0.5 + secrets.randbelow(1000) / 1000))
            pause = min(pause * 2, 0.05)

    async def renew(self, lease: Lease) -> bool:
        if lease.lost:
            return False
        started = self.clock()
        if int(await self.call(self._renew, [lease.key], [lease.token, int(lease.ttl * 1000)])):
            lease.valid_until = started + lease.ttl
            lease.renewals += 1
            return True
        self._lose(lease, "it expired or another worker took it")
        return False

    async def check(self, lease: Lease, *, margin: float | None = None) -> bool:
        """True if the lease is still ours with at least ``margin`` seconds left (default: 1 s, or
        a third of the TTL if that is less), locally and on Redis. Call it right before a side
        effect that cannot be fenced (a Telegram send)."""
        if lease.lost:
            return False
        if margin is None:
            margin = min(1.0, lease.ttl / 3)
        if self.clock() + margin > lease.valid_until:
            # Our own clock says we may have been paused past the lease: renewing now would be
            # wrong only if someone else took it, and the RENEW script checks exactly that.
            if not await self.renew(lease):
                return False
        ok = bool(int(await self.call(self._check, [lease.key], [lease.token, int(margin * 1000)])))
        if not ok:
            self._lose(lease, "it expired or another worker took it")
        return ok

    async def release(self, lease: Lease) -> None:
        """Give the lease back (best effort: if Redis is unreachable it expires on its own)."""
        await self._stop_renewing(lease)
        if lease.lost:
            return
        lease.lost = True  # ours no more, whatever Redis says
        try:
            await self.call(self._release, [lease.key], [lease.token])
        except StoreUnavailable:
            log.warning("could not release %s (Redis unreachable); it expires in %.0f s", lease.key, lease.ttl)

    def _lose(self, lease: Lease, why: str) -> None:
        if not lease.lost:
            lease.lost = True
            log.warning("lease %s (fence %d) lost: %s", lease.key, lease.fence, why)

    @asynccontextmanager
    async def renewing(self, lease: Lease) -> AsyncIterator[Lease]:
        """Renew the lease every third of its TTL while the block runs."""
        lease._renewer = asyncio.create_task(self._renew_loop(lease), name=f"renew {lease.key}")
        try:
            yield lease
        finally:
            await self._stop_renewing(lease)

    async def _renew_loop(self, lease: Lease) -> None:
        interval = lease.ttl / 3
        while not lease.lost:
            await asyncio.sleep(interval)
            try:
                if not await self.renew(lease):
                    return
            except StoreUnavailable:
                # Not renewed: valid_until is not moved, so check() fails once the TTL has run
                # out by our own clock; we keep trying meanwhile.
                log.warning("could not renew %s: Redis unreachable", lease.key)

    async def _stop_renewing(self, lease: Lease) -> None:
        task, lease._renewer = lease._renewer, None
        if task is not None and task is not asyncio.current_task():
            # Cancelled again until it ends (bot/scale/tasks.py: one cancel can be lost inside
            # redis-py on 3.11); a cancellation of *this* task still propagates.
            await cancel_and_wait(task)
