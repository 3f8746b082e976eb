"""The default backend: TinyDB files on local disk, one small file per user, behind a write-ahead log.

Layout of ``data_dir`` (0700; every file 0600)::

    .lock                      held with flock while a process has the store open
    users/ab/ab12...ef.json    one TinyDB database per user (bot.store.userfiles)
    schedule.json              snapshot of the check-in index as of a log record
    wal/00000001.wal ...       the write-ahead log's preallocated segments (bot.store.wal)
    wal/checkpoint.json        {"format": 1, "lsn": N}: records up to N are in the user files

A save is one append to the log, no fsync (it survives kill -9); ``flush()`` is one fdatasync
shared by every caller waiting at the time (it survives power loss). Records live in memory
(bot.store.cache): a turn reads a user file only on a cache miss. A checkpoint in the background
writes the changed users' files and the schedule snapshot, then wipes and recycles the log.
Opening replays the log after the last checkpoint. Single process by design (see docs/store.md).
"""

from __future__ import annotations

import asyncio
import fcntl
import functools
import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from bot.errors import CorruptDataError, StoreError
from bot.store.base import (
    SCHEMA_VERSION,
    BaseStore,
    Migration,
    canonical_json,
    to_micros,
)
from bot.store.cache import Pending, RecordCache, _Unknown
from bot.store.check import check_data_dir
from bot.store.files import (
    DIR_MODE,
    FILE_MODE,
    atomic_write,
    corrupt,
    dump_json,
    ensure_dir,
    fsync_dir,
    is_temp_file,
    read_json,
    sync_filesystem,
)
from bot.store.schedule import ScheduleIndex, decode_index, encode_index
from bot.store.userfiles import (
    KEEP,
    USERS_DIR,
    aside_copies,
    read_user_doc,
    scan_due,
    user_files_exist,
    user_path,
    write_user_doc,
)
from bot.store.wal import KIND_DELETE, KIND_DUE, KIND_PUT, WriteAheadLog, decode_due, encode_due

__all__ = [
    "INDEX_NAME", "JOURNAL_NAME", "USERS_DIR", "WAL_DIR", "StoreStats", "TinyDBStore",
    "encode_index", "user_path", "write_user_doc",
]

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"
INDEX_NAME = "schedule.json"
#: The schedule journal of the layout before the log; folded into the snapshot at open.
JOURNAL_NAME = "schedule.journal"
WAL_DIR = "wal"
CONTROL_NAME = "checkpoint.json"
_CONTROL_FORMAT = 1

#: Size of a log segment. Appends fill it in place; a checkpoint starts a fresh one.
SEGMENT_BYTES = 4 << 20
#: A checkpoint starts once this much log was appended since the last one ...
CHECKPOINT_BYTES = 4 << 20
#: ... or this many seconds after the first append since the last one (bounds replay at start-up
#: and how long a user's old records stay in the log).
CHECKPOINT_INTERVAL = 10.0
#: Saves wait for a checkpoint when the log grew by this many times CHECKPOINT_BYTES without one
#: finishing: a bound on memory (dirty records) and on start-up replay when the disk is slow.
BACKLOG_FACTOR = 4
#: Records kept in memory beyond the not-yet-checkpointed ones (clean LRU), in bytes of JSON:
#: ~5,000 records of 1.5 KB. It serves the turns of conversations in progress (a miss is one
#: read of the user's file, once per return); 32 MiB kept RSS over 300 MB (docs/performance.md).
CACHE_BYTES = 8 << 20
#: Threads reading user files on a cache miss. Syncs and checkpoints have a thread each, so a
#: slow checkpoint never delays a flush or a read.
IO_THREADS = max(2, min(4, os.cpu_count() or 1))
#: A checkpoint's thread steps aside (sleeps this long) once it has run this long since it last
#: did: CPython hands the GIL to a waiting thread only after the switch interval (5 ms) unless the
#: holder blocks, so a checkpoint writing files back to back delayed a turn's read or its reply by
#: up to 5 ms each time (turn p99 6.4-6.8 ms with checkpoints, 5.2-5.4 without them; paced,
#: 5.4: docs/performance.md). Costs a checkpoint of 1,000 users about 0.3 s of wall time.
CHECKPOINT_SLICE = 0.0005
CHECKPOINT_PAUSE = 0.0002

_T = TypeVar("_T")


class _Pacer:
    """Called between pieces of background work: sleeps ``pause`` once ``slice_`` seconds have
    passed since the last sleep, so that a thread waiting for the GIL (the event loop, a read)
    gets it at once instead of after the interpreter's switch interval."""

    def __init__(self, slice_: float, pause: float) -> None:
        self.slice, self.pause = slice_, pause
        self.since = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self.since >= self.slice:
            time.sleep(self.pause)
            self.since = time.perf_counter()


@dataclass
class StoreStats:
    """Counters since open: what the store did to the disk (tests and benchmarks read them)."""

    cache_hits: int = 0  # records served from memory
    file_reads: int = 0  # user files read (cache misses)
    appends: int = 0  # log records written
    syncs: int = 0  # fdatasync rounds: one per group commit, however many callers shared it
    checkpoints: int = 0
    files_written: int = 0  # user files written or removed by checkpoints
    replayed: int = 0  # log records replayed at open


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


def _load_dump(path: Path, user_id: str) -> str | None:
    """A user's record from the file, as canonical JSON (in a worker thread)."""
    doc = read_user_doc(path, user_id)
    return None if doc is None or doc["record"] is None else canonical_json(doc["record"])


class TinyDBStore(BaseStore):
    """One process, local disk; a turn costs one log append, a flush one shared fdatasync.

    Opening does blocking I/O (lock, temp-file clean-up, log replay, the schedule index): do it at
    start-up. Later file work runs in worker threads, except the append itself: one ``pwrite``
    into the page cache, cheaper than a hand-off to a thread.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        schema_version: int = SCHEMA_VERSION,
        migrations: Mapping[int, Migration] | None = None,
        io_threads: int = IO_THREADS,
        segment_bytes: int = SEGMENT_BYTES,
        checkpoint_bytes: int = CHECKPOINT_BYTES,
        checkpoint_records: int = 0,
        checkpoint_interval: float = CHECKPOINT_INTERVAL,
        cache_bytes: int = CACHE_BYTES,
    ) -> None:
        super().__init__(schema_version=schema_version, migrations=migrations)
        began = time.perf_counter()
        self.data_dir = Path(data_dir)
        self._users_dir = self.data_dir / USERS_DIR
        self._index_path = self.data_dir / INDEX_NAME
        self._journal_path = self.data_dir / JOURNAL_NAME
        self._control_path = self.data_dir / WAL_DIR / CONTROL_NAME
        self._checkpoint_bytes = checkpoint_bytes
        self._checkpoint_records = checkpoint_records
        self._checkpoint_interval = checkpoint_interval
        self.stats = StoreStats()
        try:
            self.data_dir.parent.mkdir(parents=True, exist_ok=True)
            ensure_dir(self.data_dir)
        except OSError as exc:
            raise StoreError(f"cannot use data directory {self.data_dir}: {exc.strerror or exc}; "
                             "set RUNNER_TRIAGE_DATA_DIR (or --data-dir) to a writable place") from None
        os.chmod(self.data_dir, DIR_MODE)  # health data: nobody else reads the directory
        self._lock_fd = _lock_data_dir(self.data_dir)
        self._wal = WriteAheadLog(self.data_dir / WAL_DIR, segment_bytes)
        self._cache = RecordCache(cache_bytes)
        self._wal_open = False
        self._checkpointed_lsn = 0  # records up to here are in the user files
        self._mark_bytes = 0  # log bytes appended when the last checkpoint started
        self._schedule_changed = False  # since the last snapshot
        try:
            ensure_dir(self._users_dir)
            ensure_dir(self._wal.directory)
            removed = self._remove_temp_files()
            self._open_log_and_index()
        except BaseException:
            self._release()
            raise
        self._executor = ThreadPoolExecutor(io_threads, thread_name_prefix="store-io")
        self._checkpointer = ThreadPoolExecutor(1, thread_name_prefix="store-checkpoint")
        self._syncer = ThreadPoolExecutor(1, thread_name_prefix="store-sync")
        self._sync_task: asyncio.Task[None] | None = None
        self._checkpoint_task: asyncio.Task[None] | None = None
        self._spare_task: asyncio.Task[None] | None = None
        self._spare_retry_at = 0.0
        self._background_task: asyncio.Task[None] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._failed: StoreError | None = None
        log.info(
            "store opened at %s in %.0f ms: %d scheduled check-ins, %d log records replayed "
            "(%d users), %d leftover temp files removed",
            self.data_dir, (time.perf_counter() - began) * 1000, len(self._schedule),
            self.stats.replayed, len(self._cache), removed,
        )

    # -- plumbing ------------------------------------------------------------------------------
    async def _io(self, function: Callable[..., _T], *args: Any) -> _T:
        """Blocking file work off the event loop (reads)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(function, *args))

    async def _background(self, function: Callable[..., _T], *args: Any) -> _T:
        """Checkpoint work, on its own thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._checkpointer, functools.partial(function, *args))

    def _check_writable(self) -> None:
        self._check_open()
        if self._failed is not None:
            raise self._failed

    def _user_path(self, user_id: str) -> Path:
        return user_path(self.data_dir, user_id)

    # -- records -------------------------------------------------------------------------------
    async def _read_dump(self, user_id: str) -> str | None:
        record = self._cache.record(user_id)
        if not isinstance(record, _Unknown):
            self.stats.cache_hits += 1
            return record
        dump = await self._io(_load_dump, self._user_path(user_id), user_id)
        self.stats.file_reads += 1
        self._cache.fill(user_id, dump)  # we hold the user's lock: nobody saved meanwhile
        return dump

    async def _write_record(self, user_id: str, dump: str) -> None:
        self._check_writable()
        lsn = self._wal.append(KIND_PUT, user_id, dump.encode("ascii"))
        self._cache.logged(user_id, lsn, dump)
        await self._appended()

    async def delete_user(self, user_id: str) -> bool:
        """Log a deletion (so that a replay cannot bring the user back), then checkpoint: when this
        returns, the user's file, moved-aside copies and old log records are gone from disk."""
        self._check_open()
        async with self._locks.hold(user_id) as slot:
            if slot.session is not None:
                slot.session._deleted = True
            existed = (
                user_id in self._schedule
                or isinstance(self._cache.record(user_id), str)
                or await self._io(user_files_exist, self._user_path(user_id))
            )
            if not existed:
                return False
            self._check_writable()
            lsn = self._wal.append(KIND_DELETE, user_id, b"")
            self._cache.logged(user_id, lsn, purge=True)
            self._set_due(user_id, None)
            self.stats.appends += 1
            await self._checkpoint_through(lsn)
            return True

    # -- check-in schedule ---------------------------------------------------------------------
    async def set_checkin_due(self, user_id: str, due: datetime | None) -> None:
        self._check_open()
        micros = None if due is None else to_micros(due)
        async with self._locks.hold(user_id):
            if self._schedule.get(user_id) == micros:
                return
            self._check_writable()
            lsn = self._wal.append(KIND_DUE, user_id, encode_due(micros))
            self._cache.logged(user_id, lsn)
            self._set_due(user_id, micros)
            await self._appended()

    def _set_due(self, user_id: str, micros: int | None) -> None:
        if self._schedule.get(user_id) != micros:
            self._schedule.set(user_id, micros)
            self._schedule_changed = True

    # -- durability ----------------------------------------------------------------------------
    async def flush(self) -> None:
        """Make every returned save durable: one fdatasync of the log segments written since the
        last one, shared by every caller that arrives while it runs (group commit)."""
        self._check_open()
        target = self._wal.written_lsn
        while self._wal.synced_lsn < target:
            if self._failed is not None:
                raise self._failed
            task = self._sync_task
            if task is None:
                task = self._sync_task = asyncio.get_running_loop().create_task(self._sync_once())
                task.add_done_callback(_retrieve)
            await asyncio.shield(task)

    async def _sync_once(self) -> None:
        try:
            segments, upto = self._wal.sync_plan()
            if segments:
                loop = asyncio.get_running_loop()
                try:
                    await loop.run_in_executor(self._syncer, WriteAheadLog.sync, segments)
                except OSError as exc:
                    # After a failed fsync the kernel may have dropped the unwritten pages: no
                    # later fsync can be trusted. Refuse further writes; a restart replays the log.
                    self._failed = StoreError(
                        f"the log in {self._wal.directory} could not be made durable "
                        f"({exc.strerror}); restart runner-triage to recover from the log"
                    )
                    log.error("%s", self._failed)
                    raise self._failed from exc
                self.stats.syncs += 1
            self._wal.mark_synced(upto)
        finally:
            self._sync_task = None

    # -- checkpoints ---------------------------------------------------------------------------
    async def checkpoint(self) -> None:
        """Write everything logged so far into the user files and recycle the log now (it also
        happens in the background, and at close)."""
        self._check_writable()
        await self._checkpoint_through(self._wal.written_lsn)

    async def _appended(self) -> None:
        self.stats.appends += 1
        if (
            self._wal.wants_spare()
            and self._spare_task is None
            and time.monotonic() >= self._spare_retry_at
        ):
            self._spare_task = asyncio.get_running_loop().create_task(self._prepare_spare())
        grown = self._wal.bytes_appended - self._mark_bytes
        if grown >= BACKLOG_FACTOR * self._checkpoint_bytes:
            await self._checkpoint_through(self._wal.written_lsn)  # back-pressure
        elif grown >= self._checkpoint_bytes or (
            self._checkpoint_records
            and self._wal.written_lsn - self._checkpointed_lsn >= self._checkpoint_records
        ):
            self._start_checkpoint()
        elif self._timer is None and self._checkpoint_task is None:
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(self._checkpoint_interval, self._start_checkpoint)

    async def _prepare_spare(self) -> None:
        try:
            if self._wal.wants_spare():
                path = self._wal.new_segment_path()
                self._wal.add_spare(await self._background(self._wal.create_segment, path))
        except OSError as exc:  # the active segment grows instead; logged, tried again later
            self._spare_retry_at = time.monotonic() + self._checkpoint_interval
            log.error("could not prepare a log segment in %s: %s", self._wal.directory, exc.strerror)
        finally:
            self._spare_task = None

    def _start_checkpoint(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._closed or self._checkpoint_task is not None or self._failed is not None:
            return
        self._background_task = asyncio.get_running_loop().create_task(
            self._checkpoint_in_background()
        )

    async def _checkpoint_in_background(self) -> None:
        try:
            await self._checkpoint_through(self._wal.written_lsn)
        except Exception as exc:  # noqa: BLE001 - logged; the log keeps everything meanwhile
            log.error("store checkpoint failed, will retry: %s", exc)

    async def _checkpoint_through(self, lsn: int, *, closing: bool = False) -> None:
        """Return once a checkpoint covering ``lsn`` has finished (starting one if needed)."""
        while self._checkpointed_lsn < lsn or closing:
            task = self._checkpoint_task
            if task is None:
                task = asyncio.get_running_loop().create_task(self._checkpoint_once(closing))
                self._checkpoint_task = task
                task.add_done_callback(_retrieve)
                closing = False
            await asyncio.shield(task)

    async def _checkpoint_once(self, closing: bool) -> None:
        try:
            await self._run_checkpoint(closing)
        except OSError as exc:
            raise StoreError(
                f"writing the store's files in {self.data_dir} failed ({exc.strerror}); "
                "the log still holds every change and the checkpoint is tried again"
            ) from exc
        finally:
            self._checkpoint_task = None
            if (
                not self._closed
                and self._failed is None
                and self._wal.written_lsn > self._checkpointed_lsn
                and self._timer is None
            ):
                loop = asyncio.get_running_loop()
                self._timer = loop.call_later(self._checkpoint_interval, self._start_checkpoint)

    async def _run_checkpoint(self, closing: bool) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._wal.written_lsn == self._checkpointed_lsn and not self._wal.has_retired():
            return
        if not closing and self._wal.needs_spare():
            segment = await self._background(self._wal.create_segment, self._wal.new_segment_path())
            self._wal.add_spare(segment)
        target = self._wal.written_lsn if closing else self._wal.rotate()
        self._mark_bytes = self._wal.bytes_appended
        # What the files and the snapshot will say: the state now, which may include records
        # appended since the rotation. The flush makes the log hold at least that much, so that
        # after a power loss the log never ends before what the files already reflect.
        pending = self._cache.pending()
        dues = [self._schedule.get(item.user_id) for item in pending]
        index: tuple[dict[str, int], int] | None = None
        if self._schedule_changed:
            index = (self._schedule.snapshot(), self._wal.written_lsn)
            self._schedule_changed = False
        try:
            await self.flush()  # also: the segments handed over below are synced and final
            written = await self._background(self._write_checkpoint, pending, dues, index, target)
        except BaseException:
            if index is not None:
                self._schedule_changed = True
            raise
        self._cache.written(pending)
        self._checkpointed_lsn = max(self._checkpointed_lsn, target)
        self.stats.checkpoints += 1
        self.stats.files_written += written
        done = self._wal.take_checkpointed(target, closing=closing)
        await self._background(self._wal.wipe, done)
        extra = self._wal.recycle(done)
        if extra:
            await self._background(self._wal.remove, extra)

    def _write_checkpoint(
        self,
        pending: list[Pending],
        dues: list[int | None],
        index: tuple[dict[str, int], int] | None,
        target: int,
    ) -> int:
        """Write the pending users' files (temp files, one sync, renames, one sync), then the
        schedule snapshot, then the checkpoint LSN. Until that last write, the log still holds
        everything, so dying anywhere in here only means the next open replays more."""
        staged: list[tuple[Path, Path]] = []
        changed = 0
        pace = _Pacer(CHECKPOINT_SLICE, CHECKPOINT_PAUSE)
        try:
            for item, due in zip(pending, dues, strict=True):
                pace()
                path = self._user_path(item.user_id)
                if item.purge:
                    for copy in aside_copies(path):
                        copy.unlink(missing_ok=True)
                        changed += 1
                record: Any = KEEP
                if not isinstance(item.record, _Unknown):
                    record = None if item.record is None else json.loads(item.record)
                try:
                    changed += write_user_doc(path, item.user_id, record=record, due=due, stage=staged)
                except CorruptDataError:  # moved aside and logged: there was no record to keep
                    changed += write_user_doc(path, item.user_id, record=None, due=due, stage=staged)
            if changed:
                sync_filesystem(self.data_dir)  # the new files' contents, before any rename
                while staged:
                    temp, path = staged.pop()
                    os.replace(temp, path)
                sync_filesystem(self.data_dir)  # the renames and removals
        finally:
            for temp, _ in staged:
                temp.unlink(missing_ok=True)
        if index is not None:
            atomic_write(self._index_path, encode_index(index[0].items(), index[1]))
        control = {"format": _CONTROL_FORMAT, "lsn": target}
        atomic_write(self._control_path, dump_json(control))
        return changed

    # -- opening -------------------------------------------------------------------------------
    def _remove_temp_files(self) -> int:
        """Temp files are writes that never reached their rename: the target still holds the
        previous complete version (and the log what came after it), so they are dropped."""
        removed = 0
        dirs = [
            self.data_dir,
            self._wal.directory,
            *(p for p in self._users_dir.iterdir() if p.is_dir()),
        ]
        for directory in dirs:
            found = [e for e in os.scandir(directory) if is_temp_file(e.name)]
            for entry in found:
                os.unlink(entry.path)
            if found:
                fsync_dir(directory)
                removed += len(found)
        return removed

    def _read_control(self) -> int | None:
        """The last checkpoint's LSN; None if unknown (then replay starts at the oldest record,
        which is safe: replaying a record already in the files sets the same value again)."""
        try:
            data = read_json(self._control_path)
        except CorruptDataError:
            return None
        if data is None:
            return None
        lsn = data.get("lsn") if isinstance(data, dict) else None
        if type(lsn) is not int or lsn < 0:
            corrupt(self._control_path, "not a checkpoint file")
            return None
        return lsn

    def _open_log_and_index(self) -> None:
        control = self._read_control()
        replay = self._wal.open(control)
        self._wal_open = True
        records = replay.records
        checkpointed = control if control is not None else (records[0].lsn - 1 if records else 0)
        self._checkpointed_lsn = checkpointed
        if replay.torn:
            log.info("store log: ignored %d append(s) cut short by a crash", replay.torn)
        if replay.stale:
            log.info("store log: wiped %d segment(s) checkpointed before a stop", replay.stale)
        if replay.orphaned:
            log.warning(
                "store log: %d segment(s) after a gap (appends a power loss cut off before a "
                "flush) were not replayed and were wiped",
                replay.orphaned,
            )

        entries, snapshot_lsn, problem = self._read_snapshot()
        if problem is None and snapshot_lsn > self._wal.written_lsn:
            problem = f"{self._index_path} is newer than the log (its checkpoint file was lost?)"
        legacy = self._journal_path.exists() and self._journal_path.stat().st_size > 0
        if legacy and problem is None:
            problem = f"{self._journal_path} is from an older version"
        if problem is not None:
            log.warning("schedule index: %s; rebuilding it by scanning the user files once", problem)
            entries = scan_due(self.data_dir)
            snapshot_lsn = checkpointed  # the files say everything up to the checkpoint
            log.warning("schedule index rebuilt: %d scheduled check-ins", len(entries))

        self._schedule_changed = False
        for record in records:
            if record.kind == KIND_PUT:
                if record.lsn > checkpointed:
                    self._cache.logged(record.user_id, record.lsn, record.data.decode("ascii"))
                continue
            if record.lsn > checkpointed:
                self._cache.logged(record.user_id, record.lsn, purge=record.kind == KIND_DELETE)
            if record.lsn > snapshot_lsn:
                due = decode_due(record.data) if record.kind == KIND_DUE else None
                if due is None:
                    entries.pop(record.user_id, None)
                else:
                    entries[record.user_id] = due
                self._schedule_changed = True
        self.stats.replayed = sum(1 for r in records if r.lsn > checkpointed)
        self._schedule = ScheduleIndex(entries)

        if problem is not None or not self._index_path.exists():
            atomic_write(self._index_path, encode_index(entries.items(), self._wal.written_lsn))
            self._schedule_changed = False
        if self._journal_path.exists():
            self._journal_path.unlink()
            fsync_dir(self.data_dir)

    def _read_snapshot(self) -> tuple[dict[str, int], int, str | None]:
        """The snapshot's entries and LSN, or a problem that calls for a rebuild."""
        try:
            data = read_json(self._index_path)
        except CorruptDataError as exc:
            return {}, 0, str(exc)
        if data is None:
            with os.scandir(self._users_dir) as shards:
                if any(shards):
                    return {}, 0, f"{self._index_path} is missing"
            return {}, 0, None
        decoded = decode_index(data)
        if decoded is None:
            return {}, 0, str(corrupt(self._index_path, "not a schedule index"))
        return decoded[0], decoded[1], None

    # -- health check --------------------------------------------------------------------------
    async def check(self) -> list[str]:
        """Read every file and report problems, changing nothing. Run it on a quiet store (the
        directory lock means a ``store check`` command can only run while the bot is stopped)."""
        self._check_open()
        return await self._io(
            functools.partial(
                check_data_dir,
                self.data_dir,
                index_path=self._index_path,
                wal_dir=self._wal.directory,
                control_path=self._control_path,
                segments=self._wal.paths(),
                index=self._schedule.snapshot(),
                pending=self._cache.dirty_users(),
            )
        )

    # -- closing -------------------------------------------------------------------------------
    async def close(self) -> None:
        """Checkpoint everything (so the next open has nothing to replay), then release."""
        if self._closed:
            return
        try:
            if self._failed is None:
                await self._checkpoint_through(self._wal.written_lsn, closing=True)
        except Exception as exc:  # noqa: BLE001 - the log keeps it for the next open
            log.error("store checkpoint at close failed; the log keeps everything: %s", exc)
        finally:
            if self._spare_task is not None:
                await asyncio.shield(self._spare_task)
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            for pool in (self._executor, self._checkpointer, self._syncer):
                await asyncio.to_thread(pool.shutdown)
            self._release()
            log.info("store at %s closed", self.data_dir)

    def _release(self) -> None:
        """Close files and the directory lock without a checkpoint (what a kill leaves behind;
        tests use it to abandon a store)."""
        self._closed = True
        timer = getattr(self, "_timer", None)
        if timer is not None:
            timer.cancel()
        if self._wal_open:
            self._wal.close()
            self._wal_open = False
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1

    def __repr__(self) -> str:
        return f"TinyDBStore({str(self.data_dir)!r})"


def _retrieve(task: asyncio.Task[None]) -> None:
    """Every awaiter gets the exception; this only keeps asyncio from warning when none is left."""
    if not task.cancelled():
        task.exception()

