"""The question classifier (bot/knowledge/classifier.py): its counts are what the build script
writes now, it is loaded with the knowledge base, and it only helps where the rules are unsure."""

from __future__ import annotations

import json
import time
from pathlib import Path

from bot.knowledge import KnowledgeBase
from scripts.build_question_model import main as build_main


def test_the_model_file_is_up_to_date() -> None:
    # Fails after a change to the entries, synonyms, out_of_scope.yml or a labelled set:
    # run `python scripts/build_question_model.py` and commit knowledge/question_model.json.
    assert build_main(["--check"]) == 0


def test_the_knowledge_base_loads_the_model(kb: KnowledgeBase) -> None:
    assert kb._retriever.model is not None  # noqa: SLF001


def test_the_classifier_breaks_a_tie_and_leaves_clear_answers_alone(kb: KnowledgeBase) -> None:
    tied = kb.explain("will a physio just give me exercises?")
    assert tied.chosen is not None and tied.chosen.entry.id == "pt-what"
    clear = kb.explain("ice or heat?")
    assert clear.chosen is not None and clear.chosen.entry.id == "ice-or-heat" and clear.by_model is None
    # A trigger still refuses, whatever the classifier thinks.
    assert kb.best_entry("how much ibuprofen can I take?") is None


def test_the_classifier_costs_little_per_question(kb: KnowledgeBase) -> None:
    model = kb._retriever.model  # noqa: SLF001
    assert model is not None
    found = kb._retriever.featurize("my legs are absolutely toast after the race, is that normal or what")  # noqa: SLF001
    start = time.perf_counter()
    for _ in range(200):
        model.guess(found)
    assert (time.perf_counter() - start) / 200 < 0.005


def test_the_shipped_lemmas_are_used_and_a_stale_file_is_not(tmp_path: Path) -> None:
    """knowledge/lemmas.json spares start-up the spaCy pass over the knowledge base (issue 18); a
    file that no longer matches the lemmatiser is ignored, never trusted."""
    from bot.knowledge import default_directory
    from bot.knowledge.retrieval import LEMMAS_FILE, prime_lemmas

    assert prime_lemmas(default_directory() / LEMMAS_FILE)
    stale = tmp_path / LEMMAS_FILE
    stale.write_text(json.dumps({"lemmas": {"my knees hurt": ["wrong", "lemmas"]}}), encoding="utf-8")
    assert not prime_lemmas(stale)
    assert not prime_lemmas(tmp_path / "missing.json")
