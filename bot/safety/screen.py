"""The safety screen: runs on every user message, first, in every state of the conversation.

Rules decide, on purpose: a statistical model can be wrong in ways no one can review, and this
screen must not miss a crisis or a red flag. Figures of speech and explicit denials are removed
before matching; negated red-flag signs ("no chest pain") do not count. A small trained text
classifier (bot/safety/model/, loaded once) is a second net for crisis talk the rules missed: it
runs only when they found none, on messages of MODEL_MIN_WORDS words or more, and all it can do
is make the bot ask directly (an "ambiguous" finding). Pure: no I/O after the model is loaded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from bot.nlu.lang import guess_language
from bot.safety import patterns as P
from bot.vocabulary import LEVELS

CRISIS = "crisis"
AMBIGUOUS = "ambiguous"
RED_FLAG = "red_flag"
LEVEL_ORDER = LEVELS  # most serious first

_SIGN_WORDS = (
    r"(swollen|swelling|warm|hot|red|numb|numbness|tingling|tingly|pain|painful|tight|tightness|"
    r"tender|fever|feverish|temperature|confused|dizzy|faint|fainted|weak|weakness|racing|pounding)"
)
_INNER_NEGATION = re.compile(
    r"\b(isn't|is not|wasn't|was not|aren't|not|no|never|without|none|nothing)\s+(\w+\s+)?" + _SIGN_WORDS + r"\b"
)
# "chest pain? no" / "numbness - none": a bare denial right after the sign, ending the phrase.
_FOLLOWING_NEGATION = re.compile(r"^\s*[-:?,]?\s*(none|no|nope|nah|not really|never|negative|nothing)\s*([.!?,;]|$)")
_NEGATOR = re.compile(P.NEGATORS)
_CLAUSE_BREAK = re.compile(P.CLAUSE_BREAK)
_REPEATS = re.compile(r"([a-z])\1{2,}")
_NON_TEXT = re.compile(r"[^a-z0-9'?.!,;:\-/ ]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Finding:
    """What the screen found in one message."""

    kind: str  # "crisis" | "ambiguous" | "red_flag"
    level: str  # "crisis" for crisis/ambiguous; "emergency" | "urgent" for red flags
    flag: str | None = None  # red flag id
    reason: str = ""  # plain words, for the advice ("because ...")


@dataclass(frozen=True)
class Screening:
    findings: tuple[Finding, ...] = ()

    @property
    def crisis(self) -> bool:
        return any(f.kind == CRISIS for f in self.findings)

    @property
    def ambiguous(self) -> bool:
        return not self.crisis and any(f.kind == AMBIGUOUS for f in self.findings)

    @property
    def red_flags(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == RED_FLAG)

    @property
    def level(self) -> str | None:
        """The most serious level found, or None when the message is clear."""
        levels = [f.level for f in self.findings if f.kind != AMBIGUOUS]
        return min(levels, key=LEVEL_ORDER.index) if levels else None


def normalise(text: str) -> str:
    """Lower case, straight quotes, typos fixed, letters repeated 3+ times squeezed to 2."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = _NON_TEXT.sub(" ", text)
    text = _REPEATS.sub(r"\1\1", text)
    words = [P.TYPOS.get(w.strip(".,!?;:"), w) if w.strip(".,!?;:") in P.TYPOS else w
             for w in text.split()]
    return _SPACES.sub(" ", " ".join(words)).strip()


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[re.Pattern[str]], ...]:
    # Lists only asked "does any match?" are one alternation each: one pass over the text
    # instead of one per pattern. Denials and figures stay separate: every span of each is blanked.
    def one(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
        return [re.compile("|".join(f"(?:{p})" for p in patterns))]

    d = [re.compile(p) for p in P.DENIALS]
    f = [re.compile(p) for p in P.FIGURES_OF_SPEECH]
    return one(P.CRISIS), one(P.AMBIGUOUS), d, f, one(P.CONCERN), one(P.CRISIS + P.EARNEST)


@dataclass(frozen=True)
class _CompiledFlag:
    flag: P.RedFlag
    patterns: tuple[re.Pattern[str], ...]
    names: tuple[re.Pattern[str], ...]
    transient: tuple[re.Pattern[str], ...]
    escalators: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _compiled_flags() -> tuple[_CompiledFlag, ...]:
    def comp(items: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in items)

    return tuple(
        _CompiledFlag(flag, comp(flag.patterns), comp(flag.names), comp(flag.transient), comp(flag.escalate_if))
        for flag in P.RED_FLAGS
    )


_GENERAL_QUESTION = re.compile(P.GENERAL_QUESTION)
_RESOLVED = re.compile(P.RESOLVED)
_CLEARED = re.compile(P.CLEARED)
_NERVES = re.compile(P.NERVES)
_UPPER_BODY = re.compile(P.UPPER_BODY)
_LOWER_LIMB = re.compile(P.LOWER_LIMB)
_SENTENCE_END = re.compile(r"[.!?;]")


MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_MIN_WORDS = 5


@lru_cache(maxsize=1)
def _risk_model() -> tuple[Language, float] | None:
    """The trained second net (scripts/train_safety_model.py), or None if it is not shipped."""
    if not (MODEL_DIR / "threshold.json").exists():
        return None
    threshold = float(json.loads((MODEL_DIR / "threshold.json").read_text())["threshold"])
    return spacy.load(MODEL_DIR), threshold


def _model_applies(cleaned: str) -> bool:
    """The bag-of-words model is unreliable on a few leftover words ("again") and on text in
    another language (every word unknown to it): those messages are for the rules alone."""
    return len(cleaned.split()) >= MODEL_MIN_WORDS and guess_language(cleaned) == "en"


def risk_score(cleaned: str) -> float:
    """The model's probability of crisis talk in `without_figures(normalise(text))`."""
    model = _risk_model()
    return model[0](" ".join(cleaned[:2000].split())).cats["RISK"] if model else 0.0


def screen(text: str) -> Screening:
    """Screen one message. Never raises on any text; cost is linear in the text length.

    Rules decide first. Only when they find no crisis talk does the trained model get a say, and
    all it can do is make the bot ask directly (an "ambiguous" finding, with resources).
    """
    norm = normalise(text)
    if not norm:
        return Screening()
    findings: list[Finding] = []
    cleaned = without_figures(norm)
    crisis = _crisis(cleaned)
    if crisis is None:
        model = _risk_model()
        if model is not None and _model_applies(cleaned) and risk_score(cleaned) >= model[1]:
            crisis = AMBIGUOUS
    if crisis:
        findings.append(Finding(crisis, "crisis"))
    findings.extend(_red_flags(norm))
    return Screening(tuple(findings))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace spans by spaces, keeping offsets."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def without_figures(norm: str) -> str:
    """The normalised text with denials and figures of speech blanked: what the person means."""
    _, _, denials, figures, _, _ = _compiled()
    return _blank(norm, [m.span() for rx in denials + figures for m in rx.finditer(norm)])


def _crisis(cleaned: str) -> str | None:
    """Crisis talk in `cleaned` (normalised, denials and figures of speech blanked)?"""
    crisis, ambiguous, _, _, concern, crisis_or_earnest = _compiled()
    if any(rx.search(cleaned) for rx in ambiguous):
        # "kms if my knee doesn't heal": not clearly a joke, not clearly a plan -> ask kindly.
        # Unless something else in the message is an unambiguous crisis statement, or they say
        # they mean it.
        without_ambiguous = _blank(cleaned, [m.span() for rx in ambiguous for m in rx.finditer(cleaned)])
        if any(rx.search(without_ambiguous) for rx in crisis_or_earnest):
            return CRISIS
        return AMBIGUOUS
    if any(rx.search(cleaned) for rx in crisis):
        return CRISIS
    if any(rx.search(cleaned) for rx in concern):
        return AMBIGUOUS
    return None


def _red_flags(norm: str) -> list[Finding]:
    found: list[Finding] = []
    general_question = bool(_GENERAL_QUESTION.search(norm))
    for c in _compiled_flags():
        hit = any(not _negated(norm, m) and not _cleared(norm, m) for rx in c.patterns for m in rx.finditer(norm))
        if not hit and not general_question:
            hit = any(not _negated(norm, m) and not _cleared(norm, m) for rx in c.names for m in rx.finditer(norm))
        if not hit:
            hit = any(not _negated(norm, m) and not _passed(norm, m) and not _upper_body_only(norm, m)
                      and not _NERVES.search(_sentence(norm, m))
                      for rx in c.transient for m in rx.finditer(norm))
        if not hit:
            continue
        level, reason = c.flag.level, c.flag.reason
        if any(not _negated(norm, m) for rx in c.escalators for m in rx.finditer(norm)):
            level = "emergency"
            reason += ", and with breathlessness or chest pain it can have reached the lungs"
        found.append(Finding(RED_FLAG, level, c.flag.id, reason))
    return found


def _sentence(norm: str, match: re.Match[str]) -> str:
    start = max((m.end() for m in _SENTENCE_END.finditer(norm, 0, match.start())), default=0)
    end_match = _SENTENCE_END.search(norm, match.end())
    return norm[start: end_match.start() if end_match else len(norm)]


def _passed(norm: str, match: re.Match[str]) -> bool:
    """A transient sign the person says has passed ("numb with the ice pack, normal again now")."""
    return bool(_RESOLVED.search(norm[match.end(): match.end() + 80]))


def _cleared(norm: str, match: re.Match[str]) -> bool:
    """A sign a clinician has already checked, said right after it."""
    return bool(_CLEARED.search(norm[match.end(): match.end() + 80]))


def _upper_body_only(norm: str, match: re.Match[str]) -> bool:
    sentence = _sentence(norm, match)
    return bool(_UPPER_BODY.search(sentence)) and not _LOWER_LIMB.search(sentence)


def _negated(norm: str, match: re.Match[str]) -> bool:
    """Is this sign denied ("no chest pain", "calf isn't swollen", "numbness? none")?"""
    prefix = norm[: match.start()]
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    clause = prefix[breaks[-1].end():] if breaks else prefix
    window = " ".join(clause.split()[-5:])
    if _NEGATOR.search(window):
        return True
    if _INNER_NEGATION.search(match.group(0)):
        return True
    return bool(_FOLLOWING_NEGATION.match(norm[match.end():]))
