"""Benchmark the TinyDB store as the number of stored users grows.

    python tests/benchmarks/bench_store.py [--sizes 1000,10000,100000] [--concurrency 64]
                                           [--data-dir DIR]

For each size: save latency (p50/p99 of ``UserSession.save`` and of a whole load+save turn); the
longest event-loop stall while concurrent turns hammer the store (a 1 ms ticker records the
largest gap; 3 rounds, median and worst shown), during an index compaction, and with the store
idle (the machine's noise floor); ``due_checkins`` time with every user scheduled; the open time
(index rebuilt from the user files, then loaded from its snapshot). Users are written directly
with the backend's own file writer in a thread pool; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from bot.store import TinyDBStore  # noqa: E402
from bot.store.base import to_micros  # noqa: E402
from bot.store.files import ensure_dir  # noqa: E402
from bot.store.tinydb_store import INDEX_NAME, JOURNAL_NAME, USERS_DIR, user_path, write_user_doc  # noqa: E402

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SAVES = 1000
LOAD_SECONDS = 3.0
LOAD_CONCURRENCY = 64
LOAD_ROUNDS = 3


def make_record(rng: random.Random, n: int) -> dict[str, object]:
    """About 1.5 KB: dialogue state, a profile and a few weeks of check-ins."""
    return {
        "schema": 1,
        "state": {"form": "pain_form", "slots": {"location": "knee", "pattern": "returns"}},
        "profile": {"weekly_km": rng.randint(5, 80), "checkins": True},
        "history": [
            {"week": w, "pain": rng.randint(0, 10), "km": rng.randint(0, 60), "note": "x" * 60}
            for w in range(12)
        ],
        "n": n,
    }


def populate(data_dir: Path, start: int, stop: int) -> None:
    rng = random.Random(start)
    ensure_dir(data_dir)
    ensure_dir(data_dir / USERS_DIR)

    def write(n: int) -> None:
        user_id = f"user{n}"
        due = to_micros(T0 + timedelta(minutes=rng.randrange(7 * 24 * 60)))
        write_user_doc(user_path(data_dir, user_id), user_id, record=make_record(rng, n), due=due)

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        for done, _ in enumerate(pool.map(write, range(start, stop), chunksize=256), start=1):
            if done % 5000 == 0:
                rate = done / (time.monotonic() - began)
                print(f"  populated {start + done}/{stop} users ({rate:.0f}/s)", file=sys.stderr)
    # Flush the bulk write now, so that its writeback does not inflate the fsyncs measured next.
    os.sync()
    # The files were written behind the index's back: make the next open rebuild it.
    for name in (INDEX_NAME, JOURNAL_NAME):
        (data_dir / name).unlink(missing_ok=True)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(data_dir: Path, users: int, concurrency: int) -> dict[str, float]:
    rng = random.Random(users)
    out: dict[str, float] = {}

    began = time.perf_counter()
    store = TinyDBStore(data_dir)
    out["open_rebuild_s"] = time.perf_counter() - began
    await store.close()
    began = time.perf_counter()
    store = TinyDBStore(data_dir)
    out["open_s"] = time.perf_counter() - began

    saves: list[float] = []
    turns: list[float] = []
    for i in range(SAVES):
        user_id = f"user{rng.randrange(users)}"
        turn_began = time.perf_counter()
        async with store.session(user_id) as session:
            session.record["n"] = -i
            save_began = time.perf_counter()
            await session.save()
            saves.append(time.perf_counter() - save_began)
        turns.append(time.perf_counter() - turn_began)
    out["save_p50_ms"] = pct(saves, 0.5) * 1000
    out["save_p99_ms"] = pct(saves, 0.99) * 1000
    out["turn_p50_ms"] = pct(turns, 0.5) * 1000
    out["turn_p99_ms"] = pct(turns, 0.99) * 1000

    # Event-loop stall under concurrent load: turns, schedule changes and due sweeps at once.
    rounds = [await load_round(store, users, concurrency) for _ in range(LOAD_ROUNDS)]
    for key in rounds[0]:
        out[key] = statistics.median(r[key] for r in rounds)
    out["stall_worst_ms"] = max(r["stall_max_ms"] for r in rounds)

    # The index snapshot rewritten in full by a worker thread (happens every 4096 schedule
    # changes), and the ticker alone on this machine as the noise floor.
    async def compact() -> None:
        async with store._index_lock:
            await store._io(store._compact_sync)

    compactions = [await stall_during(compact()) for _ in range(5)]
    out["stall_compact_ms"] = max(compactions)
    out["stall_idle_ms"] = await stall_during(asyncio.sleep(LOAD_SECONDS))

    # Who is due: a sweep of 1000 out of everyone scheduled.
    scheduled = len(await store.users_with_checkins())
    until = T0 + timedelta(days=30)  # everyone is due: the sweep returns its full limit
    timings = []
    for _ in range(200):
        began = time.perf_counter()
        due = await store.due_checkins(until, limit=1000)
        timings.append(time.perf_counter() - began)
    assert len(due) == min(1000, scheduled)
    out["scheduled"] = scheduled
    out["due_ms"] = statistics.median(timings) * 1000
    out["due_max_ms"] = max(timings) * 1000
    await store.close()
    return out


async def stall_during(work: Awaitable[object]) -> float:
    """The longest gap (ms) a 1 ms ticker sees while ``work`` runs."""
    done = asyncio.Event()
    gaps = [0.0]

    async def ticker() -> None:
        last = time.perf_counter()
        while not done.is_set():
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last - 0.001)
            last = now

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    await work
    done.set()
    await tick
    return max(gaps) * 1000


async def load_round(store: TinyDBStore, users: int, concurrency: int) -> dict[str, float]:
    out: dict[str, float] = {}
    stop = asyncio.Event()
    gaps: list[float] = []
    operations = [0]

    async def ticker() -> None:
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last - 0.001)
            last = now

    async def worker(number: int) -> None:
        worker_rng = random.Random(number)
        while not stop.is_set():
            user_id = f"user{worker_rng.randrange(users)}"
            roll = worker_rng.random()
            if roll < 0.8:
                async with store.session(user_id) as session:
                    session.record["n"] = worker_rng.random()
            elif roll < 0.98:
                await store.set_checkin_due(user_id, T0 + timedelta(minutes=worker_rng.randrange(10_000)))
            else:
                await store.due_checkins(T0 + timedelta(days=1), limit=1000)
            operations[0] += 1

    gc_pauses: list[float] = []
    gc_started = [0.0]

    def gc_timer(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            gc_pauses.append(time.perf_counter() - gc_started[0])

    gc.callbacks.append(gc_timer)
    tick = asyncio.create_task(ticker())
    workers = [asyncio.create_task(worker(n)) for n in range(concurrency)]
    await asyncio.sleep(LOAD_SECONDS)
    stop.set()
    await asyncio.gather(tick, *workers)
    gc.callbacks.remove(gc_timer)
    out["gc_max_ms"] = max(gc_pauses, default=0.0) * 1000
    out["stall_max_ms"] = max(gaps) * 1000
    out["stall_p99_ms"] = pct(gaps, 0.99) * 1000
    out["load_ops_per_s"] = operations[0] / LOAD_SECONDS
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--data-dir", type=Path, help="default: a temp dir, removed afterwards")
    parser.add_argument(
        "--concurrency", type=int, default=LOAD_CONCURRENCY, help="concurrent turns under load"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    keep = args.data_dir is not None
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-store-")) / "data"

    results: dict[int, dict[str, float]] = {}
    stored = 0
    try:
        for size in sizes:
            print(f"populating to {size} users in {data_dir}", file=sys.stderr)
            populate(data_dir, stored, size)
            stored = size
            print(f"measuring at {size} users", file=sys.stderr)
            results[size] = asyncio.run(measure(data_dir, size, args.concurrency))
    finally:
        if not keep:
            shutil.rmtree(data_dir.parent, ignore_errors=True)

    base = results[sizes[0]]
    rows = [
        ("save p50 (ms)", "save_p50_ms"),
        ("save p99 (ms)", "save_p99_ms"),
        ("turn load+save p50 (ms)", "turn_p50_ms"),
        ("turn load+save p99 (ms)", "turn_p99_ms"),
        ("max event-loop stall, median of rounds (ms)", "stall_max_ms"),
        ("max event-loop stall, worst round (ms)", "stall_worst_ms"),
        ("p99 event-loop gap under load (ms)", "stall_p99_ms"),
        ("longest GC pause during the load (ms)", "gc_max_ms"),
        ("max stall while the index is compacted (ms)", "stall_compact_ms"),
        ("max ticker gap with the store idle (ms)", "stall_idle_ms"),
        ("store operations/s under load", "load_ops_per_s"),
        ("scheduled users", "scheduled"),
        ("due_checkins(limit=1000) median (ms)", "due_ms"),
        ("due_checkins max of 200 (ms)", "due_max_ms"),
        ("open, index rebuilt from files (s)", "open_rebuild_s"),
        ("open, index from snapshot (s)", "open_s"),
    ]
    print(
        f"TinyDBStore on {os.cpu_count()} CPUs: {SAVES} sequential saves per size; load = "
        f"{LOAD_ROUNDS} rounds of {LOAD_SECONDS:.0f} s with {args.concurrency} concurrent turns"
    )
    header = f"{'metric':<44}" + "".join(f"{size:>12,}" for size in sizes) + f"{'ratio':>10}"
    print(header)
    print("-" * len(header))
    for label, key in rows:
        cells = "".join(f"{results[size][key]:>12.2f}" for size in sizes)
        ratio = results[sizes[-1]][key] / base[key] if base[key] else float("nan")
        print(f"{label:<44}{cells}{ratio:>9.2f}x")
    print(f"(ratio = value at {sizes[-1]:,} users / value at {sizes[0]:,} users)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
