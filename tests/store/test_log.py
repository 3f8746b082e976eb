"""The write-ahead log behind the TinyDB store: what survives a kill, a power loss and a torn append;
one read and one log record per turn; flushes shared between turns; a bounded cache; /forget."""

from __future__ import annotations

import asyncio
import errno
import logging
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.errors import CorruptDataError, StoreError
from bot.store import TinyDBStore
from bot.store import tinydb_store
from bot.store.tinydb_store import WAL_DIR, user_path
from bot.store.wal import WriteAheadLog

from .crash_harness import run_crash_loop

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
#: No checkpoint unless a test asks for one: what is on disk is then exactly the log as appended.
QUIET: dict[str, Any] = {"checkpoint_interval": 3600.0, "checkpoint_bytes": 1 << 30}


async def abandon(store: TinyDBStore) -> None:
    """Drop a store the way a kill -9 does: no checkpoint, no flush; the log stays as appended.
    (Background work in flight is let finish first: a kill stops its thread, a test cannot.)"""
    while store._spare_task is not None or store._checkpoint_task is not None:
        await asyncio.sleep(0.001)
    store._release()


async def save(store: TinyDBStore, user_id: str, **fields: Any) -> None:
    async with store.session(user_id) as session:
        session.record.update(fields)


async def value(store: TinyDBStore, user_id: str, key: str = "v") -> Any:
    record = await store.export_user(user_id)
    return None if record is None else record.get(key)


def segments(data_dir: Path) -> list[Path]:
    return sorted((data_dir / WAL_DIR).glob("*.wal"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


async def test_a_returned_save_survives_a_kill_before_any_checkpoint(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, **QUIET)
    await save(store, "u1", v=3)
    await store.set_checkin_due("u1", T0)
    await abandon(store)
    assert not user_path(data_dir, "u1").exists()  # only the log has it

    store = TinyDBStore(data_dir)
    assert store.stats.replayed == 2
    assert await value(store, "u1") == 3
    assert await store.due_checkins(T0) == [("u1", T0)]
    assert await store.check() == []
    await store.close()
    assert user_path(data_dir, "u1").exists()  # the close checkpointed it


@pytest.mark.parametrize("loss", ["nothing-after-flush", "torn-after-flush", "garbage-after-flush"])
async def test_power_loss_keeps_every_flushed_save(data_dir: Path, loss: str) -> None:
    """Simulate a power loss: the log files keep what the flush made durable; of what was appended
    later, nothing, a prefix cut mid-record, or a prefix followed by garbage reached the disk."""
    store = TinyDBStore(data_dir, segment_bytes=16384, **QUIET)
    for n in range(10):
        await save(store, f"u{n}", v=1, pad="p" * 300)
    await store.flush()
    durable = {path: path.read_bytes() for path in segments(data_dir)}
    for n in range(5, 15):
        await save(store, f"u{n}", v=2)
    await abandon(store)

    rng = random.Random(loss)
    for path, kept in durable.items():
        now = path.read_bytes()
        start = next((i for i, (a, b) in enumerate(zip(kept, now)) if a != b), len(kept))
        end = len(now.rstrip(b"\0"))
        if start >= end:
            continue
        cut = rng.randint(start + 1, end - 1)
        if loss == "nothing-after-flush":
            after = kept[start:]
        elif loss == "torn-after-flush":
            after = now[start:cut] + kept[cut:]
        else:
            after = now[start:cut] + rng.randbytes(end - cut) + kept[end:]
        path.write_bytes(kept[:start] + after)

    store = TinyDBStore(data_dir)
    assert [await value(store, f"u{n}") for n in range(5)] == [1] * 5
    later = [await value(store, f"u{n}") for n in range(5, 15)]
    assert later[:5] in ([1] * 5, *([2] * k + [1] * (5 - k) for k in range(1, 6)))
    got_second = [v == 2 for v in later]
    assert got_second == sorted(got_second, reverse=True), "the log kept a prefix, in order"
    assert all(v in (None, 2) for v in later[5:])
    assert await store.check() == []
    await store.close()


async def test_a_torn_tail_is_ignored_and_the_log_goes_on(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = TinyDBStore(data_dir, **QUIET)
    for n in (1, 2, 3):
        await save(store, f"u{n}", v=n)
    await abandon(store)
    (segment,) = [p for p in segments(data_dir) if p.read_bytes().strip(b"\0")]
    raw = bytearray(segment.read_bytes())
    end = len(raw.rstrip(b"\0"))
    raw[end - 5 : end] = b"\xff" * 5  # the last append, cut short
    segment.write_bytes(bytes(raw))

    with caplog.at_level(logging.INFO, logger="bot.store"):
        store = TinyDBStore(data_dir, **QUIET)
    assert "cut short by a crash" in caplog.text
    assert [await value(store, f"u{n}") for n in (1, 2, 3)] == [1, 2, None]
    await save(store, "u4", v=4)
    await abandon(store)

    store = TinyDBStore(data_dir)
    assert [await value(store, f"u{n}") for n in (1, 2, 3, 4)] == [1, 2, None, 4]
    assert await store.check() == []
    await store.close()


async def test_forget_is_not_undone_by_a_replay(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = TinyDBStore(data_dir, **QUIET)
    await save(store, "u1", v="first secret")
    await store.set_checkin_due("u1", T0)
    await store.checkpoint()  # in the user file
    await save(store, "u1", v="second secret")  # only in the log

    def disk_fails(path: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(tinydb_store, "sync_filesystem", disk_fails)
    with pytest.raises(StoreError, match="the log still holds every change"):
        await store.delete_user("u1")  # the deletion is logged; writing the files failed
    assert await store.export_user("u1") is None
    assert await store.users_with_checkins() == []
    await abandon(store)  # and then the process dies
    monkeypatch.undo()

    store = TinyDBStore(data_dir)
    assert await store.export_user("u1") is None
    assert await store.users_with_checkins() == []
    await store.close()
    assert not user_path(data_dir, "u1").exists()
    assert all(b"secret" not in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


async def test_a_failed_fdatasync_stops_writes_and_a_restart_recovers(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = TinyDBStore(data_dir, **QUIET)
    await save(store, "u1", v=1)

    def disk_fails(segments: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(WriteAheadLog, "sync", staticmethod(disk_fails))
    with pytest.raises(StoreError, match="could not be made durable.*restart"):
        await store.flush()
    with pytest.raises(StoreError, match="could not be made durable"):
        await save(store, "u1", v=2)  # nothing is written on top of a log that may have holes
    monkeypatch.undo()
    await store.close()  # no checkpoint is attempted either: the log is what the restart reads

    store = TinyDBStore(data_dir)
    assert await value(store, "u1") == 1
    await save(store, "u1", v=3)
    await store.flush()
    await store.close()


async def test_when_forget_returns_no_trace_is_left_on_disk(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, segment_bytes=4096, **QUIET)
    await save(store, "u1", v="secret one")
    await save(store, "u2", v="someone else")
    await store.checkpoint()
    await save(store, "u1", v="secret two")
    await store.close()
    path = user_path(data_dir, "u1")
    path.write_bytes(b'{"user": {"1": {"secret three"')  # a bad copy, moved aside on the next read
    store = TinyDBStore(data_dir, segment_bytes=4096, **QUIET)
    with pytest.raises(CorruptDataError):
        await store.export_user("u1")
    await save(store, "u1", v="secret four")  # a new record after the bad file: in the log only
    assert await store.delete_user("u1") is True
    leftovers = [p for p in data_dir.rglob("*") if p.is_file() and b"secret" in p.read_bytes()]
    assert leftovers == []
    assert await value(store, "u2") == "someone else"
    await store.close()


async def test_concurrent_flushes_share_one_fdatasync(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, **QUIET)
    for n in range(100):
        await save(store, f"u{n}", v=0)  # cached: the turns below do no file reads
    await store.flush()
    before = store.stats.syncs
    await store.flush()
    assert store.stats.syncs == before  # nothing new: nothing to sync

    async def turn(n: int) -> None:
        async with store.session(f"u{n}") as session:
            session.record["v"] = 1
        await store.flush()

    await asyncio.gather(*(turn(n) for n in range(100)))
    assert 1 <= store.stats.syncs - before <= 2
    await store.close()


async def test_a_turn_reads_its_file_at_most_once_and_appends_one_record(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    await save(store, "u1", v=1)
    await store.close()

    store = TinyDBStore(data_dir, **QUIET)
    await save(store, "u1", v=2)
    assert (store.stats.file_reads, store.stats.appends) == (1, 1)
    await save(store, "u1", v=3)
    assert await value(store, "u1") == 3
    async with store.session("u1"):
        pass  # unchanged: nothing written
    assert (store.stats.file_reads, store.stats.appends) == (1, 2)
    await store.close()


async def test_the_cache_is_bounded_and_stays_correct(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, cache_bytes=20_000, **QUIET)
    for n in range(100):
        await save(store, f"u{n}", v=n, pad="x" * 500)
    await store.checkpoint()  # written: the records may now leave memory
    reads = store.stats.file_reads
    assert [await value(store, f"u{n}") for n in range(100)] == list(range(100))
    assert store.stats.file_reads - reads >= 70  # ~20 KB holds ~25 of these records
    await store.close()


async def test_the_log_stays_small_when_checkpoints_keep_up(data_dir: Path) -> None:
    store = TinyDBStore(data_dir, segment_bytes=8192, checkpoint_bytes=8192)
    for n in range(300):
        await save(store, f"u{n % 40}", v=n, pad="x" * 1000)
    assert len(segments(data_dir)) <= 8
    last = {n % 40: n for n in range(300)}
    assert [await value(store, f"u{k}") for k in range(40)] == [last[k] for k in range(40)]
    await store.close()
    assert store.stats.checkpoints >= 10


async def test_store_check_and_the_loader_share_one_record_check(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    await save(store, "u1", a=1)
    await store.close()
    path = user_path(data_dir, "u1")
    path.write_text('{"user": {"1": {"user_id": "u1", "record": [1, 2], "checkin_due": null}}}')
    store = TinyDBStore(data_dir)
    assert await store.check() == [f"{path}: its record is not a JSON object"]
    with pytest.raises(CorruptDataError, match="its record is not a JSON object"):
        await store.export_user("u1")
    await store.close()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
async def test_random_operations_and_kills_match_a_model(data_dir: Path, seed: int) -> None:
    """Saves, schedule changes, deletions, checkpoints and kills in random order over small
    segments (so the log rotates, grows and recycles) and, for odd seeds, a cache of ~2 records
    (so records keep leaving memory and coming back from the files): what reopens is what was
    acknowledged."""
    rng = random.Random(seed)
    options: dict[str, Any] = {**QUIET, "segment_bytes": 2048}
    if seed % 2:
        options["cache_bytes"] = 3000
    model: dict[str, tuple[int | None, datetime | None]] = {}
    store = TinyDBStore(data_dir, **options)

    async def agrees() -> None:
        for user, (seq, due) in model.items():
            assert await value(store, user, "seq") == seq, user
        scheduled = dict(await store.due_checkins(T0 + timedelta(days=400), limit=10**6))
        assert scheduled == {u: d for u, (_, d) in model.items() if d is not None}

    for step in range(300):
        user = f"u{rng.randrange(12)}"
        seq, due = model.get(user, (None, None))
        roll = rng.random()
        if roll < 0.6:
            await save(store, user, seq=step, pad="x" * rng.randint(0, 1500))
            model[user] = (step, due)
        elif roll < 0.8:
            when = None if rng.random() < 0.2 else T0 + timedelta(hours=step)
            await store.set_checkin_due(user, when)
            model[user] = (seq, when)
        elif roll < 0.85:
            await store.delete_user(user)
            model[user] = (None, None)
        elif roll < 0.92:
            await store.checkpoint()
        else:
            await abandon(store)
            store = TinyDBStore(data_dir, **options)
            await agrees()
    await agrees()
    assert await store.check() == []
    await store.close()
    store = TinyDBStore(data_dir, **options)
    assert store.stats.replayed == 0
    await agrees()
    await store.close()


def test_a_few_kills_while_writing_lose_nothing_acknowledged(tmp_path: Path) -> None:
    """The short version of the crash suite (test_crash.py), in the default run."""
    # Each round waits for 8 acknowledged writes before its random delay: on a busy CI machine a
    # child that started slowly wrote fewer than 20 in all, and the check below failed (2026-12-03).
    result = run_crash_loop(tmp_path / "data", kills=4, seed=11, max_delay=0.5, min_acks=8)
    assert result.acknowledged > 20, "the writer barely wrote: the test proved little"
    assert result.problems == []
    assert (result.corrupt_files, result.lost_writes) == (0, 0)


async def test_a_checkpoint_steps_aside_for_waiting_threads(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between user files the checkpoint's thread sleeps (so that a turn waiting for the GIL gets
    it at once); with a slice of 0 it does so before every file, and the files are all written."""
    pauses: list[float] = []
    sleep = tinydb_store.time.sleep

    def counted(seconds: float) -> None:
        pauses.append(seconds)
        sleep(seconds)

    monkeypatch.setattr(tinydb_store, "CHECKPOINT_SLICE", 0.0)
    monkeypatch.setattr(tinydb_store.time, "sleep", counted)
    store = TinyDBStore(data_dir, **QUIET)
    for n in range(20):
        await save(store, f"u{n}", v=n)
    await store.checkpoint()
    assert pauses.count(tinydb_store.CHECKPOINT_PAUSE) >= 20
    assert all(user_path(data_dir, f"u{n}").exists() for n in range(20))
    await store.close()
