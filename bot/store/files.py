"""Crash-safe file primitives and the TinyDB storage built on them.

Every write goes to a temp file in the target's directory, is fsynced, renamed over the target
with ``os.replace`` and the directory is fsynced: after a crash a file holds either the old or the
new content, never a mix. Files are 0600 and directories 0700 whatever the umask (health data).
"""

from __future__ import annotations

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


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
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


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

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
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
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


def read_json(path: Path) -> Any | None:
    """Parse a JSON file; None if it does not exist; quarantine + CorruptDataError if unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}; check its permissions") from exc
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise corrupt(path, f"not valid JSON: {exc}") from exc


def dump_json(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":"), allow_nan=False).encode("ascii")


class AtomicJSONStorage(Storage):
    """TinyDB storage that writes with :func:`atomic_write` instead of rewriting in place.

    A missing file reads as an empty database and is only created by the first write. A file that
    is not a TinyDB document (``{table: {doc_id: {...}}}``) is quarantined and reported.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self._path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = read_json(self._path)
        if data is None:
            return None
        if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()
        ):
            raise corrupt(self._path, "not a TinyDB database")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write(self._path, dump_json(data))

    def close(self) -> None:
        pass
