"""Benchmark: the safety screen per message (crisis tiers + red flags), and its start-up.

    python tests/benchmarks/bench_safety.py [--rounds 5]

Per-message p50/p99 over every labelled message in tests/data (the safety sets, the crisis dev
set, the NLU and question sets: English and Spanish, 1 to ~300 characters), `--rounds` times,
after a warm-up; each message's figure is the median of its rounds. Also the language identifier alone, the model alone, and the start-up cost
(fresh processes, median of 3). Target (issue 14): p50 under ~1 ms, p99 under ~3 ms. No asserts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.evals.driver import load_cases  # noqa: E402
from bot.safety.crisis import assess, risk_score, warm_up  # noqa: E402
from bot.safety.language import detect_language  # noqa: E402
from bot.safety.screen import screen  # noqa: E402

SETS = ["safety_eval", "safety_holdout", "safety_final", "safety_untouched", "safety_dev_v2", "nlu_eval", "kb_questions"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, texts: list[str], rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    """One figure per message: the median of `rounds` runs of the thread's CPU time, so a busy
    machine (other processes on 2 cores) does not pose as the screen's cost."""
    per_message: list[list[float]] = [[] for _ in texts]
    for _ in range(rounds):
        for i, t in enumerate(texts):
            t0 = time.thread_time()
            fn(t)
            per_message[i].append((time.thread_time() - t0) * 1000)
    return [statistics.median(v) for v in per_message]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [str(c["text"]) for name in SETS for c in load_cases(ROOT / "tests" / "data" / f"{name}.yml")]
    code = ("import time; t=time.perf_counter(); from bot.safety.crisis import warm_up; warm_up(); "
            "print(time.perf_counter()-t)")
    starts = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                                   check=True).stdout.strip()) for _ in range(3)]
    warm_up()
    rows = [
        ("screen() (crisis + red flags)", timed(screen, texts, args.rounds)),
        ("crisis assess() alone", timed(assess, texts, args.rounds)),
        ("language identification alone", timed(detect_language, texts, args.rounds)),
        ("second net alone (when it runs)", timed(risk_score, texts, args.rounds)),
    ]
    print(f"{len(texts)} messages x {args.rounds} rounds; start-up (import + compile + load) "
          f"{statistics.median(starts):.2f} s")
    print(f"{'':34} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in rows:
        print(f"{name:34} {percentile(values, 50):8.3f} {percentile(values, 99):8.3f} {max(values):8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
