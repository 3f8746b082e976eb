"""The knowledge base's BM25 with each term's column kept gives rank_bm25's own scores, float for
float, on every example question and on words no entry has."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.evals.driver import shared_engine
from bot.knowledge.retrieval import Bm25Columns, _lemmas

REPO = Path(__file__).resolve().parents[2]


def test_the_columns_give_rank_bm25s_scores_exactly() -> None:
    retriever = shared_engine().kb._retriever
    columns = retriever._bm25
    assert isinstance(columns, Bm25Columns)
    examples = yaml.safe_load((REPO / "knowledge" / "question_examples.yml").read_text(encoding="utf-8"))
    questions = [q for qs in examples.values() for q in qs] + ["zzqx unheard-of words", "knee knee knee"]
    for question in questions:
        terms, _ = retriever._query(retriever.spelled(_lemmas(question)), ())
        terms = terms or question.lower().split()
        assert list(columns.get_scores(terms)) == list(columns.model.get_scores(terms)), question
        assert list(columns.get_scores(terms)) == list(columns.get_scores(terms))  # the kept columns too
