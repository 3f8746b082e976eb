"""The real process over HTTP: round trip against a bare PTB echo bot, start-up time, RSS.

    python tests/benchmarks/bench_e2e.py [--quick] [--starts 3] [--json]

Two local Bot API stand-ins (tests/telegram/fake_api.py served over HTTP on 127.0.0.1, one per
bot) and two processes polling them in the same run: ``python -m bot run`` (the real
``runner-triage run``, TinyDB data dir in a temp dir) and ``tests/benchmarks/echo_bot.py`` (bare
PTB, one handler that sends the text back). Both without PTB's rate limiter, which would otherwise
pace our sends at 30/s by design (TELEGRAM_RATE_LIMITER=off).

* Start-up: from spawning the process to its first getUpdates call (median of ``--starts``,
  the two bots alternating).
* Round trip: the first five steps of every YAML conversation (five, so that the flood gate's
  "slow down" never fires), one update at a time; for each step of ours the echo bot gets the same
  text right after. Time from the update being queued at the stand-in to the first message sent
  back, and to the last one of the turn (the turn is over when 50 ms pass without another).
* RSS of both processes after start-up and after the round trips.

Everything is on loopback; every wait has a time-out and the loop a deadline.
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


class Bot:
    def __init__(self, name: str, argv: list[str], workdir: Path) -> None:
        self.name = name
        self.argv = argv
        self.workdir = workdir
        self.fake = LeanTelegram()
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

    def step(self, user: int, step: Step) -> tuple[float, float] | None:
        """Send one step; (seconds to the first reply, seconds to the last), None on no reply."""
        body = update_for(self.fake, user, step)
        if body is None:
            return None
        fake = self.fake
        with fake.cond:
            before = len(fake.sent_at[user])
        queued = time.perf_counter()
        fake.user_update(body)
        with fake.cond:
            if not fake.cond.wait_for(lambda: len(fake.sent_at[user]) > before, timeout=STEP_TIMEOUT):
                return None
            while True:
                seen = len(fake.sent_at[user])
                fake.cond.wait_for(lambda: len(fake.sent_at[user]) > seen, timeout=QUIET)
                if len(fake.sent_at[user]) == seen:
                    break
            times = fake.sent_at[user][before:]
        return times[0] - queued, times[-1] - queued


def main() -> int:
    p = parser(__doc__)
    p.add_argument("--starts", type=int, default=None, help="start-ups per bot (default 3; quick 1)")
    p.add_argument("--deadline", type=float, default=120.0, help="seconds the round trips may take in all")
    args = p.parse_args()
    starts = args.starts or (1 if args.quick else 3)
    workdir = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    ours = Bot("ours", [sys.executable, "-m", "bot", "run"], workdir)
    echo = Bot("echo", [sys.executable, str(Path(__file__).with_name("echo_bot.py"))], workdir)
    startup: dict[str, list[float]] = {"ours": [], "echo": []}
    rtt: dict[str, dict[str, list[float]]] = {k: {"first": [], "last": [], "text_first": [], "text_last": []}
                                              for k in ("ours", "echo")}
    out: dict[str, Any] = {}
    failed = 0
    try:
        for i in range(starts):
            for bot in (ours, echo):
                startup[bot.name].append(bot.start())
                log(f"bench_e2e: {bot.name} first poll after {startup[bot.name][-1]:.2f} s")
                if i < starts - 1:
                    bot.stop()
        time.sleep(1.0)
        out["rss_start"] = {b.name: b.rss() for b in (ours, echo)}

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
                    got = ours.step(user, step)
                    if got is None:
                        failed += 1
                        log(f"bench_e2e: no reply from ours to {step[0]} {step[1]!r} (user {user})")
                        break
                    rtt["ours"]["first"].append(got[0])
                    rtt["ours"]["last"].append(got[1])
                    if step[0] == "text":
                        rtt["ours"]["text_first"].append(got[0])
                        rtt["ours"]["text_last"].append(got[1])
                        echoed = echo.step(user, step)
                        if echoed is None:
                            failed += 1
                            continue
                        rtt["echo"]["text_first"].append(echoed[0])
        out["rss_end"] = {b.name: b.rss() for b in (ours, echo)}
    finally:
        ours.close()
        echo.close()
        shutil.rmtree(workdir, ignore_errors=True)

    ms = 1000.0
    o, e = rtt["ours"], rtt["echo"]
    ratio_first = median(o["text_first"]) / median(e["text_first"])
    ratio_last = median(o["text_last"]) / median(e["text_first"])
    s_ours, s_echo = median(startup["ours"]), median(startup["echo"])
    rows = [
        Row("3", "round trip, echo bot: text -> reply, median", median(e["text_first"]) * ms, "ms",
            note=f"p99 {pct(e['text_first'], 99) * ms:.1f} ms, n={len(e['text_first'])}"),
        Row("3", "round trip, ours: text -> first reply, median", median(o["text_first"]) * ms, "ms",
            note=f"p99 {pct(o['text_first'], 99) * ms:.1f} ms, n={len(o['text_first'])}"),
        Row("3", "round trip, ours: text -> last reply of the turn, median", median(o["text_last"]) * ms, "ms",
            note=f"p99 {pct(o['text_last'], 99) * ms:.1f} ms"),
        Row("3", "round trip, ours: any update (buttons too) -> last reply", median(o["last"]) * ms, "ms",
            note=f"n={len(o['last'])}, {failed} steps without a reply"),
        Row("3", "ratio ours / echo, first reply (medians)", ratio_first, "x", "<= 1.5x", ratio_first <= 1.5),
        Row("3", "ratio ours / echo, last reply (medians)", ratio_last, "x", "<= 1.5x", ratio_last <= 1.5),
        Row("4", "RSS of runner-triage run after start-up", out["rss_start"]["ours"], "MiB", "< 300 MiB",
            out["rss_start"]["ours"] < 300, note=f"echo bot: {out['rss_start']['echo']:.0f} MiB"),
        Row("4", f"RSS of runner-triage run after {len(o['first'])} updates", out["rss_end"]["ours"], "MiB",
            "< 300 MiB", out["rss_end"]["ours"] < 300, note=f"echo bot: {out['rss_end']['echo']:.0f} MiB"),
        Row("5", "start-up to first getUpdates, runner-triage run", s_ours, "s", "< 3 s", s_ours < 3,
            note=f"median of {starts}; " + ", ".join(f"{x:.2f}" for x in startup["ours"])),
        Row("5", "start-up to first getUpdates, bare echo bot", s_echo, "s",
            note=f"ours / echo {s_ours / s_echo:.1f}x"),
    ]
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
