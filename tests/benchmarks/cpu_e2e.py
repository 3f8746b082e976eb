"""CPU per update of the real process under 100 runners at once, and where it goes.

    python tests/benchmarks/cpu_e2e.py [--bot ours|memory|echo] [--waves 3] [--profile out.pstat]

Starts the bot like bench_e2e.py does (its Bot class: a local Bot API stand-in over HTTP, a
temporary data directory and compiled-pattern cache), starts it a second time (so the cache is
warm, like any start after the first), then sends `--waves` rounds of 100 runners x 5 steps (the
first five steps of the YAML conversations) and reports the process's CPU time (user + system,
from /proc) per update and the median updates/s of the waves. `--profile` runs the bot under
cProfile (the event loop's thread, where the turns run) from the first wave to its exit and writes
the stats for `python -m pstats`.

This is how issue 18's profile of 2026-12-04 (docs/performance.md, "CPU per update") was taken.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_e2e import STEPS_PER_CONVERSATION, Bot, _text_only
from drive import load_scripts

PROFILED = """
import atexit, cProfile, signal, sys
profile = cProfile.Profile()
signal.signal(signal.SIGUSR1, lambda *_: profile.enable())
atexit.register(lambda: (profile.disable(), profile.dump_stats(sys.argv[1])))
from bot.cli import main
sys.exit(main(["run"]))
"""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bot", choices=("ours", "memory", "echo"), default="ours")
    p.add_argument("--waves", type=int, default=3, help="rounds of 100 runners x 5 steps (default 3)")
    p.add_argument("--runners", type=int, default=100)
    p.add_argument("--profile", type=Path, help="write cProfile stats of the bot's event loop here")
    args = p.parse_args()
    here = Path(__file__).parent
    argv = {"ours": [sys.executable, "-m", "bot", "run"],
            "memory": [sys.executable, str(here / "mem_bot.py")],
            "echo": [sys.executable, str(here / "echo_bot.py")]}[args.bot]
    if args.profile is not None:
        if args.bot != "ours":
            p.error("--profile profiles `runner-triage run` (--bot ours)")
        argv = [sys.executable, "-c", PROFILED, str(args.profile.resolve())]
    workdir = Path(tempfile.mkdtemp(prefix="cpu-e2e-"))
    bot = Bot(args.bot, argv, workdir)
    try:
        bot.start()
        bot.stop()
        bot.start()  # the second start reads the compiled-pattern cache, as every later one does
        time.sleep(1.0)
        assert bot.proc is not None
        if args.profile is not None:
            bot.proc.send_signal(signal.SIGUSR1)
            time.sleep(0.2)
        before = cpu_seconds(bot.proc.pid)
        scripts = load_scripts(STEPS_PER_CONVERSATION)
        rates: list[float] = []
        updates = 0
        for w in range(args.waves):
            users = {900_000 + w * 1000 + i: scripts[i % len(scripts)] for i in range(args.runners)}
            for k in range(STEPS_PER_CONVERSATION):
                steps = {u: s[k] for u, s in users.items() if k < len(s)}
                if args.bot == "echo":
                    steps = _text_only(steps)
                got = bot.wave(steps)
                if got is not None:
                    rates.append(len(got[0]) / got[1])
                    updates += len(got[0])
        spent = cpu_seconds(bot.proc.pid) - before
        print(f"{args.bot}: {updates} updates in {len(rates)} waves; CPU {spent:.2f} s = "
              f"{spent / max(updates, 1) * 1000:.2f} ms per update; median wave {statistics.median(rates):.0f} updates/s")
        print("Bot API calls:", dict(bot.fake.counts))
    finally:
        bot.close()
    if args.profile is not None:
        print(f"profile: python -m pstats {args.profile}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
