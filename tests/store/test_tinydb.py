"""What only the disk backend promises: modes, bad files, leftovers, one process, reopening."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import CorruptDataError, StoreError
from bot.store import MemoryStore, TinyDBStore, open_store
from bot.store.tinydb_store import INDEX_NAME, JOURNAL_NAME, encode_index, user_path

from .conftest import REPO_ROOT

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


async def write_user(data_dir: Path, user_id: str, **fields: object) -> None:
    store = TinyDBStore(data_dir)
    async with store.session(user_id) as session:
        session.record.update(fields)
    await store.close()


def test_open_store_picks_the_backend(data_dir: Path) -> None:
    assert isinstance(open_store(None), MemoryStore)
    store = open_store(data_dir)
    assert isinstance(store, TinyDBStore)
    assert store.data_dir == data_dir
    store._release()


async def test_files_are_0600_and_directories_0700_whatever_the_umask(
    data_dir: Path, permissive_umask: None
) -> None:
    store = TinyDBStore(data_dir)
    async with store.session("u1") as session:
        session.record["pain"] = 7
    await store.set_checkin_due("u1", T0)
    path = user_path(data_dir, "u1")
    for directory in (data_dir, data_dir / "users", path.parent):
        assert mode(directory) == 0o700, directory
    for file in (path, data_dir / ".lock", data_dir / INDEX_NAME, data_dir / JOURNAL_NAME):
        assert mode(file) == 0o600, file
    assert await store.check() == []
    await store.close()


async def test_an_existing_data_dir_is_tightened_to_0700(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    store = TinyDBStore(data_dir)
    assert mode(data_dir) == 0o700
    await store.close()


async def test_reopening_after_close_sees_records_and_schedule(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    async with store.session("u1") as session:
        session.record["weeks"] = [1, 2]
    await store.set_checkin_due("u1", T0)
    await store.set_checkin_due("u2", T0 + timedelta(hours=1))
    await store.set_checkin_due("u2", None)
    await store.close()

    store = TinyDBStore(data_dir)
    assert (await store.export_user("u1") or {})["weeks"] == [1, 2]
    assert await store.due_checkins(T0 + timedelta(days=1)) == [("u1", T0)]
    assert await store.users_with_checkins() == ["u1"]
    assert await store.check() == []
    await store.close()


async def test_a_second_instance_on_the_same_dir_is_refused(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    with pytest.raises(StoreError, match="another runner-triage process is using DATA_DIR"):
        TinyDBStore(data_dir)
    await store.close()
    TinyDBStore(data_dir)._release()  # free again after close


async def test_a_second_process_on_the_same_dir_is_refused(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    child = subprocess.run(
        [sys.executable, "-c", f"from bot.store import TinyDBStore; TinyDBStore({str(data_dir)!r})"],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode != 0
    assert "another runner-triage process is using DATA_DIR" in child.stderr
    await store.close()


@pytest.mark.parametrize(
    "garbage",
    [b'{"user": {"1": {"user_id": "u1", "rec', b"", b"\xff\xfe", b"[1, 2]", b'{"user": {"1": 5}}'],
    ids=["truncated", "empty", "not-utf8", "not-a-database", "not-a-document"],
)
async def test_corrupt_user_file_is_moved_aside_and_reported(data_dir: Path, garbage: bytes) -> None:
    await write_user(data_dir, "u1", pain=3)
    path = user_path(data_dir, "u1")
    path.write_bytes(garbage)

    store = TinyDBStore(data_dir)
    with pytest.raises(CorruptDataError) as caught:
        async with store.session("u1") as session:
            session.record["pain"] = 9
    assert str(path) in str(caught.value)
    assert not path.exists()
    (moved,) = path.parent.glob(f"{path.name}.corrupt-*")
    assert moved.read_bytes() == garbage  # the original bytes, not overwritten
    assert moved.name in str(caught.value)
    problems = await store.check()
    assert any(moved.name in problem for problem in problems)
    # the next turn starts afresh; the moved copy stays until someone looks at it
    async with store.session("u1") as session:
        assert session.record == {}
    assert moved.exists()
    await store.close()


async def test_a_file_for_another_user_is_corrupt(data_dir: Path) -> None:
    await write_user(data_dir, "u1", pain=3)
    await write_user(data_dir, "u2", pain=4)
    os.replace(user_path(data_dir, "u2"), user_path(data_dir, "u1"))
    store = TinyDBStore(data_dir)
    with pytest.raises(CorruptDataError, match="another user"):
        await store.export_user("u1")
    await store.close()


async def test_delete_also_removes_copies_moved_aside(data_dir: Path) -> None:
    await write_user(data_dir, "u1", pain=3)
    path = user_path(data_dir, "u1")
    path.write_bytes(b"{")
    store = TinyDBStore(data_dir)
    with pytest.raises(CorruptDataError):
        await store.export_user("u1")
    assert await store.delete_user("u1") is True
    assert list(path.parent.glob(f"{path.name}*")) == []
    await store.close()


async def test_leftover_temp_files_are_removed_at_open(data_dir: Path) -> None:
    await write_user(data_dir, "u1", pain=3)
    path = user_path(data_dir, "u1")
    leftover = path.with_name(f".{path.name}.tmp-deadbeef")
    leftover.write_bytes(b'{"user": {"1": {"half": ')
    index_leftover = data_dir / f".{INDEX_NAME}.tmp-cafe"
    index_leftover.write_bytes(b"")
    store = TinyDBStore(data_dir)
    assert not leftover.exists() and not index_leftover.exists()
    assert await store.export_user("u1") == {"pain": 3, "schema": 1}
    await store.close()


async def test_corrupt_schedule_index_is_moved_aside_and_rebuilt_once(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = TinyDBStore(data_dir)
    for n in range(5):
        await store.set_checkin_due(f"u{n}", T0 + timedelta(hours=n))
    async with store.session("u0") as session:
        session.record["keep"] = True
    await store.close()
    index = data_dir / INDEX_NAME
    index.write_bytes(b'{"format": 1, "due": {"u0": 12')

    with caplog.at_level(logging.INFO):
        store = TinyDBStore(data_dir)
    assert "rebuilding it by scanning the user files once" in caplog.text
    assert "rebuilt: 5 scheduled check-ins" in caplog.text
    (moved,) = data_dir.glob(f"{INDEX_NAME}.corrupt-*")
    assert [u for u, _ in await store.due_checkins(T0 + timedelta(days=1))] == [
        f"u{n}" for n in range(5)
    ]
    assert await store.export_user("u0") == {"keep": True, "schema": 1}
    assert await store.check() == [f"{moved}: moved aside after an error; inspect it, then delete it"]
    await store.close()


async def test_missing_index_with_users_on_disk_is_rebuilt(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    await store.set_checkin_due("u1", T0)
    await store.close()
    (data_dir / INDEX_NAME).unlink()
    (data_dir / JOURNAL_NAME).unlink()
    store = TinyDBStore(data_dir)
    assert await store.users_with_checkins() == ["u1"]
    await store.close()


async def test_torn_journal_tail_is_dropped_and_interrupted_change_reconciled(
    data_dir: Path,
) -> None:
    store = TinyDBStore(data_dir)
    await store.set_checkin_due("u1", T0)
    await store.set_checkin_due("u2", T0)
    await store.close()
    journal = data_dir / JOURNAL_NAME
    # a crash after journalling u2's cancellation but before its file was written, then a torn
    # append: the file (the truth) still says u2 is scheduled
    with journal.open("ab") as handle:
        handle.write(b'{"u":"u2","d":null}\n{"u":"u3","d":12')
    store = TinyDBStore(data_dir)
    assert await store.users_with_checkins() == ["u1", "u2"]
    assert journal.read_bytes() == b""  # compacted into the snapshot at open
    assert await store.check() == []
    await store.close()


async def test_corrupt_journal_line_triggers_a_rebuild(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    await store.set_checkin_due("u1", T0)
    await store.close()
    journal = data_dir / JOURNAL_NAME
    journal.write_bytes(b"garbage\n")
    store = TinyDBStore(data_dir)
    assert await store.users_with_checkins() == ["u1"]
    assert len(list(data_dir.glob(f"{JOURNAL_NAME}.corrupt-*"))) == 1
    await store.close()


async def test_journal_is_compacted_into_the_snapshot(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, compact_every=3)
    for n in range(7):
        await store.set_checkin_due(f"u{n}", T0 + timedelta(minutes=n))
    await store.delete_user("u0")
    journal_lines = (data_dir / JOURNAL_NAME).read_bytes().count(b"\n")
    assert journal_lines < 3
    snapshot = json.loads((data_dir / INDEX_NAME).read_bytes())["due"]
    assert "u1" in snapshot
    await store.close()
    store = TinyDBStore(data_dir)
    assert await store.users_with_checkins() == [f"u{n}" for n in range(1, 7)]
    assert await store.check() == []
    await store.close()


async def test_check_reports_modes_and_schedule_mismatch(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    async with store.session("u1") as session:
        session.record["a"] = 1
    await store.set_checkin_due("u2", T0)
    os.chmod(user_path(data_dir, "u1"), 0o644)
    store._schedule.set("u2", None)  # the index forgets what the file says
    problems = await store.check()
    assert any("mode 644" in p for p in problems)
    assert any("differs from the schedule index" in p for p in problems)
    await store.close()


async def test_no_record_contents_in_logs(data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    secret = "I have been thinking about ending it"
    with caplog.at_level(logging.DEBUG):
        store = TinyDBStore(data_dir)
        async with store.session("u1") as session:
            session.record["last_message"] = secret
        await store.set_checkin_due("u1", T0)
        user_path(data_dir, "u1").write_text(json.dumps({"user": {"1": {"x": secret}}}))
        with pytest.raises(CorruptDataError) as caught:
            await store.export_user("u1")
        await store.close()
    assert secret not in caplog.text
    assert secret not in str(caught.value)


@pytest.mark.parametrize("size", [0, 1, 1999, 2000, 2001, 4500])
def test_index_snapshot_encoding_round_trips(size: int) -> None:
    entries = {f"user{n}": 1_767_600_000_000_000 + n for n in range(size)}
    encoded = b"".join(encode_index(entries.items()))
    assert json.loads(encoded) == {"format": 1, "due": entries}
