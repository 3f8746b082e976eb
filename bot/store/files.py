"""Crash-safe file primitives and the TinyDB storage built on them.

A single file is replaced with :func:`atomic_write`: a temp file in the target's directory, fsynced,
renamed over the target with ``os.replace``, and the directory fsynced, so that after a crash the
file holds either the old or the new content, never a mix. Many files at once (a checkpoint) are
replaced in two phases with one filesystem sync each instead of two fsyncs per file: every temp
file is written (:func:`write_temp`), one :func:`sync_filesystem` makes their data durable, then
every rename, then one more sync makes the renames durable. Files are 0600 and directories 0700
whatever the umask (health data).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import logging
import os
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from bot.errors import CorruptDataError, StoreError

FILE_MODE = 0o600
DIR_MODE = 0o700
_TEMP_MARK = ".tmp-"
log = logging.getLogger(__name__)
_CORRUPT_MARK = ".corrupt-"


class UnreadableFile(ValueError):
    """A file's bytes are not what they should be; ``str(exc)`` names the problem, never content."""


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _load_syncfs() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        return libc.syncfs
    except (OSError, AttributeError):  # not Linux/glibc: fall back to sync(2)
        return None


_SYNCFS = _load_syncfs()


def sync_filesystem(path: Path) -> None:
    """Make every write and rename on the filesystem holding ``path`` durable (Linux ``syncfs``;
    elsewhere ``sync``). One call costs about what one fsync does, whatever the number of files."""
    if _SYNCFS is None:
        os.sync()
        return
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if _SYNCFS(fd) != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno), str(path))
    finally:
        os.close(fd)


def ensure_dir(path: Path) -> bool:
    """Create ``path`` (0700) if missing, making the new entry durable; True if it was created."""
    try:
        os.mkdir(path, DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise StoreError(f"{path} exists and is not a directory") from None
        return False
    os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask; chmod is not
    fsync_dir(path.parent)
    return True


def is_temp_file(name: str) -> bool:
    return name.startswith(".") and _TEMP_MARK in name


def is_quarantined(name: str) -> bool:
    return _CORRUPT_MARK in name


def write_temp(path: Path, data: bytes | Iterable[bytes], *, durable: bool = False) -> Path:
    """Write ``data`` to a new temp file beside ``path`` (0600) and return the temp file's path.

    ``data`` may be an iterable of pieces, written as they come (a large file never needs to be
    one big bytes object, and the GIL is released between pieces)."""
    temp = path.with_name(f".{path.name}{_TEMP_MARK}{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        for piece in [data] if isinstance(data, bytes) else data:
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view) :]
        if durable:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return temp


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    temp = write_temp(path, data, durable=True)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def quarantine(path: Path) -> Path:
    """Move an unreadable file aside (never delete or overwrite it) and return its new path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}{_CORRUPT_MARK}{stamp}")
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def corrupt(path: Path, problem: str) -> CorruptDataError:
    """Quarantine ``path`` and build the error that says where it went."""
    moved = quarantine(path)
    error = CorruptDataError(
        f"{path} is unreadable ({problem}); it was moved aside to {moved.name} and not "
        "overwritten. Inspect or restore it, or delete it to start that data afresh."
    )
    log.error("%s", error)  # names files only, never their contents
    return error


def read_bytes(path: Path) -> bytes | None:
    """A file's bytes; None if it does not exist; StoreError if it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}; check its permissions") from exc


def parse_json(raw: bytes) -> Any:
    """Parse JSON bytes; UnreadableFile (naming the kind of problem) if they are not JSON."""
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnreadableFile(f"not valid JSON: {type(exc).__name__} at byte {_position(exc)}") from None


def _position(exc: Exception) -> int:
    return getattr(exc, "pos", None) or getattr(exc, "start", 0) or 0


def read_json(path: Path) -> Any | None:
    """Parse a JSON file; None if it does not exist; quarantine + CorruptDataError if unreadable."""
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        return parse_json(raw)
    except UnreadableFile as exc:
        raise corrupt(path, str(exc)) from None


def dump_json(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":"), allow_nan=False).encode("ascii")


class AtomicJSONStorage(Storage):
    """TinyDB storage that never rewrites a file in place.

    ``write`` replaces the file with :func:`atomic_write`; with ``stage=`` (a list) it only writes a
    temp file and appends ``(temp, target)`` to the list, for a caller that renames many files
    after one filesystem sync. ``read`` raises :class:`UnreadableFile` for a file that is not a
    TinyDB database (``{table: {doc_id: {...}}}``); a missing file reads as an empty database. The
    last data read or written is kept, so one TinyDB operation reads the file once.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, stage: list[tuple[Path, Path]] | None = None
    ) -> None:
        super().__init__()
        self._path = Path(path)
        self._stage = stage
        self._data: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is not None:
            return self._data
        raw = read_bytes(self._path)
        if raw is None:
            return None
        data = parse_json(raw)
        if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()
        ):
            raise UnreadableFile("not a TinyDB database")
        self._data = data
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self._stage is None:
            atomic_write(self._path, dump_json(data))
        else:
            self._stage.append((write_temp(self._path, dump_json(data)), self._path))
        self._data = data

    def close(self) -> None:
        pass
