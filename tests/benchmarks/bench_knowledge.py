"""Knowledge-base benchmark: load time and answer latency (a script, not a test).

    . .venv/bin/activate && python tests/benchmarks/bench_knowledge.py

Targets (issue 7 / the knowledge brief): whole-KB load < 300 ms, answer p99 < 5 ms.
The spaCy pipeline is built first and timed separately: it is shared with the NLU and paid once
per process whoever uses it first.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.knowledge import KnowledgeBase, default_directory  # noqa: E402
from bot.nlu.lang import lemmas  # noqa: E402


def main() -> None:
    start = time.perf_counter()
    lemmas("warm up the shared pipeline")
    pipeline_ms = (time.perf_counter() - start) * 1000

    loads = []
    for _ in range(5):
        start = time.perf_counter()
        kb = KnowledgeBase.load(default_directory())
        loads.append((time.perf_counter() - start) * 1000)

    questions: list[tuple[str, list[str]]] = []
    for name in ("tests/data/kb_questions.yml", "tests/knowledge/dev_questions.yml"):
        path = ROOT / name
        if path.exists():
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
                ctx = [case["context_location"]] if case.get("context_location") else []
                questions.append((case["text"], ctx))
    for text, ctx in questions:  # warm-up
        kb.answer(text, ctx)

    timings = []
    for _ in range(20):
        for text, ctx in questions:
            start = time.perf_counter_ns()
            kb.answer(text, ctx)
            timings.append((time.perf_counter_ns() - start) / 1e6)
    timings.sort()
    advice = []
    for _ in range(200):
        start = time.perf_counter_ns()
        kb.advice("see_pt", ["shin", "knee"], ["your shin pain comes back on each run"])
        advice.append((time.perf_counter_ns() - start) / 1e6)
    advice.sort()

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(p * len(values)))]

    print(f"spaCy pipeline (shared, first use): {pipeline_ms:.0f} ms")
    print(f"KB load: first {loads[0]:.1f} ms, median {statistics.median(loads):.1f} ms (target < 300 ms)")
    print(
        f"answer: {len(timings)} calls over {len(questions)} questions: "
        f"p50 {pct(timings, 0.5):.3f} ms, p99 {pct(timings, 0.99):.3f} ms, max {timings[-1]:.3f} ms (target p99 < 5 ms)"
    )
    print(f"advice: p50 {pct(advice, 0.5):.3f} ms, p99 {pct(advice, 0.99):.3f} ms")


if __name__ == "__main__":
    main()
