"""Benchmark the clinical evaluator, which runs on every message.

    python tests/benchmarks/bench_clinical.py [--repeat 20]

Every message of tests/data/vignettes_dev.yml is evaluated alone (a first message) and again as
the second message of a conversation that already holds facts; prints p50/p95/max per message.
Target: about a millisecond (issue 15). No timing asserts in the unit tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from bot.clinical.evaluate import evaluate

DATA = Path(__file__).resolve().parents[1] / "data" / "vignettes_dev.yml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    cases = yaml.safe_load(DATA.read_text(encoding="utf-8"))["cases"]
    messages = [str(m) for c in cases for m in c["messages"]]
    earlier = evaluate("rolled my ankle and can't put weight on it, my shin hurts at night").state
    evaluate("warm up")
    for label, state in (("first message", None), ("with earlier facts", earlier)):
        times = []
        for _ in range(args.repeat):
            for m in messages:
                t0 = time.perf_counter()
                evaluate(m, state)
                times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        print(f"{label:20} n={len(times)}  p50 {statistics.median(times):.2f} ms  "
              f"p95 {times[int(len(times) * 0.95)]:.2f} ms  max {times[-1]:.2f} ms")


if __name__ == "__main__":
    main()
