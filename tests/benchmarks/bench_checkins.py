"""Benchmark the weekly check-in sweep with many subscribed runners in a TinyDBStore.

    python tests/benchmarks/bench_checkins.py [--users 100000] [--ticks 30] [--burst 2000]
                                              [--data-dir DIR]

Populates ``--users`` runners (record with a schedule + the index entry, due times spread over a
week at minute granularity, written straight to the user files like bench_store.py does, then
the index rebuilt once at open), and measures with a fake clock and a fake send (no Telegram, no
pacing):

1. **find who is due**: ``store.due_checkins(now, limit=500)`` on each of ``--ticks`` one-minute
   ticks while the sweep runs and reschedules (steady state: ~users/10080 due per tick);
   median and max;
2. **sweep overhead per send**: a whole ``sweep()`` divided by the sends it made (lock, load, the
   at-most-once mark saved with fsync, the index moved to next week), on the same ticks; and for a
   burst of ``--burst`` runners due in the same minute, with a no-op send, and for another burst
   with the engine's ``start_checkin`` + save that the Telegram sender does before its network
   call.

Telegram's ~30 messages/s, not this overhead, should set the pace: the last line says how many
sends per second the sweep itself could do.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from bot.checkins.schedule import CheckinSchedule, next_due  # noqa: E402
from bot.checkins.sweep import Outcome, sweep  # noqa: E402
from bot.store import TinyDBStore, UserSession  # noqa: E402
from bot.store.files import ensure_dir  # noqa: E402
from bot.store.tinydb_store import INDEX_NAME, JOURNAL_NAME, USERS_DIR, user_path  # noqa: E402

WEEK_START = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)  # a Monday
MINUTES_PER_WEEK = 7 * 24 * 60
# Two burst groups due on the Sunday evening before, so each is measured alone: A with a no-op
# send, B with the engine's start_checkin; the spread-out runners start at Monday 00:00.
BURST_A = WEEK_START - timedelta(hours=1)
BURST_B = WEEK_START - timedelta(minutes=30)


def populate(data_dir: Path, users: int, burst: int) -> None:
    """User files written directly (no fsync: set-up, not the measurement)."""
    ensure_dir(data_dir)
    ensure_dir(data_dir / USERS_DIR)

    def write(n: int) -> None:
        if n < 2 * burst:
            group = BURST_A if n < burst else BURST_B
            schedule = CheckinSchedule(6, f"{group:%H:%M}", "UTC")
            due: datetime | None = group
        else:
            minute = (n * 7919) % MINUTES_PER_WEEK  # spread evenly, deterministic
            schedule = CheckinSchedule(minute // 1440, f"{minute % 1440 // 60:02d}:{minute % 60:02d}", "UTC")
            due = next_due(schedule, WEEK_START - timedelta(microseconds=1))
        assert due is not None
        user_id = f"runner{n}"
        record = {"schema": 1, "telegram": {"chat_id": n + 1, "active": True},
                  "checkins": {"schedule": schedule.to_json(), "entries": [
                      {"week": f"2026-W{40 + w}", "pain": w % 4, "distance_km": 20.0 + w, "longest_km": 8.0}
                      for w in range(8)]}}
        doc = {"user": {"1": {"user_id": user_id, "record": record, "checkin_due": due.isoformat()}}}
        path = user_path(data_dir, user_id)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        path.write_text(json.dumps(doc, separators=(",", ":")))
        os.chmod(path, 0o600)

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for done, _ in enumerate(pool.map(write, range(users), chunksize=512), start=1):
            if done % 20000 == 0:
                print(f"  populated {done}/{users} ({done / (time.monotonic() - began):.0f}/s)", file=sys.stderr)
    for name in (INDEX_NAME, JOURNAL_NAME):
        (data_dir / name).unlink(missing_ok=True)  # the first open rebuilds the index from the files


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def no_op_send(session: UserSession, due: datetime, week: str) -> Outcome:
    return Outcome.SENT


async def measure(data_dir: Path, ticks: int) -> dict[str, float]:
    out: dict[str, float] = {}
    began = time.perf_counter()
    store = TinyDBStore(data_dir)
    out["open_s"] = time.perf_counter() - began
    out["scheduled"] = len(await store.users_with_checkins())
    try:
        from bot.engine import Engine

        engine = Engine.load()
        clock = Clock(BURST_A)

        async def engine_send(session: UserSession, due: datetime, week: str) -> Outcome:
            result = await engine.start_checkin(session.record, clock(), week, session.user_id)
            assert result is not None
            session.record.clear()
            session.record.update(result.record)
            await session.save()
            return Outcome.SENT

        for label, moment, send in (("burst_noop", BURST_A, no_op_send), ("burst_engine", BURST_B, engine_send)):
            clock.now = moment
            t0 = time.perf_counter()
            await store.due_checkins(clock.now, limit=500)
            out[f"{label}_find_ms"] = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            report = await sweep(store, clock, send)
            elapsed = time.perf_counter() - t0
            out[f"{label}_sends"] = report["sent"]
            out[f"{label}_per_send_ms"] = elapsed * 1000 / max(report["sent"], 1)

        clock.now = WEEK_START - timedelta(minutes=1)
        find_ms, per_send_ms, sends = [], [], 0
        for _ in range(ticks):
            clock.now += timedelta(minutes=1)
            t0 = time.perf_counter()
            due = await store.due_checkins(clock.now, limit=500)
            find_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            report = await sweep(store, clock, no_op_send)
            elapsed = time.perf_counter() - t0
            if report["sent"]:
                per_send_ms.append(elapsed * 1000 / report["sent"])
                sends += report["sent"]
            assert report["sent"] == len(due)
        out["find_median_ms"] = statistics.median(find_ms)
        out["find_max_ms"] = max(find_ms)
        out["due_per_tick"] = sends / ticks
        out["per_send_median_ms"] = statistics.median(per_send_ms)
    finally:
        await store.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--ticks", type=int, default=30)
    parser.add_argument("--burst", type=int, default=2000, help="runners due in the same minute")
    parser.add_argument("--data-dir", type=Path, help="default: a temp dir, removed afterwards")
    args = parser.parse_args()
    keep = args.data_dir is not None
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-checkins-")) / "data"
    try:
        print(f"populating {args.users} runners in {data_dir}", file=sys.stderr)
        populate(data_dir, args.users, args.burst)
        result = asyncio.run(measure(data_dir, args.ticks))
    finally:
        if not keep:
            shutil.rmtree(data_dir.parent, ignore_errors=True)
    r = result
    print(f"check-in sweep, TinyDBStore, {int(r['scheduled']):,} subscribed runners, {os.cpu_count()} CPUs")
    print(f"open (index rebuilt from the user files once)      {r['open_s']:8.2f} s")
    print(f"find who is due, one tick: median / max of {args.ticks}    {r['find_median_ms']:8.3f} / {r['find_max_ms']:.3f} ms"
          f"   ({r['due_per_tick']:.1f} due per minute)")
    print(f"sweep overhead per send, steady ticks (median)      {r['per_send_median_ms']:8.2f} ms")
    print(f"burst of {int(r['burst_noop_sends']):,} due at once, no-op send             {r['burst_noop_per_send_ms']:8.2f} ms per send"
          f"   (find: {r['burst_noop_find_ms']:.3f} ms)")
    print(f"burst, engine start_checkin + save per send         {r['burst_engine_per_send_ms']:8.2f} ms per send")
    ceiling = 1000 / r["burst_engine_per_send_ms"]
    print(f"=> the sweep alone could do ~{ceiling:.0f} sends/s; it is paced at 25/s (Telegram allows ~30/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
