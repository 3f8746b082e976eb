"""The real process over HTTP against the physical floor: a bare PTB echo bot plus one in-place fsync.

    python tests/benchmarks/bench_e2e.py [--quick] [--starts 3] [--runners 100] [--json]

Local Bot API stand-ins (tests/telegram/fake_api.py served over HTTP on 127.0.0.1, one per bot;
listen backlog 256, so 100 connections at once lose no SYN) and three processes polling them in
the same run: ``python -m bot run`` (the real ``runner-triage run``, TinyDB data dir in a temp
dir: the durable default), ``tests/benchmarks/mem_bot.py`` (the same with the memory store) and
``tests/benchmarks/echo_bot.py`` (bare PTB, one handler that sends the text back). All without
PTB's rate limiter, which would pace sends at 30/s by design (TELEGRAM_RATE_LIMITER=off).

* The floor: the echo bot's round trip plus the cost of making one turn durable in the cheapest
  way there is, ``pwrite`` of 1 KiB into a preallocated, zero-filled file on the data directory's
  disk and ``fdatasync`` (sampled between the bots' steps, so both halves are of the same moment).
* Single runner: the first five steps of every YAML conversation, one update at a time; each
  step goes to ours, to the memory-store bot, then (text only) to the echo bot. Time from the
  update being queued at the stand-in to the first message sent back, and to the update being
  confirmed (the poller's next getUpdates offset: handled, saved and flushed).
* 100 at once: ``--runners`` users each send their next step at the same moment (five waves),
  to each bot in turn; per-update time to its first reply (p50, p99) and updates/s (the wave's
  updates over the time from queueing them to the last reply).
* Start-up: from spawning the process to its first getUpdates call (median of ``--starts``,
  ours and the echo bot alternating). RSS of the processes after start-up and at the end.

Every wait has a time-out and the loop a deadline.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import ROOT, Row, emit, log, median, parser, pct, rss_mb
from drive import LeanTelegram, Step, load_scripts, update_for

from tests.telegram.fake_api import TOKEN, BotAPIServer

QUIET = 0.05
STEP_TIMEOUT = 10.0
STEPS_PER_CONVERSATION = 5
RATIO_TARGET = 1.3  # ours / (echo + in-place fsync), the durable default
MEMORY_RATIO_TARGET = 1.2  # the memory store / echo
THROUGHPUT_TARGET = 0.8  # ours / echo, updates/s of 100 runners at once


class ConfirmingTelegram(LeanTelegram):
    """LeanTelegram that also notes when each update was confirmed: the first getUpdates whose
    offset is above its id (the poller asks for that only once the update is handled, saved and
    flushed)."""

    def __init__(self) -> None:
        super().__init__()
        self.queued: dict[int, float] = {}
        self.confirmed_at: dict[int, float] = {}

    def call(self, method: str, params: dict[str, Any], files: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            now = time.perf_counter()
            with self.cond:
                for uid in [u for u in self.queued if u < offset]:
                    del self.queued[uid]
                    self.confirmed_at[uid] = now
                self.cond.notify_all()
        return super().call(method, params, files)

    def user_update(self, update: dict[str, Any]) -> dict[str, Any]:
        sent = super().user_update(update)
        with self.cond:
            self.queued[sent["update_id"]] = time.perf_counter()
        return sent


class Floor:
    """The cheapest durable write this disk allows: 1 KiB pwrite into a preallocated, zero-filled
    file, then fdatasync (what a write-ahead log's append and flush cost at best)."""

    SIZE = 4 << 20

    def __init__(self, directory: Path) -> None:
        self.path = directory / "floor.bin"
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(self.fd, bytes(self.SIZE))
        os.fsync(self.fd)
        self.offset = 0
        self.block = os.urandom(1024)
        self.samples: list[float] = []

    def sample(self, n: int = 1) -> None:
        for _ in range(n):
            t0 = time.perf_counter()
            os.pwrite(self.fd, self.block, self.offset)
            os.fdatasync(self.fd)
            self.samples.append(time.perf_counter() - t0)
            self.offset = (self.offset + 4096) % self.SIZE

    def close(self) -> None:
        os.close(self.fd)


class Bot:
    def __init__(self, name: str, argv: list[str], workdir: Path) -> None:
        self.name = name
        self.argv = argv
        self.workdir = workdir
        self.fake = ConfirmingTelegram()
        self.server = BotAPIServer(self.fake)
        # http.server writes the headers and the body in two segments; with Nagle on, the body
        # waits for the client's delayed ACK (40 ms on Linux) and that would be the whole story.
        # The Handler class is local to this server instance.
        self.server.httpd.RequestHandlerClass.disable_nagle_algorithm = True  # type: ignore[attr-defined]
        self.server.__enter__()
        self.proc: subprocess.Popen[bytes] | None = None
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RUNNER_TRIAGE_", "WEBHOOK_"))},
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": self.server.base_url,
            "TELEGRAM_RATE_LIMITER": "off",
            "RUNNER_TRIAGE_DATA_DIR": str(workdir / f"data-{name}"),
            "RUNNER_TRIAGE_CACHE_DIR": str(workdir / "cache"),  # compiled patterns (bot.regexes)
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }

    def start(self) -> float:
        """Spawn; seconds until the first getUpdates."""
        self.fake.first_poll = None
        logfile = open(self.workdir / f"{self.name}.log", "ab")
        began = time.perf_counter()
        self.proc = subprocess.Popen(self.argv, cwd=self.workdir, env=self.env, stdout=logfile, stderr=logfile)
        logfile.close()
        deadline = time.monotonic() + 60
        while self.fake.first_poll is None:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.name} did not start; see {self.workdir / (self.name + '.log')}")
            time.sleep(0.002)
        return self.fake.first_poll - began

    def rss(self) -> float:
        assert self.proc is not None
        return rss_mb(self.proc.pid)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def close(self) -> None:
        self.stop()
        self.server.__exit__(None, None, None)

    def step(self, user: int, step: Step) -> tuple[float, float, float | None] | None:
        """Send one step; seconds to the first reply, to the last, to the confirmation (None if
        not seen within the time-out); None on no reply."""
        body = update_for(self.fake, user, step)
        if body is None:
            return None
        fake = self.fake
        with fake.cond:
            before = len(fake.sent_at[user])
        queued = time.perf_counter()
        update_id = fake.user_update(body)["update_id"]
        with fake.cond:
            if not fake.cond.wait_for(lambda: len(fake.sent_at[user]) > before, timeout=STEP_TIMEOUT):
                return None
            while True:
                seen = len(fake.sent_at[user])
                fake.cond.wait_for(lambda: len(fake.sent_at[user]) > seen, timeout=QUIET)
                if len(fake.sent_at[user]) == seen:
                    break
            times = fake.sent_at[user][before:]
            fake.cond.wait_for(lambda: update_id in fake.confirmed_at, timeout=STEP_TIMEOUT)
            confirmed = fake.confirmed_at.get(update_id)
        return times[0] - queued, times[-1] - queued, None if confirmed is None else confirmed - queued

    def wave(self, steps: dict[int, Step]) -> tuple[list[float], float] | None:
        """Every user sends their step at the same moment; each one's seconds to its first reply,
        and the seconds from queueing them to the last first reply. None if a reply is missing."""
        fake = self.fake
        bodies = {u: update_for(fake, u, s) for u, s in steps.items()}
        users = [u for u, b in bodies.items() if b is not None]
        with fake.cond:
            before = {u: len(fake.sent_at[u]) for u in users}
        queued = time.perf_counter()
        for u in users:
            fake.user_update(bodies[u])  # type: ignore[arg-type]
        with fake.cond:
            done = fake.cond.wait_for(lambda: all(len(fake.sent_at[u]) > before[u] for u in users),
                                      timeout=STEP_TIMEOUT * 3)
            if not done:
                return None
            firsts = [fake.sent_at[u][before[u]] - queued for u in users]
            # let the turns finish (later messages of a turn, the flush) before the next wave
            while True:
                seen = sum(len(fake.sent_at[u]) for u in users)
                fake.cond.wait_for(lambda: sum(len(fake.sent_at[u]) for u in users) > seen, timeout=QUIET * 2)
                if sum(len(fake.sent_at[u]) for u in users) == seen:
                    break
        return firsts, max(firsts)


def _text_only(steps: dict[int, Step]) -> dict[int, Step]:
    return {u: s for u, s in steps.items() if s[0] == "text"}


def main() -> int:
    p = parser(__doc__)
    p.add_argument("--starts", type=int, default=None, help="start-ups per bot (default 3; quick 1)")
    p.add_argument("--runners", type=int, default=100, help="users sending at the same moment (default 100)")
    p.add_argument("--deadline", type=float, default=240.0, help="seconds the single-runner round trips may take")
    args = p.parse_args()
    starts = args.starts or (1 if args.quick else 3)
    workdir = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    ours = Bot("ours", [sys.executable, "-m", "bot", "run"], workdir)
    mem = Bot("memory", [sys.executable, str(Path(__file__).with_name("mem_bot.py"))], workdir)
    echo = Bot("echo", [sys.executable, str(Path(__file__).with_name("echo_bot.py"))], workdir)
    floor = Floor(workdir)
    bots = (ours, mem, echo)
    startup: dict[str, list[float]] = {b.name: [] for b in bots}
    one: dict[str, dict[str, list[float]]] = {b.name: {"first": [], "last": [], "confirmed": []} for b in bots}
    one_floor: list[float] = []
    many: dict[str, dict[str, list[float]]] = {b.name: {"first": [], "rate": []} for b in bots}
    many_floor: list[float] = []
    out: dict[str, Any] = {}
    failed = 0
    try:
        # The very first start compiles the patterns and leaves them in the cache (bot.regexes);
        # every later start (a restart, a deploy of the same build) reads them.
        cold = ours.start()
        log(f"bench_e2e: ours first poll after {cold:.2f} s (first start: no compiled-pattern cache)")
        ours.stop()
        for i in range(starts):
            for bot in (ours, echo):
                startup[bot.name].append(bot.start())
                log(f"bench_e2e: {bot.name} first poll after {startup[bot.name][-1]:.2f} s")
                if i < starts - 1:
                    bot.stop()
        mem.start()
        time.sleep(1.0)
        out["rss_start"] = {b.name: b.rss() for b in bots}

        # -- single runner ----------------------------------------------------------------------
        scripts = load_scripts(STEPS_PER_CONVERSATION)
        rounds = 1 if args.quick else 2
        deadline = time.monotonic() + args.deadline
        user = 600_000
        for _ in range(rounds):
            for steps in scripts:
                user += 1
                for step in steps:
                    if time.monotonic() > deadline:
                        break
                    stop = False
                    for bot in (ours, mem):
                        got = bot.step(user, step)
                        if got is None:
                            failed += 1
                            log(f"bench_e2e: no reply from {bot.name} to {step[0]} {step[1]!r} (user {user})")
                            stop = True
                            break
                        if step[0] == "text":
                            one[bot.name]["first"].append(got[0])
                            one[bot.name]["last"].append(got[1])
                            if got[2] is not None:
                                one[bot.name]["confirmed"].append(got[2])
                    if stop:
                        break
                    if step[0] == "text":
                        echoed = echo.step(user, step)
                        if echoed is None:
                            failed += 1
                            continue
                        one["echo"]["first"].append(echoed[0])
                        floor.sample()
                        one_floor.append(floor.samples[-1])
        log(f"bench_e2e: single runner done, {len(one['ours']['first'])} text steps")

        # -- many runners at once ---------------------------------------------------------------
        waves = 1 if args.quick else 2
        base = 700_000
        for w in range(waves):
            users = {base + w * 1000 + i: scripts[i % len(scripts)] for i in range(args.runners)}
            for k in range(STEPS_PER_CONVERSATION):
                steps = {u: s[k] for u, s in users.items() if k < len(s)}
                for bot in bots:
                    got = bot.wave(steps if bot is not echo else _text_only(steps))
                    if got is None:
                        failed += 1
                        log(f"bench_e2e: {bot.name} missed replies in wave {w}.{k}")
                        continue
                    firsts, span = got
                    many[bot.name]["first"] += firsts
                    many[bot.name]["rate"].append(len(firsts) / span)
                floor.sample(5)
                many_floor += floor.samples[-5:]
        out["rss_end"] = {b.name: b.rss() for b in bots}
    finally:
        for bot in bots:
            bot.close()
        floor.close()
        shutil.rmtree(workdir, ignore_errors=True)

    ms = 1000.0
    rows: list[Row] = []

    def p(values: list[float], q: float) -> float:
        return pct(values, q) * ms

    o, m, e, f = one["ours"], one["memory"], one["echo"], one_floor
    rows += [
        Row("3", "floor: in-place fdatasync (1 KiB pwrite, preallocated file), p50", p(f, 50), "ms",
            note=f"p99 {p(f, 99):.2f} ms, n={len(f)}, sampled between the single-runner steps"),
        Row("3", "1 runner: echo bot text -> reply, p50", p(e["first"], 50), "ms",
            note=f"p99 {p(e['first'], 99):.2f} ms, n={len(e['first'])}"),
        Row("3", "1 runner: ours (durable store) text -> first reply, p50", p(o["first"], 50), "ms",
            note=f"p99 {p(o['first'], 99):.2f} ms; last reply p50 {p(o['last'], 50):.2f}"),
        Row("3", "1 runner: ours -> update confirmed (saved + flushed), p50", p(o["confirmed"], 50), "ms",
            note=f"p99 {p(o['confirmed'], 99):.2f} ms, n={len(o['confirmed'])}"),
        Row("3", "1 runner: memory store -> first reply, p50", p(m["first"], 50), "ms",
            note=f"p99 {p(m['first'], 99):.2f} ms"),
    ]
    r50 = p(o["first"], 50) / (p(e["first"], 50) + p(f, 50))
    r99 = p(o["first"], 99) / (p(e["first"], 99) + p(f, 99))
    c50 = p(o["confirmed"], 50) / (p(e["first"], 50) + p(f, 50))
    mr = p(m["first"], 50) / p(e["first"], 50)
    rows += [
        Row("3", "1 runner: ours / (echo + fsync), p50", r50, "x", f"<= {RATIO_TARGET}x", r50 <= RATIO_TARGET),
        Row("3", "1 runner: ours / (echo + fsync), p99", r99, "x", note="p99 of each, same run"),
        Row("3", "1 runner: ours confirmed / (echo + fsync), p50", c50, "x",
            note="to the flush, which follows the reply"),
        Row("3", "1 runner: memory store / echo, p50", mr, "x", f"<= {MEMORY_RATIO_TARGET}x", mr <= MEMORY_RATIO_TARGET),
    ]
    o, m, e, f = many["ours"], many["memory"], many["echo"], many_floor
    if o["first"] and e["first"] and m["first"]:
        n = args.runners
        b50 = p(o["first"], 50) / (p(e["first"], 50) + p(f, 50))
        b99 = p(o["first"], 99) / (p(e["first"], 99) + p(f, 99))
        bm = p(m["first"], 50) / p(e["first"], 50)
        rate_o, rate_m, rate_e = median(o["rate"]), median(m["rate"]), median(e["rate"])
        rows += [
            Row("3", f"{n} at once: echo bot text -> reply, p50", p(e["first"], 50), "ms",
                note=f"p99 {p(e['first'], 99):.1f} ms, n={len(e['first'])}"),
            Row("3", f"{n} at once: ours -> first reply, p50", p(o["first"], 50), "ms",
                note=f"p99 {p(o['first'], 99):.1f} ms, n={len(o['first'])}"),
            Row("3", f"{n} at once: memory store -> first reply, p50", p(m["first"], 50), "ms",
                note=f"p99 {p(m['first'], 99):.1f} ms"),
            Row("3", f"{n} at once: floor fsync, p50", p(f, 50), "ms", note=f"p99 {p(f, 99):.2f} ms"),
            Row("3", f"{n} at once: ours / (echo + fsync), p50", b50, "x", f"<= {RATIO_TARGET}x", b50 <= RATIO_TARGET),
            Row("3", f"{n} at once: ours / (echo + fsync), p99", b99, "x"),
            Row("3", f"{n} at once: memory store / echo, p50", bm, "x", f"<= {MEMORY_RATIO_TARGET}x",
                bm <= MEMORY_RATIO_TARGET),
            Row("2", f"{n} at once: updates/s, echo bot (median of waves)", rate_e, "/s"),
            Row("2", f"{n} at once: updates/s, ours", rate_o, "/s", note=f"memory store {rate_m:,.0f}/s"),
            Row("2", f"{n} at once: updates/s, ours / echo", rate_o / rate_e, "x", f">= {THROUGHPUT_TARGET}x",
                rate_o / rate_e >= THROUGHPUT_TARGET),
        ]
    s_ours, s_echo = median(startup["ours"]), median(startup["echo"])
    rows += [
        Row("4", "RSS of runner-triage run after start-up", out["rss_start"]["ours"], "MiB", "< 300 MiB",
            out["rss_start"]["ours"] < 300, note=f"echo bot: {out['rss_start']['echo']:.0f} MiB"),
        Row("4", "RSS of runner-triage run at the end", out["rss_end"]["ours"], "MiB",
            "< 300 MiB", out["rss_end"]["ours"] < 300,
            note=f"echo bot: {out['rss_end']['echo']:.0f} MiB; {failed} steps without a reply"),
        Row("5", "start-up to first getUpdates, runner-triage run", s_ours, "s", "< 2 s", s_ours < 2,
            note=f"median of {starts}; " + ", ".join(f"{x:.2f}" for x in startup["ours"])),
        Row("5", "start-up to first getUpdates, the very first start", cold, "s",
            note="no compiled-pattern cache yet (bot.regexes); the rows above read it"),
        Row("5", "start-up to first getUpdates, bare echo bot", s_echo, "s",
            note=f"ours / echo {s_ours / s_echo:.1f}x"),
    ]
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
