"""Lemmas read straight from the tokens equal what the spaCy pipeline would give."""

from __future__ import annotations

from pathlib import Path

from bot.nlu.lang import blank_english, lemmas

ROOT = Path(__file__).resolve().parent.parent


def pipeline_lemmas(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.lemma_.lower() for t in nlp(text) if (t.is_alpha or t.is_digit) and not t.is_space]


def test_the_fast_path_equals_the_pipeline_on_the_knowledge_base_and_runners_questions() -> None:
    nlp = blank_english()
    texts = [line.strip() for path in sorted((ROOT / "knowledge").rglob("*.yml"))
             for line in path.read_text().splitlines() if line.strip()]
    texts += [line.strip() for line in (ROOT / "tests/data/blind/questions2_blind.yml").read_text().splitlines()
              if line.strip()]
    texts += ["My calves and KNEES were hurting thru the hills", "REDs?", "I ran 10ks", "does it?"]
    assert len(texts) > 2000
    different = [t for t in texts if lemmas(t) != pipeline_lemmas(nlp, t)]
    assert different == []
