"""Text -> intent, slot values, negation. spaCy blank English, rules, negspacy; no model download.

The pipeline: tokenizer -> sentencizer -> lookup lemmatizer -> EntityRuler (BODY_PART, SIDE)
-> negex (negspacy, our own running-specific termset). Pattern, balance and intent cues are
matched on lemmas with PhraseMatchers built from `bot.nlu.vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from negspacy.negation import Negex  # noqa: F401  (registers the "negex" factory)
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from bot.nlu import vocabulary as V
from bot.nlu.lang import blank_english

# Our termset: clinical negspacy defaults negate "can't"/"don't" before a body part, which in
# runner talk is usually not a negation ("I can't run because my knee hurts").
NEGATION_TERMS: dict[str, list[str]] = {
    "pseudo_negations": ["no idea", "not sure", "not only", "no matter", "can't feel",
                         "cannot feel", "cant feel", "no feeling", "not just"],
    "preceding_negations": ["no", "not", "without", "never", "no pain in", "nothing in",
                            "isn't", "isnt", "don't have", "dont have", "do not have",
                            "don't have any", "not in", "not my", "nothing wrong with",
                            "no problem with", "no problems with", "no issues with", "not the"],
    "following_negations": ["is fine", "are fine", "is ok", "is okay", "are ok", "feels fine",
                            "feel fine", "doesn't hurt", "don't hurt", "does not hurt",
                            "isn't sore", "is not sore", "isn't hurting", "is not hurting",
                            "is good", "are good", "is not the problem", "isn't the problem",
                            "is not the issue", "is fine now", "feels ok", "feels good",
                            "is perfectly fine", "no longer hurts", "not sore", "not hurting"],
    "termination": ["but", "although", "however", "though", "except", "apart from", "yet",
                    "still", "which", "and my", "whereas", "while", ";"],
}

_SEVERITY = re.compile(
    r"\b(?P<n>10|[0-9])(?:\s*(?:/|out of|outta)\s*10)\b|\b(?:pain|severity|level)\s*(?:is|of|at|about|around)?\s*(?:a\s*)?(?P<m>10|[0-9])\b"
)
_BALANCE_SECONDS = re.compile(
    r"(?P<a>\d{1,3})\s*(?:s|sec|secs|seconds?)?\s*(?:on|with)?\s*(?:the|my)?\s*(?P<sa>left|right)"
    r"\D{0,40}?(?P<b>\d{1,3})\s*(?:s|sec|secs|seconds?)?\s*(?:on|with)?\s*(?:the|my)?\s*(?P<sb>left|right)",
)
_BALANCE_SECONDS_REV = re.compile(
    r"(?P<sa>left|right)\D{0,25}?(?P<a>\d{1,3})\s*(?:s|sec|secs|seconds?)?\D{0,40}?"
    r"(?P<sb>left|right)\D{0,25}?(?P<b>\d{1,3})"
)
_NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z\u00C0-\u024F]")
_WORD = re.compile(r"[a-zà-ÿ']+")


@dataclass(frozen=True)
class Entity:
    """One recognised thing in the text: `label` (BODY_PART, SIDE), canonical `value`."""

    label: str
    value: str
    text: str
    start: int
    end: int
    negated: bool = False


@dataclass(frozen=True)
class Parse:
    """What one message says. Slot keys are present only when the message fills them."""

    text: str
    intent: str
    entities: tuple[Entity, ...] = ()
    slots: dict[str, Any] = field(default_factory=dict)
    negated_locations: tuple[str, ...] = ()
    is_question: bool = False
    language: str = "en"

    def to_rasa(self) -> dict[str, Any]:
        """The message in Rasa's `latest_message` shape."""
        return {
            "text": self.text,
            "intent": {"name": self.intent, "confidence": 1.0},
            "entities": [
                {"entity": e.label.lower(), "value": e.value, "start": e.start, "end": e.end,
                 "extractor": "runner_triage", **({"negated": True} if e.negated else {})}
                for e in self.entities
            ],
        }


def _phrase_matcher(nlp: Language, groups: dict[str, tuple[str, ...]], attr: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for key, phrases in groups.items():
        matcher.add(key, list(nlp.pipe(phrases)))
    return matcher


class NLU:
    """Rule-based understanding of runner pain talk. Build once at start-up (~1 s), reuse."""

    def __init__(self) -> None:
        nlp = blank_english()  # initialize() already ran: patterns added now survive
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        patterns: list[dict[str, Any]] = []
        for canonical, phrases in V.BODY_PARTS.items():
            patterns += [{"label": "BODY_PART", "pattern": p, "id": canonical} for p in phrases]
        for canonical, phrases in V.SIDES.items():
            patterns += [{"label": "SIDE", "pattern": p, "id": canonical} for p in phrases]
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
        nlp.add_pipe("negex", config={"neg_termset": NEGATION_TERMS, "ent_types": ["BODY_PART"]})
        self.nlp = nlp
        # Lemma matching: "keeps coming back" ~ "kept coming back"; LOWER for short answers.
        self._pattern = _phrase_matcher(nlp, V.PAIN_PATTERNS, "LEMMA")
        self._pattern_lower = _phrase_matcher(nlp, V.PAIN_PATTERNS, "LOWER")
        self._balance = _phrase_matcher(nlp, V.BALANCE_ANSWERS, "LOWER")
        self._cues = _phrase_matcher(nlp, {
            "BALANCE": V.BALANCE_CUES, "PAIN": V.PAIN_WORDS, "WHY": V.WHY_ASK,
            "CORRECTION": V.CORRECTION_CUES, "ROM": V.RANGE_OF_MOTION,
        }, "LOWER")

    def __call__(self, text: str, context: str | None = None) -> Parse:
        return self.parse(text, context)

    def parse(self, text: str, context: str | None = None) -> Parse:
        """Understand `text`. `context` is the slot the bot just asked for, if any."""
        doc = self.nlp(text)
        lower = text.lower().strip()
        words = _WORD.findall(lower)
        language = _guess_language(text, words)

        entities = tuple(
            Entity(e.label_, e.ent_id_, e.text, e.start_char, e.end_char,
                   bool(getattr(e._, "negex", False)) if e.label_ == "BODY_PART" else False)
            for e in doc.ents
        )
        slots: dict[str, Any] = {}
        locations = _unique(e.value for e in entities if e.label == "BODY_PART" and not e.negated)
        negated = _unique(e.value for e in entities if e.label == "BODY_PART" and e.negated)
        negated = tuple(n for n in negated if n not in locations)
        if locations:
            slots["pain_location"] = list(locations)

        cues = {doc.vocab.strings[m_id] for m_id, _, _ in self._cues(doc)}
        seconds = _balance_from_seconds(lower)
        balance_talk = "BALANCE" in cues or context == "balance_change" or seconds is not None

        side = None if seconds else self._side(doc, entities, balance_talk and not locations)
        if side:
            slots["pain_side"] = side

        pattern = self._pain_pattern(doc)
        if pattern:
            slots["pain_pattern"] = pattern
        elif context == "pain_pattern":
            pattern = _short_answer_pattern(lower)
            if pattern:
                slots["pain_pattern"] = pattern

        if balance_talk:
            balance = seconds or self._balance_change(doc, lower, context)
            if balance:
                slots["balance_change"] = balance

        severity = _severity(lower)
        if severity is not None:
            slots["severity"] = severity
        if "ROM" in cues and (locations or context):
            slots["range_of_motion"] = "reduced"

        is_question = lower.endswith("?") or (bool(words) and words[0] in V.QUESTION_STARTS)
        intent = self._intent(lower, words, cues, slots, negated, is_question, context)
        return Parse(text, intent, entities, slots, negated, is_question, language)

    # -- slots ---------------------------------------------------------------------------------

    def _side(self, doc: Doc, entities: tuple[Entity, ...], balance_only: bool) -> str | None:
        sides = [e.value for e in entities if e.label == "SIDE"]
        if not sides or balance_only:
            return None
        values = set(sides)
        if "both" in values or {"left", "right"} <= values:
            return "both"
        return sides[0]

    def _pain_pattern(self, doc: Doc) -> str | None:
        spans: list[tuple[int, int, str]] = []
        for matcher in (self._pattern, self._pattern_lower):
            for m_id, start, end in matcher(doc):
                spans.append((start, end, doc.vocab.strings[m_id]))
        if not spans:
            return None
        # The longest phrase wins ("doesn't come back" over "come back"), then the last said.
        spans.sort(key=lambda s: (s[1] - s[0], s[0]))
        best = spans[-1]
        label = best[2]
        # "not coming back" / "never comes back": a negated recurrence means it fades.
        if label == "recurring":
            before = doc[max(0, best[0] - 2): best[0]].text.lower()
            if re.search(r"\b(not|never|doesn't|don't|didn't|hasn't|won't)\b", before):
                return "fades"
        return label

    def _balance_change(self, doc: Doc, lower: str, context: str | None) -> str | None:
        found: list[tuple[int, int, str]] = [
            (s, e, doc.vocab.strings[m]) for m, s, e in self._balance(doc)
        ]
        if not found:
            if context == "balance_change":
                if re.fullmatch(r"(yes|yeah|yep|yup|y|ya|i think so|a bit|a little|slightly|kind of|kinda)\b.*", lower):
                    return "worse"
                if re.fullmatch(r"(no|nope|nah|n|not really|not at all)\b.*", lower):
                    return "same"
            return None
        labels = {label for _, _, label in found}
        # "not worse" is matched as "same" by a longer phrase; the longest match wins.
        found.sort(key=lambda s: (s[1] - s[0], -s[0]))
        if "unsure" in labels and len(labels) > 1 and found[-1][2] != "unsure":
            return found[-1][2]
        return found[-1][2]

    # -- intent --------------------------------------------------------------------------------

    def _intent(self, lower: str, words: list[str], cues: set[str], slots: dict[str, Any],
                negated: tuple[str, ...], is_question: bool, context: str | None) -> str:
        stripped = lower.strip(" !.?,")
        fills = {k for k in slots if k in ("pain_location", "pain_pattern", "balance_change",
                                            "pain_side", "severity", "range_of_motion")}
        if "WHY" in cues and (len(words) <= 12 or stripped.startswith("why")) and not fills - {"pain_side"}:
            return "why_ask"
        if "CORRECTION" in cues and (fills or negated):
            return "correction"
        if stripped in V.GREETINGS or (words and words[0] in ("hi", "hello", "hey", "hiya") and len(words) <= 3 and not fills):
            return "greet"
        if stripped in V.THANKS or (words[:1] == ["thanks"] and not fills) or stripped.startswith("thank you"):
            return "thanks"
        if stripped in V.GOODBYES:
            return "goodbye"
        if is_question and not fills:
            return "ask_question"
        if fills or negated:
            if "PAIN" in cues or "pain_location" in slots or negated:
                return "report_pain" if context is None else "inform"
            return "inform"
        if stripped in V.AFFIRM or re.fullmatch(r"(yes|yeah|yep|yup|sure|ok|okay)\b.*", stripped) and len(words) <= 4:
            return "affirm"
        if stripped in V.DENY or re.fullmatch(r"(no|nope|nah)\b.*", stripped) and len(words) <= 4:
            return "deny"
        if "PAIN" in cues:
            return "report_pain"
        if is_question:
            return "ask_question"
        return "off_topic"


def _unique(values: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return tuple(seen)


def _severity(lower: str) -> int | None:
    m = _SEVERITY.search(lower)
    if not m:
        return None
    value = int(m.group("n") or m.group("m"))
    return value if 0 <= value <= 10 else None


def _balance_from_seconds(lower: str) -> str | None:
    """'10 s on the left and 40 on the right' -> worse (a clear left/right difference)."""
    for rx in (_BALANCE_SECONDS, _BALANCE_SECONDS_REV):
        m = rx.search(lower)
        if m and m.group("sa") != m.group("sb"):
            a, b = int(m.group("a")), int(m.group("b"))
            if max(a, b) == 0:
                return "worse"
            # Rule of thumb (CLINICAL.md, Springer 2007): a clear left/right gap matters more
            # than the absolute time; we call >25% (or >5 s) a clear gap.
            gap = abs(a - b)
            return "worse" if gap > 5 and gap / max(a, b) > 0.25 else "same"
    return None


def _short_answer_pattern(lower: str) -> str | None:
    """Answers to the pattern question that only make sense in its context."""
    if re.search(r"\b(fades?|goes away|gone|eases?|better|soreness|just sore)\b", lower):
        return "fades"
    if re.search(r"\b(comes? back|returns?|every (time|run)|recurs?|again)\b", lower):
        return "recurring"
    if re.search(r"\b(stays?|constant|persists?|doesn'?t (fade|go)|still|always|won'?t go)\b", lower):
        return "persistent"
    return None


def _guess_language(text: str, words: list[str]) -> str:
    """'en', or 'other' when the message is clearly not English (script or stop words)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if _NON_LATIN_LETTER.match(c)) / len(letters) > 0.5:
        return "other"
    if len(words) >= 3:
        foreign = sum(1 for w in words if w in V.FOREIGN_WORDS)
        if foreign >= 2 and foreign / len(words) >= 0.34:
            return "other"
    return "en"
