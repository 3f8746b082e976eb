"""Rasa action-server fixtures: the real server as a subprocess, and Rasa-shaped action calls.

A Rasa server cannot be installed on Python 3.11, so these requests are built the way Rasa 3's
RemoteAction builds them: next_action, sender_id, version, tracker (its `current_state`), domain.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOMAIN: dict[str, Any] = yaml.safe_load((ROOT / "dialogues" / "domain.yml").read_text(encoding="utf-8"))
RASA_VERSION = "3.6.21"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def action_call(action: str, text: str = "", slots: dict[str, Any] | None = None, *,
                intent: str = "inform", form: bool = False, sender: str = "runner-1") -> dict[str, Any]:
    """A /webhook body as Rasa 3 sends it; slots not given are null, as in a real tracker."""
    all_slots: dict[str, Any] = {name: None for name in DOMAIN["slots"]}
    all_slots.update({"country": "US", "requested_slot": None})
    all_slots.update(slots or {})
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.97},
              "entities": [], "intent_ranking": [{"name": intent, "confidence": 0.97}]}
    active_loop = {"name": "triage_form", "is_interrupted": False, "rejected": False,
                   "trigger_message": latest} if form else {}
    events = [
        {"event": "action", "timestamp": 1700000000.0, "name": "action_session_start"},
        {"event": "session_started", "timestamp": 1700000000.1},
        {"event": "action", "timestamp": 1700000000.2, "name": "action_listen"},
        {"event": "user", "timestamp": 1700000001.0, "text": text, "parse_data": latest},
    ]
    tracker = {
        "sender_id": sender,
        "slots": all_slots,
        "latest_message": latest,
        "latest_event_time": 1700000001.0,
        "followup_action": None,
        "paused": False,
        "events": events,
        "latest_input_channel": "rest",
        "active_loop": active_loop,
        "latest_action": {"action_name": "action_listen"},
        "latest_action_name": "action_listen",
    }
    return {"next_action": action, "sender_id": sender, "version": RASA_VERSION,
            "tracker": tracker, "domain": DOMAIN}


class ActionServer:
    def __init__(self, url: str, port: int, log_path: Path) -> None:
        self.url = url
        self.port = port
        self.log_path = log_path
        self.http = httpx.Client(base_url=url, timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ActionServer]:
    """`python -m bot actions` on a free loopback port, at INFO so the log check means something."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("rasa") / "server.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log_path.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--log-level", "INFO", "actions", "--port", str(port)],
            cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )
    server = ActionServer(f"http://127.0.0.1:{port}", port, log_path)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"action server exited with {process.returncode}:\n{server.log()}")
            try:
                if server.http.get("/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"action server not healthy after 30 s:\n{server.log()}")
            time.sleep(0.1)
        yield server
    finally:
        server.http.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
