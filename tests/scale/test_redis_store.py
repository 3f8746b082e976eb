"""RedisStore beyond the common contract: leases and fences between workers, update
de-duplication in the save script, the outbox index, durability settings, and what it logs.

A "worker" here is a RedisStore with its own client and owner; a pause is a blocking sleep inside
a turn (the event loop, and so the lease renewal, stops, as in a GC pause or a SIGSTOP). The same
things across real processes are in test_processes.py (slow)."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.scale.session import claim_update, may_send
from bot.store import MemoryStore, TinyDBStore, open_store
from bot.store.redis_store import LeaseLost, RedisStore, ReplayedUpdate, StoreBusy, StoreUnavailable
from tests.redis_server import RedisServer, free_port

Open = Callable[..., RedisStore]
SECRET = "my left knee hurts when I run downhill"


async def test_a_turn_on_one_worker_waits_for_the_same_user_on_another(open_store: Open) -> None:
    a, b = open_store(), open_store()
    a_open, release = asyncio.Event(), asyncio.Event()
    order: list[str] = []

    async def first() -> None:
        async with a.session("u1") as session:
            session.record["n"] = 1
            a_open.set()
            await release.wait()
            order.append("a saves")

    async def second() -> None:
        await a_open.wait()
        async with b.session("u1") as session:
            order.append("b loads")
            session.record["n"] += 1

    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    await asyncio.sleep(0.1)
    assert order == []  # b is waiting for a's lease
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 10)
    assert order == ["a saves", "b loads"]
    assert await a.export_user("u1") == {"n": 2, "schema": 1}


async def test_fences_increase_and_other_users_are_not_blocked(open_store: Open) -> None:
    a, b = open_store(), open_store()
    fences = []
    async with a.session("u1") as one:
        async with b.session("u2") as two:  # another user on another worker: no waiting
            fences += [one.fence, two.fence]
        two_done = True
    async with b.session("u1") as again:
        fences.append(again.fence)
    assert two_done and fences == sorted(fences) and len(set(fences)) == 3


async def test_a_paused_worker_whose_lease_lapsed_can_neither_save_nor_send(open_store: Open) -> None:
    slow, other = open_store(lease_ttl=0.3), open_store(lease_ttl=0.3)
    async with slow.session("u1") as session:
        session.record["by"] = "slow"
        await session.save()
    with pytest.raises(LeaseLost):
        async with slow.session("u1") as session:
            assert await may_send(session)
            session.record["by"] = "slow, after its pause"
            time.sleep(0.5)  # a pause: the loop (and the renewal) stop; the lease expires
            async with other.session("u1") as theirs:
                assert theirs.fence > session.fence
                theirs.record["by"] = "other"
            assert not await session.still_holds_lease()
            assert not await may_send(session)
            with pytest.raises(LeaseLost):
                await slow.set_checkin_due("u1", datetime(2026, 1, 5, tzinfo=UTC))
            with pytest.raises(LeaseLost):
                await slow.delete_user("u1")
            # leaving the block saves: refused as a whole
    assert await other.export_user("u1") == {"by": "other", "schema": 1}
    assert await other.users_with_checkins() == []
    async with slow.session("u1") as session:  # a new turn gets a new lease
        assert session.record["by"] == "other"


async def test_the_lease_is_renewed_while_a_long_turn_runs(open_store: Open) -> None:
    store, other = open_store(lease_ttl=0.3), open_store(lease_ttl=0.3, acquire_timeout=0.2)
    async with store.session("u1") as session:
        await asyncio.sleep(1.0)  # three TTLs, awake: renewed all along
        assert session.lease is not None and session.lease.renewals >= 3
        with pytest.raises(StoreBusy):
            async with other.session("u1"):
                pass
        assert await session.still_holds_lease(margin=0.1)
        session.record["long"] = True
    assert await store.export_user("u1") == {"long": True, "schema": 1}


async def test_a_dead_workers_lease_expires(open_store: Open) -> None:
    dead, alive = open_store(lease_ttl=0.3), open_store(lease_ttl=0.3)
    lease, _ = await dead.leases.acquire(dead.lease_key("u1"), timeout=1)  # never renewed, never released
    started = time.monotonic()
    async with alive.session("u1") as session:
        assert session.fence > lease.fence
    assert 0.1 < time.monotonic() - started < 2


async def test_an_update_is_applied_once(open_store: Open) -> None:
    store = open_store()
    async with store.session("u1") as session:
        assert claim_update(session, 1001) is True
        assert claim_update(session, 1001) is False  # the same turn asking twice
        session.record["turns"] = 1
    async with store.session("u1") as session:
        assert claim_update(session, 1001) is False  # a redelivery
        assert claim_update(session, 1002) is True
        # nothing else changed, yet the update id is recorded with the session's end
    async with store.session("u1") as session:
        assert not session.claim_update(1002)
        assert session.record == {"turns": 1, "schema": 1}
    assert claim_update(object(), 1) is None  # a backend without de-duplication
    assert await may_send(object())


async def test_the_save_script_refuses_a_replay_even_if_the_turn_did_not_look(open_store: Open) -> None:
    store = open_store()
    async with store.session("u1") as session:
        session.claim_update(7)
        session.record["turns"] = 1
    with pytest.raises(ReplayedUpdate):
        async with store.session("u1") as session:
            session.applied = frozenset()  # as if the check were skipped or raced
            assert session.claim_update(7)
            session.record["turns"] = 2
    assert await store.export_user("u1") == {"turns": 1, "schema": 1}


async def test_a_repeated_save_of_the_same_turn_is_not_a_replay(open_store: Open) -> None:
    store = open_store()
    async with store.session("u1") as session:
        session.claim_update(8)
        session.record["a"] = 1
        await session.save()
        session._claim_saved = False  # as if the client had sent the same save again
        session.record["a"] = 2
        await session.save()
    assert await store.export_user("u1") == {"a": 2, "schema": 1}


async def test_an_update_for_a_user_with_nothing_stored_leaves_no_trace(open_store: Open) -> None:
    store = open_store()
    async with store.session("ghost") as session:
        assert session.claim_update(5)
    assert await store.redis.exists(store.user_key("ghost")) == 0


def _outbox(record: dict[str, object], replies: list[str] | None) -> None:
    record["telegram"] = {"outbox": {"chat_id": 1, "replies": replies} if replies else None}


async def test_outboxes_left_unsent_are_found_by_another_worker(open_store: Open) -> None:
    # The grace is wall-clock time on the Redis server. It is long enough (1 s) that the "not
    # yet" check right after the save cannot be overtaken by a busy CI machine (0.3 s was, once).
    grace = 1.0
    crashed, rescuer = open_store(outbox_grace=grace), open_store(outbox_grace=grace)
    async with crashed.session("u2") as session:
        _outbox(session.record, ["hi"])
        await session.save()
        _outbox(session.record, None)  # sent: the outbox is emptied and saved
    async with crashed.session("u1") as session:
        _outbox(session.record, ["hello"])  # saved, then the worker "dies" before sending
    assert await rescuer.stale_outboxes() == []  # not yet: its worker may still be sending
    await asyncio.sleep(grace + 0.05)
    async with crashed.session("u1"):
        assert await rescuer.stale_outboxes() == []  # its lease is held: someone is on it
    await asyncio.sleep(grace + 0.05)  # (and finding it held gave it another grace period)
    found = await rescuer.stale_outboxes()
    assert found == ["u1"]
    assert await crashed.stale_outboxes() == []  # reserved by the first worker that asked
    async with rescuer.session("u1") as session:
        assert session.record["telegram"]["outbox"]["replies"] == ["hello"]
        _outbox(session.record, None)
    await asyncio.sleep(grace + 0.05)
    assert await rescuer.stale_outboxes() == []
    assert await rescuer.redis.zcard(f"{rescuer.prefix}outbox") == 0


async def test_forget_removes_the_user_from_every_index(open_store: Open) -> None:
    store = open_store()
    async with store.session("u1") as session:
        session.claim_update(3)
        _outbox(session.record, ["reply"])
        await store.set_checkin_due("u1", datetime(2026, 1, 5, tzinfo=UTC))
    async with store.session("u1"):
        assert await store.delete_user("u1")
    keys = [k for k in await store.redis.keys(f"{store.prefix}*") if "u1" in k]
    assert keys == []
    assert await store.redis.zscore(f"{store.prefix}outbox", "u1") is None


async def test_a_record_that_is_not_json_is_left_alone(open_store: Open) -> None:
    store = open_store()
    await store.redis.hset(store.user_key("u1"), "rec", "{not json")
    with pytest.raises(Exception, match="not a JSON object"):
        async with store.session("u1") as session:
            session.record["x"] = 1
    assert await store.redis.hget(store.user_key("u1"), "rec") == "{not json"


async def test_nothing_personal_in_the_logs(open_store: Open, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    slow, other = open_store(lease_ttl=0.3), open_store(lease_ttl=0.3)
    with pytest.raises(LeaseLost):
        async with slow.session("u1") as session:
            session.record["said"] = SECRET
            time.sleep(0.5)
            async with other.session("u1") as theirs:
                theirs.record["said"] = SECRET
    assert "lost" in caplog.text  # the lease loss is logged...
    assert "knee" not in caplog.text  # ...without what the user said
    assert slow.where.endswith("/0") and "@" not in repr(slow)


async def test_an_unreachable_redis_is_a_store_error_without_the_password() -> None:
    store = RedisStore(f"redis://:hunter2secret@127.0.0.1:{free_port()}/0", durability="always")
    try:
        with pytest.raises(StoreUnavailable) as caught:
            async with store.session("u1"):
                pass
        assert "hunter2" not in str(caught.value) and "127.0.0.1" in str(caught.value)
    finally:
        await store.close()


async def test_flush_follows_the_servers_appendfsync(open_store: Open, own_redis: RedisServer,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    store = open_store()
    await store.flush()
    assert store.durability == "always"  # the private server runs appendfsync always
    everysec = RedisStore(own_redis.url)
    try:
        await everysec.redis.config_set("appendfsync", "everysec")
        async with everysec.session("u1") as session:
            session.record["a"] = 1
        await everysec.flush()
        version = (await everysec.redis.info("server"))["redis_version"]
        if tuple(int(p) for p in version.split(".")[:2]) >= (7, 2):
            assert everysec.durability == "waitaof"
        else:
            assert everysec.durability == "none"
            assert "appendfsync everysec" in caplog.text
    finally:
        await everysec.close()


def test_open_store_picks_redis_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                     redis_server: RedisServer) -> None:
    monkeypatch.delenv("RUNNER_TRIAGE_STORE", raising=False)
    assert isinstance(open_store(None), MemoryStore)
    tiny = open_store(tmp_path / "data")
    assert isinstance(tiny, TinyDBStore)
    asyncio.run(tiny.close())
    monkeypatch.setenv("RUNNER_TRIAGE_STORE", redis_server.url)
    store = open_store(tmp_path / "data")
    assert isinstance(store, RedisStore)
    asyncio.run(store.close())
    assert isinstance(open_store(None), MemoryStore)  # memory is asked for explicitly: kept
    monkeypatch.setenv("RUNNER_TRIAGE_STORE", "postgres://:pw@host/db")
    with pytest.raises(ConfigError) as caught:
        open_store(tmp_path / "data")
    assert "pw" not in str(caught.value)


async def test_records_are_stored_as_canonical_json(open_store: Open) -> None:
    store = open_store()
    async with store.session("u1") as session:
        session.record.update({"b": 1, "a": [1, 2]})
    raw = await store.redis.hget(store.user_key("u1"), "rec")
    assert raw == json.dumps({"a": [1, 2], "b": 1, "schema": 1}, sort_keys=True, separators=(",", ":"))
