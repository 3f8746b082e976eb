"""A private redis-server for the tests: its own free port, its own temp directory, AOF on.

The tests never touch a Redis they did not start (a machine may run a shared one on 6379): each
`RedisServer` picks a free port, keeps its AOF under a directory the test owns, requires a random
password, and is stopped (SIGTERM, then SIGKILL) when the test or the session ends. `kill()` is
a SIGKILL; `start()` again restarts it on the same port and AOF, as an operator's restart would.

Without `redis-server` on PATH the tests that need it are skipped, except under CI (`CI=true`),
where .ci/run installs it and a missing server is a failure rather than a silent skip.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def require_redis_server() -> str:
    path = shutil.which("redis-server")
    if path is None:
        message = "redis-server is not installed (apt-get install -y redis-server; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


class _PortTaken(RuntimeError):
    pass


class RedisServer:
    """One redis-server process with AOF on, listening on 127.0.0.1 only, password required."""

    def __init__(self, directory: Path, *, appendfsync: str = "always", port: int | None = None) -> None:
        self.binary = require_redis_server()
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self.appendfsync = appendfsync
        self.port = port or free_port()
        self._port_chosen_here = port is None
        self._started_once = False
        self.password = secrets.token_hex(12)
        self.process: subprocess.Popen[bytes] | None = None
        self.log = self.directory / "redis.log"

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> None:
        """Start (or restart on the same port and AOF). A first start on a port picked here that
        another process took in the meantime (parallel test workers) tries a new free port."""
        for attempt in range(5):
            try:
                self._start(timeout)
            except _PortTaken:
                if not self._port_chosen_here or self._started_once or attempt == 4:
                    raise
                self.port = free_port()
            else:
                self._started_once = True
                return

    def _start(self, timeout: float) -> None:
        assert self.process is None or self.process.poll() is not None, "already running"
        args = [
            self.binary,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--dir", str(self.directory),
            "--appendonly", "yes",
            "--appendfsync", self.appendfsync,
            "--save", "",  # AOF only: no RDB snapshots taken behind the tests' back
            "--maxmemory-policy", "noeviction",
            "--requirepass", self.password,
            "--daemonize", "no",
            "--logfile", str(self.log),
        ]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self._tail()
                if "Address already in use" in tail:
                    raise _PortTaken(f"port {self.port} is taken: {tail}")
                raise RuntimeError(f"redis-server exited {self.process.returncode}: {tail}")
            if self._ping():
                return
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"redis-server on port {self.port} did not answer in {timeout} s: {self._tail()}")

    def _ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(f"AUTH {self.password}\r\nPING\r\n".encode())
                reply = b""
                while reply.count(b"\r\n") < 2:
                    chunk = conn.recv(256)
                    if not chunk:
                        return False
                    reply += chunk
                # While it loads its AOF, redis answers -LOADING: not ready yet.
                return reply.endswith(b"+PONG\r\n")
        except OSError:
            return False

    def _tail(self) -> str:
        try:
            return self.log.read_text()[-2000:]
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL, as a crash would: no shutdown, no final fsync."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One server for a whole test session (tests use their own key prefixes)."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A server for one test only (the tests that kill it, or depend on its settings)."""
    server = RedisServer(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.stop()
