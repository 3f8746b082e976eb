"""The safety screen: runs on every user message, first, in every state of the conversation.

Two halves: the crisis screen (`bot.safety.crisis`: tiers, context, languages) and the red-flag
screen below (medical signs; negated signs such as "no chest pain" do not count). `screen()` runs
both and returns a `Screening`; the crisis protocol (action_safety_check, dialogues/flow.yml)
reads `Screening.assessment`; the `crisis` / `ambiguous` properties remain for the issue-3 sets'
scorer (`runner-triage eval safety`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from bot.safety import patterns as P
from bot.safety.crisis import CRISIS as CRISIS_TIER
from bot.safety.crisis import EMERGENCY, THIRD_PARTY, UNCLEAR, CrisisAssessment, CrisisContext, assess
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


# How the crisis tiers count for the issue-3 sets' scorer (bot.evaluation): the emergency and
# crisis tiers and someone else at risk as "crisis", unclear as "ambiguous" (the direct question).
_COMPAT_KIND = {EMERGENCY: CRISIS, CRISIS_TIER: CRISIS, THIRD_PARTY: CRISIS, UNCLEAR: AMBIGUOUS}


def screen(text: str, context: CrisisContext | None = None) -> Screening:
    """Screen one message: the crisis tier (with the conversation's `context`, if the caller
    keeps one) and the red flags. Never raises on any text; cost is linear in the text length."""
    assessment = assess(text, context)
    findings: list[Finding] = []
    kind = _COMPAT_KIND.get(assessment.tier or "")
    if kind:
        findings.append(Finding(kind, "crisis"))
    norm = normalise(text)
    if norm:
        findings.extend(_red_flags(norm))
    return Screening(tuple(findings), assessment)


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
