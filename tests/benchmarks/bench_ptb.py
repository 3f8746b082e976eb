"""The PTB application in process: throughput on one core, and memory over 10,000 conversations.

    python tests/benchmarks/bench_ptb.py [--quick] [--conversations 10000] [--cpu 0] [--json]

The real Application (bot.telegram.app.build_application) with the TinyDB store in a temp dir and
PTB's offline request seam talking to the Bot API stand-in of the Telegram tests, driven with
``Application.process_update`` by the YAML conversations (button presses included), each as a new
user. The process is pinned to one CPU.

* Throughput: updates/s, one user at a time (latency-bound) and 64 users at once (the
  application's ``concurrent_updates``), against a bare PTB echo application through the same
  offline request in the same run (its updates/s are the framework's ceiling).
* Memory: RSS after start-up (engine loaded, store open, application initialised), then after
  every 1,000 conversations; growth per conversation after the first 1,000 (warm-up).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from common import Row, emit, log, parser, rss_mb
from drive import LeanTelegram, Step, load_scripts, update_for
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot.engine import Engine
from bot.store import MemoryStore, TinyDBStore, UserStore
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from tests.telegram.fake_api import TOKEN, OfflineRequest, message_dict

AnyApp = Application[Any, Any, Any, Any, Any, Any]


class Clock:
    """The flood gate's clock: 3 s pass per update, a human pace (no "slow down" messages)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Driver:
    def __init__(self, app: AnyApp, fake: LeanTelegram, clock: Clock) -> None:
        self.app = app
        self.fake = fake
        self.clock = clock
        self.next_update = 1
        self.next_user = 10_000_000
        self.updates = 0
        self.stopped_early = 0

    async def feed(self, body: dict[str, Any]) -> None:
        self.clock.now += 3.0
        update = {"update_id": self.next_update, **body}
        self.next_update += 1
        await self.app.process_update(Update.de_json(update, self.app.bot))
        self.updates += 1

    async def conversation(self, steps: list[Step]) -> None:
        user = self.next_user
        self.next_user += 1
        for step in steps:
            body = update_for(self.fake, user, step)
            if body is None:
                self.stopped_early += 1
                break
            await self.feed(body)
        self.fake.forget(user)

    async def run(self, scripts: list[list[Step]], count: int, concurrency: int,
                  every: Callable[[int], Awaitable[None]] | None = None, every_n: int = 1000) -> float:
        """``count`` conversations, ``concurrency`` at a time; seconds taken."""
        queue = [scripts[i % len(scripts)] for i in range(count)]
        done = 0

        async def worker() -> None:
            nonlocal done
            while queue:
                steps = queue.pop()
                await self.conversation(steps)
                done += 1
                if every is not None and done % every_n == 0:
                    await every(done)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - began


async def start_app(engine: Engine, store: UserStore, fake: LeanTelegram, clock: Clock) -> AnyApp:
    config = TelegramConfig(token=TOKEN, rate_limiter=False)
    channel = TelegramChannel(flood=FloodGate(limit=5, window=10.0, clock=clock))
    app = build_application(config, engine=engine, store=store, request=OfflineRequest(fake), channel=channel)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    return app


async def stop_app(app: AnyApp) -> None:
    assert app.post_shutdown is not None
    await app.post_shutdown(app)
    await app.shutdown()


async def ours(engine: Engine, data_dir: Path, conversations: int, warm: int) -> dict[str, Any]:
    scripts = load_scripts()
    out: dict[str, Any] = {}
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)

    # Throughput with a memory store: the same path without the disk.
    fake, clock = LeanTelegram(), Clock()
    app = await start_app(engine, MemoryStore(), fake, clock)
    driver = Driver(app, fake, clock)
    await driver.run(scripts, len(scripts), 1)
    driver.updates = 0
    seconds = await driver.run(scripts, 4 * len(scripts), 1)
    out["memory_seq"] = driver.updates / seconds
    await stop_app(app)

    fake, clock = LeanTelegram(), Clock()
    store = TinyDBStore(data_dir)
    app = await start_app(engine, store, fake, clock)
    gc.collect()
    out["rss_start"] = rss_mb()
    driver = Driver(app, fake, clock)
    await driver.run(scripts, len(scripts), 1)  # warm-up

    for name, concurrency in (("seq", 1), ("c64", 64)):
        driver.updates = 0
        seconds = await driver.run(scripts, 4 * len(scripts), concurrency)
        out[name] = driver.updates / seconds
        log(f"bench_ptb: concurrency {concurrency}: {out[name]:.0f} updates/s")

    # Memory: a fresh count of conversations, 16 at a time, RSS every 1,000.
    samples: list[tuple[int, float]] = [(0, rss_mb())]

    async def sample(done: int) -> None:
        gc.collect()
        samples.append((done, rss_mb()))
        log(f"bench_ptb: {done:,} conversations, RSS {samples[-1][1]:.1f} MiB")

    driver.updates = 0
    seconds = await driver.run(scripts, conversations, 16, every=sample, every_n=min(1000, conversations // 4))
    out["memory_updates_per_s"] = driver.updates / seconds
    out["samples"] = samples
    out["conversations"] = conversations
    out["stopped_early"] = driver.stopped_early
    out["errors"] = errors.count
    await stop_app(app)
    await store.close()
    return out


async def echo() -> dict[str, float]:
    """A bare PTB application: one handler, reply with the same text."""
    fake = LeanTelegram()
    request = OfflineRequest(fake)

    async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(update.message.text)

    app = Application.builder().token(TOKEN).request(request).get_updates_request(request).build()
    app.add_handler(MessageHandler(filters.TEXT, handler))
    await app.initialize()
    texts = [v for steps in load_scripts() for kind, v in steps if kind == "text"]
    n = 0

    async def one(i: int) -> None:
        text = texts[i % len(texts)]
        update = {"update_id": i + 1, "message": message_dict(20_000_000 + i % 500, text)}
        await app.process_update(Update.de_json(update, app.bot))

    for i in range(200):
        await one(i)
    out = {}
    for name, concurrency in (("seq", 1), ("c64", 64)):
        total = 4000
        began = time.perf_counter()
        if concurrency == 1:
            for i in range(total):
                await one(i)
        else:
            for start in range(0, total, concurrency):
                await asyncio.gather(*(one(i) for i in range(start, start + concurrency)))
        out[name] = total / (time.perf_counter() - began)
        n += total
    await app.shutdown()
    return out


def main() -> int:
    p = parser(__doc__)
    p.add_argument("--conversations", type=int, default=None, help="for the memory run (default 10000; quick 1000)")
    p.add_argument("--cpu", type=int, default=None, help="the CPU to pin to (default: the first usable one)")
    args = p.parse_args()
    conversations = args.conversations or (1000 if args.quick else 10_000)
    cpu = args.cpu if args.cpu is not None else min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    logging.basicConfig(level=logging.WARNING)

    engine = Engine.load_serving()  # as `runner-triage run` loads it (gc frozen after loading)
    root = Path(tempfile.mkdtemp(prefix="bench-ptb-"))
    try:
        bare = asyncio.run(echo())
        mine = asyncio.run(ours(engine, root / "data", conversations, warm=1000))
    finally:
        shutil.rmtree(root, ignore_errors=True)

    samples = mine["samples"]
    start = mine["rss_start"]
    warm_at = min(1000, conversations // 4)
    warm = next(r for n, r in samples if n >= warm_at)
    end_n, end = samples[-1]
    per_conv_kb = (end - warm) * 1024 / max(1, end_n - warm_at)
    rows = [
        Row("2", "PTB app, TinyDB store: updates/s, 1 user at a time", mine["seq"], "/s",
            note=f"{mine['seq'] / bare['seq']:.2f}x of bare echo app"),
        Row("2", "PTB app, TinyDB store: updates/s, 64 users at once", mine["c64"], "/s",
            note=f"{mine['c64'] / bare['c64']:.2f}x of bare echo app"),
        Row("2", "PTB app, memory store: updates/s, 1 user at a time", mine["memory_seq"], "/s"),
        Row("2", "bare PTB echo app: updates/s, 1 at a time", bare["seq"], "/s"),
        Row("2", "bare PTB echo app: updates/s, 64 at once", bare["c64"], "/s"),
        Row("4", "RSS after start-up (in process)", start, "MiB", "< 300 MiB", start < 300),
        Row("4", f"RSS after {end_n:,} conversations", end, "MiB", "< 300 MiB", end < 300,
            note=f"{mine['memory_updates_per_s']:.0f} updates/s, {mine['errors']} errors logged, "
                 f"{mine['stopped_early']} scripts cut short"),
        Row("4", f"RSS growth per conversation after {warm_at:,}", per_conv_kb, "KiB",
            "~0 (< 1 KiB)", per_conv_kb < 1.0,
            note="RSS at " + ", ".join(f"{n // 1000}k={r:.0f}" for n, r in samples[1:])),
    ]
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
