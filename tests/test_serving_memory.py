"""A serving process (`run`, `chat`) loads the engine with the cyclic collector off and then
freezes what it loaded (Engine.load_serving): later collections never scan the models and
patterns, which took ~70 ms a full collection, in the middle of some runner's turn."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import gc
from bot.engine import Engine
engine = Engine.load_serving()
print(gc.isenabled(), gc.get_freeze_count())
"""


def test_the_loaded_engine_is_frozen_and_the_collector_back_on() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    enabled, frozen = out.stdout.split()
    assert enabled == "True"
    assert int(frozen) > 50_000  # the engine's objects: out of every later collection's sight
