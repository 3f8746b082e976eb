"""One of several bot workers on a shared Redis store (docs/scale.md): what a worker runs besides
its turns.

`build_application` makes a `Cluster` when the store is a `RedisStore` (RUNNER_TRIAGE_STORE=
redis://…); nothing here runs with TinyDB or in memory, and this module imports redis-py only
then. A cluster gives the worker:

- the send rate: `RedisRateLimiter` as PTB's rate limiter, so every worker's requests to chats
  share one rate (28/s) on Redis's clock, and a 429's retry_after pauses them all;
- the check-in sweep on the leader only: every worker campaigns for the `checkin-sweep` leader
  lease; the sweep job runs every few seconds everywhere and sweeps only on the holder (at once
  after it took over, then every CHECKIN_SWEEP_SECONDS), asks the lease again before each runner,
  takes its messages from the `sweep` share of the rate, and notes each send in flight in Redis;
  a new leader counts and logs the notes a killed one left (sends whose outcome is unknown; "0"
  when a kill found none);
- the stale-outbox job: every few seconds, replies a dead worker saved and did not send (the
  store files them with a deadline) are sent by whichever worker asks first.

Tuning (environment; the defaults are what docs/scale.md describes): RUNNER_TRIAGE_SEND_RATE
(28 messages/s for the whole bot), RUNNER_TRIAGE_SWEEP_RATE (15/s of it for check-ins),
RUNNER_TRIAGE_LEADER_TTL (15 s), RUNNER_TRIAGE_SWEEP_EVERY (60 s).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from telegram import Bot

from bot.errors import ConfigError, RunnerTriageError
from bot.store import UserStore

log = logging.getLogger(__name__)

#: How often every worker looks for outboxes a dead worker left, and asks whether it leads the sweep.
TICK_SECONDS = 5.0


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be more than 0, got {raw!r}")
    return value


def is_shared(store: UserStore | None) -> bool:
    """Whether the store is one several workers share (a RedisStore), without importing redis."""
    return store is not None and type(store).__name__ == "RedisStore" and hasattr(store, "stale_outboxes")


class SweepInFlight:
    """The sweep's sends in flight, in a Redis hash ``<prefix>sweep:inflight``: user -> "<fence>
    <week>" from before the runner's week is marked until the send returned. What a killed leader
    leaves there is what the next leader counts and logs."""

    def __init__(self, redis: Any, prefix: str, leader: Any) -> None:
        self.redis = redis
        self.key = f"{prefix}sweep:inflight"
        self.leader = leader

    async def begin(self, user_id: str, week: str) -> None:
        from bot.scale.leases import UNREACHABLE, StoreUnavailable

        try:
            await self.redis.hset(self.key, user_id, f"{self.leader.fence or 0} {week}")
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot note a check-in in flight ({type(exc).__name__})") from None

    async def end(self, user_id: str) -> None:
        from bot.scale.leases import UNREACHABLE, StoreUnavailable

        try:
            await self.redis.hdel(self.key, user_id)
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot clear a check-in in flight ({type(exc).__name__})") from None

    async def left_by_others(self, store: Any) -> tuple[list[str], list[str]]:
        """Take the notes of earlier leaders (a smaller fence): (users whose week was marked, so
        the question may or may not have reached them: at most once; users not marked yet, whom
        this sweep asks as usual)."""
        mine = self.leader.fence or 0
        notes = await self.redis.hgetall(self.key)
        marked: list[str] = []
        unmarked: list[str] = []
        for user_id, value in notes.items():
            fence, _, week = str(value).partition(" ")
            if int(fence or 0) >= mine:
                continue
            await self.redis.hdel(self.key, user_id)
            record = await store.export_user(str(user_id)) or {}
            sent_week = (record.get("checkins") or {}).get("sent_week")
            (marked if sent_week == week else unmarked).append(str(user_id))
        return sorted(marked), sorted(unmarked)


class Cluster:
    """The parts of a worker that share Redis with the other workers (see the module docstring)."""

    def __init__(self, store: Any, env: Mapping[str, str] | None = None) -> None:
        from bot.scale.leader import LeaderLease
        from bot.scale.ratelimit import Rate, RedisRateLimiter, SendRate

        env = os.environ if env is None else env
        self.store = store
        self.rate = SendRate(store.redis, prefix=store.prefix,
                             rate=Rate(_number(env, "RUNNER_TRIAGE_SEND_RATE", 28)),
                             shares={"sweep": Rate(_number(env, "RUNNER_TRIAGE_SWEEP_RATE", 15))})
        self.limiter = RedisRateLimiter(self.rate, max_retries=3)
        self.leader = LeaderLease(store.redis, "checkin-sweep", prefix=store.prefix,
                                  ttl=_number(env, "RUNNER_TRIAGE_LEADER_TTL", 15), owner=store.leases.owner)
        self.sweep_every = _number(env, "RUNNER_TRIAGE_SWEEP_EVERY", 60)
        self.inflight = SweepInFlight(store.redis, store.prefix, self.leader)
        self._campaign: asyncio.Task[None] | None = None
        self._term_swept = 0  # the leader term whose first sweep has run
        self._last_sweep = 0.0
        self.resent = 0  # outboxes of dead workers this worker sent

    @classmethod
    def for_store(cls, store: UserStore | None) -> Cluster | None:
        return cls(store) if is_shared(store) else None

    async def start(self) -> None:
        """Campaign for the sweep's leader lease in the background (until stop)."""
        if self._campaign is None:
            self._campaign = asyncio.create_task(self.leader.campaign(), name="leader checkin-sweep")

    async def stop(self) -> None:
        """Stop campaigning and resign, so another worker takes the sweep over at once."""
        task, self._campaign = self._campaign, None
        if task is not None:
            from bot.scale.tasks import cancel_and_wait

            await cancel_and_wait(task)
        try:
            await self.leader.resign()
        except RunnerTriageError:
            pass  # it expires by itself

    async def sweep_tick(self, channel: Any, bot: Bot) -> None:
        """The sweep job's tick on every worker: sweep if this worker leads and it is time."""
        leader = self.leader
        if not leader.is_leader:
            return
        new_term = leader.terms != self._term_swept
        if not new_term and time.monotonic() - self._last_sweep < self.sweep_every:
            return
        if new_term:
            self._term_swept = leader.terms
            marked, unmarked = await self.inflight.left_by_others(self.store)
            # Said at every take-over, "0" included: an operator (and the failover test) sees
            # that the new leader looked, whether a kill found sends in flight or not.
            log.log(logging.WARNING if marked or unmarked else logging.INFO,
                    "check-in sweep taken over: %d send(s) were in flight when the previous leader stopped: "
                    "%d marked for the week, delivered or not, never sent again (users %s); "
                    "%d not marked yet, asked by this sweep (users %s)",
                    len(marked) + len(unmarked), len(marked), " ".join(marked) or "-",
                    len(unmarked), " ".join(unmarked) or "-")
        self._last_sweep = time.monotonic()
        await channel.run_checkin_sweep(bot, inflight=self.inflight, leading=leader.check)

    def sweep_job(self, channel: Any) -> Callable[[Any], Coroutine[Any, Any, None]]:
        async def job(context: Any) -> None:
            await self.sweep_tick(channel, context.bot)
        return job

    def outbox_job(self, channel: Any) -> Callable[[Any], Coroutine[Any, Any, None]]:
        async def job(context: Any) -> None:
            await self.outbox_tick(channel, context.bot)
        return job

    async def outbox_tick(self, channel: Any, bot: Bot) -> None:
        """Send the outboxes dead workers left (their leases have expired)."""
        for user_id in await self.store.stale_outboxes():
            try:
                await channel.resend_outbox(bot, user_id)
            except Exception as exc:  # the user stays filed: another tick (or worker) tries again
                log.warning("could not send the outbox a dead worker left for user %s (%s)",
                            user_id, type(exc).__name__)
                continue
            self.resent += 1
            log.info("sent the outbox a dead worker left for user %s", user_id)


async def check_webhook(bot: Bot, url: str) -> None:
    """A worker does not register the webhook (the operator does: `runner-triage webhook set`);
    it says so at start-up if Telegram sends updates elsewhere, or nowhere."""
    try:
        info = await bot.get_webhook_info()
    except Exception as exc:
        log.warning("could not read the webhook registration (%s)", type(exc).__name__)
        return
    if info.url != url:
        log.warning("Telegram's webhook is %s, not this worker's %s: run `runner-triage webhook set` "
                    "once for all workers", "unset" if not info.url else "another URL", url)
