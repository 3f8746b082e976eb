"""One send rate for the whole bot, however many workers: GCRA on Redis's clock.

Telegram allows a bot about 30 messages a second in all. Each worker asking its own in-process
limiter would allow 30 × N; so every send reserves a slot in one Redis script that reads the time
with ``TIME`` (the server's clock: the workers' clocks never matter) and keeps, per bucket, the
theoretical arrival time (TAT) of the next conforming request — the generic cell rate algorithm.

The script *reserves* rather than rejects: it returns how long to wait for the slot it booked, and
the caller sleeps that long and sends. One round trip per send, first come first served, and no
herd of waiters retrying at each free slot.

Buckets:

- ``global``: every request to a chat (what PTB's AIORateLimiter limits too). Default 28/s, one at
  a time: the slots are at least 1/28 s apart, so no one-second window holds more than 28 grants;
  the headroom below Telegram's 30 absorbs the spread between a grant and the request reaching
  Telegram.
- shares, e.g. ``sweep`` (default 15/s): a sender that takes from a share takes from it *and* then,
  for each message, from ``global``. Check-ins can never take more than their share, so runners
  who are chatting keep the rest (13/s at the defaults) however many check-ins are due.

A 429 (RetryAfter) from Telegram sets ``<prefix>rate:paused-until`` (server time); every worker's
next reservation starts after it, and senders that had booked a slot check it before they send.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
import warnings
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from redis.asyncio import Redis
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.scale.leases import UNREACHABLE, StoreUnavailable

log = logging.getLogger(__name__)

# KEYS: paused-until, bucket 1..n; ARGV: interval_us, tolerance_us for each bucket
# -> {wait_us, slot_us}: the slot booked (server microseconds) and how long from now until it.
RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local slot = now
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > slot then slot = paused end
local tats = {}
for i = 2, #KEYS do
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  tats[i] = tat
  local earliest = tat - tonumber(ARGV[2 * i - 2])
  if earliest > slot then slot = earliest end
end
for i = 2, #KEYS do
  local tat = tats[i]
  if tat < slot then tat = slot end
  tat = tat + tonumber(ARGV[2 * i - 3])
  redis.call('SET', KEYS[i], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
end
return {slot - now, slot}
"""

# KEYS: paused-until; ARGV: seconds -> the pause's end (server microseconds)
PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local till = now + math.floor(tonumber(ARGV[1]) * 1000000)
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= till then return current end
redis.call('SET', KEYS[1], string.format('%.0f', till), 'PX', math.ceil((till - now) / 1000) + 1000)
return till
"""

# KEYS: paused-until -> microseconds left (0 if not paused)
PAUSED = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > now then return paused - now end
return 0
"""


@dataclass(frozen=True)
class Rate:
    """``per_second`` on average; ``burst`` requests may go at once (then at most
    ``per_second + burst - 1`` in any one-second window)."""

    per_second: float
    burst: int = 1

    def __post_init__(self) -> None:
        if self.per_second <= 0 or self.burst < 1:
            raise ValueError("a rate needs per_second > 0 and burst >= 1")

    @property
    def interval_us(self) -> int:
        # Rounded up: slots are never closer than the rate allows.
        return math.ceil(1_000_000 / self.per_second)

    @property
    def tolerance_us(self) -> int:
        return (self.burst - 1) * self.interval_us


GLOBAL_RATE = Rate(28)
#: A sender woken this much later than its slot books a new one rather than bunch with the next.
MAX_LATE = 0.05
SHARES: Mapping[str, Rate] = {"sweep": Rate(15)}


class SendRate:
    """The bot's send rate, shared through Redis by every worker."""

    def __init__(self, redis: Redis, *, prefix: str = "rt:", rate: Rate = GLOBAL_RATE,
                 shares: Mapping[str, Rate] = SHARES,
                 sleep: Callable[[float], Coroutine[Any, Any, None]] = asyncio.sleep,
                 max_late: float = MAX_LATE) -> None:
        self.redis = redis
        self.prefix = prefix
        self.rate = rate
        self.shares = dict(shares)
        self.sleep = sleep
        self.max_late = max_late
        self.pause_key = f"{prefix}rate:paused-until"
        self._reserve = redis.register_script(RESERVE)
        self._pause = redis.register_script(PAUSE)
        self._paused = redis.register_script(PAUSED)

    def bucket_key(self, name: str) -> str:
        return f"{self.prefix}rate:{name}"

    async def _call(self, script: Any, keys: list[str], args: list[Any]) -> Any:
        try:
            return await script(keys=keys, args=args)
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot reach Redis for the send rate ({type(exc).__name__})") from None

    async def reserve(self, *buckets: str) -> tuple[float, float]:
        """Book the next slot in every named bucket: (seconds to wait, slot in server seconds)."""
        keys = [self.pause_key]
        args: list[int] = []
        for name in buckets:
            rate = self.rate if name == "global" else self.shares[name]
            keys.append(self.bucket_key(name))
            args += [rate.interval_us, rate.tolerance_us]
        wait_us, slot_us = await self._call(self._reserve, keys, args)
        return int(wait_us) / 1e6, int(slot_us) / 1e6

    async def acquire(self, *buckets: str) -> float:
        """Wait for a slot (default: the global bucket); returns the slot, in server seconds."""
        rebooked = 0
        while True:
            asked = time.monotonic()
            wait, slot = await self.reserve(*(buckets or ("global",)))
            if wait <= 0:
                return slot
            await self.sleep(wait)
            paused = await self.paused_for()  # a 429 may have come in while we waited for our slot
            if paused <= 0:
                late = time.monotonic() - asked - wait
                if late <= self.max_late or rebooked >= 3:  # (a worker that is always late still sends)
                    return slot
                rebooked += 1
                # Woken long after our slot (this worker's event loop was busy): sending now
                # would bunch with the senders of later slots. Book a new one.
                continue
            # Our slot fell inside the pause. Waiting it out and sending would send every such
            # sender at once when it ends (seen: 40 in one second after a 1 s pause with 4
            # workers); book a new slot after it instead.
            await self.sleep(paused)

    async def pause(self, seconds: float) -> None:
        """Stop every worker's sends for ``seconds`` (Telegram's retry_after), on Redis's clock."""
        await self._call(self._pause, [self.pause_key], [f"{seconds:.6f}"])

    async def paused_for(self) -> float:
        return int(await self._call(self._paused, [self.pause_key], [])) / 1e6

    async def wait_if_paused(self) -> None:
        while (left := await self.paused_for()) > 0:
            await self.sleep(left)

    def share(self, name: str) -> ShareLimiter:
        """A limiter for bot.checkins.sweep (its ``Limiter`` protocol) that takes from one share."""
        if name not in self.shares:
            raise KeyError(f"no send-rate share named {name!r}")
        return ShareLimiter(self, name)


@dataclass(frozen=True)
class ShareLimiter:
    """``await limiter.acquire()``: one slot of a share (the messages themselves then take global
    slots through :class:`RedisRateLimiter`)."""

    rate: SendRate
    name: str

    async def acquire(self, amount: float = 1) -> None:
        for _ in range(max(1, math.ceil(amount))):
            await self.rate.acquire(self.name)


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # int in PTB 22, timedelta in PTB 23: both handled
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


class RedisRateLimiter(BaseRateLimiter[int]):
    """PTB's rate-limiter interface over :class:`SendRate`: every worker's requests to chats share
    one rate, and a 429 pauses them all.

    Like AIORateLimiter: requests with a ``chat_id`` take a global slot; others (answering a
    button press, setting commands) only wait out a pause; a RetryAfter is retried up to
    ``max_retries`` times (``rate_limit_args`` overrides it per call) after the shared pause.
    """

    def __init__(self, rate: SendRate, *, max_retries: int = 3) -> None:
        self.rate = rate
        self.max_retries = max_retries

    async def initialize(self) -> None:
        """Nothing to set up: the Redis client belongs to whoever made the SendRate."""

    async def shutdown(self) -> None:
        """Nothing to release (see initialize)."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        retries = self.max_retries if rate_limit_args is None else rate_limit_args
        to_chat = data.get("chat_id") is not None
        attempt = 0
        while True:
            if to_chat:
                await self.rate.acquire("global")
            else:
                await self.rate.wait_if_paused()
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                await self.rate.pause(seconds + 0.1)
                log.warning("Telegram asked for a %.0f s pause (%s); every worker waits", seconds, endpoint)
                if attempt >= retries:
                    raise
                attempt += 1
