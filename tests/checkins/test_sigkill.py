"""A real kill: a child process runs the sweep on a TinyDB data directory and SIGKILLs itself in
the middle of a send; after a restart, nobody is asked twice this week."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from bot.checkins.sweep import sweep
from bot.store import TinyDBStore
from tests.checkins.test_sweep import MONDAY_9, MONDAYS_9_UTC, Clock, FakeSend, subscribe

CHILD = textwrap.dedent("""
    import asyncio, os, signal, sys
    from datetime import datetime, timedelta, UTC
    from bot.checkins.sweep import Outcome, sweep
    from bot.store import TinyDBStore

    data, log, victim = sys.argv[1], sys.argv[2], sys.argv[3]

    async def send(session, due, week):
        if session.user_id == victim:
            os.kill(os.getpid(), signal.SIGKILL)  # dies with the mark saved, the message unsent
        with open(log, "a") as out:  # what was "delivered", durable before we go on
            out.write(f"{session.user_id} {week}\\n")
            out.flush()
            os.fsync(out.fileno())
        return Outcome.SENT

    async def main():
        store = TinyDBStore(data)
        await sweep(store, lambda: datetime(2026, 12, 7, 9, 1, tzinfo=UTC), send, concurrency=1)

    asyncio.run(main())
""")


@pytest.mark.slow  # a crash test: a real process killed with SIGKILL
async def test_sigkill_mid_sweep_then_restart(tmp_path: Path) -> None:
    data, log = tmp_path / "data", tmp_path / "delivered.txt"
    store = TinyDBStore(data)
    users = [f"u{n}" for n in range(6)]
    for user in users:
        await subscribe(store, user, MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    await store.close()

    child = subprocess.run([sys.executable, "-c", CHILD, str(data), str(log), "u3"],
                           cwd=Path(__file__).parents[2], timeout=60, capture_output=True)
    assert child.returncode == -9, child.stderr.decode()[-2000:]
    before = [line.split()[0] for line in log.read_text().splitlines()]
    assert "u3" not in before and before  # some were delivered before the kill

    store = TinyDBStore(data)
    try:
        send = FakeSend()
        clock = Clock(MONDAY_9 + timedelta(minutes=2))
        for _ in range(3):
            await sweep(store, clock, send)
            clock.now += timedelta(minutes=1)
        delivered = before + [u for u, _ in send.sent]
        assert sorted(delivered) == sorted(set(delivered)), "somebody was asked twice"
        assert set(delivered) == set(users) - {"u3"}  # the killed send is lost, not repeated
        assert sorted(await store.users_with_checkins()) == users  # all rescheduled, u3 included
        assert all(due > clock.now for _, due in await store.due_checkins(MONDAY_9 + timedelta(days=8)))
    finally:
        await store.close()
