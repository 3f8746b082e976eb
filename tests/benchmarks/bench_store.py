"""Benchmark the TinyDB store (write-ahead log + per-user files) as the number of users grows.

    python tests/benchmarks/bench_store.py [--sizes 1000,10000,100000] [--concurrency 64]
                                           [--replay-mb 16,128] [--data-dir DIR] [--quick] [--json]

Everything in one run, on the data directory's disk, so that ratios compare like with like:

* per size, the floor: a ``pwrite`` into a preallocated file + ``fdatasync`` (what one durable
  turn must cost at least) and the old way of saving (temp file + fsync + rename + directory
  fsync), each sampled right after one of the store's flushes;
* per size: ``UserSession.save`` p50/p99, a whole turn (lock, load, save) on a cold and on a cached
  user, ``flush()`` after one turn, 100 turns that each flush at once (wall time of the round and
  fdatasyncs it took: group commit), the longest event-loop stall while 64 concurrent turns hammer
  the store and while a checkpoint writes 1000 users, ``due_checkins``, open time;
* start-up replay of a big log (written with checkpoints off, then the process "killed").

Ratios: each size against the smallest (flat = about 1x), flush against the in-place floor, save +
flush against the old save; for 100 turns at once, the cost per turn and the fdatasyncs it took. Users are written directly in the file format; progress goes
to stderr; speed targets live here, never in the unit tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row  # noqa: E402

from bot.store import TinyDBStore  # noqa: E402
from bot.store.base import to_micros  # noqa: E402
from bot.store.files import DIR_MODE, FILE_MODE, atomic_write, dump_json, ensure_dir  # noqa: E402
from bot.store.tinydb_store import INDEX_NAME, USERS_DIR, WAL_DIR, user_path  # noqa: E402

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
QUIET: dict[str, Any] = {"checkpoint_interval": 3600.0, "checkpoint_bytes": 1 << 40}


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
    """Users start..stop-1 in the file format, written plainly (set-up, not what is measured)."""
    ensure_dir(data_dir)
    ensure_dir(data_dir / USERS_DIR)
    rng = random.Random(start)
    dues = {n: T0 + timedelta(minutes=rng.randrange(7 * 24 * 60)) for n in range(start, stop)}

    def write(n: int) -> None:
        user_id = f"user{n}"
        path = user_path(data_dir, user_id)
        try:
            os.mkdir(path.parent, DIR_MODE)
        except FileExistsError:
            pass
        doc = {"user_id": user_id, "record": make_record(random.Random(n), n),
               "checkin_due": dues[n].isoformat()}
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(dump_json({"user": {"1": doc}}))

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        for done, _ in enumerate(pool.map(write, range(start, stop), chunksize=512), start=1):
            if done % 20000 == 0:
                rate = done / (time.monotonic() - began)
                print(f"  populated {start + done:,}/{stop:,} users ({rate:,.0f}/s)", file=sys.stderr)
    os.sync()  # so that the bulk write's writeback does not inflate the fsyncs measured next
    (data_dir / INDEX_NAME).unlink(missing_ok=True)  # written behind its back: rebuild at open


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(values: list[float], q: float) -> float:
    return pct(values, q) * 1000


# -- the floor ------------------------------------------------------------------------------------
class Floor:
    """One durable write of a record the cheapest way (``pwrite`` into a preallocated file +
    ``fdatasync``) and the old way (temp file + fsync + rename + directory fsync), measured
    between the store's own flushes so that both see the same disk at the same moment."""

    SIZE = 4 << 20

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.payload = dump_json(make_record(random.Random(0), 0))
        self.path = directory / "floor.seg"
        self.target = directory / "floor.json"
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        os.pwrite(self.fd, bytes(self.SIZE), 0)
        os.fsync(self.fd)
        self.offset = 0
        self.inplace: list[float] = []
        self.replace: list[float] = []

    def sample(self) -> None:
        began = time.perf_counter()
        os.pwrite(self.fd, self.payload, self.offset)
        os.fdatasync(self.fd)
        self.inplace.append(time.perf_counter() - began)
        self.offset = (self.offset + len(self.payload)) % (self.SIZE - len(self.payload))
        began = time.perf_counter()
        atomic_write(self.target, self.payload)
        self.replace.append(time.perf_counter() - began)

    def close(self) -> None:
        os.close(self.fd)
        self.path.unlink()
        self.target.unlink(missing_ok=True)


# -- per size -------------------------------------------------------------------------------------
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


async def load_round(store: TinyDBStore, users: int, concurrency: int, seconds: float) -> dict[str, float]:
    """``concurrency`` runners at once, each turn saved and flushed (as the adapter does), with
    schedule changes and due sweeps mixed in; a 1 ms ticker records the event loop's gaps."""
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
        rng = random.Random(number)
        while not stop.is_set():
            user_id = f"user{rng.randrange(users)}"
            roll = rng.random()
            if roll < 0.8:
                async with store.session(user_id) as session:
                    session.record["n"] = rng.random()
                await store.flush()
            elif roll < 0.98:
                await store.set_checkin_due(user_id, T0 + timedelta(minutes=rng.randrange(10_000)))
                await store.flush()
            else:
                await store.due_checkins(T0 + timedelta(days=1), limit=1000)
            operations[0] += 1

    tick = asyncio.create_task(ticker())
    workers = [asyncio.create_task(worker(n)) for n in range(concurrency)]
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(tick, *workers)
    return {
        "stall_max_ms": max(gaps) * 1000,
        "stall_p99_ms": pct(gaps, 0.99) * 1000,
        "load_ops_per_s": operations[0] / seconds,
    }


async def measure(data_dir: Path, users: int, concurrency: int, quick: bool) -> dict[str, float]:
    rng = random.Random(users)
    out: dict[str, float] = {}
    turns = 300 if quick else 1000

    began = time.perf_counter()
    store = TinyDBStore(data_dir)
    out["open_rebuild_s"] = time.perf_counter() - began
    await store.close()
    began = time.perf_counter()
    store = TinyDBStore(data_dir, **QUIET)  # checkpoints by hand below, measured on their own
    out["open_s"] = time.perf_counter() - began

    chosen = [f"user{n}" for n in rng.sample(range(users), turns)]
    saves: list[float] = []
    cold: list[float] = []
    for i, user_id in enumerate(chosen):
        began = time.perf_counter()
        async with store.session(user_id) as session:
            session.record["n"] = -i
            save_began = time.perf_counter()
            await session.save()
            saves.append(time.perf_counter() - save_began)
        cold.append(time.perf_counter() - began)
    warm: list[float] = []
    for i, user_id in enumerate(chosen):
        began = time.perf_counter()
        async with store.session(user_id) as session:
            session.record["n"] = i
        warm.append(time.perf_counter() - began)
    out["save_p50_ms"], out["save_p99_ms"] = ms(saves, 0.5), ms(saves, 0.99)
    out["turn_cold_p50_ms"], out["turn_cold_p99_ms"] = ms(cold, 0.5), ms(cold, 0.99)
    out["turn_warm_p50_ms"], out["turn_warm_p99_ms"] = ms(warm, 0.5), ms(warm, 0.99)

    flushes: list[float] = []
    floor = Floor(data_dir.parent / "floor")
    for i, user_id in enumerate(chosen[:300]):
        async with store.session(user_id) as session:
            session.record["n"] = i * 2 + 1
        began = time.perf_counter()
        await store.flush()
        flushes.append(time.perf_counter() - began)
        floor.sample()
    floor.close()
    out["flush1_p50_ms"], out["flush1_p99_ms"] = ms(flushes, 0.5), ms(flushes, 0.99)
    out["floor_p50_ms"], out["floor_p99_ms"] = ms(floor.inplace, 0.5), ms(floor.inplace, 0.99)
    out["replace_p50_ms"], out["replace_p99_ms"] = ms(floor.replace, 0.5), ms(floor.replace, 0.99)

    async def turn_and_flush(user_id: str, value: int) -> None:
        async with store.session(user_id) as session:
            session.record["n"] = value
        await store.flush()

    group = chosen[:100]
    rounds: list[float] = []
    syncs: list[float] = []
    for r in range(10 if quick else 30):
        before = store.stats.syncs
        began = time.perf_counter()
        await asyncio.gather(*(turn_and_flush(u, r) for u in group))
        rounds.append(time.perf_counter() - began)
        syncs.append(store.stats.syncs - before)
    out["flush100_p50_ms"], out["flush100_p99_ms"] = ms(rounds, 0.5), ms(rounds, 0.99)
    out["flush100_syncs"] = statistics.median(syncs)

    seconds = 1.0 if quick else 3.0
    load = [await load_round(store, users, concurrency, seconds) for _ in range(1 if quick else 3)]
    for key in load[0]:
        out[key] = statistics.median(r[key] for r in load)

    # A checkpoint of 1000 users written since the last one, and the loop's longest gap meanwhile.
    await store.checkpoint()
    for i, user_id in enumerate(chosen[:1000]):
        async with store.session(user_id) as session:
            session.record["n"] = i * 3
    began = time.perf_counter()
    out["checkpoint_stall_ms"] = await stall_during(store.checkpoint())
    out["checkpoint_s"] = time.perf_counter() - began
    out["stall_idle_ms"] = await stall_during(asyncio.sleep(seconds))

    scheduled = len(await store.users_with_checkins())
    until = T0 + timedelta(days=30)
    timings = []
    for _ in range(200):
        began = time.perf_counter()
        due = await store.due_checkins(until, limit=1000)
        timings.append(time.perf_counter() - began)
    assert len(due) == min(1000, scheduled)
    out["due_ms"] = statistics.median(timings) * 1000
    await store.close()
    return out


# -- replay ---------------------------------------------------------------------------------------
async def write_log(data_dir: Path, megabytes: int) -> tuple[int, int]:
    store = TinyDBStore(data_dir, **QUIET)
    rng = random.Random(megabytes)
    records = 0
    while store._wal.bytes_appended < megabytes << 20:
        n = rng.randrange(20_000)
        async with store.session(f"user{n}") as session:
            session.record.update(make_record(rng, records))
        records += 1
    await store.flush()
    size = store._wal.bytes_appended
    store._release()  # as a kill leaves it: no checkpoint
    return records, size


def replay(base: Path, megabytes: int) -> dict[str, float]:
    data_dir = base / f"replay-{megabytes}"
    records, size = asyncio.run(write_log(data_dir, megabytes))
    os.sync()
    began = time.perf_counter()
    store = TinyDBStore(data_dir, **QUIET)
    opened = time.perf_counter() - began
    users = len(store._cache)
    store._release()
    shutil.rmtree(data_dir, ignore_errors=True)
    return {"mb": size / (1 << 20), "records": records, "users": users, "open_s": opened}


def fsync_floor(directory: Path, rounds: int = 200) -> dict[str, float]:
    """The in-place durable write on ``directory``'s disk, alone: p50/p99 in ms of a record
    ``pwrite`` into a preallocated file + ``fdatasync`` (for scripts/bench's floor row)."""
    floor = Floor(directory)
    for _ in range(rounds):
        floor.sample()
    floor.close()
    return {"p50_ms": ms(floor.inplace, 0.5), "p99_ms": ms(floor.inplace, 0.99)}


def headline_rows(results: dict[int, dict[str, float]], replays: list[dict[str, float]]) -> list[Row]:
    """The headline figures as rows for scripts/bench (``--json``)."""
    sizes = sorted(results)
    out: list[Row] = []
    for size in sizes:
        r, users = results[size], f"{size:,} users"
        out += [
            Row("store", f"in-place write + fdatasync (floor) p50, {users}", r["floor_p50_ms"], "ms",
                note=f"p99 {r['floor_p99_ms']:.2f}; old save (temp+fsync+rename) p50 {r['replace_p50_ms']:.2f}"),
            Row("store", f"save p99, {users}", r["save_p99_ms"], "ms", note=f"p50 {r['save_p50_ms']:.3f}"),
            Row("store", f"turn load+save p99, user not cached, {users}", r["turn_cold_p99_ms"], "ms",
                note=f"p50 {r['turn_cold_p50_ms']:.2f}; cached p50 {r['turn_warm_p50_ms']:.2f} p99 {r['turn_warm_p99_ms']:.2f}"),
            Row("store", f"flush after 1 turn p50, {users}", r["flush1_p50_ms"], "ms",
                note=f"p99 {r['flush1_p99_ms']:.2f}; {r['flush1_p50_ms'] / r['floor_p50_ms']:.2f}x the floor"),
            Row("store", f"100 turns + flushes at once p50, {users}", r["flush100_p50_ms"], "ms",
                note=f"{r['flush100_syncs']:.0f} fdatasync(s) for 100 flushes"),
        ]
    first, last = results[sizes[0]], results[sizes[-1]]
    flat = last["save_p99_ms"] / first["save_p99_ms"]
    out.append(Row("store", f"save p99 ratio {sizes[-1]:,} / {sizes[0]:,} users", flat, "x",
                   target="flat (<= 1.5x)", ok=flat <= 1.5))
    for item in replays:
        out.append(Row("store", f"open replaying a {item['mb']:.0f} MiB log", item["open_s"], "s",
                       target="< 2 s" if item["mb"] <= 20 else "", ok=item["open_s"] < 2 if item["mb"] <= 20 else None,
                       note=f"{item['records']:,.0f} records, {item['users']:,.0f} users"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--replay-mb", default="16,128", help="log sizes replayed at start-up")
    parser.add_argument("--data-dir", type=Path, help="default: a temp dir, removed afterwards")
    parser.add_argument("--concurrency", type=int, default=64, help="concurrent turns under load")
    parser.add_argument("--quick", action="store_true", help="fewer turns and rounds (a smoke run)")
    parser.add_argument("--json", action="store_true", help="headline rows as JSON lines on stdout")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    keep = args.data_dir is not None
    base = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-store-"))
    data_dir = base / "data"

    results: dict[int, dict[str, float]] = {}
    replays: list[dict[str, float]] = []
    stored = 0
    try:
        for size in sizes:
            print(f"populating to {size:,} users in {data_dir}", file=sys.stderr)
            populate(data_dir, stored, size)
            stored = size
            print(f"measuring at {size:,} users", file=sys.stderr)
            results[size] = asyncio.run(measure(data_dir, size, args.concurrency, args.quick))
        for megabytes in (int(m) for m in args.replay_mb.split(",") if m):
            print(f"replaying a {megabytes} MiB log", file=sys.stderr)
            replays.append(replay(base, megabytes))
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)

    if args.json:
        for row in headline_rows(results, replays):
            print(json.dumps(asdict(row)))
        return 0
    load = os.getloadavg()[0]
    print(f"TinyDBStore (write-ahead log), {os.cpu_count()} CPUs, load average {load:.1f}, "
          f"{datetime.now():%Y-%m-%d %H:%M}")
    rows = [
        ("floor: pwrite + fdatasync in place p50 (ms)", "floor_p50_ms"),
        ("floor: pwrite + fdatasync in place p99 (ms)", "floor_p99_ms"),
        ("old save: temp+fsync+rename+dir fsync p50", "replace_p50_ms"),
        ("old save: temp+fsync+rename+dir fsync p99", "replace_p99_ms"),
        ("save p50 (ms)", "save_p50_ms"),
        ("save p99 (ms)", "save_p99_ms"),
        ("turn, user not cached: p50 (ms)", "turn_cold_p50_ms"),
        ("turn, user not cached: p99 (ms)", "turn_cold_p99_ms"),
        ("turn, user cached: p50 (ms)", "turn_warm_p50_ms"),
        ("turn, user cached: p99 (ms)", "turn_warm_p99_ms"),
        ("flush after 1 turn: p50 (ms)", "flush1_p50_ms"),
        ("flush after 1 turn: p99 (ms)", "flush1_p99_ms"),
        ("100 turns + flush at once: p50 (ms)", "flush100_p50_ms"),
        ("100 turns + flush at once: p99 (ms)", "flush100_p99_ms"),
        ("  fdatasyncs per 100 flushes (median)", "flush100_syncs"),
        (f"{args.concurrency} runners: store ops/s", "load_ops_per_s"),
        (f"{args.concurrency} runners: max loop stall (ms)", "stall_max_ms"),
        (f"{args.concurrency} runners: p99 loop gap (ms)", "stall_p99_ms"),
        ("checkpoint of 1000 users (s)", "checkpoint_s"),
        ("  max loop stall meanwhile (ms)", "checkpoint_stall_ms"),
        ("max ticker gap, store idle (ms)", "stall_idle_ms"),
        ("due_checkins(limit=1000) median (ms)", "due_ms"),
        ("open, index rebuilt from files (s)", "open_rebuild_s"),
        ("open, index from snapshot (s)", "open_s"),
    ]
    header = f"{'metric':<44}" + "".join(f"{size:>12,}" for size in sizes) + f"{'ratio':>10}"
    print(header)
    print("-" * len(header))
    base_row = results[sizes[0]]
    for label, key in rows:
        cells = "".join(f"{results[size][key]:>12.2f}" for size in sizes)
        ratio = results[sizes[-1]][key] / base_row[key] if base_row[key] else float("nan")
        print(f"{label:<44}{cells}{ratio:>9.2f}x")
    print(f"(ratio = value at {sizes[-1]:,} users / value at {sizes[0]:,} users)")
    for size in sizes:
        r = results[size]
        print(f"at {size:,} users: flush / in-place floor = {r['flush1_p50_ms'] / r['floor_p50_ms']:.2f}x "
              f"(p50), {r['flush1_p99_ms'] / r['floor_p99_ms']:.2f}x (p99); "
              f"save + flush / old save = {(r['save_p50_ms'] + r['flush1_p50_ms']) / r['replace_p50_ms']:.2f}x (p50); "
              f"100 turns + flushes at once: {r['flush100_p50_ms'] / 100:.3f} ms a turn, "
              f"{r['flush100_syncs']:.0f} fdatasync(s) in all (p50)")
    for item in replays:
        print(f"start-up replay: {item['mb']:.0f} MiB log, {item['records']:,.0f} records, "
              f"{item['users']:,.0f} users -> open in {item['open_s']:.2f} s "
              f"({item['mb'] / item['open_s']:.0f} MiB/s)")
    print(json.dumps({"sizes": results, "replay": replays}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
