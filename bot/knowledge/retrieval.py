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

import difflib
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rank_bm25 import BM25Okapi
from spacy.lang.en.stop_words import STOP_WORDS

from bot.knowledge.classifier import Guess, QuestionModel, features
from bot.knowledge.loader import OutOfScope, Vocabulary
from bot.knowledge.model import Entry
from bot.nlu.lang import is_english, lemmas

log = logging.getLogger(__name__)

# spaCy's stop words include words that carry meaning for runners ("back", "side", "serious").
_MEANINGFUL = {
    "back", "side", "front", "bottom", "top", "serious", "see", "through", "off", "move", "down",
    "behind", "below", "above", "full", "when", "why", "do", "keep", "again", "call", "stop",
}
# Chat words that name no topic ("im 52 if that matters" is not about why balance matters;
# tester round 9).
_CHAT = {"matter", "matters", "mean", "meant", "idk", "dunno", "lol", "tbh", "guess", "stuff", "thing", "things"}
STOP = frozenset(w for w in STOP_WORDS if w not in _MEANINGFUL) | {"s", "t", "ca", "wo", "nt"} | _CHAT

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

# The question classifier (bot/knowledge/classifier.py) next to the rules and BM25, held out on
# each labelled set in turn (scripts/build_question_model.py --holdout): it answers a question the
# rules would refuse for too few known words only when at least MODEL_RESCUE sure; it takes over
# from BM25 when BM25 is unsure (a best score under MODEL_UNSURE_SCORE, or a runner-up within
# MODEL_UNSURE_RATIO of it) and it is at least MODEL_PREFER sure (MODEL_LEAVE_PLACE to leave a
# place's entry for a topic; never to go to one); and it refuses such a question
# when at least MODEL_REFUSE sure that it is out of scope.
MODEL_RESCUE = 0.6
MODEL_RESCUE_WORDS = 2  # distinct words of the question the classifier has seen
MODEL_PREFER = 0.6
MODEL_LEAVE_PLACE = 0.8
MODEL_REFUSE = 0.7
MODEL_UNSURE_SCORE = 6.0
MODEL_UNSURE_RATIO = 0.65
# The refusal's reply for a question no trigger names: the classifier's topic when this sure.
MODEL_TOPIC = 0.5

# A word of the question that is neither English nor the knowledge base's is read as the knowledge
# base's word it is closest to, if it is this close (difflib's ratio): "strech" -> stretch,
# "fascitis" -> fasciitis, "achillis" -> achilles. Shorter words are left alone.
SPELLING_CUTOFF = 0.84
SPELLING_MIN_LENGTH = 4

# The out-of-scope topic for what fits no other: it refuses only when no specific topic does.
CATCH_ALL = "other"

# Text fixes before lemmatising: "A&E", "PEACE & LOVE" keep their words; "10k" is not dropped.
_AMPERSAND = re.compile(r"\s*&\s*")
_DISTANCE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(k|km|mi)\b", re.IGNORECASE)
# "right now", "right after", "all right": not the right side (balance-test compares left and right).
_NOT_RIGHT_SIDE = re.compile(r"\b(?:all )?right(?= (?:now|away|after|before|then|there|here|at|into)\b)|\ball right\b")
# "4/10" is one token the lemmas drop: say it as the entries do ("3 out of 10").
_OUT_OF_TEN = re.compile(r"\b(10|\d)\s*/\s*10\b")
# A leading "thanks", "ok", "great" before the question itself ("thanks. what shoes should I get").
# Thanks may run straight into the question; words that also start questions ("right knee",
# "cool down", "ok to run?") count only with punctuation after them.
#: ... and exasperation before the question ("are you serious. CAN I RUN TOMORROW yes or no": tester
#: round 22 got the warning-signs list, from "serious")
_ACKNOWLEDGE = (r"(?:ok(?:ay)?|great|cool|nice|perfect|brilliant|awesome|got it|right|sure|alright|all right|fair enough|"
                r"are you serious|r u serious|you serious|seriously|come on|ugh+|omg|jeez|wtf|ffs)")
_PLEASANTRY = re.compile(
    # ("Thank you love": a term of endearment, not the LOVE of PEACE & LOVE; tester round 32 got
    # the ice-or-heat card after advice about a broken hip)
    r"^\s*(?:(?:(?:thanks?|thank you|thx|ta|cheers)(?: you)?(?: so much| very much| a lot| again)?"
    r"(?: (?:love|luv|hun|hon|pet|dear|darling|mate|pal|buddy|bud|man|bro|sis|chief|boss|doc))?(?:[\s,.!:;-]+|$))"
    rf"|(?:{_ACKNOWLEDGE}(?:\s+{_ACKNOWLEDGE})*\s*[,.!:;-]+\s*))+",
    re.IGNORECASE,
)


#: The lemmas of the knowledge base's own texts (phrases, questions, entries), kept for the
#: process: each load of the knowledge base reads the same ~3,000 texts again (a reload, the
#: start-up checks in tests). Primed at start-up from the build's file (LEMMAS_FILE), which saves
#: about 0.7 s of spaCy lemmatising (issue 18). Never holds a runner's message.
_KNOWN: dict[str, tuple[str, ...]] = {}
_KNOWN_MAX = 16_384
#: The knowledge base's lemmas as built (scripts/build_question_model.py writes both files).
LEMMAS_FILE = "lemmas.json"
#: How many of the file's texts are lemmatised again at start-up to check the file still matches
#: the lemmatiser (a spaCy or bot.nlu.lang change makes it stale: then it is not used).
_CHECK_SAMPLE = 40


def _known_lemmas(text: str) -> tuple[str, ...]:
    found = _KNOWN.get(text)
    if found is None:
        found = tuple(_lemmas(text))
        if len(_KNOWN) < _KNOWN_MAX:
            _KNOWN[text] = found
    return found


def prime_lemmas(path: Path) -> bool:
    """Fill the cache of the knowledge base's lemmas from `path` (written by the build), after
    lemmatising a spread sample of it again: any difference and the file is not used (the cache
    then fills as the knowledge base loads, as before). True when it was used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    items = sorted((str(k), tuple(str(w) for w in v)) for k, v in (data.get("lemmas") or {}).items()) if isinstance(data, dict) else []
    if not items:
        return False
    step = max(1, len(items) // _CHECK_SAMPLE)
    if any(tuple(_lemmas(text)) != lemmas for text, lemmas in items[::step]):
        log.warning("%s does not match the lemmatiser (rebuild it: python scripts/build_question_model.py)", path.name)
        return False
    for text, lemmas in items[:_KNOWN_MAX]:
        _KNOWN.setdefault(text, lemmas)
    return True


def known_lemmas() -> dict[str, list[str]]:
    """The cache as the build writes it (LEMMAS_FILE)."""
    return {text: list(lemmas) for text, lemmas in sorted(_KNOWN.items())}


def forget_known_lemmas() -> None:
    """Empty the cache (the build, before it loads the knowledge base afresh)."""
    _KNOWN.clear()


def _lemmas(text: str) -> list[str]:
    # Lower case first: the lookup table lemmatises "reds" and "Knees", not "REDs" and "KNEES".
    text = _AMPERSAND.sub(" and ", text.lower())
    text = _DISTANCE.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}", text)
    text = _OUT_OF_TEN.sub(r"\1 out of 10", text)
    text = _NOT_RIGHT_SIDE.sub(" ", text)
    return lemmas(text)


#: A state of mind denied is not the question's subject: "I'm not suicidal, just gutted I can't run
#: this season" is about missing the season, not a request for the crisis lines (tester round 25
#: got the crisis article; CLINICAL.md names this very sentence as not a crisis).
#: "a heavy feeling down below" is the pelvic floor, not "feeling down" (tester round 48: a mother
#: four months after a birth, leaking a little, got the crisis card).
_DOWN_BELOW = re.compile(r"\bdown (?:below|there|under)\b", re.IGNORECASE)
_DENIED_STATE = re.compile(r"\b(?:not|never been|no longer)\s+(?:actually |really |feeling |at all )?(?:suicidal|depressed|in (?:a )?crisis|"
                           r"self[- ]?harming|going to (?:hurt|harm|kill) myself|thinking (?:of|about) suicide)\b"
                           r"(?:\s+or anything(?: like that)?)?", re.IGNORECASE)


def after_pleasantry(text: str) -> str | None:
    """The rest of `text` after a leading pleasantry ("thanks. what shoes should I get" -> "what
    shoes should I get"); None when it does not start with one or nothing with words follows."""
    match = _PLEASANTRY.match(text)
    if not match:
        return None
    rest = text[match.end():].strip()
    return rest if any(c.isalnum() for c in rest) else None


class Bm25Columns:
    """rank_bm25's BM25Okapi scores with each known term's column (its score in every entry)
    computed once: BM25Okapi.get_scores builds a list over every entry for every term of every
    question (0.3-0.7 ms a question, the heaviest turns' largest part; issue 18). The same
    arithmetic in the same order, so the same floats (tests/knowledge/test_bm25_columns.py)."""

    def __init__(self, docs: list[list[str]]) -> None:
        self.model = BM25Okapi(docs)
        self._doc_len = np.array(self.model.doc_len)
        self._columns: dict[str, Any] = {}

    def column(self, term: str) -> Any:
        found = self._columns.get(term)
        if found is None:
            m = self.model
            q_freq = np.array([(doc.get(term) or 0) for doc in m.doc_freqs])
            found = (m.idf.get(term) or 0) * (q_freq * (m.k1 + 1) /
                                              (q_freq + m.k1 * (1 - m.b + m.b * self._doc_len / m.avgdl)))
            if term in m.idf:  # the entries' own words only: a question's other words are not kept
                self._columns[term] = found
        return found

    def get_scores(self, query: list[str]) -> Any:
        score = np.zeros(self.model.corpus_size)
        for term in query:
            score += self.column(term)
        return score


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
    guesses: tuple[Guess, ...] = ()  # the question classifier's best classes (bot/knowledge/classifier.py)
    by_model: str | None = None  # what the classifier changed: "rescued", "preferred", "refused"


class PhraseMap:
    """Adds each synonym phrase's group name before the phrase's own words, longest phrase first.

    Keeping the words too ("resistance band" -> strength resistance band) lets specific terms stay
    specific while every synonym of a group still matches the others.
    """

    def __init__(self, groups: dict[str, tuple[str, ...]]) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        for name, phrases in groups.items():
            for phrase in (name.replace("_", " "), *phrases):
                key = _known_lemmas(phrase)
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
        self.keys = {_known_lemmas(p) for p in phrases} - {()}
        self._longest = max((len(k) for k in self.keys), default=0)

    def spans(self, tokens: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
        """Where the phrases occur in `tokens` around tokens[start:end]."""
        found = []
        for i in range(max(0, start - self._longest), start + 1):
            for size in range(1, min(self._longest, len(tokens) - i) + 1):
                if i + size >= end and tuple(tokens[i : i + size]) in self.keys:
                    found.append((i, i + size))
        return found

    def found_in(self, tokens: Sequence[str]) -> bool:
        for i in range(len(tokens)):
            for size in range(1, min(self._longest, len(tokens) - i) + 1):
                if tuple(tokens[i : i + size]) in self.keys:
                    return True
        return False


#: What to do for the conversation's place: "what can I do at home for it?", "anything to help for
#: this?" ("it" is the place).
_ABOUT_IT = re.compile(r"\b(?:do|help|treat|manage|try)\b[^.?!]{0,25}\bfor (?:it|this|that)\b[\s?.!]*$"
                       # "how can I look after it?" (the knowledge base grew by an entry and "look" tipped it
                       # to the card on how one looks: twenty-first session)
                       r"|\b(?:look after|care for|take care of|deal with|sort out|manage|treat|protect|strengthen) (?:it|this|that)\b[\s?.!]*$")

class Retriever:
    """BM25 over the `answer` entries, plus the out-of-scope signals."""

    def __init__(self, entries: Iterable[Entry], vocabulary: Vocabulary, out_of_scope: OutOfScope,
                 locations: Iterable[str], model: QuestionModel | None = None) -> None:
        self.entries = tuple(e for e in entries if e.role == "answer")
        self.model = model
        self._topics = frozenset(out_of_scope.topics)
        self._index = {e.id: i for i, e in enumerate(self.entries)}
        self._by_id = {e.id: e for e in self.entries}
        self._locations = frozenset(locations)
        self._phrases = PhraseMap({**vocabulary.locations, **vocabulary.groups})
        self._triggers: dict[tuple[str, ...], str] = {}  # lemmatised trigger phrase -> topic
        # Trigger phrases that lemmatise to nothing (e.g. "vo2") would match every question.
        self.unusable_triggers: list[str] = []
        for name, topic in out_of_scope.topics.items():
            for field, phrases in (("triggers", topic.triggers), ("except_with", topic.except_with),
                                   ("still_refuse_with", topic.still_refuse_with), ("not_in", topic.not_in)):
                for phrase in phrases:
                    key = _known_lemmas(phrase)
                    if not key:
                        self.unusable_triggers.append(f"{name}.{field}: {phrase!r}")
                    elif field == "triggers":
                        self._triggers.setdefault(key, name)
        self._exceptions = {name: (_PhraseSet(t.except_with), _PhraseSet(t.still_refuse_with))
                            for name, t in out_of_scope.topics.items()}
        self._not_in = {name: _PhraseSet(t.not_in) for name, t in out_of_scope.topics.items() if t.not_in}
        self._longest_trigger = max((len(k) for k in self._triggers), default=1)
        self._context_words = frozenset(w for word in vocabulary.context_words for w in lemmas(word))
        # Suggested-question buttons send an entry's question word for word: it names its entry.
        self._exact: dict[tuple[str, ...], Entry] = {}
        self.duplicate_questions: list[tuple[str, str, str]] = []  # (question, first id, other id)
        for e in self.entries:
            for q in e.questions:
                key = _known_lemmas(q)
                other = self._exact.setdefault(key, e)
                if other is not e:
                    self.duplicate_questions.append((q, other.id, e.id))
        generic = {lemma for word in out_of_scope.generic_words for lemma in lemmas(word)}
        # The words a typo may be read as: every word of the entries, synonyms and triggers.
        words: set[str] = set()
        for e in self.entries:
            words.update(_known_lemmas(self._document(e)))
        for phrases in (*vocabulary.locations.values(), *vocabulary.groups.values()):
            for phrase in phrases:
                words.update(_known_lemmas(phrase))
        for topic in out_of_scope.topics.values():
            for phrase in topic.triggers:
                words.update(_known_lemmas(phrase))
        self._words = frozenset(w for w in words if w.isalpha())
        self._by_length: dict[int, list[str]] = {}
        for w in sorted(self._words):
            self._by_length.setdefault(len(w), []).append(w)
        self._corrections: dict[str, str] = {}
        docs = [self._known_terms(self._document(e)) for e in self.entries]
        self._bm25 = Bm25Columns(docs)
        vocab: set[str] = set(vocabulary.groups) | set(vocabulary.locations)
        for e in self.entries:
            vocab.update(self._known_terms(" . ".join((e.title, *e.keywords, *e.questions))))
        self.domain = frozenset(vocab - generic)
        self._generic = frozenset(generic)

    @staticmethod
    def _document(entry: Entry) -> str:
        # Title and keywords count twice: they are written to say what the entry is about.
        return " . ".join((entry.title, entry.title, *entry.keywords, *entry.keywords, *entry.questions, entry.text))

    def spelled(self, tokens: Sequence[str]) -> list[str]:
        """The question's lemmas with typos read as the knowledge base's words ("strech" ->
        stretch): only a word that is neither English nor already the knowledge base's."""
        return [self._correct(t) for t in tokens]

    def _correct(self, token: str) -> str:
        if (len(token) < SPELLING_MIN_LENGTH or not token.isalpha() or token in self._words
                or token in STOP or is_english(token)):
            return token
        fixed = self._corrections.get(token)
        if fixed is None:
            candidates = [w for n in range(len(token) - 2, len(token) + 3) for w in self._by_length.get(n, ())]
            close = difflib.get_close_matches(token, candidates, n=1, cutoff=SPELLING_CUTOFF)
            fixed = close[0] if close else token
            if len(self._corrections) < 10_000:  # a bounded memo: typos repeat, the set of them is small
                self._corrections[token] = fixed
        return fixed

    def terms(self, text: str) -> list[str]:
        return [t for t in self._phrases.apply(_lemmas(text)) if t not in STOP]

    def _known_terms(self, text: str) -> list[str]:
        """`terms` of the knowledge base's own text (its lemmas kept: `_known_lemmas`)."""
        return [t for t in self._phrases.apply(_known_lemmas(text)) if t not in STOP]

    # -- out of scope ------------------------------------------------------------------------

    def refusal_topic(self, text: str) -> str | None:
        """`refusing_topic` for raw text."""
        return self.refusing_topic(self.spelled(_lemmas(text)))

    def out_of_scope_topic(self, text: str) -> str | None:
        """The out-of-scope topic `text` names (its first trigger), or None. For the reply after
        a refusal, so exceptions do not apply: if we refused, the trigger's reply fits best."""
        tokens = self.spelled(_lemmas(text))
        hits = self._trigger_topics(tokens)
        if hits:
            return hits[0]
        if self.model is not None:
            # No trigger: the classifier's refusal when it is sure which one fits ("can you get me
            # seen this week" is booking), else the catch-all's.
            terms, _ = self._query(tokens, ())
            guesses = [g for g in self.model.guess(features(terms, tokens), top=6) if g.out_of_scope in self._topics]
            if guesses and guesses[0].out_of_scope != CATCH_ALL and guesses[0].probability >= MODEL_TOPIC:
                return guesses[0].out_of_scope
        return None

    def featurize(self, text: str) -> dict[str, float]:
        """The classifier's features of `text`, read as a question is (for training)."""
        text = after_pleasantry(text) or text
        tokens = self.spelled(_lemmas(text))
        terms, _ = self._query(tokens, ())
        return features(terms, tokens)

    def _trigger_topics(self, tokens: Sequence[str]) -> list[str]:
        """The topics whose triggers `tokens` contain, in order of their first trigger; the
        catch-all topic ("other") after the specific ones: "what time does the clinic open on
        Saturday?" asks for booking, not the time. A trigger inside one of its topic's `not_in`
        phrases does not count ("is the cross trainer ok?" is not about trainers)."""
        found: list[str] = []
        for i in range(len(tokens)):
            for size in range(1, min(self._longest_trigger, len(tokens) - i) + 1):
                topic = self._triggers.get(tuple(tokens[i : i + size]))
                if topic is not None and topic not in found and not self._masked(topic, tokens, i, i + size):
                    found.append(topic)
        return sorted(found, key=lambda t: t == CATCH_ALL)

    def _masked(self, topic: str, tokens: Sequence[str], start: int, end: int) -> bool:
        """Is tokens[start:end] part of one of `topic`'s `not_in` phrases?"""
        phrases = self._not_in.get(topic)
        return phrases is not None and any(
            s <= start and end <= e for s, e in phrases.spans(tokens, start, end))

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
        text = _DOWN_BELOW.sub(" pelvic floor ", _DENIED_STATE.sub(" ", after_pleasantry(question) or question))
        tokens = self.spelled(_lemmas(text))
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
        elif focus and _ABOUT_IT.search(text.lower()):
            # "what can I do at home for it?" in a conversation about a shin: "it" is the shin, and
            # the place's entry answers (the question's own words tipped it to the general home-
            # exercise card once the knowledge base grew by two entries: sixteenth session)
            chosen = ranked[0] if ranked else None
        elif focus:
            chosen = self._check_runner_up(ranked, plain, plain_scores, focus,
                                           TOPIC_MIN, TOPIC_RATIO, TOPIC_MIN_UNSHARED)
        else:
            chosen = self._check_runner_up(ranked, plain, plain_scores, named,
                                           NAMED_TOPIC_MIN, NAMED_TOPIC_RATIO, NAMED_TOPIC_MIN)
        if chosen is not None and chosen.score < MIN_SCORE:
            chosen = None
        guesses: list[Guess] = []
        by_model = None
        if self.model is not None and not exact and not refused:
            guesses = self.model.guess(features(terms, tokens), top=6)
            chosen, by_model = self._with_model(chosen, ranked, guesses, focus, terms)
        return Explanation(question, refused, exact.id if exact else None, tuple(terms), tuple(sorted(focus)),
                           tuple(ranked[:5]), tuple(plain[:5]), chosen, tuple(guesses), by_model)

    def _with_model(self, chosen: Match | None, ranked: list[Match], guesses: list[Guess],
                    focus: frozenset[str], terms: Sequence[str]) -> tuple[Match | None, str | None]:
        """The rules' and BM25's choice, or the classifier's where they are unsure (see
        MODEL_* above): a question BM25 found too little in, or a near tie the classifier is
        sure about; a question BM25 answers weakly that the classifier is sure is out of scope."""
        if not guesses:
            return chosen, None
        best = guesses[0]
        entry = self._by_id.get(best.label)
        if chosen is None:
            # Only a question with words the classifier knows ("legs toast after the race,
            # normal?"), never a remark ("so frustrating", "lol ok"), which the engine also asks about.
            known = {t for t in terms if t not in self._generic and self.model is not None and self.model.knows(t)}
            if entry is not None and best.probability >= MODEL_RESCUE and len(known) >= MODEL_RESCUE_WORDS:
                return Match(entry, 0.0), "rescued"
            return None, None
        if best.label == chosen.entry.id:
            return chosen, None
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        top = ranked[0].score if ranked else chosen.score
        unsure = chosen.score < MODEL_UNSURE_SCORE or runner_up >= MODEL_UNSURE_RATIO * top
        if entry is not None and entry.locations and entry.detail is None:
            # The classifier does not see the conversation, and a place's name outweighs the rest
            # of the question in it: it may move a question from a place's entry to a topic
            # ("quads wrecked after the race, just doms?"), never to a place's entry.
            return chosen, None
        if focus.intersection(chosen.entry.locations):
            return chosen, None  # about the conversation's place, which the classifier does not see
        # Away from a place's entry only when surer: most questions that name a place are about it.
        bar = MODEL_LEAVE_PLACE if chosen.entry.locations and chosen.entry.detail is None else MODEL_PREFER
        if entry is not None and unsure and best.probability >= bar:
            return Match(entry, chosen.score), "preferred"
        # Out of scope when the out-of-scope classes together are sure enough, however that is
        # split between topics ("did arsenal win last night": nutrition or other); the reply's
        # topic is the likeliest of them (out_of_scope_topic).
        refusing = sum(g.probability for g in guesses if g.out_of_scope)
        if guesses[0].out_of_scope is not None or entry is None:
            if unsure and refusing >= MODEL_REFUSE:
                return None, "refused"
        return chosen, None

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
