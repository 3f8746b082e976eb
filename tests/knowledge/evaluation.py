"""Scoring retrieval on a labelled question set (used by the eval test and by hand)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.knowledge import KnowledgeBase

OUT = "out_of_scope"


@dataclass
class Scores:
    in_scope: int = 0
    top1: int = 0
    oos_true_positive: int = 0
    oos_predicted: int = 0
    oos_actual: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # text, expected, got

    @property
    def top1_accuracy(self) -> float:
        return self.top1 / self.in_scope if self.in_scope else 0.0

    @property
    def oos_precision(self) -> float:
        return self.oos_true_positive / self.oos_predicted if self.oos_predicted else 0.0

    @property
    def oos_recall(self) -> float:
        return self.oos_true_positive / self.oos_actual if self.oos_actual else 0.0

    def summary(self) -> str:
        return (
            f"top-1 {self.top1}/{self.in_scope} = {self.top1_accuracy:.1%}; "
            f"out-of-scope precision {self.oos_true_positive}/{self.oos_predicted} = {self.oos_precision:.1%}, "
            f"recall {self.oos_true_positive}/{self.oos_actual} = {self.oos_recall:.1%}"
        )


def score(kb: KnowledgeBase, path: Path) -> Scores:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    s = Scores()
    for case in cases:
        context = [case["context_location"]] if case.get("context_location") else []
        entry = kb.best_entry(case["text"], context)
        got = entry.id if entry else OUT
        expected = case["expect"]
        if expected == OUT:
            s.oos_actual += 1
        else:
            s.in_scope += 1
            s.top1 += got == expected
        if got == OUT:
            s.oos_predicted += 1
            s.oos_true_positive += expected == OUT
        if got != expected:
            s.misses.append((case["text"], expected, got))
    return s


if __name__ == "__main__":
    import sys

    from bot.knowledge import default_directory

    result = score(KnowledgeBase.load(default_directory()), Path(sys.argv[1]))
    print(result.summary())
    if "-v" in sys.argv:
        for text, expected, got in result.misses:
            print(f"  expected {expected:20} got {got:20} {text}")


# -- sets in the blind format (bot/evals/questions.py), scored on the knowledge base alone ---------


@dataclass
class TopicScores:
    """Like `python -m bot.evals.questions`, but asking the knowledge base directly: what the
    content and retrieval get right whatever the engine's routing does with the message."""

    counts: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, ok: bool) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1
        self.counts[f"{key}:ok"] = self.counts.get(f"{key}:ok", 0) + ok

    def rate(self, key: str) -> float:
        return self.counts.get(f"{key}:ok", 0) / self.counts[key] if self.counts.get(key) else 0.0

    def summary(self) -> str:
        def part(key: str) -> str:
            return f"{self.counts.get(f'{key}:ok', 0)}/{self.counts.get(key, 0)} = {self.rate(key):.1%}"

        return f"top-1 (in scope) {part('in')}; refusals that fit {part('oos')}"


def score_topics(kb: KnowledgeBase, path: Path) -> TopicScores:
    from bot.evals.questions import REFUSALS, TOPIC_ENTRIES

    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    s = TopicScores()
    for case in cases:
        when = case.get("when") or "first"
        context = [] if when == "first" else [case.get("location") or "knee"]
        entry = kb.best_entry(case["text"], context)
        if case["topic"] == OUT:
            refused_as = kb._retriever.out_of_scope_topic(case["text"]) or "other"  # noqa: SLF001
            ok = entry is None and refused_as in REFUSALS.get(case.get("refusal") or "", ())
            got = entry.id if entry else f"refused as {refused_as}"
            s.add("oos", ok)
        else:
            ok = entry is not None and entry.id in TOPIC_ENTRIES.get(case["topic"], ())
            got = entry.id if entry else f"refused as {kb._retriever.out_of_scope_topic(case['text']) or 'other'}"  # noqa: SLF001
            s.add("in", ok)
        if not ok:
            where = f" ({', '.join(context)})" if context else ""
            s.misses.append(f"{case['topic']}/{case.get('refusal', '')} [{when}]{where} {case['text']!r}: {got}")
    return s
