"""The check-in schedule as a sorted in-memory index (who is due is a binary search, not a scan),
and its snapshot file format."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right, insort
from collections.abc import ItemsView, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any


class ScheduleIndex:
    """``user_id -> due`` (integer UTC microseconds), also kept sorted by due time.

    Insert and remove cost a binary search plus a list shift (microseconds at 100k entries);
    ``due`` is a binary search plus a slice of at most ``limit`` entries.
    """

    def __init__(self, entries: Mapping[str, int] | None = None) -> None:
        self._due: dict[str, int] = dict(entries or {})
        self._order: list[tuple[int, str]] = sorted((m, u) for u, m in self._due.items())

    def __len__(self) -> int:
        return len(self._due)

    def __contains__(self, user_id: object) -> bool:
        return user_id in self._due

    def get(self, user_id: str) -> int | None:
        return self._due.get(user_id)

    def set(self, user_id: str, due: int | None) -> None:
        old = self._due.get(user_id)
        if old == due:
            return
        if old is not None:
            index = bisect_left(self._order, (old, user_id))
            del self._order[index]
            del self._due[user_id]
        if due is not None:
            self._due[user_id] = due
            insort(self._order, (due, user_id))

    def due(self, until: int, limit: int) -> list[tuple[str, int]]:
        end = bisect_right(self._order, until, key=lambda entry: entry[0])
        return [(user_id, due) for due, user_id in self._order[: min(end, max(limit, 0))]]

    def users(self) -> list[str]:
        return [user_id for _, user_id in self._order]

    def snapshot(self) -> dict[str, int]:
        return dict(self._due)

    def items(self) -> ItemsView[str, int]:
        """A live view, no copy: only iterate it while nothing can change the index."""
        return self._due.items()


#: Snapshot file format: ``{"format": 2, "lsn": N, "due": {user_id: micros}}``: the index as of log
#: record N. Format 1 (no ``lsn``, written before the log existed) is read as of record 0.
INDEX_FORMAT = 2
_ENCODE_SLICE = 2000


def encode_index(entries: Iterable[tuple[str, int]], lsn: int = 0) -> Iterator[bytes]:
    """The snapshot file, produced in slices: one ``json.dumps`` of 100k entries holds the GIL for
    ~35 ms, which would stall the event loop while a worker thread writes the snapshot."""
    yield b'{"format":%d,"lsn":%d,"due":{' % (INDEX_FORMAT, lsn)
    pending = iter(entries)
    separator = b""
    while chunk := dict(islice(pending, _ENCODE_SLICE)):
        yield separator + json.dumps(chunk, separators=(",", ":"))[1:-1].encode("ascii")
        separator = b","
    yield b"}}"


def decode_index(data: Any) -> tuple[dict[str, int], int] | None:
    """``(entries, lsn)`` from a parsed snapshot file, or None if it is not one."""
    if not isinstance(data, dict):
        return None
    due, lsn = data.get("due"), data.get("lsn", 0)
    if data.get("format") not in (1, INDEX_FORMAT) or type(lsn) is not int or not isinstance(due, dict):
        return None
    if not all(isinstance(u, str) and type(m) is int for u, m in due.items()):
        return None
    return due, lsn
