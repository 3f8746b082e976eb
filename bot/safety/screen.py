"""The crisis screen: runs on every user message, first, in every state of the conversation.

Rules decide, on purpose: a statistical model can be wrong in ways no one can review, and this
screen must not miss a crisis. Figures of speech and explicit denials are removed before
matching. A small trained text classifier (bot/safety/model/, loaded once) is a second net for
crisis talk the rules missed: it runs only when they found none, on messages of MODEL_MIN_WORDS
words or more, and all it can do is make the bot ask directly (an "ambiguous" finding). Pure: no
I/O after the model is loaded. Red flags (signs that need a doctor) are not this screen's: they are
the clinical rules of knowledge/clinical/ (bot.clinical), checked right after it.
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
LEVEL_ORDER = LEVELS  # most serious first

_REPEATS = re.compile(r"([a-z])\1{2,}")
_NON_TEXT = re.compile(r"[^a-z0-9'?.!,;:\-/ ]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Finding:
    """What the screen found in one message."""

    kind: str  # "crisis" | "ambiguous"
    level: str  # "crisis"


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
