"""Retrieval quality on labelled question sets; prints the figures (run with -s to see them).

tests/data/kb_questions.yml is written blind to the knowledge base and is the honest measure;
tests/knowledge/dev_questions.yml is ours, used to calibrate the threshold and vocabulary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase
from tests.knowledge.evaluation import score

HERE = Path(__file__).parent
BLIND = HERE.parent / "data" / "kb_questions.yml"
DEV = HERE / "dev_questions.yml"


@pytest.mark.parametrize("path", [BLIND, DEV], ids=["blind", "dev"])
def test_retrieval_meets_targets(kb: KnowledgeBase, path: Path) -> None:
    assert path.is_file(), f"{path} is missing: the retrieval figures cannot be measured without it"
    result = score(kb, path)
    print(f"\n{path.name}: {result.summary()}")
    for text, expected, got in result.misses:
        print(f"  miss: expected {expected}, got {got}: {text}")
    assert result.top1_accuracy >= 0.90
    assert result.oos_precision >= 0.90
    assert result.oos_recall >= 0.90
