"""The offline check (``runner-triage store check``): read every file, change nothing, list problems.

User files go through :func:`bot.store.userfiles.load_user_doc`, the same record check the loader
uses; here a bad file is reported instead of moved aside.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Set
from pathlib import Path
from typing import Any

from bot.errors import StoreError
from bot.store.files import (
    DIR_MODE,
    FILE_MODE,
    UnreadableFile,
    is_quarantined,
    is_temp_file,
    parse_json,
    read_bytes,
)
from bot.store.schedule import decode_index
from bot.store.userfiles import USERS_DIR, load_user_doc, user_path

MOVED_ASIDE = "{path}: moved aside after an error; inspect it, then delete it"


def check_data_dir(
    data_dir: Path,
    *,
    index_path: Path,
    wal_dir: Path,
    control_path: Path,
    segments: list[Path],
    index: Mapping[str, int],
    pending: Set[str],
) -> list[str]:
    """Problems in ``data_dir``. ``index`` is the schedule as the open store has it; users in
    ``pending`` have log records not yet checkpointed, so their files may lag behind."""
    problems: list[str] = []

    def mode_problem(path: Path, wanted: int) -> None:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode != wanted:
            problems.append(f"{path}: mode {mode:o}, expected {wanted:o}")

    def peek(path: Path) -> Any:
        try:
            raw = read_bytes(path)
            return None if raw is None else parse_json(raw)
        except (StoreError, UnreadableFile) as exc:
            problems.append(f"{path}: {exc}")
            return None

    def moved_aside(directory: Path) -> None:
        for path in sorted(directory.iterdir()):
            if is_quarantined(path.name):
                problems.append(MOVED_ASIDE.format(path=path))

    mode_problem(data_dir, DIR_MODE)
    if decode_index(peek(index_path)) is None:
        problems.append(f"{index_path}: missing or not a schedule index")
    moved_aside(data_dir)

    if wal_dir.is_dir():
        mode_problem(wal_dir, DIR_MODE)
        moved_aside(wal_dir)
        for segment in segments:
            mode_problem(segment, FILE_MODE)
        if control_path.exists():
            mode_problem(control_path, FILE_MODE)
            control = peek(control_path)
            if not (isinstance(control, dict) and type(control.get("lsn")) is int):
                problems.append(f"{control_path}: not a checkpoint file")

    on_disk: dict[str, int] = {}
    for shard in sorted(p for p in (data_dir / USERS_DIR).iterdir() if p.is_dir()):
        mode_problem(shard, DIR_MODE)
        for path in sorted(shard.iterdir()):
            if is_quarantined(path.name):
                problems.append(MOVED_ASIDE.format(path=path))
                continue
            if is_temp_file(path.name) or not path.name.endswith(".json"):
                continue
            mode_problem(path, FILE_MODE)
            try:
                doc = load_user_doc(path, None)
            except (UnreadableFile, StoreError) as exc:
                problems.append(f"{path}: {exc}")
                continue
            if doc is not None and doc["checkin_due"] is not None:
                on_disk[doc["user_id"]] = doc["checkin_due"]
    for user_id in sorted((set(on_disk) | set(index)) - pending):
        if on_disk.get(user_id) != index.get(user_id):
            problems.append(
                f"{user_path(data_dir, user_id)}: check-in time differs from the schedule index"
            )
    return problems
