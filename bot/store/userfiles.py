"""One TinyDB database per user: where it lives, the one check of what is in it, reading, writing.

A user file is ``{"user": {"1": {"user_id": ..., "record": {...} | null, "checkin_due": ISO | null}}}``,
read and written through TinyDB's ``Table`` API with :class:`AtomicJSONStorage`. The loader and the
offline check (``store check``) both go through :func:`load_user_doc`, the one place that decides
whether a file is a valid user document: the loader moves a bad file aside, the check reports it.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypedDict

from tinydb import TinyDB
from tinydb.table import Document

from bot.errors import CorruptDataError
from bot.store.base import Record, from_micros, to_micros
from bot.store.files import AtomicJSONStorage, UnreadableFile, corrupt, ensure_dir

USERS_DIR = "users"
_TABLE = "user"
_DOC_ID = 1


class StoredDoc(TypedDict):
    """A user document as it is in the file (TinyDB's JSON)."""

    user_id: str
    record: Record | None
    checkin_due: str | None  # aware ISO datetime, UTC


class UserDoc(TypedDict):
    """A user document as the store sees it: the record stays opaque, the due time is micros."""

    user_id: str
    record: Record | None
    checkin_due: int | None


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


#: "Leave this part of the document as it is on disk" for :func:`write_user_doc`.
KEEP: Final = _Keep()


def user_path(data_dir: Path, user_id: str) -> Path:
    """Where a user's file lives: hashed, so any id is a safe name and shards stay even."""
    digest = hashlib.sha256(user_id.encode("utf-8")).hexdigest()
    return data_dir / USERS_DIR / digest[:2] / f"{digest[:32]}.json"


def _open(path: Path, stage: list[tuple[Path, Path]] | None = None) -> Any:
    return TinyDB(path, storage=AtomicJSONStorage, stage=stage).table(_TABLE)


def load_user_doc(path: Path, user_id: str | None, table: Any = None) -> UserDoc | None:
    """The user's document, None if there is no file; :class:`UnreadableFile` if it is invalid.

    ``user_id=None`` (offline check, index rebuild) checks that the id inside matches the file's
    name instead of a given id. This is the one record check: loader and ``store check`` share it.
    """
    doc = (table if table is not None else _open(path)).get(doc_id=_DOC_ID)
    if doc is None:
        if path.exists():
            raise UnreadableFile("no user document in it")
        return None
    return check_doc(doc, path, user_id)


def check_doc(doc: Any, path: Path, user_id: str | None) -> UserDoc:
    owner = doc.get("user_id") if isinstance(doc, dict) else None
    if not isinstance(owner, str):
        raise UnreadableFile("no user id in it")
    expected = user_path(path.parents[2], owner).name
    if (user_id is not None and owner != user_id) or expected != path.name:
        raise UnreadableFile("it belongs to another user than its name says")
    record = doc.get("record")
    if record is not None and not isinstance(record, dict):
        raise UnreadableFile("its record is not a JSON object")
    due = doc.get("checkin_due")
    due_micros: int | None = None
    if due is not None:
        try:
            due_micros = to_micros(datetime.fromisoformat(due))
        except (TypeError, ValueError):
            raise UnreadableFile("its check-in time is not an aware ISO datetime") from None
    return {"user_id": owner, "record": record, "checkin_due": due_micros}


def read_user_doc(path: Path, user_id: str | None) -> UserDoc | None:
    """:func:`load_user_doc` for the loader: a bad file is moved aside (CorruptDataError)."""
    try:
        return load_user_doc(path, user_id)
    except UnreadableFile as exc:
        raise corrupt(path, str(exc)) from None


def write_user_doc(
    path: Path,
    user_id: str,
    *,
    record: Record | None | _Keep = KEEP,
    due: int | None | _Keep = KEEP,
    stage: list[tuple[Path, Path]] | None = None,
) -> bool:
    """Set the record and/or the check-in time in a user's file; remove the file when neither is
    left. Without ``stage`` the file is replaced atomically now; with it a temp file is written and
    ``(temp, path)`` appended for the caller to rename after a sync. True if the file changed.

    A bad file is moved aside first; when the record is KEEP that is a CorruptDataError (there is
    nothing to keep), otherwise the new document simply replaces it.
    """
    ensure_dir(path.parent)
    table = _open(path, stage)
    try:
        current = load_user_doc(path, user_id, table)
    except UnreadableFile as exc:
        error = corrupt(path, str(exc))
        if isinstance(record, _Keep):
            raise error from None
        table, current = _open(path, stage), None
    kept = current or {"record": None, "checkin_due": None}
    new_record = kept["record"] if isinstance(record, _Keep) else record
    new_due = kept["checkin_due"] if isinstance(due, _Keep) else due
    if new_record is None and new_due is None:
        return remove_user_file(path) if current is not None else False
    doc: StoredDoc = {
        "user_id": user_id,
        "record": new_record,
        "checkin_due": None if new_due is None else from_micros(new_due).isoformat(),
    }
    if current is None:
        table.insert(Document(doc, doc_id=_DOC_ID))
    else:
        table.update(doc, doc_ids=[_DOC_ID])
    return True


def remove_user_file(path: Path) -> bool:
    """Unlink a user's file (the caller makes the removal durable); True if it existed."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    return True


def aside_copies(path: Path) -> list[Path]:
    """Copies of a user's file moved aside after an error: still that user's data."""
    if not path.parent.is_dir():
        return []
    return sorted(path.parent.glob(f"{path.name}.*"))


def user_files_exist(path: Path) -> bool:
    return path.exists() or bool(aside_copies(path))


def user_files(data_dir: Path) -> list[Path]:
    """Every user file (not temp files, not moved-aside copies), in a stable order."""
    users = data_dir / USERS_DIR
    return [
        Path(entry.path)
        for shard in sorted(os.scandir(users), key=lambda e: e.name)
        if shard.is_dir()
        for entry in sorted(os.scandir(shard.path), key=lambda e: e.name)
        if entry.name.endswith(".json") and not entry.name.startswith(".")
    ]


def scan_due(data_dir: Path) -> dict[str, int]:
    """Every user's check-in time as the files say (a bad file is moved aside and skipped)."""
    entries: dict[str, int] = {}
    for path in user_files(data_dir):
        try:
            doc = read_user_doc(path, None)
        except CorruptDataError:  # already moved aside and logged; the rebuild skips it
            continue
        if doc is not None and doc["checkin_due"] is not None:
            entries[doc["user_id"]] = doc["checkin_due"]
    return entries
