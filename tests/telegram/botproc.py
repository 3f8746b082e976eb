"""The real bot process (`python -m bot run [--webhook]`) against the Bot API stand-in."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
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
        self.logs: list[str] = []

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
        fake.wait_for(lambda: len(fake.sent(method)) > ready, timeout=60)

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, float]:
        """Send `sig`; the exit code and the seconds it took to exit."""
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(sig)
        try:
            out, _ = self.proc.communicate(timeout=15)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        self.logs.append(out)
        return self.proc.returncode, time.monotonic() - started

    def kill(self) -> None:
        code, _ = self.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL

    def cleanup(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()
