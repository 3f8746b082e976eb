"""One contract, every backend: what the engine and the adapters may rely on."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from bot.errors import StoreError
from bot.store import SCHEMA_VERSION, UserStore
from bot.store.base import BaseStore

from .conftest import Backend

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


async def test_implements_the_protocol(store: BaseStore) -> None:
    assert isinstance(store, UserStore)


async def test_new_user_gets_an_empty_record_and_leaves_no_trace(store: BaseStore) -> None:
    async with store.session("u1") as session:
        assert session.user_id == "u1"
        assert session.record == {}
    assert await store.export_user("u1") is None
    assert await store.delete_user("u1") is False


async def test_record_round_trips_with_schema_stamp(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record.update({"state": "ask_where", "history": [{"level": "see_pt"}], "n": 1.5})
    async with store.session("u1") as session:
        assert session.record == {
            "state": "ask_where",
            "history": [{"level": "see_pt"}],
            "n": 1.5,
            "schema": SCHEMA_VERSION,
        }
    assert (await store.export_user("u1") or {})["state"] == "ask_where"


async def test_unchanged_record_is_not_rewritten(
    store: BaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with store.session("u1") as session:
        session.record["a"] = 1
    writes: list[str] = []
    original = store._write_record

    async def counting(user_id: str, dump: str) -> None:
        writes.append(user_id)
        await original(user_id, dump)

    monkeypatch.setattr(store, "_write_record", counting)
    async with store.session("u1") as session:
        session.record["a"] = 1  # same value: no change
    async with store.session("u2"):
        pass
    assert writes == []
    async with store.session("u1") as session:
        session.record["a"] = 2
    assert writes == ["u1"]


async def test_explicit_save_mid_turn(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record["step"] = 1
        await session.save()
        assert await store.export_user("u1") == {"step": 1, "schema": SCHEMA_VERSION}
        session.record["step"] = 2
    assert await store.export_user("u1") == {"step": 2, "schema": SCHEMA_VERSION}


async def test_exception_inside_session_saves_nothing(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record["kept"] = True
    with pytest.raises(RuntimeError):
        async with store.session("u1") as session:
            session.record["kept"] = False
            raise RuntimeError("the turn failed")
    assert await store.export_user("u1") == {"kept": True, "schema": SCHEMA_VERSION}
    async with store.session("u1"):  # the lock was released
        pass


async def test_non_json_record_is_refused(store: BaseStore) -> None:
    with pytest.raises(StoreError, match="plain JSON"):
        async with store.session("u1") as session:
            session.record["when"] = datetime.now(UTC)
    assert await store.export_user("u1") is None


async def test_concurrent_turns_of_one_user_lose_no_update(store: BaseStore) -> None:
    async def turn() -> None:
        async with store.session("u1") as session:
            count = session.record.get("count", 0)
            await asyncio.sleep(0)  # let the other turns run between load and save
            session.record["count"] = count + 1

    await asyncio.gather(*(turn() for _ in range(100)))
    assert (await store.export_user("u1") or {})["count"] == 100
    assert len(store._locks) == 0  # per-user locks are dropped when nobody uses them


async def test_a_held_session_does_not_block_another_user(store: BaseStore) -> None:
    a_is_open = asyncio.Event()
    b_done = asyncio.Event()

    async def user_a() -> None:
        async with store.session("a") as session:
            session.record["x"] = 1
            a_is_open.set()
            await b_done.wait()  # would deadlock if B had to wait for A's lock

    async def user_b() -> None:
        await a_is_open.wait()
        async with store.session("b") as session:
            session.record["y"] = 1
        b_done.set()

    await asyncio.wait_for(asyncio.gather(user_a(), user_b()), timeout=10)
    assert await store.export_user("b") == {"y": 1, "schema": SCHEMA_VERSION}


async def test_a_held_session_blocks_the_same_user(store: BaseStore) -> None:
    release = asyncio.Event()
    second_entered = asyncio.Event()

    async def first() -> None:
        async with store.session("a"):
            await release.wait()

    async def second() -> None:
        async with store.session("a"):
            second_entered.set()

    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    for _ in range(20):
        await asyncio.sleep(0)
    assert not second_entered.is_set()
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)
    assert second_entered.is_set()


async def test_nested_session_for_the_same_user_is_refused(store: BaseStore) -> None:
    async with store.session("a"):
        with pytest.raises(StoreError, match="already open"):
            async with store.session("a"):
                pass


async def test_export_returns_a_copy(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record["profile"] = {"name": "Ann"}
    exported = await store.export_user("u1")
    assert exported == {"profile": {"name": "Ann"}, "schema": SCHEMA_VERSION}
    exported["profile"]["name"] = "changed"
    assert (await store.export_user("u1") or {})["profile"] == {"name": "Ann"}


async def test_delete_removes_record_and_schedule(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record["a"] = 1
    await store.set_checkin_due("u1", T0)
    await store.set_checkin_due("u2", T0)
    assert await store.delete_user("u1") is True
    assert await store.export_user("u1") is None
    assert await store.users_with_checkins() == ["u2"]
    assert await store.due_checkins(T0 + timedelta(days=1)) == [("u2", T0)]
    async with store.session("u1") as session:
        assert session.record == {}
    assert await store.delete_user("u2") is True  # only a schedule: still something to delete
    assert await store.users_with_checkins() == []


async def test_delete_from_inside_the_users_own_session(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record["a"] = 1
    await store.set_checkin_due("u1", T0)
    async with store.session("u1") as session:
        session.record["a"] = 2
        assert await store.delete_user("u1") is True
        session.record["after"] = "delete"
        await session.save()  # a deletion is never undone by the turn that asked for it
    assert await store.export_user("u1") is None
    assert await store.users_with_checkins() == []


async def test_schedule_from_inside_the_users_own_session(store: BaseStore) -> None:
    async with store.session("u1") as session:
        session.record["subscribed"] = True
        await store.set_checkin_due("u1", T0)
    assert await store.users_with_checkins() == ["u1"]
    assert await store.export_user("u1") == {"subscribed": True, "schema": SCHEMA_VERSION}


async def test_schedule_ordering_limit_and_removal(store: BaseStore) -> None:
    await store.set_checkin_due("late", T0 + timedelta(hours=3))
    await store.set_checkin_due("early", T0 + timedelta(hours=1))
    await store.set_checkin_due("future", T0 + timedelta(days=7))
    # a non-UTC offset is the same instant, returned as UTC
    await store.set_checkin_due("middle", (T0 + timedelta(hours=2)).astimezone(timezone(timedelta(hours=-5))))
    until = T0 + timedelta(hours=3)
    due = await store.due_checkins(until)
    assert due == [
        ("early", T0 + timedelta(hours=1)),
        ("middle", T0 + timedelta(hours=2)),
        ("late", T0 + timedelta(hours=3)),
    ]
    assert all(moment.tzinfo is not None and moment.utcoffset() == timedelta(0) for _, moment in due)
    assert [u for u, _ in await store.due_checkins(until, limit=2)] == ["early", "middle"]
    assert await store.due_checkins(T0) == []
    await store.set_checkin_due("early", T0 + timedelta(days=8))  # moved, not duplicated
    await store.set_checkin_due("middle", None)
    await store.set_checkin_due("nobody", None)
    assert [u for u, _ in await store.due_checkins(until)] == ["late"]
    assert await store.users_with_checkins() == ["late", "future", "early"]


async def test_naive_datetimes_are_refused(store: BaseStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        await store.set_checkin_due("u1", datetime(2026, 1, 1, 9))
    with pytest.raises(ValueError, match="timezone-aware"):
        await store.due_checkins(datetime(2026, 1, 1, 9))


async def test_old_schema_is_migrated_on_load_and_saved(backend: Backend) -> None:
    seen: list[dict[str, Any]] = []

    def v1_to_v2(record: dict[str, Any]) -> dict[str, Any]:
        seen.append(dict(record))
        record["pain_scores"] = record.pop("scores")
        return record

    def v2_to_v3(record: dict[str, Any]) -> dict[str, Any]:
        record["unit"] = "km"
        return record

    store = backend.open(schema_version=3, migrations={1: v1_to_v2, 2: v2_to_v3})
    backend.plant(store, "old", {"schema": 1, "scores": [3, 4]})
    backend.plant(store, "unstamped", {"scores": [1]})  # written before the stamp: version 1
    async with store.session("old") as session:
        assert session.record == {"schema": 3, "pain_scores": [3, 4], "unit": "km"}
    assert await store.export_user("old") == {"schema": 3, "pain_scores": [3, 4], "unit": "km"}
    async with store.session("unstamped") as session:
        assert session.record["pain_scores"] == [1]
    assert seen == [{"schema": 1, "scores": [3, 4]}, {"scores": [1]}]


async def test_missing_migration_is_a_clear_error(backend: Backend) -> None:
    store = backend.open(schema_version=2, migrations={})
    backend.plant(store, "old", {"schema": 1, "a": 1})
    with pytest.raises(StoreError, match="no migration from schema 1 to 2"):
        async with store.session("old"):
            pass
    assert await store.export_user("old") == {"schema": 1, "a": 1}


async def test_newer_schema_is_refused_and_never_overwritten(backend: Backend) -> None:
    store = backend.open()
    backend.plant(store, "future", {"schema": SCHEMA_VERSION + 1, "secret": "kept"})
    with pytest.raises(StoreError, match=f"schema {SCHEMA_VERSION + 1}, newer"):
        async with store.session("future") as session:
            session.record["secret"] = "overwritten"
    assert await store.export_user("future") == {"schema": SCHEMA_VERSION + 1, "secret": "kept"}
    async with store.session("other"):  # the failed session released its lock
        pass
    assert len(store._locks) == 0


async def test_closed_store_refuses_work(store: BaseStore) -> None:
    await store.close()
    with pytest.raises(StoreError, match="closed"):
        async with store.session("u1"):
            pass
    with pytest.raises(StoreError, match="closed"):
        await store.export_user("u1")
