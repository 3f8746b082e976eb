"""Per-turn latency in process, and the check-in schedule, as the number of stored users grows.

    python tests/benchmarks/bench_turn.py [--quick] [--sizes 1000,10000,100000] [--rounds 5] [--json]

For each size the data directory (TinyDB backend, a temp dir on local disk) is filled with that
many users, each holding the record a real finished conversation leaves behind and a check-in time
within the next week. Then every YAML conversation (tests/conversations) is replayed ``--rounds``
times as new users, each turn the way the Telegram adapter runs it: take the user's session (lock,
load), ``Engine.handle`` (safety, NLU, dialogue, actions, knowledge base), copy the new record in,
save on exit (one log append; the flush is the round trip's, bench_e2e.py), then the replies
rendered as the Telegram adapter sends them (HTML chunks, keyboards). Figures: p50/p99 of the
whole turn, and its parts: store (lock, load, save), safety (the crisis screen), NLU (the parse),
rendering (responses into replies, replies into Telegram messages) and the engine's own work
(dialogue, actions, clinical rules: the rest of Engine.handle). PTB's own part is bench_e2e.py's
echo bot.

Check-ins (item 6 of issue 9): ``due_checkins`` with every stored user scheduled, and the store
work a sweep does per send (read the user's record for the chat id, move the check-in a week on).
The sweep itself is measured only if it exists (bot/checkins); see docs/performance.md.
"""

from __future__ import annotations

import asyncio
import copy
import gc
import os
import random
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import Row, emit, log, median, parser, pct

from bot.engine import Engine
from bot.store import TinyDBStore
from bot.store.base import to_micros
from bot.store.files import DIR_MODE, FILE_MODE, atomic_write, dump_json, ensure_dir
from bot.store.tinydb_store import INDEX_NAME, JOURNAL_NAME, USERS_DIR, encode_index, user_path
from tests.conversation import CONVERSATIONS, NOW, Transcript, load_conversation, message_for_step, step_time

T0 = NOW
TURN_TARGET_MS = 5.0
PARTS = ("store", "safety", "nlu", "engine", "rendering")


class Parts:
    """Time spent in the safety screen, the NLU and the renderer during one turn, by wrapping
    them where the engine and the actions call them (outermost call only)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {"safety": 0.0, "nlu": 0.0, "rendering": 0.0}
        self._depth: dict[str, int] = {k: 0 for k in self.spent}

    def wrap(self, owner: Any, name: str, part: str) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth[part]:
                return original(*args, **kwargs)
            self._depth[part] += 1
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[part] += time.perf_counter() - t0
                self._depth[part] -= 1

        setattr(owner, name, timed)

    def install(self) -> None:
        import bot.actions as actions
        import bot.engine as engine_module
        from bot.engine.render import Renderer
        from bot.nlu.pipeline import NLU

        self.wrap(engine_module, "screen", "safety")
        self.wrap(actions, "screen", "safety")
        self.wrap(NLU, "parse", "nlu")
        for method in ("say", "text", "render"):
            self.wrap(Renderer, method, "rendering")

    def take(self) -> dict[str, float]:
        spent = dict(self.spent)
        for k in self.spent:
            self.spent[k] = 0.0
        return spent


PARTS_TIMER = Parts()


def render_for_telegram(replies: Any) -> None:
    """What the adapter does with a turn's replies before sending them (bot.telegram.adapter)."""
    from bot.telegram.adapter import _reply_messages, keyboard_markup
    from bot.turn import Button

    for reply in replies:
        for item in _reply_messages(reply):
            buttons = tuple(Button(str(a), str(b)) for a, b in item.get("buttons") or ())
            if buttons:
                keyboard_markup("0123456789", buttons)


def conversations() -> list[dict[str, Any]]:
    return [load_conversation(p) for p in sorted(CONVERSATIONS.glob("*.yml"))]


async def final_records(engine: Engine, convs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What each conversation leaves in the store: realistic records for the background users."""
    out = []
    for conv in convs:
        transcript = Transcript(record=copy.deepcopy(conv.get("record") or {}))
        now = NOW
        for step in conv["steps"]:
            now = step_time(step, now)
            result = await engine.handle(transcript.record, message_for_step(step, transcript), now, "u")
            transcript.record = result.record
            transcript.earlier.extend(transcript.buttons)
            transcript.buttons = tuple(b for r in result.replies for b in r.buttons)
        out.append(transcript.record)
    return out


def populate(data_dir: Path, start: int, stop: int, records: list[dict[str, Any]]) -> dict[str, int]:
    """Write users start..stop-1 in the backend's file format (its own writer is fsync-bound and
    the filling is not what is measured; one os.sync at the end); return their check-in times."""
    ensure_dir(data_dir)
    ensure_dir(data_dir / USERS_DIR)
    rng = random.Random(start)
    due = {f"user{n}": to_micros(T0 + timedelta(minutes=rng.randrange(7 * 24 * 60))) for n in range(start, stop)}
    week = datetime.fromtimestamp(0, UTC)

    def write(n: int) -> None:
        user_id = f"user{n}"
        path = user_path(data_dir, user_id)
        if not path.parent.is_dir():
            try:
                os.mkdir(path.parent, DIR_MODE)
            except FileExistsError:
                pass
        moment = week + timedelta(microseconds=due[user_id])
        record = {**records[n % len(records)], "checkins": {"schedule": {
            "weekday": moment.weekday(), "at": moment.strftime("%H:%M"), "tz": "UTC", "unit": "km", "active": True}}}
        doc = {"user_id": user_id, "record": record, "checkin_due": moment.isoformat()}
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(dump_json({"user": {"1": doc}}))

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        for done, _ in enumerate(pool.map(write, range(start, stop), chunksize=512), start=1):
            if done % 20000 == 0:
                log(f"  populated {start + done:,}/{stop:,} ({done / (time.monotonic() - began):,.0f}/s)")
    os.sync()
    return due


def write_index(data_dir: Path, due: dict[str, int]) -> None:
    """The schedule snapshot the store would have written, so that opening does not rescan."""
    atomic_write(data_dir / INDEX_NAME, encode_index(due.items()))
    atomic_write(data_dir / JOURNAL_NAME, b"")


async def replay_turns(engine: Engine, store: TinyDBStore, convs: list[dict[str, Any]], rounds: int,
                       tag: str) -> dict[str, list[float]]:
    """Every conversation ``rounds`` times as new users, each turn inside a store session."""
    out: dict[str, list[float]] = {"turn": [], "engine": [], "load": [], "save": [],
                                   **{f"part_{k}": [] for k in PARTS}}
    for r in range(rounds):
        for c, conv in enumerate(convs):
            user_id = f"{tag}-{r}-{c}"
            if conv.get("record"):  # the runner's record before the conversation (not timed)
                async with store.session(user_id) as seeded:
                    seeded.record.update(copy.deepcopy(conv["record"]))
            transcript = Transcript()
            now = NOW
            for step in conv["steps"]:
                now = step_time(step, now)
                message = message_for_step(step, transcript)
                PARTS_TIMER.take()
                t0 = time.perf_counter()
                session_cm = store.session(user_id)
                session = await session_cm.__aenter__()
                t1 = time.perf_counter()
                result = await engine.handle(session.record, message, now, user_id)
                session.record.clear()
                session.record.update(result.record)
                t2 = time.perf_counter()
                await session_cm.__aexit__(None, None, None)
                t3 = time.perf_counter()
                render_for_telegram(result.replies)
                t4 = time.perf_counter()
                transcript.earlier.extend(transcript.buttons)
                transcript.buttons = tuple(b for reply in result.replies for b in reply.buttons)
                spent = PARTS_TIMER.take()
                out["turn"].append((t4 - t0) * 1000)
                out["load"].append((t1 - t0) * 1000)
                out["engine"].append((t2 - t1) * 1000)
                out["save"].append((t3 - t2) * 1000)
                out["part_store"].append((t1 - t0 + t3 - t2) * 1000)
                out["part_safety"].append(spent["safety"] * 1000)
                out["part_nlu"].append(spent["nlu"] * 1000)
                out["part_rendering"].append((spent["rendering"] + t4 - t3) * 1000)
                out["part_engine"].append((t2 - t1 - spent["safety"] - spent["nlu"] - spent["rendering"]) * 1000)
    return out


async def checkin_store_work(store: TinyDBStore, users: int) -> dict[str, float]:
    until = T0 + timedelta(days=8)  # everyone is due: each query returns its full limit
    out: dict[str, float] = {}
    for limit in (30, 1000):
        timings = []
        for _ in range(100):
            t0 = time.perf_counter()
            due = await store.due_checkins(until, limit=limit)
            timings.append((time.perf_counter() - t0) * 1000)
        assert len(due) == min(limit, users)
        out[f"due_{limit}"] = median(timings)
    # Per send: the sweep reads the user's record (chat id) and moves the check-in a week on, in
    # that user's lock. 300 users from the front of the queue.
    due = await store.due_checkins(until, limit=300)
    per_send = []
    for user_id, when in due:
        t0 = time.perf_counter()
        async with store.session(user_id) as session:
            _ = session.record.get("telegram")
            await store.set_checkin_due(user_id, when + timedelta(days=7))
        per_send.append((time.perf_counter() - t0) * 1000)
    out["send_p50"] = pct(per_send, 50)
    out["send_p99"] = pct(per_send, 99)
    out.update(await run_sweep(store, users))
    return out


async def run_sweep(store: TinyDBStore, users: int) -> dict[str, float]:
    """The real sweep (bot.checkins.sweep, if it exists) over the first users/10 (at most 1,000)
    due, all less than a day late, with a send that returns at once: its own cost per send."""
    try:
        from bot.checkins.sweep import Outcome, sweep
    except ImportError:
        return {}
    count = min(1000, users // 10)
    due = await store.due_checkins(T0 + timedelta(days=8), limit=count + 1)
    now = due[count - 1][1] + timedelta(seconds=1)
    sent = 0

    async def send(session: Any, when: datetime, week: str) -> Any:
        nonlocal sent
        sent += 1
        return Outcome.SENT

    t0 = time.perf_counter()
    report = await sweep(store, lambda: now, send)
    seconds = time.perf_counter() - t0
    return {"sweep_per_send": seconds * 1000 / max(1, sent), "sweep_sent": sent, "sweep_report": str(report),
            "sweep_due": count}


async def measure(engine: Engine, data_dir: Path, users: int, convs: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    store = TinyDBStore(data_dir)
    opened = time.perf_counter() - t0
    try:
        await replay_turns(engine, store, convs, 1, f"warm{users}")  # caches, first files of shards
        gc.collect()
        timings = await replay_turns(engine, store, convs, rounds, f"bench{users}")
        checkins = await checkin_store_work(store, users)
    finally:
        await store.close()
    return {"open_s": opened, **{k: v for k, v in timings.items()}, **checkins}


def main() -> int:
    p = parser(__doc__)
    p.add_argument("--sizes", default=None, help="stored users, comma-separated (default 1000,10000,100000; quick 1000,10000)")
    p.add_argument("--rounds", type=int, default=None, help="replays of every conversation per size (default 5; quick 2)")
    args = p.parse_args()
    sizes = [int(s) for s in (args.sizes or ("1000,10000" if args.quick else "1000,10000,100000")).split(",")]
    rounds = args.rounds or (2 if args.quick else 5)

    engine = Engine.load_serving()  # as `runner-triage run` loads it (gc frozen after loading)
    PARTS_TIMER.install()
    convs = conversations()
    records = asyncio.run(final_records(engine, convs))
    root = Path(tempfile.mkdtemp(prefix="bench-turn-"))
    data_dir = root / "data"
    results: dict[int, dict[str, Any]] = {}
    due: dict[str, int] = {}
    stored = 0
    try:
        for size in sizes:
            log(f"bench_turn: filling to {size:,} users in {data_dir}")
            due.update(populate(data_dir, stored, size, records))
            write_index(data_dir, due)
            stored = size
            log(f"bench_turn: measuring at {size:,} users")
            results[size] = asyncio.run(measure(engine, data_dir, size, convs, rounds))
    finally:
        shutil.rmtree(root, ignore_errors=True)

    rows: list[Row] = []
    n = len(results[sizes[0]]["turn"])
    p99s = []
    for size in sizes:
        r = results[size]
        p99 = pct(r["turn"], 99)
        p99s.append(p99)
        label = f"{size:,} users"
        rows.append(Row("1", f"turn p50, {label}", pct(r["turn"], 50), "ms"))
        rows.append(Row("1", f"turn p99, {label}", p99, "ms", "< 5 ms", p99 < TURN_TARGET_MS,
                        note=f"n={n}"))
        rows.append(Row("1", f"  engine part p99, {label}", pct(r["engine"], 99), "ms",
                        note=f"p50 {pct(r['engine'], 50):.2f}"))
        rows.append(Row("1", f"  store load+save p99, {label}", pct([a + b for a, b in zip(r["load"], r["save"])], 99), "ms",
                        note=f"save p50 {pct(r['save'], 50):.2f}, load p50 {pct(r['load'], 50):.2f}"))
        for part in PARTS:
            values = r[f"part_{part}"]
            rows.append(Row("1", f"  part {part}: mean, {label}", sum(values) / len(values), "ms",
                            note=f"p50 {pct(values, 50):.3f}, p99 {pct(values, 99):.3f} ms"))
    if len(sizes) > 1:
        flat = p99s[-1] / p99s[0]
        rows.append(Row("1", f"turn p99 ratio {sizes[-1]:,} / {sizes[0]:,} users", flat, "x",
                        "flat (<= 1.5x)", flat <= 1.5))
    for size in sizes:
        r = results[size]
        label = f"{size:,} scheduled"
        rows.append(Row("6", f"due_checkins(limit=30) median, {label}", r["due_30"], "ms"))
        rows.append(Row("6", f"due_checkins(limit=1000) median, {label}", r["due_1000"], "ms"))
        rows.append(Row("6", f"store work per send (read + reschedule) p50, {label}", r["send_p50"], "ms",
                        note=f"p99 {r['send_p99']:.2f} ms"))
        if "sweep_per_send" in r:
            rows.append(Row("6", f"sweep (bot.checkins) own cost per send, {label}", r["sweep_per_send"], "ms",
                            "< 40 ms (25 sends/s)", r["sweep_per_send"] < 40,
                            note=f"{r['sweep_sent']} of {r['sweep_due']} due sent; {r['sweep_report']}"))
        else:
            rows.append(Row("6", "check-in sweep", float("nan"), "", note="bot/checkins/sweep.py not built yet"))
        rows.append(Row("6", f"store open (index from snapshot), {label}", r["open_s"] * 1000, "ms"))
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
