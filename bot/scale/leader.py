"""One check-in sweep across workers: a leader lease, fenced like a user's lease.

Every worker runs :meth:`LeaderLease.campaign` in the background; at most one holds
``<prefix>leader:<name>`` at a time, renewing it every third of its TTL. If the leader dies, its
key expires and another worker's next attempt (at most a third of a TTL later) takes it, with a
larger fence. Phase B's sweep job runs only where :attr:`is_leader` is true and calls
:meth:`check` before each send, so a leader that was paused past its lease stops sending.

A second sweeper would still not ask anyone twice: each runner's week is marked under that
runner's own fenced lease before the check-in is sent (bot/checkins/sweep.py). The leader lease
is what keeps one sweep's pace (its share of the send rate) and its counts in one place.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis

from bot.scale.leases import Lease, Leases, StoreUnavailable
from bot.scale.tasks import cancel_and_wait

log = logging.getLogger(__name__)

LEADER_TTL = 15.0


class LeaderLease:
    """Leadership of one job (``name``) among the workers sharing a Redis."""

    def __init__(self, redis: Redis, name: str = "checkin-sweep", *, prefix: str = "rt:",
                 ttl: float = LEADER_TTL, owner: str | None = None) -> None:
        self.name = name
        self.leases = Leases(redis, prefix=prefix, owner=owner, ttl=ttl)
        self.key = f"{prefix}leader:{name}"
        self.lease: Lease | None = None
        self.terms = 0  # how many times this worker became leader

    @property
    def is_leader(self) -> bool:
        """Leader by our own clock: the lease is held and not past its TTL since the last renewal."""
        lease = self.lease
        return lease is not None and not lease.lost and self.leases.clock() < lease.valid_until

    @property
    def fence(self) -> int | None:
        return self.lease.fence if self.is_leader and self.lease is not None else None

    async def try_lead(self) -> bool:
        """Renew our lease, or take it if it is free; True if we lead afterwards."""
        if self.lease is not None and not self.lease.lost:
            if await self.leases.renew(self.lease):
                return True
            log.warning("no longer the %s leader (fence %d)", self.name, self.lease.fence)
            self.lease = None
        lease, _, _ = await self.leases.try_acquire(self.key)
        if lease is None:
            return False
        self.lease = lease
        self.terms += 1
        log.info("now the %s leader (fence %d)", self.name, lease.fence)
        return True

    async def check(self, margin: float | None = None) -> bool:
        """Right before a side effect: still the leader, with ``margin`` seconds left, on Redis."""
        if self.lease is None:
            return False
        return await self.leases.check(self.lease, margin=margin)

    async def resign(self) -> None:
        if self.lease is not None:
            lease, self.lease = self.lease, None
            await self.leases.release(lease)

    async def campaign(self) -> None:
        """Forever: lead or try to, every third of the TTL. Cancel it to stop (then resign)."""
        while True:
            try:
                await self.try_lead()
            except StoreUnavailable:
                log.warning("%s leader lease: Redis unreachable; retrying", self.name)
            await asyncio.sleep(self.leases.ttl / 3)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[LeaderLease]:
        """Campaign while the block runs; resign (hand over at once) when it ends."""
        task = asyncio.create_task(self.campaign(), name=f"leader {self.name}")
        try:
            yield self
        finally:
            await cancel_and_wait(task)
            try:
                await self.resign()
            except StoreUnavailable:
                pass  # it expires by itself
