"""The default backend: TinyDB files on local disk, one small file per user.

Layout of ``data_dir`` (0700; every file 0600)::

    .lock                      held with flock while a process has the store open
    users/ab/ab12...ef.json    one TinyDB database per user: {"user": {"1": {user_id, record, checkin_due}}}
    schedule.json              snapshot of the check-in index {"format": 1, "due": {user_id: micros}}
    schedule.journal           changes since the snapshot, one JSON line each, fsynced on append

The user file is the truth for a user's record and check-in time; the schedule index is derived
data kept so that "who is due?" never reads user files. Single process by design (see docs/store.md).
"""

from __future__ import annotations

import asyncio
import fcntl
import functools
import hashlib
import json
import logging
import os
import stat
from itertools import islice
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document

from bot.errors import CorruptDataError, StoreError
from bot.store.base import SCHEMA_VERSION, BaseStore, Migration, Record, from_micros, to_micros
from bot.store.files import (
    DIR_MODE,
    FILE_MODE,
    AtomicJSONStorage,
    atomic_write,
    corrupt,
    ensure_dir,
    fsync_dir,
    is_quarantined,
    is_temp_file,
    read_json,
)
from bot.store.schedule import ScheduleIndex

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"
USERS_DIR = "users"
INDEX_NAME = "schedule.json"
JOURNAL_NAME = "schedule.journal"
_TABLE = "user"
_DOC_ID = 1
_INDEX_FORMAT = 1
_ENCODE_SLICE = 2000
#: Journal lines replayed before the snapshot is rewritten. Bounds both the journal and the work
#: at open (each journalled user's file is re-read to reconcile an interrupted change).
COMPACT_EVERY = 4096
#: Threads doing file I/O. The work is fsync-bound, so more threads add little throughput on a
#: small machine but more GIL contention, which shows up as event-loop stalls.
IO_THREADS = max(2, min(4, os.cpu_count() or 1))

_T = TypeVar("_T")

_KEEP: Any = object()
_MOVED_ASIDE = "{path}: moved aside after an error; inspect it, then delete it"


def user_path(data_dir: Path, user_id: str) -> Path:
    """Where a user's file lives: hashed, so any id is a safe name and shards stay even."""
    digest = hashlib.sha256(user_id.encode("utf-8")).hexdigest()
    return data_dir / USERS_DIR / digest[:2] / f"{digest[:32]}.json"


def read_user_doc(path: Path, user_id: str | None) -> dict[str, Any] | None:
    """The user's document, None if there is no file; quarantine + CorruptDataError if invalid.

    ``user_id=None`` (index rebuild) checks that the id inside matches the file's name instead.
    """
    table = TinyDB(path, storage=AtomicJSONStorage).table(_TABLE)
    doc = table.get(doc_id=_DOC_ID)
    if doc is None:
        if path.exists():
            raise corrupt(path, "no user document in it")
        return None
    assert isinstance(doc, dict)
    owner = doc.get("user_id")
    record = doc.get("record")
    due = doc.get("checkin_due")
    if not isinstance(owner, str):
        raise corrupt(path, "no user id in it")
    expected = user_path(path.parents[2], owner).name
    if (user_id is not None and owner != user_id) or expected != path.name:
        raise corrupt(path, "it belongs to another user than its name says")
    if record is not None and not isinstance(record, dict):
        raise corrupt(path, "its record is not a JSON object")
    if due is not None:
        try:
            due_micros = to_micros(datetime.fromisoformat(due))
        except (TypeError, ValueError):
            raise corrupt(path, "its check-in time is not an aware ISO datetime") from None
    else:
        due_micros = None
    return {"user_id": owner, "record": record, "checkin_due": due_micros}


def write_user_doc(
    path: Path, user_id: str, *, record: Record | None = _KEEP, due: int | None = _KEEP
) -> None:
    """Change the record and/or the check-in time of a user's file (atomically); remove the file
    when neither is left."""
    ensure_dir(path.parent)
    current = read_user_doc(path, user_id)
    doc: dict[str, Any] = {
        "user_id": user_id,
        "record": (current or {}).get("record") if record is _KEEP else record,
        "checkin_due": (current or {}).get("checkin_due") if due is _KEEP else due,
    }
    if doc["record"] is None and doc["checkin_due"] is None:
        if current is not None:
            path.unlink()
            fsync_dir(path.parent)
        return
    if doc["checkin_due"] is not None:
        doc["checkin_due"] = from_micros(doc["checkin_due"]).isoformat()
    table = TinyDB(path, storage=AtomicJSONStorage).table(_TABLE)
    if current is None:
        table.insert(Document(doc, doc_id=_DOC_ID))
    else:
        table.update(doc, doc_ids=[_DOC_ID])


def encode_index(entries: Iterable[tuple[str, int]]) -> Iterator[bytes]:
    """The snapshot file, produced in slices: one ``json.dumps`` of 100k entries holds the GIL for
    ~35 ms, which would stall the event loop while a worker thread compacts the index."""
    yield b'{"format":%d,"due":{' % _INDEX_FORMAT
    pending = iter(entries)
    separator = b""
    while chunk := dict(islice(pending, _ENCODE_SLICE)):
        yield separator + json.dumps(chunk, separators=(",", ":"))[1:-1].encode("ascii")
        separator = b","
    yield b"}}"


def _lock_data_dir(data_dir: Path) -> int:
    path = data_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise StoreError(
            f"another runner-triage process is using DATA_DIR {data_dir} (it holds the lock on "
            f"{path}); stop that process, or point RUNNER_TRIAGE_DATA_DIR at another directory"
        ) from None
    except BaseException:
        os.close(fd)
        raise
    return fd


class TinyDBStore(BaseStore):
    """One process, local disk; crash-safe writes whose cost does not depend on the user count.

    Opening does blocking I/O (lock, temp-file clean-up, loading the schedule index): do it at
    start-up. Every later file operation runs in a worker thread.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        schema_version: int = SCHEMA_VERSION,
        migrations: Mapping[int, Migration] | None = None,
        compact_every: int = COMPACT_EVERY,
        io_threads: int = IO_THREADS,
    ) -> None:
        super().__init__(schema_version=schema_version, migrations=migrations)
        self.data_dir = Path(data_dir)
        self._users_dir = self.data_dir / USERS_DIR
        self._index_path = self.data_dir / INDEX_NAME
        self._journal_path = self.data_dir / JOURNAL_NAME
        self._compact_every = compact_every
        try:
            self.data_dir.parent.mkdir(parents=True, exist_ok=True)
            ensure_dir(self.data_dir)
        except OSError as exc:
            raise StoreError(f"cannot use data directory {self.data_dir}: {exc.strerror or exc}; "
                             "set RUNNER_TRIAGE_DATA_DIR (or --data-dir) to a writable place") from None
        os.chmod(self.data_dir, DIR_MODE)  # health data: nobody else reads the directory
        self._lock_fd = _lock_data_dir(self.data_dir)
        self._journal_fd = -1
        try:
            ensure_dir(self._users_dir)
            removed = self._remove_temp_files()
            self._schedule = self._open_schedule()
        except BaseException:
            self._release()
            raise
        self._journal_lines = 0
        self._index_lock = asyncio.Lock()
        self._executor = ThreadPoolExecutor(io_threads, thread_name_prefix="store-io")
        log.info(
            "store opened at %s: %d scheduled check-ins, %d leftover temp files removed",
            self.data_dir,
            len(self._schedule),
            removed,
        )

    async def _io(self, function: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        """Run blocking file work off the event loop."""
        loop = asyncio.get_running_loop()
        call = functools.partial(function, *args, **kwargs)
        return await loop.run_in_executor(self._executor, call)

    # -- records -------------------------------------------------------------------------------
    def _user_path(self, user_id: str) -> Path:
        return user_path(self.data_dir, user_id)

    async def _read_record(self, user_id: str) -> Record | None:
        doc = await self._io(read_user_doc, self._user_path(user_id), user_id)
        return None if doc is None else doc["record"]

    async def _write_record(self, user_id: str, dump: str) -> None:
        self._check_open()
        path = self._user_path(user_id)
        await self._io(lambda: write_user_doc(path, user_id, record=json.loads(dump)))

    async def export_user(self, user_id: str) -> dict[str, Any] | None:
        self._check_open()
        return await self._read_record(user_id)

    async def delete_user(self, user_id: str) -> bool:
        self._check_open()
        async with self._locks.hold(user_id) as slot, self._index_lock:
            scheduled = user_id in self._schedule
            existed = await self._io(self._delete_sync, user_id, scheduled)
            self._schedule.set(user_id, None)
            await self._maybe_compact()
            if slot.session is not None:
                slot.session._deleted = True
            return existed or scheduled

    def _delete_sync(self, user_id: str, scheduled: bool) -> bool:
        if scheduled:
            self._journal_append(user_id, None)
        path = self._user_path(user_id)
        existed = path.exists()
        # Copies moved aside after an error are this user's data too.
        leftovers = [p for p in path.parent.glob(f"{path.name}.*")] if path.parent.is_dir() else []
        for victim in [path, *leftovers]:
            victim.unlink(missing_ok=True)
        if existed or leftovers:
            fsync_dir(path.parent)
        return existed or bool(leftovers)

    # -- check-in schedule ---------------------------------------------------------------------
    async def set_checkin_due(self, user_id: str, due: datetime | None) -> None:
        self._check_open()
        micros = None if due is None else to_micros(due)
        async with self._locks.hold(user_id), self._index_lock:
            if self._schedule.get(user_id) == micros:
                return
            await self._io(self._set_due_sync, user_id, micros)
            self._schedule.set(user_id, micros)
            await self._maybe_compact()

    def _set_due_sync(self, user_id: str, micros: int | None) -> None:
        # Journal first: if we die before the user file is written, the open-time reconciliation
        # re-reads this user's file (the truth) and the index follows it.
        self._journal_append(user_id, micros)
        write_user_doc(self._user_path(user_id), user_id, due=micros)

    def _journal_append(self, user_id: str, micros: int | None) -> None:
        line = json.dumps({"u": user_id, "d": micros}, separators=(",", ":")).encode("ascii")
        view = memoryview(line + b"\n")
        while view:
            view = view[os.write(self._journal_fd, view) :]
        os.fsync(self._journal_fd)
        self._journal_lines += 1

    async def _maybe_compact(self) -> None:
        if self._journal_lines >= self._compact_every:
            await self._io(self._compact_sync)

    def _compact_sync(self) -> None:
        """Snapshot the index, then start an empty journal. Dying in between is harmless:
        replaying the old journal over the new snapshot sets the same values again."""
        # Iterating the live index is safe: the caller holds the index lock, so nothing changes it.
        atomic_write(self._index_path, encode_index(self._schedule.items()))
        if self._journal_fd >= 0:
            os.close(self._journal_fd)
            self._journal_fd = -1
        atomic_write(self._journal_path, b"")
        self._journal_fd = self._open_journal()
        self._journal_lines = 0

    def _open_journal(self) -> int:
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC
        fd = os.open(self._journal_path, flags, FILE_MODE)
        os.fchmod(fd, FILE_MODE)
        return fd

    # -- opening -------------------------------------------------------------------------------
    def _remove_temp_files(self) -> int:
        """Temp files are writes that never reached their rename: the target still holds the
        previous complete version, so they are dropped."""
        removed = 0
        dirs = [self.data_dir, *(p for p in self._users_dir.iterdir() if p.is_dir())]
        for directory in dirs:
            found = [e for e in os.scandir(directory) if is_temp_file(e.name)]
            for entry in found:
                os.unlink(entry.path)
            if found:
                fsync_dir(directory)
                removed += len(found)
        return removed

    def _user_files(self) -> list[Path]:
        return [
            Path(entry.path)
            for shard in sorted(os.scandir(self._users_dir), key=lambda e: e.name)
            if shard.is_dir()
            for entry in os.scandir(shard.path)
            if entry.name.endswith(".json") and not is_temp_file(entry.name)
        ]

    def _open_schedule(self) -> ScheduleIndex:
        problem: str | None = None
        entries: dict[str, int] = {}
        try:
            data = read_json(self._index_path)
        except CorruptDataError as exc:
            data, problem = None, str(exc)
        if data is None and problem is None:
            with os.scandir(self._users_dir) as shards:
                if any(shards):
                    problem = f"{self._index_path} is missing"
        elif data is not None:
            due = data.get("due") if isinstance(data, dict) else None
            valid = (
                isinstance(due, dict)
                and data.get("format") == _INDEX_FORMAT
                and all(isinstance(u, str) and type(m) is int for u, m in due.items())
            )
            if valid:
                assert isinstance(due, dict)
                entries = due
            else:
                problem = str(corrupt(self._index_path, "not a schedule index"))

        journal: list[tuple[str, int | None]] = []
        if problem is None:
            journal, problem = self._read_journal()

        if problem is not None:
            log.warning(
                "schedule index: %s; rebuilding it by scanning the user files once", problem
            )
            entries = self._scan_user_files()
            log.warning("schedule index rebuilt: %d scheduled check-ins", len(entries))
        else:
            for user_id, micros in journal:
                if micros is None:
                    entries.pop(user_id, None)
                else:
                    entries[user_id] = micros
            self._reconcile(entries, {user_id for user_id, _ in journal})

        index = ScheduleIndex(entries)
        if problem is not None or journal or not self._index_path.exists():
            atomic_write(self._index_path, encode_index(entries.items()))
            atomic_write(self._journal_path, b"")
        self._journal_fd = self._open_journal()
        return index

    def _read_journal(self) -> tuple[list[tuple[str, int | None]], str | None]:
        try:
            raw = self._journal_path.read_bytes()
        except FileNotFoundError:
            return [], None
        lines = raw.split(b"\n")
        # The last piece has no newline: empty, or an append cut short by a crash (never
        # acknowledged, since the fsync that follows the newline did not return).
        complete, torn = lines[:-1], lines[-1]
        if torn:
            log.info("schedule journal: dropped one interrupted append")
        changes: list[tuple[str, int | None]] = []
        for number, line in enumerate(complete, start=1):
            try:
                item = json.loads(line)
                user_id, micros = item["u"], item["d"]
                if not isinstance(user_id, str) or not (micros is None or type(micros) is int):
                    raise ValueError("wrong types")
            except (ValueError, KeyError, TypeError) as exc:
                return [], str(corrupt(self._journal_path, f"line {number}: {type(exc).__name__}"))
            changes.append((user_id, micros))
        return changes, None

    def _reconcile(self, entries: dict[str, int], user_ids: set[str]) -> None:
        """Make the index agree with the user files for every user the journal touched."""
        for user_id in user_ids:
            try:
                doc = read_user_doc(self._user_path(user_id), user_id)
            except CorruptDataError:  # already moved aside and logged; the index drops it
                doc = None
            due = None if doc is None else doc["checkin_due"]
            if due is None:
                entries.pop(user_id, None)
            else:
                entries[user_id] = due

    def _scan_user_files(self) -> dict[str, int]:
        entries: dict[str, int] = {}
        for path in self._user_files():
            try:
                doc = read_user_doc(path, None)
            except CorruptDataError:  # already moved aside and logged; the rebuild skips it
                continue
            if doc is not None and doc["checkin_due"] is not None:
                entries[doc["user_id"]] = doc["checkin_due"]
        return entries

    # -- health check --------------------------------------------------------------------------
    async def check(self) -> list[str]:
        """Read every file and report problems, changing nothing. Run it on a quiet store (the
        directory lock means a ``store check`` command can only run while the bot is stopped)."""
        self._check_open()
        return await self._io(self._check_sync)

    def _check_sync(self) -> list[str]:
        problems: list[str] = []

        def mode_problem(path: Path, wanted: int) -> None:
            mode = stat.S_IMODE(os.stat(path).st_mode)
            if mode != wanted:
                problems.append(f"{path}: mode {mode:o}, expected {wanted:o}")

        def peek(path: Path) -> Any:
            try:
                return json.loads(path.read_bytes())
            except FileNotFoundError:
                return None
            except (OSError, ValueError, UnicodeDecodeError) as exc:
                problems.append(f"{path}: unreadable ({type(exc).__name__})")
                return None

        mode_problem(self.data_dir, DIR_MODE)
        index = peek(self._index_path)
        if not (isinstance(index, dict) and isinstance(index.get("due"), dict)):
            problems.append(f"{self._index_path}: missing or not a schedule index")
        for number, line in enumerate(peek_lines(self._journal_path), start=1):
            try:
                json.loads(line)
            except ValueError:
                problems.append(f"{self._journal_path}: line {number} is not JSON")

        for path in sorted(self.data_dir.iterdir()):
            if is_quarantined(path.name):
                problems.append(_MOVED_ASIDE.format(path=path))
        on_disk: dict[str, int] = {}
        for shard in sorted(p for p in self._users_dir.iterdir() if p.is_dir()):
            mode_problem(shard, DIR_MODE)
            for path in sorted(shard.iterdir()):
                if is_quarantined(path.name):
                    problems.append(_MOVED_ASIDE.format(path=path))
                    continue
                if is_temp_file(path.name) or not path.name.endswith(".json"):
                    continue
                mode_problem(path, FILE_MODE)
                data = peek(path)
                doc = data.get(_TABLE, {}).get(str(_DOC_ID)) if isinstance(data, dict) else None
                if not isinstance(doc, dict) or not isinstance(doc.get("user_id"), str):
                    if data is not None:
                        problems.append(f"{path}: not a user document")
                    continue
                if user_path(self.data_dir, doc["user_id"]).name != path.name:
                    problems.append(f"{path}: belongs to another user than its name says")
                if doc.get("record") is not None and not isinstance(doc.get("record"), dict):
                    problems.append(f"{path}: its record is not a JSON object")
                if doc.get("checkin_due") is not None:
                    try:
                        due = datetime.fromisoformat(doc["checkin_due"])
                        on_disk[doc["user_id"]] = to_micros(due)
                    except (TypeError, ValueError):
                        problems.append(f"{path}: its check-in time is not an aware ISO datetime")
        indexed = self._schedule.snapshot()
        for user_id in sorted(set(on_disk) | set(indexed)):
            if on_disk.get(user_id) != indexed.get(user_id):
                problems.append(
                    f"{self._user_path(user_id)}: check-in time differs from the schedule index"
                )
        return problems

    # -- closing -------------------------------------------------------------------------------
    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        async with self._index_lock:  # let a journal append in flight finish
            self._release()
        await asyncio.to_thread(self._executor.shutdown)
        log.info("store at %s closed", self.data_dir)

    def _release(self) -> None:
        if self._journal_fd >= 0:
            os.close(self._journal_fd)
            self._journal_fd = -1
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1

    def __repr__(self) -> str:
        return f"TinyDBStore({str(self.data_dir)!r})"


def peek_lines(path: Path) -> list[bytes]:
    """Complete lines of a journal (a missing file has none; a torn last line is not counted)."""
    try:
        return path.read_bytes().split(b"\n")[:-1]
    except FileNotFoundError:
        return []
