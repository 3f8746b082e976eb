"""Records in memory: every user the log has changed since the last checkpoint, plus a bounded LRU.

An entry holds a user's record as canonical JSON (``None``: no record; :data:`UNKNOWN`: not read
from the user file yet, e.g. only the check-in time changed). *Dirty* entries have a log record
that no checkpoint has written into the user file yet: they are the truth for that user and are
never evicted; the checkpoint bounds how many there are. *Clean* entries are a cache of the user
file, evicted least recently used first once their records exceed ``max_bytes``.

Only the holder of a user's lock reads or fills that user's entry from the file, so a fill can
never put back an older record than the one a concurrent turn saved. The checkpoint only marks
entries clean, on the event loop, after their files are written.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Final


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()
#: What an entry costs beyond its record's characters (key, object, dict slot), roughly.
ENTRY_OVERHEAD = 200


@dataclass(slots=True, eq=False)
class Entry:
    record: str | None | _Unknown
    lsn: int = 0  # the user's last log record not yet in the file; 0 = clean
    purge: bool = False  # deleted since the last checkpoint: remove the files and copies too

    def weight(self) -> int:
        return ENTRY_OVERHEAD + (len(self.record) if isinstance(self.record, str) else 0)


@dataclass(frozen=True, slots=True)
class Pending:
    """A dirty entry as the checkpoint writes it."""

    user_id: str
    record: str | None | _Unknown
    lsn: int
    purge: bool


class RecordCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._dirty: dict[str, Entry] = {}
        self._clean: OrderedDict[str, Entry] = OrderedDict()
        self._clean_bytes = 0
        self.dirty_bytes = 0

    def __len__(self) -> int:
        return len(self._dirty) + len(self._clean)

    @property
    def clean_bytes(self) -> int:
        return self._clean_bytes

    def get(self, user_id: str) -> Entry | None:
        entry = self._dirty.get(user_id)
        if entry is not None:
            return entry
        entry = self._clean.get(user_id)
        if entry is not None:
            self._clean.move_to_end(user_id)
        return entry

    def record(self, user_id: str) -> str | None | _Unknown:
        entry = self.get(user_id)
        return UNKNOWN if entry is None else entry.record

    def is_dirty(self, user_id: str) -> bool:
        return user_id in self._dirty

    def dirty_users(self) -> set[str]:
        return set(self._dirty)

    # -- changes (the user's lock is held) ---------------------------------------------------
    def fill(self, user_id: str, record: str | None) -> None:
        """The record as read from the user file."""
        entry = self._dirty.get(user_id)
        if entry is not None:
            if isinstance(entry.record, _Unknown):
                self._set_dirty_record(entry, record)
            return
        self._drop_clean(user_id)
        self._add_clean(user_id, Entry(record))

    def logged(self, user_id: str, lsn: int, record: str | None | _Unknown = UNKNOWN,
               *, purge: bool = False) -> None:
        """A log record for the user: the entry becomes dirty; ``record`` (unless UNKNOWN) is the
        user's record from now on; ``purge`` marks a deletion."""
        entry = self._dirty.get(user_id)
        if entry is None:
            clean = self._drop_clean(user_id)
            entry = self._dirty[user_id] = Entry(UNKNOWN if clean is None else clean.record)
            self.dirty_bytes += entry.weight()
        if not isinstance(record, _Unknown) or purge:
            self._set_dirty_record(entry, None if isinstance(record, _Unknown) else record)
        entry.lsn = lsn
        entry.purge = entry.purge or purge

    def _set_dirty_record(self, entry: Entry, record: str | None) -> None:
        self.dirty_bytes -= entry.weight()
        entry.record = record
        self.dirty_bytes += entry.weight()

    # -- checkpoints (event loop) ------------------------------------------------------------
    def pending(self) -> list[Pending]:
        return [Pending(u, e.record, e.lsn, e.purge) for u, e in self._dirty.items()]

    def written(self, done: list[Pending]) -> None:
        """The checkpoint wrote these: entries not changed since become clean (kept only if the
        record is known), changed ones stay dirty."""
        for item in done:
            entry = self._dirty.get(item.user_id)
            if entry is None or entry.lsn != item.lsn:
                continue
            del self._dirty[item.user_id]
            self.dirty_bytes -= entry.weight()
            entry.lsn, entry.purge = 0, False
            if not isinstance(entry.record, _Unknown):
                self._add_clean(item.user_id, entry)
        self._evict()

    # -- the LRU -----------------------------------------------------------------------------
    def _add_clean(self, user_id: str, entry: Entry) -> None:
        self._clean[user_id] = entry
        self._clean_bytes += entry.weight()
        self._evict()

    def _drop_clean(self, user_id: str) -> Entry | None:
        entry = self._clean.pop(user_id, None)
        if entry is not None:
            self._clean_bytes -= entry.weight()
        return entry

    def _evict(self) -> None:
        while self._clean_bytes > self.max_bytes and self._clean:
            _, entry = self._clean.popitem(last=False)
            self._clean_bytes -= entry.weight()
