"""A serving process (`run`, `chat`) loads the engine with no cyclic collection and then freezes
what it loaded (Engine.load_serving, bot.collector): later collections never scan the models and
patterns, which took ~70 ms a full collection, in the middle of some runner's turn; and none runs
during the load, though srsly turns the collector back on after each msgpack read."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import gc
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
from bot import collector
collector.pause()  # as `run` and `chat` do first
collections.clear()
from bot.engine import Engine
engine = Engine.load_serving()
print(gc.isenabled(), gc.get_freeze_count(), len(collections), gc.get_threshold() != (0, 10, 10))
"""


def test_the_loaded_engine_is_frozen_and_the_collector_back_on() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    enabled, frozen, collections, restored = out.stdout.split()
    assert enabled == "True" and restored == "True"
    assert int(frozen) > 50_000  # the engine's objects: out of every later collection's sight
    assert collections == "0"  # none while loading
