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
from bot.store.tinydb_store import INDEX_NAME, JOURNAL_NAME, WAL_DIR, encode_index, user_path, write_user_doc

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
    await store.checkpoint()
    path = user_path(data_dir, "u1")
    for directory in (data_dir, data_dir / "users", path.parent, data_dir / WAL_DIR):
        assert mode(directory) == 0o700, directory
    files = [path, data_dir / ".lock", data_dir / INDEX_NAME, *(data_dir / WAL_DIR).iterdir()]
    assert len(files) >= 6  # the checkpoint file and at least two log segments
    for file in files:
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
    store = TinyDBStore(data_dir)
    assert await store.users_with_checkins() == ["u1"]
    await store.close()


async def test_a_schedule_journal_from_the_old_layout_is_folded_in(data_dir: Path) -> None:
    # The layout before the log: user files (the truth), a snapshot and a journal of later changes,
    # whose last change may not have reached its user file before a crash.
    (data_dir / "users").mkdir(parents=True)
    write_user_doc(user_path(data_dir, "u1"), "u1", record={"a": 1}, due=1_767_600_000_000_000)
    write_user_doc(user_path(data_dir, "u2"), "u2", due=1_767_600_000_000_000)
    (data_dir / INDEX_NAME).write_bytes(b'{"format":1,"due":{"u1":1767600000000000}}')
    (data_dir / JOURNAL_NAME).write_bytes(b'{"u":"u2","d":1767600000000000}\n{"u":"u3","d":12')
    store = TinyDBStore(data_dir)
    assert await store.users_with_checkins() == ["u1", "u2"]
    assert not (data_dir / JOURNAL_NAME).exists()
    assert await store.export_user("u1") == {"a": 1}
    assert await store.check() == []
    await store.close()


async def test_checkpoint_writes_the_files_and_empties_the_log(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, segment_bytes=4096)
    for n in range(20):  # ~600 bytes each: the log spans several segments
        async with store.session(f"u{n}") as session:
            session.record["notes"] = "x" * 500
        await store.set_checkin_due(f"u{n}", T0 + timedelta(minutes=n))
    await store.delete_user("u0")
    await store.checkpoint()
    assert json.loads((data_dir / INDEX_NAME).read_bytes())["due"].keys() == {f"u{n}" for n in range(1, 20)}
    doc = json.loads(user_path(data_dir, "u7").read_bytes())
    assert doc["user"]["1"]["record"]["notes"] == "x" * 500
    assert not user_path(data_dir, "u0").exists()
    for segment in (data_dir / WAL_DIR).glob("*.wal"):  # recycled: nothing of anybody is left
        assert segment.read_bytes().strip(b"\0") == b""
    await store.close()
    store = TinyDBStore(data_dir)
    assert store.stats.replayed == 0
    assert await store.users_with_checkins() == [f"u{n}" for n in range(1, 20)]
    assert (await store.export_user("u19") or {})["notes"] == "x" * 500
    assert await store.check() == []
    await store.close()


async def test_check_reports_modes_and_schedule_mismatch(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    async with store.session("u1") as session:
        session.record["a"] = 1
    await store.set_checkin_due("u2", T0)
    await store.checkpoint()
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
        await store.close()
        user_path(data_dir, "u1").write_text(json.dumps({"user": {"1": {"x": secret}}}))
        store = TinyDBStore(data_dir)
        with pytest.raises(CorruptDataError) as caught:
            await store.export_user("u1")
        await store.close()
    assert secret not in caplog.text
    assert secret not in str(caught.value)


@pytest.mark.parametrize("size", [0, 1, 1999, 2000, 2001, 4500])
def test_index_snapshot_encoding_round_trips(size: int) -> None:
    entries = {f"user{n}": 1_767_600_000_000_000 + n for n in range(size)}
    encoded = b"".join(encode_index(entries.items(), lsn=42))
    assert json.loads(encoded) == {"format": 2, "lsn": 42, "due": entries}
