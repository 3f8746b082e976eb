"""A small question classifier next to BM25: naive Bayes over words, word pairs and letter n-grams.

BM25 and the rules answer from the words an entry is written with; runners' wording the entries
never use ("legs are toast", "physio worth it?") is where they miss. This model learns each
entry's wording from examples of questions (every entry's `questions`, titles and keywords, the
out-of-scope triggers, and our labelled question sets), so it can answer a question whose words
BM25 finds too little in, and break a near tie between two entries.

Training happens at build time, not at start-up: `scripts/build_question_model.py` counts the
features of every example into `knowledge/question_model.json` (sparse counts, a few hundred
kilobytes), a test checks the file is what the script would write now, and start-up only reads
it (the counts become log-probabilities once). A question costs one feature pass (the lemmas the
retriever already made, plus letter n-grams) and a sparse sum over the classes: well under a
millisecond.

Classes are answer entry ids, and `oos:<topic>` for each out-of-scope topic
(knowledge/out_of_scope.yml): the model may also say which refusal fits a question no trigger
names. No third-party dependency: counting and a sum of logs need none (scikit-learn is not one
of ours, and spaCy's textcat would need training at start-up or a binary model in the repo).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MODEL_FILE = "question_model.json"
EXAMPLES = "question_examples.yml"  # more phrasings, for the classifier only
FORMAT = 1
OOS = "oos:"  # label prefix of an out-of-scope topic

# Feature weights (fractional counts): letter n-grams are many per word, so each counts less.
WORD_WEIGHT = 1.0
PAIR_WEIGHT = 0.7
FORM_WEIGHT = 0.7
CHAR_WEIGHT = 0.25
CHAR_SIZES = (3, 4, 5)
# Additive smoothing of the counts.
ALPHA = 0.1
# Question forms whose first words say what is asked ("how long", "when can", "is it normal").
FORM_WORDS = frozenset({
    "how", "what", "when", "why", "which", "who", "where", "should", "can", "is", "do", "will",
    "long", "much", "many", "normal", "ok", "okay", "safe", "bad", "worth", "best",
})


def features(terms: Sequence[str], tokens: Sequence[str]) -> dict[str, float]:
    """Weighted features of a question: `terms` are the retriever's (lemmas, synonym group names,
    no stop words), `tokens` the lemmas before stop words were dropped (for the question form)."""
    found: defaultdict[str, float] = defaultdict(float)
    for t in terms:
        found[f"w:{t}"] += WORD_WEIGHT
        if t.isalpha() and len(t) >= 4:
            padded = f"<{t}>"
            for n in CHAR_SIZES:
                for i in range(len(padded) - n + 1):
                    found[f"c:{padded[i:i + n]}"] += CHAR_WEIGHT
    for a, b in zip(terms, terms[1:]):
        found[f"b:{a}_{b}"] += PAIR_WEIGHT
    form = [t for t in tokens[:4] if t in FORM_WORDS]
    for a, b in zip(form, form[1:]):
        found[f"f:{a}_{b}"] += FORM_WEIGHT
    for a in form[:2]:
        found[f"f:{a}"] += FORM_WEIGHT
    return dict(found)


def train(examples: Iterable[tuple[Mapping[str, float], str]], sources: dict[str, int]) -> dict[str, object]:
    """The model file's content: per-class feature counts (rounded, sparse) and example counts."""
    counts: dict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    docs: Counter[str] = Counter()
    for feats, label in examples:
        docs[label] += 1
        for feat, w in feats.items():
            counts[label][feat] += w
    by_feature: dict[str, dict[str, float]] = defaultdict(dict)
    for label in sorted(counts):
        for feat, n in counts[label].items():
            by_feature[feat][label] = round(n, 3)
    return {
        "format": FORMAT,
        "about": "Built by scripts/build_question_model.py from knowledge/ and the labelled question sets; "
                 "do not edit by hand (docs/knowledge.md, 'The question classifier').",
        "sources": dict(sorted(sources.items())),
        "examples": dict(sorted(docs.items())),
        "features": {f: by_feature[f] for f in sorted(by_feature)},
    }


def dumps(model: dict[str, object]) -> str:
    return json.dumps(model, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


@dataclass(frozen=True)
class Guess:
    label: str  # entry id, or "oos:<topic>"
    probability: float  # softmax over the classes of the per-feature log likelihood (a confidence)

    @property
    def out_of_scope(self) -> str | None:
        return self.label[len(OOS):] if self.label.startswith(OOS) else None


class QuestionModel:
    """Multinomial naive Bayes over the counts of `train`; `guess` ranks the classes."""

    def __init__(self, data: dict[str, object]) -> None:
        examples = data["examples"]
        assert isinstance(examples, dict)
        feats = data["features"]
        assert isinstance(feats, dict)
        self.labels: tuple[str, ...] = tuple(sorted(examples))
        index = {label: i for i, label in enumerate(self.labels)}
        totals = [0.0] * len(self.labels)
        for per_class in feats.values():
            for label, n in per_class.items():
                totals[index[label]] += n
        size = len(feats)
        n_docs = sum(examples.values())
        # A uniform prior: how many examples a class has says how it was written, not how often
        # runners ask it.
        self._prior = [0.0 for _ in self.labels]
        del n_docs
        self._unseen = [math.log(ALPHA / (t + ALPHA * size)) for t in totals]
        # feature -> [(class index, log p - log p unseen)]: only the classes that saw it.
        self._delta: dict[str, list[tuple[int, float]]] = {}
        for feat, per_class in feats.items():
            self._delta[feat] = [
                (index[label], math.log((n + ALPHA) / (totals[index[label]] + ALPHA * size)) - self._unseen[index[label]])
                for label, n in per_class.items()]

    @classmethod
    def load(cls, path: Path) -> QuestionModel | None:
        if not path.is_file():
            return None
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def knows(self, word: str) -> bool:
        """Has the model seen `word` (a retriever term) in an example?"""
        return f"w:{word}" in self._delta

    def known(self, found: Mapping[str, float]) -> float:
        """The weight of `found`'s features the model has seen."""
        return sum(w for f, w in found.items() if f in self._delta)

    def guess(self, found: Mapping[str, float], top: int = 3) -> list[Guess]:
        """The best `top` classes for features `found`, best first; [] when no feature is known."""
        weight = 0.0
        scores = list(self._prior)
        for feat, w in found.items():
            deltas = self._delta.get(feat)
            if deltas is None:
                continue
            weight += w
            for i, d in deltas:
                scores[i] += w * d
        if weight == 0.0:
            return []
        for i in range(len(scores)):
            scores[i] += weight * self._unseen[i]
        # Per unit of feature weight, so a long question is not more certain than a short one.
        scaled = [s / weight for s in scores]
        best = max(scaled)
        exp = [math.exp(4.0 * (s - best)) for s in scaled]
        total = sum(exp)
        order = sorted(range(len(scaled)), key=lambda i: -scaled[i])[:top]
        return [Guess(self.labels[i], exp[i] / total) for i in order]
