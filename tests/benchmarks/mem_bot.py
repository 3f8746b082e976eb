"""`runner-triage run` with the memory store instead of the data directory's, for bench_e2e.py:
the same process, handlers, poller and ingress; only the store differs (nothing is written)."""

from __future__ import annotations

import sys

import bot.telegram.app as app
from bot.cli import main
from bot.store import MemoryStore

app.open_store = lambda data_dir: MemoryStore()  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(main(["run"]))
