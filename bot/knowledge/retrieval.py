"""Finding the entry that answers a question: lemmas, synonyms, BM25, out-of-scope signals.

Questions and entries go through the same steps, so they meet on the same words:
`bot.nlu.lang.lemmas` (shared with the NLU) -> synonym phrases replaced by their group name ->
stop words dropped. BM25 (rank-bm25) ranks the `answer` entries; a question is out of scope when
it names an out-of-scope topic, uses no word from the knowledge base's vocabulary, or the best
score is below a threshold calibrated on our own development questions (tests/knowledge).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rank_bm25 import BM25Okapi
from spacy.lang.en.stop_words import STOP_WORDS

from bot.knowledge.loader import OutOfScope, Vocabulary
from bot.knowledge.model import Entry
from bot.nlu.lang import lemmas

# spaCy's stop words include words that carry meaning for runners ("back", "side", "serious").
_MEANINGFUL = {
    "back", "side", "front", "bottom", "top", "serious", "see", "through", "off", "move", "down",
    "behind", "below", "above", "full", "when", "why", "do", "keep", "again", "call", "stop",
}
STOP = frozenset(w for w in STOP_WORDS if w not in _MEANINGFUL) | {"s", "t", "ca", "wo", "nt"}

# Calibrated on tests/knowledge/dev_questions.yml (see docs/knowledge.md): below this BM25
# score the best entry shares too little with the question to be its answer.
MIN_SCORE = 2.0
# A question that refers back ("what can I do at home for it?") and names no place of its own is
# about the conversation's location: that location joins the question's words, and the entry
# about it is pulled up (multiplied, plus a share of the best score). Questions that name a place,
# or don't refer back ("how fast can I add mileage?"), are answered as they stand.
LOCATION_FACTOR = 1.3
LOCATION_SHARE = 0.25
# A place named in the question gives its entry a smaller nudge: the words already match it,
# but generic topics ("running through shin pain") should still win when they fit better.
NAMED_FACTOR = 1.15


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float


class PhraseMap:
    """Adds each synonym phrase's group name before the phrase's own words, longest phrase first.

    Keeping the words too ("resistance band" -> strength resistance band) lets specific terms stay
    specific while every synonym of a group still matches the others.
    """

    def __init__(self, groups: dict[str, tuple[str, ...]]) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        for name, phrases in groups.items():
            for phrase in (name.replace("_", " "), *phrases):
                key = tuple(lemmas(phrase))
                if key:
                    self._phrases.setdefault(key, name)
        self._longest = max((len(k) for k in self._phrases), default=1)

    def apply(self, tokens: Sequence[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                name = self._phrases.get(tuple(tokens[i : i + size]))
                if name is not None:
                    out.append(name)
                    out.extend(t for t in tokens[i : i + size] if t != name)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out


def _lemmas(text: str) -> list[str]:
    return lemmas(text)


class Retriever:
    """BM25 over the `answer` entries, plus the out-of-scope signals."""

    def __init__(self, entries: Iterable[Entry], vocabulary: Vocabulary, out_of_scope: OutOfScope,
                 locations: Iterable[str]) -> None:
        self.entries = tuple(e for e in entries if e.role == "answer")
        self._locations = frozenset(locations)
        self._phrases = PhraseMap({**vocabulary.locations, **vocabulary.groups})
        self._triggers: dict[tuple[str, ...], str] = {}  # lemmatised trigger phrase -> topic
        # Trigger phrases that lemmatise to nothing (e.g. "vo2") would match every question.
        self.unusable_triggers: list[str] = []
        for name, topic in out_of_scope.topics.items():
            for trigger in topic.triggers:
                key = tuple(_lemmas(trigger))
                if key:
                    self._triggers.setdefault(key, name)
                else:
                    self.unusable_triggers.append(f"{name}: {trigger!r}")
        self._longest_trigger = max((len(k) for k in self._triggers), default=1)
        self._context_words = frozenset(w for word in vocabulary.context_words for w in lemmas(word))
        generic = {lemma for word in out_of_scope.generic_words for lemma in lemmas(word)}
        docs = [self.terms(self._document(e)) for e in self.entries]
        self._bm25 = BM25Okapi(docs)
        vocab: set[str] = set(vocabulary.groups) | set(vocabulary.locations)
        for e in self.entries:
            vocab.update(self.terms(" . ".join((e.title, *e.keywords, *e.questions))))
        self.domain = frozenset(vocab - generic)

    @staticmethod
    def _document(entry: Entry) -> str:
        # Title and keywords count twice: they are written to say what the entry is about.
        return " . ".join((entry.title, entry.title, *entry.keywords, *entry.keywords, *entry.questions, entry.text))

    def terms(self, text: str) -> list[str]:
        return [t for t in self._phrases.apply(_lemmas(text)) if t not in STOP]

    def out_of_scope_topic(self, text: str) -> str | None:
        """The out-of-scope topic `text` names (first trigger found), or None."""
        return self._topic(_lemmas(text))

    def _topic(self, tokens: Sequence[str]) -> str | None:
        for i in range(len(tokens)):
            for size in range(1, min(self._longest_trigger, len(tokens) - i) + 1):
                topic = self._triggers.get(tuple(tokens[i : i + size]))
                if topic is not None:
                    return topic
        return None

    def _query(self, lemmas_: Sequence[str], context: Sequence[str]) -> tuple[list[str], frozenset[str]]:
        tokens = self._phrases.apply(lemmas_)
        terms = [t for t in tokens if t not in STOP]
        focus: frozenset[str] = frozenset()
        if not any(t in self._locations for t in terms) and self._context_words.intersection(tokens):
            focus = frozenset(c for c in context if c in self._locations)
            terms += sorted(focus)
        return terms, focus

    def _rank(self, terms: list[str], focus: frozenset[str]) -> list[Match]:
        if not terms:
            return []
        scores = [float(s) for s in self._bm25.get_scores(terms)]
        named = {t for t in terms if t in self._locations} - focus
        if named:
            for i, entry in enumerate(self.entries):
                if named.intersection(entry.locations):
                    scores[i] *= NAMED_FACTOR
        if focus:
            top = max(scores)
            for i, entry in enumerate(self.entries):
                if focus.intersection(entry.locations):
                    scores[i] = scores[i] * LOCATION_FACTOR + LOCATION_SHARE * top
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        return [Match(self.entries[i], scores[i]) for i in order if scores[i] > 0]

    def best(self, question: str, context: Sequence[str] = ()) -> Match | None:
        """The answering entry, or None when the question is out of scope."""
        tokens = _lemmas(question)
        if self._topic(tokens) is not None:
            return None
        terms, focus = self._query(tokens, context)
        if not self.domain.intersection(terms):
            return None
        ranked = self._rank(terms, focus)
        if not ranked or ranked[0].score < MIN_SCORE:
            return None
        return ranked[0]
