"""Real `runner-triage run --webhook` worker processes on one private redis-server, behind the Bot
API stand-in (tests/telegram/fake_api.py), which delivers each update to the workers in turn the
way a load balancer would, and sends it again (to the next one) when a worker does not answer 2xx.

Used by test_workers.py and by scripts/measure_scale.py (the figures in docs/performance.md).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.redis_server import RedisServer
from tests.telegram.fake_api import TOKEN, FakeTelegram

REPO = Path(__file__).resolve().parents[2]
SECRET = "s3cret_token-1"
PUBLIC_URL = "https://bot.example/telegram"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Worker:
    """One worker process; its output is kept (read as it comes, so a full pipe never blocks it)."""

    def __init__(self, name: str, base_url: str, redis: RedisServer, workdir: Path,
                 env: dict[str, str] | None = None) -> None:
        self.name = name
        self.port = free_port()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RUNNER_TRIAGE_", "WEBHOOK_"))},
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": base_url,
            "RUNNER_TRIAGE_STORE": redis.url,
            "RUNNER_TRIAGE_DATA_DIR": str(workdir / "data"),
            "WEBHOOK_URL": PUBLIC_URL,
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_PORT": str(self.port),
            "LOG_LEVEL": "INFO",
            "PYTHONPATH": str(REPO),
            **(env or {}),
        }
        self.workdir = workdir
        self.proc: subprocess.Popen[str] | None = None
        self.output: list[str] = []
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run", "--webhook"], cwd=self.workdir,
                                     env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            self.output.append(line)

    def listening(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return True
        except OSError:
            return False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(15)
        if self._reader is not None:
            self._reader.join(5)

    def stop(self) -> int:
        """SIGTERM; the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._reader is not None:
            self._reader.join(5)
        return int(self.proc.returncode)

    def log(self) -> str:
        return "".join(self.output)


def start_workers(count: int, fake: FakeTelegram, base_url: str, redis: RedisServer, workdir: Path,
                  env: dict[str, str] | None = None, timeout: float = 180) -> list[Worker]:
    """Start `count` workers with the webhook registered as the operator would (the stand-in's
    state), wait until every one listens, then deliver to all of them in turn."""
    workers = []
    for n in range(count):
        directory = workdir / f"w{n}"
        directory.mkdir(parents=True, exist_ok=True)
        workers.append(Worker(f"w{n}", base_url, redis, directory, env))
    with fake.cond:  # registered by the operator (`runner-triage webhook set`), not by the workers
        fake.webhook = {"url": PUBLIC_URL, "secret_token": SECRET, "max_connections": 40}
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + timeout
    for worker in workers:
        while not worker.listening():
            if not worker.alive() or time.monotonic() > deadline:
                raise AssertionError(f"worker {worker.name} did not start:\n{worker.log()[-3000:]}")
            time.sleep(0.1)
    fake.deliver_webhooks([w.url for w in workers])
    return workers


def stop_all(workers: list[Worker]) -> None:
    for worker in workers:
        if worker.alive():
            worker.stop()


def sent_times(fake: FakeTelegram, method: str = "sendMessage") -> list[float]:
    """When each message reached the stand-in (time.time())."""
    with fake.cond:
        return [p["_at"] for m, p in fake.calls if m == method and "_at" in p]


def windows_max(times: list[float], window: float = 1.0) -> int:
    """The most events in any window of `window` seconds."""
    times = sorted(times)
    best = 0
    start = 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]

