"""The store protocol, the per-user session and what every backend shares.

A record is opaque JSON to the store except for its ``"schema"`` key: the store stamps it with the
schema version on save and upgrades older records on load through a registry of migrations.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from bot.errors import StoreError
from bot.store.schedule import ScheduleIndex

Record = dict[str, Any]
Migration = Callable[[Record], Record]

#: The schema version this code writes. Bump it together with a ``migrate_vN_to_vN+1`` below.
SCHEMA_VERSION = 1

#: ``MIGRATIONS[n]`` turns a record of schema ``n`` into one of schema ``n + 1``. Empty while the
#: schema is at its first version; add ``MIGRATIONS[1] = migrate_v1_to_v2`` when it changes.
MIGRATIONS: dict[int, Migration] = {}

#: A record without a ``"schema"`` key was written before the stamp existed: the first version.
FIRST_SCHEMA_VERSION = 1

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@runtime_checkable
class UserStore(Protocol):
    """Everything the bot keeps about a user, behind one per-user lock.

    Backends: :class:`bot.store.MemoryStore` (tests), :class:`bot.store.TinyDBStore` (one process,
    local disk). A shared backend (Redis) implements the same methods for several processes.
    """

    def session(self, user_id: str) -> AbstractAsyncContextManager[UserSession]:
        """Take the user's lock first, then load the record and yield it.

        On normal exit the record is saved if it changed; on an exception it is not saved; the
        lock is always released. Two concurrent turns of one user never lose an update; different
        users run in parallel.
        """
        ...

    async def export_user(self, user_id: str) -> dict[str, Any] | None:
        """The user's record as stored, or None if nothing was ever saved for them."""
        ...

    async def delete_user(self, user_id: str) -> bool:
        """Remove every trace of the user (record and schedule); True if something existed."""
        ...

    async def set_checkin_due(self, user_id: str, due: datetime | None) -> None:
        """Schedule the user's next check-in (aware datetime, kept as UTC) or cancel it (None)."""
        ...

    async def due_checkins(self, until: datetime, limit: int = 1000) -> list[tuple[str, datetime]]:
        """Users whose check-in is due at or before ``until``, earliest first, at most ``limit``."""
        ...

    async def users_with_checkins(self) -> list[str]:
        """Every user with a scheduled check-in, earliest due first."""
        ...

    async def flush(self) -> None:
        """Make every save that has returned so far durable on disk (survives power loss).

        A returned ``save`` survives the process being killed; ``flush`` is what an adapter awaits
        before telling Telegram an update was handled. Concurrent callers may share one flush.
        """
        ...

    async def close(self) -> None:
        """Release the backend's resources; the store cannot be used afterwards."""
        ...


@dataclass(eq=False)
class UserSession:
    """One user's record for the length of a turn; the user's lock is held while it exists."""

    user_id: str
    record: Record
    _store: BaseStore = field(repr=False)
    _saved_dump: str = field(repr=False)
    _deleted: bool = field(default=False, repr=False)

    async def save(self) -> None:
        """Save now if the record changed since it was loaded or last saved.

        Does nothing once the user was deleted during this session: a deletion is never undone by
        the turn that asked for it.
        """
        if self._deleted:
            return
        if not isinstance(self.record, dict):
            raise StoreError(
                f"the record of a session must be a dict, got {type(self.record).__name__}"
            )
        dump = canonical_json(self.record)
        if dump == self._saved_dump:
            return
        if self.record.get("schema") != self._store.schema_version:
            self.record["schema"] = self._store.schema_version
            dump = canonical_json(self.record)
        await self._store._write_record(self.user_id, dump)
        self._saved_dump = dump


def canonical_json(record: Record) -> str:
    """One spelling per value, so that "did it change?" is a string comparison."""
    try:
        return json.dumps(record, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"a user record must be plain JSON data: {exc}") from exc


_EMPTY = canonical_json({})


def _parse(dump: str) -> Record:
    record: Record = json.loads(dump)
    return record


def upgrade_record(
    record: Record, user_id: str, schema_version: int, migrations: Mapping[int, Migration]
) -> Record:
    """Run the migrations a stored record needs; refuse a record newer than this code."""
    if not record:
        return record
    version = record.get("schema", FIRST_SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(
            f"the record of user {user_id!r} has an invalid schema value {version!r}; "
            "it was left untouched: repair or delete it"
        )
    if version > schema_version:
        raise StoreError(
            f"the record of user {user_id!r} has schema {version}, newer than the {schema_version} "
            "this version of runner-triage understands; it was left untouched: "
            "run a newer runner-triage on this data"
        )
    while version < schema_version:
        migrate = migrations.get(version)
        if migrate is None:
            raise StoreError(
                f"no migration from schema {version} to {version + 1} is registered "
                "(bot.store.base.MIGRATIONS); the record was left untouched"
            )
        record = migrate(record)
        version += 1
        record["schema"] = version
    return record


def to_micros(moment: datetime) -> int:
    """An aware datetime as integer microseconds since the epoch (exact, no float rounding)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"check-in times must be timezone-aware, got naive {moment.isoformat()}")
    return (moment - _EPOCH) // _MICROSECOND


def from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)


@dataclass(eq=False)
class _LockSlot:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    waiters: int = 0
    owner: asyncio.Task[Any] | None = None
    session: UserSession | None = None


class UserLocks:
    """One asyncio.Lock per user, created on first use and dropped when nobody holds or waits.

    Re-entrant for the task that holds it, so ``delete_user`` or ``set_checkin_due`` called from
    inside that user's own session do not deadlock.
    """

    def __init__(self) -> None:
        self._slots: dict[str, _LockSlot] = {}

    def __len__(self) -> int:
        return len(self._slots)

    def held_by_current_task(self, user_id: str) -> _LockSlot | None:
        slot = self._slots.get(user_id)
        if slot is not None and slot.owner is not None and slot.owner is asyncio.current_task():
            return slot
        return None

    @asynccontextmanager
    async def hold(self, user_id: str) -> AsyncIterator[_LockSlot]:
        mine = self.held_by_current_task(user_id)
        if mine is not None:
            yield mine
            return
        slot = self._slots.get(user_id)
        if slot is None:
            slot = self._slots[user_id] = _LockSlot()
        slot.waiters += 1
        try:
            async with slot.lock:
                slot.owner = asyncio.current_task()
                try:
                    yield slot
                finally:
                    slot.owner = None
                    slot.session = None
        finally:
            slot.waiters -= 1
            if slot.waiters == 0:
                del self._slots[user_id]


class BaseStore:
    """The session logic every backend shares; a backend supplies reading and writing.

    A backend also sets `_schedule` (the check-in index) before use; the queries on it are here.
    """

    _schedule: ScheduleIndex

    def __init__(
        self,
        *,
        schema_version: int = SCHEMA_VERSION,
        migrations: Mapping[int, Migration] | None = None,
    ) -> None:
        self.schema_version = schema_version
        self._migrations: Mapping[int, Migration] = MIGRATIONS if migrations is None else migrations
        self._locks = UserLocks()
        self._closed = False

    # -- what a backend provides -------------------------------------------------------------
    async def _read_dump(self, user_id: str) -> str | None:
        """The stored record as canonical JSON, or None. Called with the user's lock held."""
        raise NotImplementedError

    async def _write_record(self, user_id: str, dump: str) -> None:
        """Store the record (canonical JSON); called with the user's lock held."""
        raise NotImplementedError

    # -- the shared protocol -----------------------------------------------------------------
    async def flush(self) -> None:
        """Backends whose save is already durable (fsync before returning) have nothing to do."""
        self._check_open()

    async def export_user(self, user_id: str) -> dict[str, Any] | None:
        self._check_open()
        async with self._locks.hold(user_id):  # a cache fill must not race a turn's save
            dump = await self._read_dump(user_id)
        return None if dump is None else _parse(dump)

    async def due_checkins(self, until: datetime, limit: int = 1000) -> list[tuple[str, datetime]]:
        self._check_open()
        return [(u, from_micros(m)) for u, m in self._schedule.due(to_micros(until), limit)]

    async def users_with_checkins(self) -> list[str]:
        self._check_open()
        return self._schedule.users()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"{type(self).__name__} is closed; open the store again to use it")

    @asynccontextmanager
    async def _session(self, user_id: str) -> AsyncIterator[UserSession]:
        self._check_open()
        if self._locks.held_by_current_task(user_id) is not None:
            raise StoreError(
                f"a session for user {user_id!r} is already open in this task; "
                "use the record of the open session instead of opening another"
            )
        async with self._locks.hold(user_id) as slot:
            stored = await self._read_dump(user_id)
            saved_dump = _EMPTY if stored is None else stored
            record = upgrade_record(_parse(saved_dump), user_id, self.schema_version, self._migrations)
            current = UserSession(user_id, record, self, saved_dump)
            slot.session = current
            yield current  # an exception from the turn propagates from here: nothing is saved
            await current.save()

    def session(self, user_id: str) -> AbstractAsyncContextManager[UserSession]:
        return self._session(user_id)
