"""Benchmark: NLU start-up, NLU per message, safety screen per message, engine per turn.

    python tests/benchmarks/bench_engine.py [--rounds 20]

Start-up is measured in fresh processes (median of 5). Per-message and per-turn figures are
p50/p99 over the labelled NLU set and every YAML conversation, replayed `--rounds` times.
Targets (issue 2): start-up < 3 s, NLU < 2 ms p99 per message. Prints a table; no assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.engine import Engine  # noqa: E402
from bot.evaluation import load_cases  # noqa: E402
from bot.safety.screen import screen  # noqa: E402
from tests.conversation import CONVERSATIONS, load_conversation, replay  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def startup(code: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


async def per_turn(engine: Engine, rounds: int) -> list[float]:
    """Every conversation replayed as the tests replay it (its record, times and buttons shown
    earlier), each step still checked, so a figure is never taken over a conversation gone wrong."""
    conversations = [(p.name, load_conversation(p)) for p in sorted(CONVERSATIONS.glob("*.yml"))]
    timings: list[float] = []
    for _ in range(rounds):
        for name, conv in conversations:
            await replay(engine, conv, name, timings)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    timer = "import time; t=time.perf_counter(); {}; print(time.perf_counter()-t)"
    nlu_start = startup(timer.format("from bot.nlu.pipeline import NLU; NLU()"))
    engine_start = startup(timer.format("from bot.engine import Engine; Engine.load()"))

    engine = Engine.load()
    texts = [c["text"] for c in load_cases(ROOT / "tests" / "data" / "nlu_eval.yml")]
    safety_texts = [c["text"] for c in load_cases(ROOT / "tests" / "data" / "safety_eval.yml")]
    for t in texts[:20]:
        engine.nlu.parse(t)  # warm-up
    nlu_ms: list[float] = []
    for _ in range(args.rounds):
        for t in texts:
            t0 = time.perf_counter()
            engine.nlu.parse(t)
            nlu_ms.append((time.perf_counter() - t0) * 1000)
    screen_ms: list[float] = []
    for _ in range(args.rounds):
        for t in safety_texts:
            t0 = time.perf_counter()
            screen(t)
            screen_ms.append((time.perf_counter() - t0) * 1000)
    turn_ms = asyncio.run(per_turn(engine, args.rounds))

    print(f"{'measure':38} {'value':>10}")
    print(f"{'NLU start-up (median of 5 processes)':38} {nlu_start * 1000:8.0f} ms")
    print(f"{'engine start-up incl. KB, NLU, model':38} {engine_start * 1000:8.0f} ms")
    for name, values in (("NLU per message", nlu_ms), ("safety screen per message", screen_ms),
                         ("engine per turn (all conversations)", turn_ms)):
        print(f"{name + ' p50':38} {percentile(values, 50):8.3f} ms")
        print(f"{name + ' p99':38} {percentile(values, 99):8.3f} ms   (n={len(values)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
