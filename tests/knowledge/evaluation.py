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
