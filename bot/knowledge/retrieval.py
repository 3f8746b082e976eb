"""Finding the entry that answers a question: lemmas, synonyms, BM25, out-of-scope signals.

Questions and entries go through the same steps, so they meet on the same words:
`bot.nlu.lang.lemmas` (shared with the NLU) -> synonym phrases replaced by their group name ->
stop words dropped. BM25 (rank-bm25) ranks the `answer` entries; a question is out of scope when
it names an out-of-scope topic (and none of that topic's exceptions), uses no word from the
knowledge base's vocabulary, or the best score is below a threshold calibrated on our own
development questions (tests/knowledge).

Two decisions come before BM25: a question that is word for word one of an entry's `questions`
(the label of a suggested-question button) is answered by that entry; and a leading pleasantry
("thanks. what shoes should I get") is not part of the question.
"""

from __future__ import annotations

import re
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
# about the conversation's location: that location joins the question's words, and the entries
# about it are pulled up (multiplied, plus a share of the best score). Questions that name a place,
# or don't refer back ("how fast can I add mileage?"), are answered as they stand.
LOCATION_FACTOR = 1.3
LOCATION_SHARE = 0.25
# A place named in the question gives its entries a smaller nudge: the words already match them,
# but generic topics ("running through shin pain") should still win when they fit better.
NAMED_FACTOR = 1.15
# The runner-up check (issue 16): when the conversation's location pulled an entry about that
# place to the top, the question's own best entry (ranked without the pull) still wins if it
# scores at least TOPIC_MIN and TOPIC_RATIO times what the pulled entry scored on the question's
# own words: "is it OK to run through the pain?" after knee advice is the run-through-pain
# question, not the knee one. Calibrated on tests/knowledge/dev_questions_v2.yml.
TOPIC_MIN = 5.0
TOPIC_RATIO = 1.5
# ...or at least TOPIC_MIN_UNSHARED when the place's entry shares none of the question's own words
# ("is it OK to race with this?": the hip entry says nothing about racing).
TOPIC_MIN_UNSHARED = 3.5
# The same check when the question names the place itself ("when can I run again after shin
# splints?"): the words other than the place's must name another entry much more strongly than
# they fit the place's own entry, since most questions that name a place are about it.
NAMED_TOPIC_MIN = 8.0
NAMED_TOPIC_RATIO = 3.0

# Text fixes before lemmatising: "A&E", "PEACE & LOVE" keep their words; "10k" is not dropped.
_AMPERSAND = re.compile(r"\s*&\s*")
_DISTANCE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(k|km|mi)\b", re.IGNORECASE)
# A leading "thanks", "ok", "great" before the question itself ("thanks. what shoes should I get").
# Thanks may run straight into the question; words that also start questions ("right knee",
# "cool down", "ok to run?") count only with punctuation after them.
_ACKNOWLEDGE = r"(?:ok(?:ay)?|great|cool|nice|perfect|brilliant|awesome|got it|right|sure|alright|all right|fair enough)"
_PLEASANTRY = re.compile(
    r"^\s*(?:(?:(?:thanks?|thank you|thx|ta|cheers)(?: you)?(?: so much| very much| a lot| again)?[\s,.!:;-]+)"
    rf"|(?:{_ACKNOWLEDGE}(?:\s+{_ACKNOWLEDGE})*\s*[,.!:;-]+\s*))+",
    re.IGNORECASE,
)


def _lemmas(text: str) -> list[str]:
    text = _AMPERSAND.sub(" and ", text)
    text = _DISTANCE.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}", text)
    return lemmas(text)


def after_pleasantry(text: str) -> str | None:
    """The rest of `text` after a leading pleasantry ("thanks. what shoes should I get" -> "what
    shoes should I get"); None when it does not start with one or nothing with words follows."""
    match = _PLEASANTRY.match(text)
    if not match:
        return None
    rest = text[match.end():].strip()
    return rest if any(c.isalnum() for c in rest) else None


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float


@dataclass(frozen=True)
class Explanation:
    """How a question was decided, for `kb why` and for tuning: each step's top entries."""

    question: str
    refused_by: str | None  # out-of-scope topic, if a trigger refused it
    exact: str | None  # entry id matched word for word
    terms: tuple[str, ...]
    focus: tuple[str, ...]  # the conversation's locations, when the question refers back
    ranked: tuple[Match, ...]  # after location nudges and pull
    plain: tuple[Match, ...]  # the question's own words, no pull (or without the place it names)
    chosen: Match | None


class PhraseMap:
    """Adds each synonym phrase's group name before the phrase's own words, longest phrase first.

    Keeping the words too ("resistance band" -> strength resistance band) lets specific terms stay
    specific while every synonym of a group still matches the others.
    """

    def __init__(self, groups: dict[str, tuple[str, ...]]) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        for name, phrases in groups.items():
            for phrase in (name.replace("_", " "), *phrases):
                key = tuple(_lemmas(phrase))
                if key:
                    self._phrases.setdefault(key, name)
        self._longest = max((len(k) for k in self._phrases), default=1)

    def apply(self, tokens: Sequence[str], drop: frozenset[str] = frozenset()) -> list[str]:
        """Tokens with group names added; phrases of the groups in `drop` are left out entirely."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                name = self._phrases.get(tuple(tokens[i : i + size]))
                if name is not None:
                    if name not in drop:
                        out.append(name)
                        out.extend(t for t in tokens[i : i + size] if t != name)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out


class _PhraseSet:
    """Which of a set of phrases (lemmatised) occur in a token list."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.keys = {tuple(_lemmas(p)) for p in phrases} - {()}
        self._longest = max((len(k) for k in self.keys), default=0)

    def found_in(self, tokens: Sequence[str]) -> bool:
        for i in range(len(tokens)):
            for size in range(1, min(self._longest, len(tokens) - i) + 1):
                if tuple(tokens[i : i + size]) in self.keys:
                    return True
        return False


class Retriever:
    """BM25 over the `answer` entries, plus the out-of-scope signals."""

    def __init__(self, entries: Iterable[Entry], vocabulary: Vocabulary, out_of_scope: OutOfScope,
                 locations: Iterable[str]) -> None:
        self.entries = tuple(e for e in entries if e.role == "answer")
        self._index = {e.id: i for i, e in enumerate(self.entries)}
        self._locations = frozenset(locations)
        self._phrases = PhraseMap({**vocabulary.locations, **vocabulary.groups})
        self._triggers: dict[tuple[str, ...], str] = {}  # lemmatised trigger phrase -> topic
        # Trigger phrases that lemmatise to nothing (e.g. "vo2") would match every question.
        self.unusable_triggers: list[str] = []
        for name, topic in out_of_scope.topics.items():
            for field, phrases in (("triggers", topic.triggers), ("except_with", topic.except_with),
                                   ("still_refuse_with", topic.still_refuse_with)):
                for phrase in phrases:
                    key = tuple(_lemmas(phrase))
                    if not key:
                        self.unusable_triggers.append(f"{name}.{field}: {phrase!r}")
                    elif field == "triggers":
                        self._triggers.setdefault(key, name)
        self._exceptions = {name: (_PhraseSet(t.except_with), _PhraseSet(t.still_refuse_with))
                            for name, t in out_of_scope.topics.items()}
        self._longest_trigger = max((len(k) for k in self._triggers), default=1)
        self._context_words = frozenset(w for word in vocabulary.context_words for w in lemmas(word))
        # Suggested-question buttons send an entry's question word for word: it names its entry.
        self._exact: dict[tuple[str, ...], Entry] = {}
        self.duplicate_questions: list[tuple[str, str, str]] = []  # (question, first id, other id)
        for e in self.entries:
            for q in e.questions:
                key = tuple(_lemmas(q))
                other = self._exact.setdefault(key, e)
                if other is not e:
                    self.duplicate_questions.append((q, other.id, e.id))
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

    # -- out of scope ------------------------------------------------------------------------

    def refusal_topic(self, text: str) -> str | None:
        """`refusing_topic` for raw text."""
        return self.refusing_topic(_lemmas(text))

    def out_of_scope_topic(self, text: str) -> str | None:
        """The out-of-scope topic `text` names (its first trigger), or None. For the reply after
        a refusal, so exceptions do not apply: if we refused, the trigger's reply fits best."""
        tokens = _lemmas(text)
        hits = self._trigger_topics(tokens)
        return hits[0] if hits else None

    def _trigger_topics(self, tokens: Sequence[str]) -> list[str]:
        found: list[str] = []
        for i in range(len(tokens)):
            for size in range(1, min(self._longest_trigger, len(tokens) - i) + 1):
                topic = self._triggers.get(tuple(tokens[i : i + size]))
                if topic is not None and topic not in found:
                    found.append(topic)
        return found

    def refusing_topic(self, tokens: Sequence[str], context: Sequence[str] = ()) -> str | None:
        """The out-of-scope topic that refuses this question: one whose trigger it contains,
        without one of the topic's exceptions (or with one of its still-refuse phrases).
        The conversation's locations (`context`) count as words of the question here: "should I
        wear a brace?" after ankle advice is about the ankle."""
        with_context = list(tokens) + [c for c in context if c in self._locations]
        for topic in self._trigger_topics(tokens):
            excepted, still = self._exceptions[topic]
            if excepted.found_in(with_context) and not still.found_in(tokens):
                continue
            return topic
        return None

    # -- ranking -----------------------------------------------------------------------------

    def _query(self, lemmas_: Sequence[str], context: Sequence[str]) -> tuple[list[str], frozenset[str]]:
        tokens = self._phrases.apply(lemmas_)
        terms = [t for t in tokens if t not in STOP]
        focus: frozenset[str] = frozenset()
        if not any(t in self._locations for t in terms) and self._context_words.intersection(tokens):
            focus = frozenset(c for c in context if c in self._locations)
        return terms, focus

    def _scores(self, terms: list[str]) -> list[float]:
        return [float(s) for s in self._bm25.get_scores(terms)] if terms else [0.0] * len(self.entries)

    def _rank(self, terms: list[str], focus: frozenset[str]) -> list[Match]:
        if not terms and not focus:
            return []
        scores = self._scores(terms + sorted(focus))
        named = {t for t in terms if t in self._locations} - focus
        if named:
            for i, entry in enumerate(self.entries):
                if named.intersection(entry.locations):
                    scores[i] *= NAMED_FACTOR
        if focus:
            top = max(scores)
            for i, entry in enumerate(self.entries):
                if focus.intersection(entry.locations):
                    # The place's own entry gets the share too; an entry that is one detail about
                    # it (calf-raises for the Achilles) only the factor: its words must still fit.
                    share = LOCATION_SHARE * top if entry.detail is None else 0.0
                    scores[i] = scores[i] * LOCATION_FACTOR + share
        return self._ordered(scores)

    def _ordered(self, scores: list[float], keep: int = 8) -> list[Match]:
        """The best `keep` entries with a positive score, best first (only the top is needed)."""
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:keep]
        return [Match(self.entries[i], scores[i]) for i in order if scores[i] > 0]

    def explain(self, question: str, context: Sequence[str] = ()) -> Explanation:
        """Every step of the decision for `question` (see `best`)."""
        text = after_pleasantry(question) or question
        tokens = _lemmas(text)
        exact = self._exact.get(tuple(tokens))
        terms, focus = self._query(tokens, context)
        refused = None if exact else self.refusing_topic(tokens, context)
        ranked = self._rank(terms, focus) if not exact else []
        named = frozenset(t for t in terms if t in self._locations)
        plain_scores: list[float] = []
        if ranked and focus:
            plain_scores = self._scores(terms)
        elif ranked and named:
            unplaced = [t for t in self._phrases.apply(tokens, drop=self._locations) if t not in STOP]
            plain_scores = self._scores(unplaced)
        plain = self._ordered(plain_scores) if plain_scores else []
        chosen: Match | None
        if exact:
            chosen = Match(exact, float("inf"))
        elif refused or not self.domain.intersection([*terms, *focus]):
            chosen = None
        elif focus:
            chosen = self._check_runner_up(ranked, plain, plain_scores, focus,
                                           TOPIC_MIN, TOPIC_RATIO, TOPIC_MIN_UNSHARED)
        else:
            chosen = self._check_runner_up(ranked, plain, plain_scores, named,
                                           NAMED_TOPIC_MIN, NAMED_TOPIC_RATIO, NAMED_TOPIC_MIN)
        if chosen is not None and chosen.score < MIN_SCORE:
            chosen = None
        return Explanation(question, refused, exact.id if exact else None, tuple(terms), tuple(sorted(focus)),
                           tuple(ranked[:5]), tuple(plain[:5]), chosen)

    def _check_runner_up(self, ranked: list[Match], plain: list[Match], plain_scores: list[float],
                         places: frozenset[str], minimum: float, ratio: float,
                         unshared_minimum: float) -> Match | None:
        """The top entry, unless it is there because it is about `places` (the conversation's,
        or the one the question names) and the question's other words clearly name another
        entry: at least `minimum` and `ratio` times what the place's entry scores on them, or at
        least `unshared_minimum` when the place's entry scores nothing on them. Another place's
        entry never wins this way."""
        if not ranked:
            return None
        top = ranked[0]
        if not places or not plain or not places.intersection(top.entry.locations):
            return top
        own = plain[0]
        if own.entry is top.entry or (own.entry.locations and own.entry.detail is None):
            return top
        if places.intersection(own.entry.locations):
            return top
        place_score = max(plain_scores[self._index[top.entry.id]], 0.0)
        if own.score >= minimum and own.score >= ratio * place_score:
            return own
        if place_score == 0.0 and own.score >= unshared_minimum:
            return own
        return top

    def best(self, question: str, context: Sequence[str] = ()) -> Match | None:
        """The answering entry, or None when the question is out of scope."""
        return self.explain(question, context).chosen
