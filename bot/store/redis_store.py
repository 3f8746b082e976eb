"""The shared backend: every worker keeps its users in one Redis (docs/scale.md).

Selected by ``RUNNER_TRIAGE_STORE=redis://…`` (``open_store``); needs ``runner-triage[redis]``.

Keys (prefix ``rt:`` by default; one primary, not Redis Cluster — several scripts touch keys of
different users' slots)::

    rt:user:<id>      hash  rec = the record (canonical JSON), applied = the last update ids
                            applied to it, fence = the fence of the lease that wrote it last
    rt:lease:<id>     string "<fence>/<owner>", PX = the lease's TTL: who may write <id> now
    rt:fence          counter: every lease's fence comes from here (INCR), never deleted
    rt:checkins       sorted set: user id -> check-in due time (UTC microseconds)
    rt:outbox         sorted set: user id -> deadline (Redis ms) of replies left to send
    rt:flush          counter written by flush() when it waits with WAITAOF

A turn is: the in-process per-user lock (as in every backend), then the user's lease (ACQUIRE,
which also loads the record: one round trip), the turn, then the SAVE script, which refuses the
write unless the lease still holds this turn's token, refuses an update id already applied, and
files or clears the user in ``rt:outbox`` in the same step. The lease is renewed while the turn
runs and released at the end.

Health data never goes to the logs: only key names (user ids, as elsewhere in the bot), fences
and error types.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ResponseError

from bot.errors import StoreError
from bot.scale.leases import (
    UNREACHABLE,
    Lease,
    LeaseLost,
    Leases,
    StoreBusy,
    StoreUnavailable,
)
from bot.store.base import (
    SCHEMA_VERSION,
    BaseStore,
    Migration,
    Record,
    UserSession,
    canonical_json,
    from_micros,
    to_micros,
    upgrade_record,
)

log = logging.getLogger(__name__)

__all__ = [
    "LeaseLost",
    "RedisSession",
    "RedisStore",
    "ReplayedUpdate",
    "StoreBusy",
    "StoreUnavailable",
    "telegram_outbox_pending",
]

#: How long a user's lease lives without renewal: how long the users of a killed worker wait.
LEASE_TTL = 10.0
#: How long a turn waits for another worker's lease on the same user before StoreBusy.
ACQUIRE_TIMEOUT = 20.0
#: A saved outbox not emptied within this time is another worker's to send (stale_outboxes).
OUTBOX_GRACE = 20.0
#: Update ids remembered per user for de-duplication.
KEEP_UPDATES = 64
#: How long flush() waits for WAITAOF before reporting Redis as unavailable.
FLUSH_TIMEOUT = 5.0

_FENCED = -1
_REPLAY = -2

# KEYS: lease, user hash, outbox index
# ARGV: token, dump ('' keeps rec), update id ('' none), outbox ('1' pending, '0' empty, '' leave
#       alone), grace_ms, keep, user id
# -> 1 saved, -1 fenced off (no lease, or a later lease wrote), -2 update already applied
SAVE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local fence = tonumber(string.match(ARGV[1], '^(%d+)/'))
local last = tonumber(redis.call('HGET', KEYS[2], 'fence') or '0')
if fence < last then return -1 end
if ARGV[3] ~= '' then
  local applied = redis.call('HGET', KEYS[2], 'applied') or ''
  local ids = {}
  local seen = false
  for id in string.gmatch(applied, '%S+') do
    if id == ARGV[3] then seen = true end
    table.insert(ids, id)
  end
  if seen and last ~= fence then return -2 end
  if not seen then
    table.insert(ids, ARGV[3])
    local keep = tonumber(ARGV[6])
    while #ids > keep do table.remove(ids, 1) end
    redis.call('HSET', KEYS[2], 'applied', table.concat(ids, ' '))
  end
end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[2], 'rec', ARGV[2]) end
redis.call('HSET', KEYS[2], 'fence', fence)
if ARGV[4] == '1' then
  local t = redis.call('TIME')
  local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('ZADD', KEYS[3], now_ms + tonumber(ARGV[5]), ARGV[7])
elseif ARGV[4] == '0' then
  redis.call('ZREM', KEYS[3], ARGV[7])
end
return 1
"""

# KEYS: lease, user hash, check-ins, outbox index; ARGV: token, user id
# -> 1 something existed, 0 nothing did, -1 fenced off
DELETE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local n = redis.call('DEL', KEYS[2]) + redis.call('ZREM', KEYS[3], ARGV[2]) + redis.call('ZREM', KEYS[4], ARGV[2])
if n > 0 then return 1 end
return 0
"""

# KEYS: lease, check-ins; ARGV: token, user id, due micros ('' cancels) -> 1, or -1 fenced off
SET_DUE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[2], ARGV[2])
else
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
end
return 1
"""

# KEYS: outbox index; ARGV: lease key prefix, limit, reclaim_ms
# Users whose outbox deadline has passed (Redis's clock) and whose lease is free; each one found
# gets a new deadline, so that several workers looking at once do not all take the same users.
# (Reads lease keys it is not given in KEYS: fine on one primary, which is what this supports.)
STALE_OUTBOXES = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
local free = {}
for _, user in ipairs(due) do
  redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[3]), user)
  if redis.call('EXISTS', ARGV[1] .. user) == 0 then table.insert(free, user) end
end
return free
"""


class ReplayedUpdate(StoreError):
    """The save carried an update id that was already applied to this user: nothing was written."""


def telegram_outbox_pending(record: Record) -> bool:
    """Whether a record has replies waiting to be sent (the Telegram adapter's outbox)."""
    state = record.get("telegram")
    return isinstance(state, dict) and bool(state.get("outbox"))


@dataclass(eq=False)
class RedisSession(UserSession):
    """A session that holds the user's lease. What a worker calls besides the record:

    - ``claim_update(update_id)``: False if that update was already applied to this user (a
      redelivery); otherwise the id is recorded atomically with this turn's save.
    - ``await still_holds_lease()``: check right before sending anything (Telegram cannot be
      fenced); False means this worker lost the user and must not send.
    - ``fence``: this turn's fencing token (strictly larger than any earlier turn's).
    """

    lease: Lease | None = field(default=None, repr=False)
    applied: frozenset[str] = field(default=frozenset(), repr=False)
    _claimed: str | None = field(default=None, repr=False)
    _claim_saved: bool = field(default=False, repr=False)

    @property
    def fence(self) -> int:
        assert self.lease is not None
        return self.lease.fence

    def claim_update(self, update_id: int | str) -> bool:
        key = str(update_id)
        if key in self.applied or (self._claimed == key):
            return False
        if self._claimed is not None and not self._claim_saved:
            raise StoreError("one session applies one update; save it before claiming another")
        self._claimed, self._claim_saved = key, False
        return True

    async def still_holds_lease(self, margin: float | None = None) -> bool:
        store = self._store
        assert isinstance(store, RedisStore) and self.lease is not None
        return await store.leases.check(self.lease, margin=margin)


class RedisStore(BaseStore):
    """Users in Redis, for several worker processes. See the module docstring and docs/scale.md."""

    def __init__(
        self,
        redis: Redis | str,
        *,
        prefix: str = "rt:",
        lease_ttl: float = LEASE_TTL,
        acquire_timeout: float = ACQUIRE_TIMEOUT,
        outbox_grace: float = OUTBOX_GRACE,
        keep_updates: int = KEEP_UPDATES,
        outbox_pending: Callable[[Record], bool] = telegram_outbox_pending,
        durability: str = "auto",
        owner: str | None = None,
        schema_version: int = SCHEMA_VERSION,
        migrations: Mapping[int, Migration] | None = None,
    ) -> None:
        super().__init__(schema_version=schema_version, migrations=migrations)
        if durability not in ("auto", "always", "waitaof", "none"):
            raise ValueError("durability is one of auto, always, waitaof, none")
        self._owns_client = isinstance(redis, str)
        self.redis: Redis = connect(redis) if isinstance(redis, str) else redis
        self.prefix = prefix
        self.where = describe(self.redis)
        self.leases = Leases(self.redis, prefix=prefix, owner=owner, ttl=lease_ttl, describe=self.where)
        self.acquire_timeout = acquire_timeout
        self.outbox_grace = outbox_grace
        self.keep_updates = keep_updates
        self.outbox_pending = outbox_pending
        self.durability = durability
        self._checkins_key = f"{prefix}checkins"
        self._outbox_key = f"{prefix}outbox"
        self._flush_key = f"{prefix}flush"
        self._save = self.redis.register_script(SAVE)
        self._delete = self.redis.register_script(DELETE)
        self._set_due = self.redis.register_script(SET_DUE)
        self._stale = self.redis.register_script(STALE_OUTBOXES)
        self._active: dict[str, RedisSession] = {}
        self._ready_lock = asyncio.Lock()
        self._is_ready = False

    # -- keys ------------------------------------------------------------------------------------
    def user_key(self, user_id: str) -> str:
        return f"{self.prefix}user:{user_id}"

    def lease_key(self, user_id: str) -> str:
        return self.leases.key(user_id)

    # -- start-up: what does flush() mean on this server? ----------------------------------------
    async def _ready(self) -> None:
        if self._is_ready:
            return
        async with self._ready_lock:
            if self._is_ready:
                return
            self.durability = await self._inspect()
            self._is_ready = True

    async def _inspect(self) -> str:
        """Read the server's persistence settings once and pick what flush() does; warn about
        settings that can lose acknowledged turns or drop records under memory pressure."""
        try:
            version = str((await self.redis.info("server")).get("redis_version", "0"))
            settings = await self.redis.config_get("appendonly", "appendfsync", "maxmemory-policy")
        except ResponseError:  # CONFIG renamed away by a hardened setup: trust the operator
            settings, version = {}, "0"
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot reach {self.where} ({type(exc).__name__})") from None
        policy = settings.get("maxmemory-policy")
        if policy not in (None, "noeviction"):
            log.warning("%s has maxmemory-policy %s: under memory pressure it may evict user "
                        "records and leases; set noeviction (docs/scale.md)", self.where, policy)
        if self.durability != "auto":
            return self.durability
        if not settings:
            log.warning("cannot read the persistence settings of %s (CONFIG is disabled); flush() "
                        "assumes appendfsync always: pass durability= to say otherwise", self.where)
            return "always"
        if settings.get("appendonly") != "yes":
            log.warning("%s runs without an AOF (appendonly no): a Redis restart loses every turn "
                        "since its last snapshot (docs/scale.md)", self.where)
            return "none"
        if settings.get("appendfsync") == "always":
            return "always"
        if _version(version) >= (7, 2):
            return "waitaof"
        log.warning("%s has appendfsync %s and no WAITAOF (Redis %s < 7.2): a turn acknowledged "
                    "to Telegram survives a Redis crash but up to about a second of them may be lost "
                    "to a power cut; use appendfsync always (docs/scale.md)",
                    self.where, settings.get("appendfsync"), version)
        return "none"

    async def flush(self) -> None:
        """Make every save that has returned so far durable on Redis's disk.

        ``always``: each write was fsynced to the AOF before Redis answered it; nothing to do.
        ``waitaof``: one write on a connection, then ``WAITAOF 1 0`` on the same connection, which
        returns once the AOF is fsynced up to that write, hence past every earlier acknowledged
        write of every client. ``none``: nothing to wait for (see the warning logged at start-up).
        """
        self._check_open()
        await self._ready()
        if self.durability != "waitaof":
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                pipe.incr(self._flush_key)
                pipe.execute_command("WAITAOF", 1, 0, int(FLUSH_TIMEOUT * 1000))
                _, acked = await pipe.execute()
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot reach {self.where} ({type(exc).__name__})") from None
        if int(acked[0]) < 1:
            raise StoreUnavailable(f"{self.where} did not fsync its AOF within {FLUSH_TIMEOUT:.0f} s")

    # -- sessions --------------------------------------------------------------------------------
    @asynccontextmanager
    async def _session(self, user_id: str) -> AsyncIterator[UserSession]:
        self._check_open()
        if self._locks.held_by_current_task(user_id) is not None:
            raise StoreError(
                f"a session for user {user_id!r} is already open in this task; "
                "use the record of the open session instead of opening another"
            )
        await self._ready()
        async with self._locks.hold(user_id) as slot:
            lease, (stored, applied) = await self.leases.acquire(
                self.lease_key(user_id), timeout=self.acquire_timeout, load=self.user_key(user_id))
            try:
                async with self.leases.renewing(lease):
                    record = self._parse(user_id, stored)
                    saved_dump = canonical_json(record)
                    record = upgrade_record(record, user_id, self.schema_version, self._migrations)
                    current = RedisSession(user_id, record, self, saved_dump, lease=lease,
                                           applied=frozenset((applied or "").split()))
                    slot.session = current
                    self._active[user_id] = current
                    try:
                        yield current  # an exception from the turn propagates: nothing is saved
                        await current.save()
                        if (current._claimed is not None and not current._claim_saved
                                and not current._deleted and current.record):
                            await self._run_save(current, None)  # record the update id alone
                    finally:
                        del self._active[user_id]
            finally:
                await self.leases.release(lease)

    def _parse(self, user_id: str, stored: str | None) -> Record:
        if stored is None:
            return {}
        try:
            record = json.loads(stored)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            # Never overwritten: the session fails, the value stays for an operator to look at.
            raise StoreError(f"the record of user {user_id!r} in {self.where} is not a JSON object; "
                             "it was left untouched: repair or delete it")
        return record

    async def _write_record(self, user_id: str, dump: str) -> None:
        self._check_open()
        session = self._active.get(user_id)
        if session is None:
            raise StoreError(f"a save for user {user_id!r} outside of a session")
        await self._run_save(session, dump)

    async def _run_save(self, session: RedisSession, dump: str | None) -> None:
        assert session.lease is not None
        if session.lease.lost:
            raise LeaseLost(f"the lease on user {session.user_id!r} was lost; nothing saved")
        claim = session._claimed if session._claimed is not None and not session._claim_saved else ""
        if dump is None:
            outbox = ""
        else:
            outbox = "1" if self.outbox_pending(session.record) else "0"
        result = await self.leases.call(
            self._save,
            [session.lease.key, self.user_key(session.user_id), self._outbox_key],
            [session.lease.token, dump or "", claim, outbox, int(self.outbox_grace * 1000),
             self.keep_updates, session.user_id],
        )
        if int(result) == _FENCED:
            self.leases._lose(session.lease, "a save found another token")
            raise LeaseLost(f"the lease on user {session.user_id!r} (fence {session.lease.fence}) "
                            "was lost; nothing saved")
        if int(result) == _REPLAY:
            raise ReplayedUpdate(f"update {claim} was already applied to user {session.user_id!r}; "
                                 "nothing saved")
        if claim:
            session._claim_saved = True

    @asynccontextmanager
    async def _fenced(self, user_id: str) -> AsyncIterator[tuple[Lease, RedisSession | None]]:
        """The lease to write under: the open session's, or a short one of our own."""
        if self._locks.held_by_current_task(user_id) is not None and user_id in self._active:
            current = self._active[user_id]
            assert current.lease is not None
            yield current.lease, current
            return
        await self._ready()
        async with self._locks.hold(user_id):
            lease, _ = await self.leases.acquire(self.lease_key(user_id), timeout=self.acquire_timeout)
            try:
                yield lease, None
            finally:
                await self.leases.release(lease)

    async def _fenced_call(self, lease: Lease, script: Any, keys: list[str], args: list[Any]) -> int:
        if lease.lost:
            raise LeaseLost(f"the lease {lease.key} was lost; nothing written")
        result = int(await self.leases.call(script, [lease.key, *keys], [lease.token, *args]))
        if result == _FENCED:
            self.leases._lose(lease, "a write found another token")
            raise LeaseLost(f"the lease {lease.key} (fence {lease.fence}) was lost; nothing written")
        return result

    # -- the rest of the protocol ----------------------------------------------------------------
    async def export_user(self, user_id: str) -> dict[str, Any] | None:
        self._check_open()
        try:
            stored = await self.redis.hget(self.user_key(user_id), "rec")
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot reach {self.where} ({type(exc).__name__})") from None
        return None if stored is None else self._parse(user_id, str(stored))

    async def delete_user(self, user_id: str) -> bool:
        self._check_open()
        async with self._fenced(user_id) as (lease, current):
            existed = await self._fenced_call(
                lease, self._delete, [self.user_key(user_id), self._checkins_key, self._outbox_key], [user_id])
            if current is not None:
                current._deleted = True
            return existed == 1

    async def set_checkin_due(self, user_id: str, due: datetime | None) -> None:
        self._check_open()
        micros = "" if due is None else str(to_micros(due))
        async with self._fenced(user_id) as (lease, _):
            await self._fenced_call(lease, self._set_due, [self._checkins_key], [user_id, micros])

    async def due_checkins(self, until: datetime, limit: int = 1000) -> list[tuple[str, datetime]]:
        self._check_open()
        end = to_micros(until)
        if limit <= 0:
            return []
        try:
            found = await self.redis.zrangebyscore(self._checkins_key, "-inf", end, start=0, num=limit,
                                                   withscores=True)
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot reach {self.where} ({type(exc).__name__})") from None
        return [(str(user_id), from_micros(int(score))) for user_id, score in found]  # type: ignore[str-unpack]

    async def users_with_checkins(self) -> list[str]:
        self._check_open()
        try:
            return [str(user_id) for user_id in await self.redis.zrange(self._checkins_key, 0, -1)]
        except UNREACHABLE as exc:
            raise StoreUnavailable(f"cannot reach {self.where} ({type(exc).__name__})") from None

    # -- for several workers ---------------------------------------------------------------------
    async def stale_outboxes(self, limit: int = 100, reclaim: float | None = None) -> list[str]:
        """Users whose saved replies were not sent within ``outbox_grace`` (their worker died or
        hangs) and whose lease is free. Each one returned is reserved for ``reclaim`` seconds
        (default: the grace), so that the workers calling this at once share them out; the caller
        opens a session for each and sends the outbox, whose save takes the user off the list."""
        self._check_open()
        reclaim_ms = int((self.outbox_grace if reclaim is None else reclaim) * 1000)
        found = await self.leases.call(self._stale, [self._outbox_key],
                                       [self.leases.key(""), limit, reclaim_ms])
        return [str(user_id) for user_id in found]

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._owns_client:
            await self.redis.aclose()

    def __repr__(self) -> str:
        return f"RedisStore({self.where!r})"


def connect(url: str) -> Redis:
    """A client for ``redis://[:password@]host:port/db`` (``rediss://`` for TLS, ``unix://``).

    Commands are never retried by the client: a write whose answer was lost may have been applied,
    and only the caller knows whether repeating it is safe (a turn is repeated by Telegram's
    redelivery, which the update de-duplication makes harmless).
    """
    return Redis.from_url(url, decode_responses=True, retry=Retry(NoBackoff(), 0),
                          socket_connect_timeout=5, socket_timeout=15, health_check_interval=30)


def describe(redis: Redis) -> str:
    """Where a client points, for logs and errors: host, port and db, never the password."""
    kwargs = redis.connection_pool.connection_kwargs
    if "path" in kwargs:
        return f"Redis at unix:{kwargs['path']}"
    return f"Redis at {kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}/{kwargs.get('db', 0)}"


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        parts.append(int(piece) if piece.isdigit() else 0)
    return tuple(parts)
