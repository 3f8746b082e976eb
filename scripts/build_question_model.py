"""Build knowledge/question_model.json, the question classifier's counts (bot/knowledge/classifier.py).

    python scripts/build_question_model.py            # write the model
    python scripts/build_question_model.py --check    # exit 1 if the file is not what would be written
    python scripts/build_question_model.py --holdout  # each labelled set held out in turn: KB alone,
                                                      # rules + BM25 against rules + BM25 + classifier

Examples: every answer entry's title, questions and keywords; knowledge/question_examples.yml (more
phrasings, ours); every out-of-scope trigger (as its topic); and the labelled question sets below. A set in the blind format names a topic, not an
entry: a topic with several entries is labelled with the one the rules and BM25 pick when that is
one of them, else its first. Rebuild after changing entries, synonyms, out_of_scope.yml or a set
(tests/knowledge/test_question_model.py fails until then).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.knowledge import KnowledgeBase, default_directory  # noqa: E402
from bot.knowledge.classifier import EXAMPLES, MODEL_FILE, OOS, QuestionModel, dumps, train  # noqa: E402
from bot.knowledge.loader import load_data  # noqa: E402
from bot.knowledge.retrieval import LEMMAS_FILE, forget_known_lemmas, known_lemmas  # noqa: E402
from bot.vocabulary import LEVELS, LOCATIONS  # noqa: E402

#: (name, path, format): "expect" sets name an entry id; "topic" sets are in the blind format.
SETS: tuple[tuple[str, str, str], ...] = (
    ("kb_questions", "tests/data/kb_questions.yml", "expect"),
    ("dev", "tests/knowledge/dev_questions.yml", "expect"),
    ("dev_v2", "tests/knowledge/dev_questions_v2.yml", "topic"),
    ("blind1", "tests/data/blind/questions_blind.yml", "topic"),
    ("blind2", "tests/data/blind/questions2_blind.yml", "topic"),  # after its first contact (docs/evaluation.md)
)


def plain_kb() -> KnowledgeBase:
    """The knowledge base without the classifier (the rules and BM25 alone)."""
    kb = KnowledgeBase.load(default_directory())
    kb._retriever.model = None  # noqa: SLF001
    return kb


def set_examples(kb: KnowledgeBase, path: Path, kind: str) -> Iterator[tuple[str, str]]:
    from bot.evals.questions import REFUSALS, TOPIC_ENTRIES

    answers = {e.id for e in kb._retriever.entries}  # noqa: SLF001
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
        text = str(case["text"])
        if kind == "expect":
            label = case["expect"]
            if label == "out_of_scope":
                yield text, OOS + (kb._retriever.out_of_scope_topic(text) or "other")  # noqa: SLF001
            elif label in answers:
                yield text, label
            continue
        if case["topic"] == "out_of_scope":
            topics = REFUSALS.get(case.get("refusal") or "", ("other",))
            yield text, OOS + topics[0]
            continue
        wanted = [e for e in TOPIC_ENTRIES.get(case["topic"], ()) if e in answers]
        if not wanted:
            continue
        when = case.get("when") or "first"
        picked = kb.best_entry(text, [] if when == "first" else [case.get("location") or "knee"])
        yield text, picked.id if picked is not None and picked.id in wanted else wanted[0]


def examples(kb: KnowledgeBase, leave_out: str | None = None) -> tuple[list[tuple[dict[str, float], str]], dict[str, int]]:
    retriever = kb._retriever  # noqa: SLF001
    pairs: list[tuple[str, str]] = []
    sources: dict[str, int] = {}
    for entry in retriever.entries:
        pairs.extend((text, entry.id) for text in (entry.title, *entry.questions, *entry.keywords))
    sources["knowledge/entries"] = len(pairs)
    before = len(pairs)
    written = yaml.safe_load((ROOT / "knowledge" / EXAMPLES).read_text(encoding="utf-8"))
    labels = {e.id for e in retriever.entries}
    for label, texts in written.items():
        if label not in labels and not (label.startswith(OOS) and label[len(OOS):] in kb._data.out_of_scope.topics):  # noqa: SLF001
            raise SystemExit(f"knowledge/{EXAMPLES}: {label!r} is neither an answer entry nor oos:<topic>")
        pairs.extend((str(t), label) for t in texts)
    sources[f"knowledge/{EXAMPLES}"] = len(pairs) - before
    oos = kb._data.out_of_scope.topics  # noqa: SLF001
    before = len(pairs)
    for name, topic in oos.items():
        pairs.extend((t, OOS + name) for t in topic.triggers)
    sources["knowledge/out_of_scope.yml"] = len(pairs) - before
    for name, rel, kind in SETS:
        if name == leave_out:
            continue
        found = list(set_examples(kb, ROOT / rel, kind))
        sources[rel] = len(found)
        pairs.extend(found)
    featured = [(retriever.featurize(text), label) for text, label in pairs]
    return [(f, label) for f, label in featured if f], sources


def build(kb: KnowledgeBase | None = None, leave_out: str | None = None) -> dict[str, object]:
    kb = kb or plain_kb()
    found, sources = examples(kb, leave_out)
    return train(found, sources)


def holdout() -> None:
    from tests.knowledge.evaluation import score, score_topics

    kb = plain_kb()
    for name, rel, kind in SETS:
        model = QuestionModel(build(kb, leave_out=name))
        line = [f"{name:13}"]
        for label, m in (("rules+BM25", None), ("+classifier", model)):
            kb._retriever.model = m  # noqa: SLF001
            if kind == "expect":
                r = score(kb, ROOT / rel)
                line.append(f"{label}: top-1 {r.top1}/{r.in_scope} oos P {r.oos_true_positive}/{r.oos_predicted} "
                            f"R {r.oos_true_positive}/{r.oos_actual}")
            else:
                t = score_topics(kb, ROOT / rel)
                line.append(f"{label}: {t.summary()}")
        kb._retriever.model = None  # noqa: SLF001
        print(" | ".join(line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--holdout", action="store_true")
    args = parser.parse_args(argv)
    if args.holdout:
        holdout()
        return 0
    files = {MODEL_FILE: dumps(build()), LEMMAS_FILE: lemmas_file()}
    stale = 0
    for name, text in files.items():
        path = ROOT / "knowledge" / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path.relative_to(ROOT)} is out of date: run python scripts/build_question_model.py")
                stale = 1
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(text) // 1024} KiB)")
    return stale


def lemmas_file() -> str:
    """knowledge/lemmas.json: the lemmas of every text the knowledge base lemmatises as it loads,
    so a start-up need not run spaCy over them (bot.knowledge.retrieval.prime_lemmas)."""
    forget_known_lemmas()
    KnowledgeBase(load_data(default_directory(), LEVELS, LOCATIONS), LEVELS, LOCATIONS, None)  # lemmatises, unprimed
    return json.dumps({"lemmas": known_lemmas()}, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
