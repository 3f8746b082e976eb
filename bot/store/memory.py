"""A store that lives in memory: for tests and for a bot that may forget everything on restart."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.store.base import (
    SCHEMA_VERSION,
    BaseStore,
    Migration,
    Record,
    canonical_json,
    to_micros,
)
from bot.store.schedule import ScheduleIndex


class MemoryStore(BaseStore):
    """Records are kept as canonical JSON text, so a caller can never alias stored data."""

    def __init__(
        self,
        *,
        schema_version: int = SCHEMA_VERSION,
        migrations: Mapping[int, Migration] | None = None,
    ) -> None:
        super().__init__(schema_version=schema_version, migrations=migrations)
        self._records: dict[str, str] = {}
        self._schedule = ScheduleIndex()

    async def _read_dump(self, user_id: str) -> str | None:
        return self._records.get(user_id)

    async def _write_record(self, user_id: str, dump: str) -> None:
        self._records[user_id] = dump

    def _put_raw(self, user_id: str, record: Record) -> None:
        """Store a record exactly as given (tests use it to plant old or foreign data)."""
        self._records[user_id] = canonical_json(record)

    async def delete_user(self, user_id: str) -> bool:
        self._check_open()
        async with self._locks.hold(user_id) as slot:
            existed = user_id in self._records or user_id in self._schedule
            self._records.pop(user_id, None)
            self._schedule.set(user_id, None)
            if slot.session is not None:
                slot.session._deleted = True
            return existed

    async def set_checkin_due(self, user_id: str, due: datetime | None) -> None:
        self._check_open()
        micros = None if due is None else to_micros(due)
        async with self._locks.hold(user_id):
            self._schedule.set(user_id, micros)

    async def close(self) -> None:
        self._closed = True
