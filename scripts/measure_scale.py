"""The scale-out figures in docs/performance.md ("Scale-out"): the whole bot as 1, 2 and 4
`runner-triage run --webhook` workers on a private redis-server (AOF, appendfsync always), behind
the Bot API stand-in, which delivers to the workers in turn like a load balancer.

    .venv/bin/python scripts/measure_scale.py [--runners 200]

Prints: updates/s and webhook latency (p50/p99 of the requests answered 200) for a burst of
runners each sending SCRIPT; the time until everything is answered after one of 4 workers is
killed -9 mid-load; and how long the check-in sweep's leader lease takes to move after its holder
is killed -9 (the default 15 s TTL). The send rate is raised (the stand-in has no limit): these
are the bot's figures, not Telegram's 30 messages/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.redis_server import RedisServer  # noqa: E402
from tests.scale.botworkers import percentile, start_workers, stop_all  # noqa: E402
from tests.telegram.fake_api import BotAPIServer, FakeTelegram  # noqa: E402

SCRIPT = ("/start help", "my left ankle is a bit sore after long runs, it fades in a couple of days")
ANSWERS = 3
FAST = {"RUNNER_TRIAGE_SEND_RATE": "1000"}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def answered(fake: FakeTelegram, users: list[int]) -> bool:
    if fake.pending():
        return False
    return fake.count_sent(set(users)) >= ANSWERS * len(users)


def burst_run(workers_n: int, runners: int, tmp: Path, kill: bool = False) -> dict[str, float]:
    server = RedisServer(tmp / f"redis-{workers_n}-{kill}")
    server.start()
    fake = FakeTelegram()
    try:
        with BotAPIServer(fake) as api:
            workers = start_workers(workers_n, fake, api.base_url, server, tmp / f"w{workers_n}{kill}", FAST)
            try:
                users = [100_000 + n for n in range(runners)]
                started = time.monotonic()
                for text in SCRIPT:
                    for user in users:
                        fake.text(user, text)
                result: dict[str, float] = {}
                if kill:
                    fake.wait_for(lambda: fake.count_sent(set(users)) >= runners, timeout=300)
                    workers[0].kill()
                    killed = time.monotonic()
                fake.wait_for(lambda: answered(fake, users), timeout=600)
                done = time.monotonic()
                ok = [seconds for _, status, seconds in fake.webhook_timings if status == 200]
                result.update(updates_per_s=len(SCRIPT) * runners / (done - started),
                              p50=percentile(ok, 50), p99=percentile(ok, 99),
                              not_200=sum(1 for _, status, _ in fake.webhook_timings if status != 200))
                if kill:
                    result["recovery"] = done - killed
                return result
            finally:
                stop_all(workers)
    finally:
        server.stop()


def failover(tmp: Path) -> float:
    server = RedisServer(tmp / "redis-leader")
    server.start()
    fake = FakeTelegram()
    try:
        with BotAPIServer(fake) as api:
            workers = start_workers(3, fake, api.base_url, server, tmp / "leader", FAST)
            try:
                deadline = time.monotonic() + 60
                while True:
                    leaders = [w for w in workers if "now the checkin-sweep leader" in w.log()]
                    if leaders or time.monotonic() > deadline:
                        break
                    time.sleep(0.1)
                assert len(leaders) == 1, "no single leader"
                leaders[0].kill()
                killed = datetime.now()
                others = [w for w in workers if w is not leaders[0]]
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    for worker in others:
                        found = re.search(r"^(\S+ \S+) INFO bot.scale.leader: now the checkin-sweep leader",
                                          worker.log(), re.M)
                        if found:
                            at = datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S,%f")
                            return (at - killed).total_seconds()
                    time.sleep(0.1)
                raise AssertionError("no new leader within 60 s")
            finally:
                stop_all(workers)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runners", type=int, default=200)
    args = parser.parse_args()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    print(f"machine: {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, load {load()}")
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        for n in (1, 2, 4):
            r = burst_run(n, args.runners, tmp)
            print(f"{n} worker(s): {r['updates_per_s']:.1f} updates/s, webhook p50 {1000 * r['p50']:.0f} ms, "
                  f"p99 {1000 * r['p99']:.0f} ms, {r['not_200']:.0f} not 200; load {load()}", flush=True)
        r = burst_run(4, args.runners, tmp, kill=True)
        print(f"4 workers, one killed -9 mid-load: everything answered {r['recovery']:.1f} s after the kill "
              f"({r['updates_per_s']:.1f} updates/s overall, p99 {1000 * r['p99']:.0f} ms); load {load()}", flush=True)
        print(f"sweep leader killed -9 (TTL 15 s): new leader after {failover(tmp):.1f} s; load {load()}")


if __name__ == "__main__":
    main()
