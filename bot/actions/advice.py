"""How a triage decision and a race or return decision are worded.

ActionTriage decides (bot.clinical.flow.assess); `advice_message` turns the decision into the
message the runner reads. Keep the decision logic out of here: this is the part a new message
design replaces (headline, detail buttons, length), with the same inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.clinical import decisions
from bot.clinical import intake as I
from bot.clinical.evaluate import Finding
from bot.clinical.flow import Case, assess
from bot.knowledge import KnowledgeBase
from bot.texts import Voice, text_key
from bot.triage import TriageDecision

CHECKIN_OFFER_LEVELS = ("see_pt", "self_care")
CHECKIN_OFFER = text_key("checkin.offer")
CHECKIN_OFFER_BUTTON = text_key("checkin.offer_button")
UNCHANGED = text_key("advice.unchanged", "heading")
SERIOUS = ("emergency", "urgent")


@dataclass(frozen=True)
class AdviceMessage:
    text: str
    buttons: tuple[dict[str, Any], ...]
    sources: tuple[str, ...]  # knowledge-base entry ids


def advice_message(kb: KnowledgeBase, voice: Voice, decision: TriageDecision, findings: Sequence[Finding],
                   locations: Sequence[str], *, unchanged: bool = False, subscribed: bool = False) -> AdviceMessage:
    """The advice for `decision`. `unchanged`: the same advice was just given in this
    conversation (say so briefly, never the same block twice); `subscribed`: the runner already
    has the weekly check-in (no offer)."""
    level = decision.level.value
    if unchanged:
        heading = kb.heading(level)
        return AdviceMessage(voice.say(UNCHANGED, heading=heading[:1].lower() + heading[1:]), (), ())
    # The warning signs' own entries (each clinical rule names one), most serious first.
    flags = [f.entry for f in findings if f.level in SERIOUS and kb.flag_entry(f.entry) is not None]
    notes = [I.note_text(n) for n in decision.notes]
    advice = kb.advice(level, locations, decision.reasons, voice.country, flags=list(dict.fromkeys(flags)),
                       notes=notes, locale=voice.locale)
    # A weekly check-in suits pain worth watching, not one that needs a doctor today.
    offer = level in CHECKIN_OFFER_LEVELS and not subscribed
    text = advice.text + ("\n\n" + voice.say(CHECKIN_OFFER) if offer else "")
    buttons = ({"title": voice.say(CHECKIN_OFFER_BUTTON), "payload": "!checkin start"},) if offer else ()
    return AdviceMessage(text, buttons, advice.sources)


@dataclass(frozen=True)
class DecisionReply:
    text: str
    sources: tuple[str, ...]


def decision_answer(kb: KnowledgeBase, question: str, level: str | None, case: Case,
                    slots: dict[str, Any] | None = None) -> DecisionReply | None:
    """"Should I race?", "can I run tomorrow?", "when can I run again?": a concrete answer for the
    level this conversation reached (a general one before any triage); None for other questions."""
    kind = decisions.classify(question)
    if kind is None:
        return None
    known = level if level in decisions.LEVELS and level != "none" else "none"
    condition = None
    if known in SERIOUS:
        found = [f for f in assess(case, slots or {}).findings if f.level in SERIOUS]
        condition = found[0].condition if found else None
    days = case.intake.race_in_days
    said = I.parse_race(question)
    if said[1] is not None:
        days = said[1]
    answer = decisions.answer(kind, known, condition=condition, race_in_days=days)
    return DecisionReply("\n\n".join([answer.text, kb.cite(answer.sources), kb.disclaimer()]), ())
