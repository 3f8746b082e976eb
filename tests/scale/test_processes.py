"""Several real processes on one private redis-server: turns on shared users, a paused worker,
the send rate, the sweep leader killed -9, and Redis itself killed -9 and restarted on its AOF.

Worker processes run tests/scale/worker.py. All slow: processes, kills and waits."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.store.redis_store import RedisStore, StoreUnavailable
from tests.redis_server import RedisServer
from tests.scale.test_leader_and_rate import windows_max

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def spawn(server: RedisServer, *args: str, stdout: Path | None = None) -> subprocess.Popen[str]:
    """A worker process; its output is piped, or written to ``stdout`` (a file the test polls)."""
    env = dict(os.environ, TEST_REDIS_URL=server.url, PYTHONPATH=str(ROOT))
    out: Any = subprocess.PIPE if stdout is None else stdout.open("w")
    try:
        return subprocess.Popen([sys.executable, "-m", "tests.scale.worker", *args], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.PIPE if stdout is None else subprocess.STDOUT,
                                text=True)
    finally:
        if stdout is not None:
            out.close()


def finish(process: subprocess.Popen[str], timeout: float = 120) -> list[str]:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-3000:]
    return out.splitlines()


def read_line(process: subprocess.Popen[str], timeout: float = 20) -> str:
    """The next line a worker prints (the read runs in a thread so a silent worker cannot hang us)."""
    assert process.stdout is not None
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(process.stdout.readline).result(timeout).strip()


async def test_read_modify_write_turns_across_processes_lose_nothing(redis_server: RedisServer, prefix: str) -> None:
    workers, per_worker, users = 4, 60, 3
    started = time.monotonic()
    processes = [spawn(redis_server, "turns", prefix, str(users), str(per_worker), "4") for _ in range(workers)]
    acks = [line.split() for p in processes for line in finish(p)]
    took = time.monotonic() - started
    assert len(acks) == workers * per_worker

    store = RedisStore(redis_server.url, prefix=prefix)
    try:
        total = 0
        for n in range(users):
            record = await store.export_user(f"u{n}") or {}
            fences = record.get("fences", [])
            assert record.get("count", 0) == len(fences)  # no turn overwrote another's
            assert fences == sorted(fences) and len(set(fences)) == len(fences)  # strictly increasing
            assert sum(record.get("by", {}).values()) == len(fences)
            assert sorted(fences) == sorted(int(f) for u, f in ((a[1], a[2]) for a in acks) if u == f"u{n}")
            total += len(fences)
        assert total == workers * per_worker
    finally:
        await store.close()
    print(f"\n{workers} processes x {per_worker} turns on {users} users: {took:.1f} s")


async def test_a_paused_process_whose_lease_lapsed_saves_and_sends_nothing(redis_server: RedisServer,
                                                                           prefix: str) -> None:
    paused = spawn(redis_server, "pause", prefix)
    try:
        ready = read_line(paused)
        assert ready.startswith("READY"), ready
        paused.send_signal(signal.SIGSTOP)
        store = RedisStore(redis_server.url, prefix=prefix, lease_ttl=1.0, acquire_timeout=10)
        try:
            started = time.monotonic()
            async with store.session("shared") as session:  # waits for the stopped worker's lease to lapse
                waited = time.monotonic() - started
                assert session.fence > int(ready.split()[1])
                session.record["by"] = "the worker that took over"
            paused.send_signal(signal.SIGCONT)
            lines = finish(paused, 30)
            assert lines == ["MAY_SEND False", "LEASE_LOST"], lines
            assert await store.export_user("shared") == {"by": "the worker that took over", "schema": 1}
        finally:
            await store.close()
    finally:
        if paused.poll() is None:
            paused.send_signal(signal.SIGCONT)
            paused.kill()
            paused.wait()
    assert waited < 2.0  # a lease TTL (1 s), not the acquire timeout


async def test_the_send_rate_holds_across_processes(redis_server: RedisServer, prefix: str) -> None:
    limit, seconds = 30, 3.0
    processes = [spawn(redis_server, "rate", prefix, str(seconds), str(limit), "4") for _ in range(4)]
    grants = [line.split() for p in processes for line in finish(p)]
    slots = [float(g[1]) for g in grants]
    sent = [float(g[2]) for g in grants]
    assert windows_max(slots) <= limit  # on Redis's clock: never over, in any one-second window
    assert len(slots) >= limit * (seconds - 0.5)  # and not trivially under it
    # Seen by the senders (same machine, wall clock): the slot's time plus scheduling jitter,
    # which a busy machine makes larger; the bound only catches a limiter letting N x through.
    assert windows_max(sent) <= limit * 1.5
    print(f"\n{len(slots)} grants in {seconds} s at {limit}/s; busiest second (server): "
          f"{windows_max(slots)}, (senders): {windows_max(sent)}")


async def test_the_sweep_leader_killed_is_replaced_within_a_lease(redis_server: RedisServer, prefix: str,
                                                                  tmp_path: Path) -> None:
    ttl = 1.5
    logs = [tmp_path / f"leader{i}.txt" for i in range(3)]
    workers = [spawn(redis_server, "leader", prefix, str(ttl), stdout=log) for log in logs]

    def said(i: int) -> list[str]:
        return [line for line in logs[i].read_text().splitlines() if line.startswith("LEADER")]

    async def until(predicate: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, [log.read_text() for log in logs]
            await asyncio.sleep(0.02)

    try:
        await until(lambda: all("STARTED" in log.read_text() for log in logs), 30)
        await until(lambda: any(said(i) for i in range(3)), 5)
        await asyncio.sleep(ttl)  # several renewals: still exactly one leader, still its first term
        leaders = [i for i in range(3) if said(i)]
        assert len(leaders) == 1 and len(said(leaders[0])) == 1
        old = leaders[0]
        old_fence = int(said(old)[0].split()[1])
        workers[old].kill()
        killed_at = time.time()
        workers[old].wait()
        others = [i for i in range(3) if i != old]
        await until(lambda: any(said(i) for i in others), ttl * 3)
        await asyncio.sleep(0.3)
        lines = [line for i in others for line in said(i)]
        assert len(lines) == 1, lines  # one new leader, not two
        _, fence, at = lines[0].split()
        failover = float(at) - killed_at
        assert int(fence) > old_fence
        assert failover < ttl + ttl / 3 + 1.0  # the lease runs out, then the next attempt takes it
        print(f"\nleader failover after kill -9: {failover:.2f} s (TTL {ttl} s)")
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
                w.wait()


async def test_redis_killed_and_restarted_on_its_aof_loses_nothing_acknowledged(own_redis: RedisServer) -> None:
    store = RedisStore(own_redis.url, lease_ttl=2.0)
    acked: dict[str, tuple[int, int]] = {}  # user -> (count, fence) of the last acknowledged save
    due_acked: dict[str, int] = {}
    t0 = datetime(2026, 1, 5, tzinfo=UTC)

    async def writer(user: str) -> None:
        n = 0
        while True:
            try:
                async with store.session(user) as session:
                    session.record["count"] = n + 1
                    fence = session.fence
                acked[user] = (n + 1, fence)
                n += 1
                await store.set_checkin_due(user, t0 + timedelta(minutes=n))
                due_acked[user] = n
            except StoreUnavailable:
                return

    users = [f"w{i}" for i in range(8)]
    tasks = [asyncio.create_task(writer(u)) for u in users]
    await asyncio.sleep(1.5)
    own_redis.kill()
    await asyncio.wait_for(asyncio.gather(*tasks), 30)
    await store.close()
    assert sum(count for count, _ in acked.values()) > 20  # it was busy when it died

    own_redis.start()
    store = RedisStore(own_redis.url, lease_ttl=2.0, acquire_timeout=10)
    try:
        due = dict((u, d) for u, d in await store.due_checkins(t0 + timedelta(days=365)))
        for user in users:
            record = await store.export_user(user) or {}
            count, fence = acked[user]
            assert record["count"] in (count, count + 1)  # the last acknowledged one, or the one in flight
            minutes = round((due[user] - t0) / timedelta(minutes=1))
            assert minutes in (due_acked[user], due_acked[user] + 1)
            async with store.session(user) as session:  # the dead turn's lease has expired by now
                assert session.fence > fence  # the fence counter did not go back
    finally:
        await store.close()
