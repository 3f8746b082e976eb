"""The real bot process (`python -m bot run [--webhook]`) against the Bot API stand-in."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.telegram.fake_api import TOKEN, FakeTelegram

REPO = Path(__file__).resolve().parents[2]
SECRET = "s3cret_token-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BotProcess:
    """Start, kill and restart the bot on one data directory. With `webhook=True` it runs
    `run --webhook` on a free local port and the stand-in delivers updates there."""

    def __init__(self, base_url: str, data_dir: Path, workdir: Path, *, webhook: bool = False) -> None:
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RUNNER_TRIAGE_", "WEBHOOK_"))},
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": base_url,
            "RUNNER_TRIAGE_DATA_DIR": str(data_dir),
            "LOG_LEVEL": "INFO",
            "RUNNER_TRIAGE_HEARTBEAT_FILE": str(workdir / "heartbeat"),
            "PYTHONPATH": str(REPO),
        }
        self.webhook = webhook
        self.port = free_port() if webhook else 0
        if webhook:
            self.env.update({"WEBHOOK_URL": "https://bot.example/telegram", "WEBHOOK_SECRET": SECRET,
                             "WEBHOOK_PORT": str(self.port)})
        self.workdir = workdir
        self.proc: subprocess.Popen[str] | None = None
        self.logs: list[str] = []  # the output of each process, once it has exited
        self._output: list[str] = []
        self._reader: threading.Thread | None = None

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    def start(self, fake: FakeTelegram) -> None:
        """Start and wait until it is ready: the command menu is published (polling), or the
        webhook is registered (its listener is up before that)."""
        method = "setWebhook" if self.webhook else "setMyCommands"
        ready = len(fake.sent(method))
        command = [sys.executable, "-m", "bot", "run", *(["--webhook"] if self.webhook else [])]
        self.proc = subprocess.Popen(command, cwd=self.workdir, env=self.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        # Read the output as it comes: a full pipe (64 KB) would block the bot's next log line,
        # and with it its event loop.
        self._output = []
        self._reader = threading.Thread(target=self._read, args=(self.proc, self._output), daemon=True)
        self._reader.start()
        fake.wait_for(lambda: len(fake.sent(method)) > ready, timeout=60)

    @staticmethod
    def _read(proc: subprocess.Popen[str], into: list[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            into.append(line)

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, float]:
        """Send `sig`; the exit code and the seconds it took to exit."""
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=15)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
        took = time.monotonic() - started
        if self._reader is not None:
            self._reader.join(timeout=15)
        self.logs.append("".join(self._output))
        return self.proc.returncode, took

    def kill(self) -> None:
        code, _ = self.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL

    def cleanup(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
