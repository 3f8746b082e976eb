"""The write-ahead log: what makes a turn durable with one in-place write and one shared fdatasync.

Every change to a user (a saved record, a check-in time, a deletion) is one checksummed record
appended with a single ``pwrite`` to the active *segment*, a file preallocated off the hot path.
A returned append is in the kernel's page cache, which outlives the process: it survives kill -9.
``fdatasync`` of the segments written since the last sync makes every append so far survive power
loss; the store runs one such sync at a time and every caller waiting meanwhile shares the next one
(group commit). Appending never creates a file: when the active segment is full it continues in a
spare, prepared in the background when the active one is half full (or, if none is ready, it
grows in place).

Record layout (little-endian)::

    crc32 u32 | payload length u32 | lsn u64 | kind u8 | user id length u16 | user id | data

The checksum covers everything after itself. LSNs (log sequence numbers) are consecutive across
segments, so a segment's order is its first LSN and replay can tell where the log ends: at the first
record whose checksum fails (a write cut short: a *torn tail*), that is zeros (unused space), or
whose LSN is not the next one. Records are only read from one checkpoint LSN onwards, along that
unbroken chain; a segment off the chain (already checkpointed, or written after a gap that a power
loss left) is wiped before anything new is appended, so stale bytes can never join the chain later.

Segments are recycled after a checkpoint has written their records into the user files: they are
overwritten with zeros (the deleted users' old records go with them) and become spares again.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import StoreError
from bot.store.files import DIR_MODE, FILE_MODE, ensure_dir, fsync_dir

KIND_PUT = 1  # data: the record, canonical JSON (ASCII)
KIND_DUE = 2  # data: the check-in time, 8 bytes of signed micros, or empty for "none"
KIND_DELETE = 3  # data: empty
_KINDS = frozenset((KIND_PUT, KIND_DUE, KIND_DELETE))

_CRC = struct.Struct("<I")
_HEAD = struct.Struct("<IQBH")  # payload length, lsn, kind, user id length
HEADER_BYTES = _CRC.size + _HEAD.size
_DUE = struct.Struct("<q")
_NAME = re.compile(r"^(\d{8})\.wal$")
#: Spares kept ready after recycling; extra segments (from a burst that outran the checkpoints)
#: are wiped and removed.
MAX_SPARES = 2
#: Size of the first segment of a new log (written at open); later ones are ``segment_bytes``.
FIRST_SEGMENT_BYTES = 1 << 20
_ZEROS = bytes(1 << 20)


@dataclass(frozen=True, slots=True)
class LogRecord:
    lsn: int
    kind: int
    user_id: str
    data: bytes


def encode_record(lsn: int, kind: int, user_id: str, data: bytes) -> bytes:
    user = user_id.encode("utf-8")
    if len(user) > 0xFFFF:
        raise StoreError(f"a user id of {len(user)} bytes is too long to store (at most 65535)")
    body = _HEAD.pack(len(user) + len(data), lsn, kind, len(user)) + user + data
    return _CRC.pack(zlib.crc32(body)) + body


def encode_due(micros: int | None) -> bytes:
    return b"" if micros is None else _DUE.pack(micros)


def decode_due(data: bytes) -> int | None:
    return None if not data else int(_DUE.unpack(data)[0])


def decode_segment(buf: bytes) -> tuple[list[LogRecord], int]:
    """The unbroken run of valid records at the start of a segment, and the offset where it ends."""
    records: list[LogRecord] = []
    view = memoryview(buf)
    offset, size = 0, len(buf)
    while offset + HEADER_BYTES <= size:
        (crc,) = _CRC.unpack_from(buf, offset)
        length, lsn, kind, user_len = _HEAD.unpack_from(buf, offset + _CRC.size)
        end = offset + HEADER_BYTES + length
        if (
            end > size
            or lsn == 0
            or kind not in _KINDS
            or user_len > length
            or (records and lsn != records[-1].lsn + 1)
            or zlib.crc32(view[offset + _CRC.size : end]) != crc
        ):
            break
        start = offset + HEADER_BYTES
        try:
            user_id = bytes(view[start : start + user_len]).decode("utf-8")
        except UnicodeDecodeError:
            break
        records.append(LogRecord(lsn, kind, user_id, bytes(view[start + user_len : end])))
        offset = end
    return records, offset


@dataclass(eq=False)
class Segment:
    path: Path
    fd: int
    size: int  # bytes preallocated (or grown to)
    end: int = 0  # where the next record goes
    first_lsn: int = 0  # 0: no records
    last_lsn: int = 0
    dirty_end: int = 0  # [0, dirty_end) may hold non-zero bytes: what a wipe must overwrite
    unsynced: bool = field(default=False, repr=False)


@dataclass
class Replay:
    """What opening the log found."""

    records: list[LogRecord]  # the chain after the checkpoint, in LSN order
    segments: int  # segment files found
    torn: int  # chain segments whose records end in non-zero bytes (an append cut short)
    stale: int  # segments already checkpointed but not yet recycled when the process stopped
    orphaned: int  # segments with records after a gap in the chain (a power loss): not replayed


class WriteAheadLog:
    """Segments in one directory. ``append`` and the bookkeeping run on the event loop's thread;
    ``sync``, ``create_segment``, ``wipe`` and ``remove`` are blocking and run in worker threads
    on segments the loop has handed over (nothing appends to them meanwhile)."""

    def __init__(self, directory: Path, segment_bytes: int) -> None:
        self.directory = directory
        self.segment_bytes = segment_bytes
        self._active: Segment | None = None
        self._retired: list[Segment] = []  # full or rotated out, records not yet checkpointed
        self._wiping: list[Segment] = []  # checkpointed, handed over to be wiped and recycled
        self._spares: list[Segment] = []  # zeroed, ready to become the active segment
        self._unsynced: list[Segment] = []
        self._next_lsn = 1
        self._next_number = 1
        self.synced_lsn = 0
        self.bytes_appended = 0  # since open; the checkpoint policy measures growth with it
        self.segments_created = 0

    # -- opening -------------------------------------------------------------------------------
    def open(self, checkpoint_lsn: int | None) -> Replay:
        """Read every segment, find the chain of records after ``checkpoint_lsn`` (None: unknown,
        start at the oldest record found), wipe segments off the chain, pick an active segment."""
        ensure_dir(self.directory)
        os.chmod(self.directory, DIR_MODE)
        found: list[tuple[Segment, list[LogRecord]]] = []
        torn: set[int] = set()
        for path in self.paths():
            number = int(_NAME.match(path.name).group(1))  # type: ignore[union-attr]
            self._next_number = max(self._next_number, number + 1)
            fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
            size = os.fstat(fd).st_size
            buf = os.pread(fd, size, 0)
            records, end = decode_segment(buf)
            segment = Segment(path, fd, size, end=end, dirty_end=len(buf.rstrip(b"\0")))
            if records:
                segment.first_lsn, segment.last_lsn = records[0].lsn, records[-1].lsn
            if segment.dirty_end > end:
                torn.add(id(segment))
            found.append((segment, records))

        with_records = sorted((item for item in found if item[1]), key=lambda i: i[0].first_lsn)
        expect = (
            checkpoint_lsn + 1
            if checkpoint_lsn is not None
            else (with_records[0][0].first_lsn if with_records else 1)
        )
        chain: list[LogRecord] = []
        on_chain: list[Segment] = []
        while True:
            nxt = next(
                (
                    (s, rs)
                    for s, rs in with_records
                    if s.first_lsn <= expect <= s.last_lsn and s not in on_chain
                ),
                None,
            )
            if nxt is None:
                break
            segment, records = nxt
            chain.extend(r for r in records if r.lsn >= expect)
            on_chain.append(segment)
            expect = segment.last_lsn + 1

        off_chain = [s for s, _ in found if s not in on_chain]
        self.wipe([s for s in off_chain if s.dirty_end > 0])
        for segment in on_chain:  # the replayed log may only be in the page cache (a kill -9)
            os.fdatasync(segment.fd)
        replay = Replay(
            records=chain,
            segments=len(found),
            torn=sum(1 for s in on_chain if id(s) in torn),
            stale=sum(1 for s, rs in found if rs and s not in on_chain and s.last_lsn < expect),
            orphaned=sum(1 for s, rs in found if rs and s not in on_chain and s.last_lsn >= expect),
        )
        for segment in off_chain:
            self._reset(segment)
        self._retired = on_chain
        self._spares = off_chain
        self._next_lsn = expect
        self.synced_lsn = expect - 1
        self._active = self._spares.pop() if self._spares else self._create_first()
        return replay

    def paths(self) -> list[Path]:
        return sorted(p for p in self.directory.iterdir() if _NAME.match(p.name))

    def _new_path(self) -> Path:
        path = self.directory / f"{self._next_number:08d}.wal"
        self._next_number += 1
        return path

    def _create_first(self) -> Segment:
        """The first segment of a new log, at open: small (a new data directory should not cost
        a large write), full size spares follow in the background once it is half full."""
        segment = self.create_segment(self._new_path(), min(self.segment_bytes, FIRST_SEGMENT_BYTES))
        self.segments_created += 1
        return segment

    # -- the hot path --------------------------------------------------------------------------
    @property
    def written_lsn(self) -> int:
        return self._next_lsn - 1

    def append(self, kind: int, user_id: str, data: bytes) -> int:
        """Append one record (one pwrite, no fsync) and return its LSN."""
        assert self._active is not None, "the log is closed"
        lsn = self._next_lsn
        record = encode_record(lsn, kind, user_id, data)
        segment = self._active
        if segment.end + len(record) > segment.size and segment.end > 0 and self._spares:
            self._retire_active()
            segment = self._active
        view = memoryview(record)
        offset = segment.end
        try:
            while view:
                written = os.pwrite(segment.fd, view, offset)
                view, offset = view[written:], offset + written
        except OSError as exc:
            # Part of the record may be on disk: the next append overwrites it from the same
            # offset, and a wipe must cover it.
            segment.dirty_end = max(segment.dirty_end, segment.end + len(record))
            raise StoreError(f"cannot append to the log {segment.path}: {exc.strerror}") from exc
        segment.end = offset
        segment.size = max(segment.size, offset)
        segment.dirty_end = max(segment.dirty_end, offset)
        segment.first_lsn = segment.first_lsn or lsn
        segment.last_lsn = lsn
        if not segment.unsynced:
            segment.unsynced = True
            self._unsynced.append(segment)
        self._next_lsn += 1
        self.bytes_appended += len(record)
        return lsn

    def _retire_active(self) -> None:
        assert self._active is not None
        self._retired.append(self._active)
        self._active = self._spares.pop()

    # -- group commit --------------------------------------------------------------------------
    def sync_plan(self) -> tuple[list[Segment], int]:
        """The segments to fdatasync and the LSN that covers: take it, sync in a thread, then
        :meth:`mark_synced`. Appends made meanwhile go to the next plan."""
        segments, self._unsynced = self._unsynced, []
        for segment in segments:
            segment.unsynced = False
        return segments, self.written_lsn

    @staticmethod
    def sync(segments: list[Segment]) -> None:
        for segment in segments:
            os.fdatasync(segment.fd)

    def mark_synced(self, lsn: int) -> None:
        self.synced_lsn = max(self.synced_lsn, lsn)

    # -- checkpoints ---------------------------------------------------------------------------
    def has_retired(self) -> bool:
        """Segments a checkpoint still has to cover or recycle."""
        return bool(self._retired or self._wiping)

    def needs_spare(self) -> bool:
        """True if rotating now would need a spare that is not there."""
        return self._active is not None and self._active.end > 0 and not self._spares

    def new_segment_path(self) -> Path:
        return self._new_path()

    def wants_spare(self) -> bool:
        """True once the active segment is half full and no spare is ready: time to prepare one,
        so that appends never have to grow a file (a metadata change every fdatasync)."""
        active = self._active
        return active is not None and not self._spares and active.end * 2 >= active.size

    def create_segment(self, path: Path, size: int | None = None) -> Segment:
        """A new spare, zero-filled: appends then overwrite allocated blocks, and an fdatasync
        has no metadata to commit (fallocate or a sparse file would allocate on first write)."""
        size = self.segment_bytes if size is None else size
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            segment = Segment(path, fd, size, dirty_end=size)
            self._zero(segment)
            fsync_dir(self.directory)
        except BaseException:
            os.close(fd)
            path.unlink(missing_ok=True)
            raise
        return segment

    def add_spare(self, segment: Segment) -> None:
        self.segments_created += 1
        self._spares.append(segment)

    def rotate(self) -> int:
        """Continue appending in a spare (if the active segment has records) and return the last
        LSN of the segments appended to before: what a checkpoint started now covers."""
        assert self._active is not None
        if self._active.end > 0:
            if not self._spares:
                raise StoreError("no spare log segment to rotate to")  # needs_spare() says when
            self._retire_active()
        return self.written_lsn

    def take_checkpointed(self, lsn: int, *, closing: bool = False) -> list[Segment]:
        """Hand over the segments whose records are all at or below ``lsn`` (written into the user
        files): wipe them, then :meth:`recycle` them. ``closing`` includes the active segment."""
        done = [s for s in self._retired if s.last_lsn <= lsn]
        self._retired = [s for s in self._retired if s.last_lsn > lsn]
        if closing and self._active is not None and self._active.last_lsn <= lsn:
            done.append(self._active)
            self._active = None
        self._wiping += done  # until recycled: a wipe that failed is tried again next time
        return list(self._wiping)

    def wipe(self, segments: list[Segment]) -> None:
        """Overwrite what was written with zeros and make that durable (blocking)."""
        for segment in segments:
            if segment.dirty_end > 0:
                self._zero(segment)

    @staticmethod
    def _zero(segment: Segment) -> None:
        offset = 0
        while offset < segment.dirty_end:
            chunk = min(len(_ZEROS), segment.dirty_end - offset)
            offset += os.pwrite(segment.fd, memoryview(_ZEROS)[:chunk], offset)
        os.fdatasync(segment.fd)
        segment.dirty_end = 0

    def recycle(self, segments: list[Segment]) -> list[Segment]:
        """Wiped segments become spares, up to MAX_SPARES; returns the extra ones to :meth:`remove`."""
        extra: list[Segment] = []
        for segment in segments:
            self._wiping.remove(segment)
            self._reset(segment)
            (self._spares if len(self._spares) < MAX_SPARES else extra).append(segment)
        return extra

    @staticmethod
    def _reset(segment: Segment) -> None:
        segment.end = segment.first_lsn = segment.last_lsn = 0

    def remove(self, segments: list[Segment]) -> None:
        """Close and delete segments (blocking)."""
        for segment in segments:
            os.close(segment.fd)
            segment.path.unlink(missing_ok=True)
        if segments:
            fsync_dir(self.directory)

    # -- closing -------------------------------------------------------------------------------
    def close(self) -> None:
        """Close every file descriptor. What was appended stays on disk for the next open."""
        segments = [*self._retired, *self._wiping, *self._spares]
        if self._active is not None:
            segments.append(self._active)
        for segment in segments:
            os.close(segment.fd)
        self._retired, self._wiping, self._spares, self._unsynced = [], [], [], []
        self._active = None
