"""The safety screen: runs on every user message, first, in every state of the conversation.

The crisis screen (`bot.safety.crisis`: tiers, context, languages). `screen()` returns a
`Screening`; the crisis protocol (action_safety_check, dialogues/flow.yml) reads
`Screening.assessment`; the `crisis` / `ambiguous` properties remain for the issue-3 sets' scorer
(`runner-triage eval safety`). Red flags (signs that need a doctor) are not this screen's: they are
the clinical rules of knowledge/clinical/ (bot.clinical), checked right after it by
action_clinical_check (issue 15).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bot.safety import patterns as P
from bot.safety.crisis import CRISIS as CRISIS_TIER
from bot.safety.crisis import EMERGENCY, THIRD_PARTY, UNCLEAR, CrisisAssessment, CrisisContext, assess
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
    #: The crisis screen's full answer: tier, overdose, language, signals (issue 14).
    assessment: CrisisAssessment = field(default_factory=CrisisAssessment)

    @property
    def tier(self) -> str | None:
        """emergency | crisis | third_party | unclear | distress, or None."""
        return self.assessment.tier

    @property
    def overdose(self) -> bool:
        return self.assessment.overdose

    @property
    def language(self) -> str:
        return self.assessment.language

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


# How the crisis tiers count for the issue-3 sets' scorer (bot.evaluation): the emergency and
# crisis tiers and someone else at risk as "crisis", unclear as "ambiguous" (the direct question).
_COMPAT_KIND = {EMERGENCY: CRISIS, CRISIS_TIER: CRISIS, THIRD_PARTY: CRISIS, UNCLEAR: AMBIGUOUS}


def screen(text: str, context: CrisisContext | None = None) -> Screening:
    """Screen one message: the crisis tier (with the conversation's `context`, if the caller
    keeps one). Never raises on any text; cost is linear in the text length."""
    assessment = assess(text, context)
    findings: list[Finding] = []
    kind = _COMPAT_KIND.get(assessment.tier or "")
    if kind:
        findings.append(Finding(kind, "crisis"))
    return Screening(tuple(findings), assessment)
