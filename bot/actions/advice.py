"""How a triage decision and a race or return decision are worded.

ActionTriage decides (bot.clinical.flow.assess); `advice_message` hands the decision to the
advice design (bot.replies: headline, reason, three actions, detail buttons) as an
`AdviceContext`. Keep the decision logic out of here: this is the part a message design
replaces, with the same inputs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot import commands, replies
from bot.actions.clinical import help_has_come
from bot.clinical import decisions
from bot.clinical import intake as I
from bot.clinical.evaluate import Finding
from bot.clinical.flow import Case, assess
from bot.knowledge import KnowledgeBase
from bot.texts import Voice, text_key
from bot.triage import TriageDecision
from bot.turn import Button

CHECKIN_OFFER_LEVELS = ("see_pt", "self_care")
CHECKIN_OFFER = text_key("checkin.offer")
CHECKIN_OFFER_BUTTON = text_key("checkin.offer_button")
UNCHANGED = text_key("advice.unchanged", "heading")
UNCHANGED_HELPED = text_key("advice.unchanged_helped")
SERIOUS = ("emergency", "urgent")


@dataclass(frozen=True)
class AdviceReply:
    """The messages of one advice (the advice, then the weekly check-in offer if it is made) and
    the context its detail buttons are rendered from (the slot bot.replies.ADVICE_SLOT)."""

    messages: tuple[replies.Message, ...]
    context: replies.AdviceContext


def advice_context(kb: KnowledgeBase, decision: TriageDecision, findings: Sequence[Finding],
                   locations: Sequence[str], pattern: str | None, race: str = "") -> replies.AdviceContext:
    """What the advice is about: the level, the runner's places and pain pattern, the warning
    signs' own entries (each clinical rule names one; most serious first), the reasons and the
    intake's notes."""
    # A see_pt finding with a warning-sign entry of its own (a fresh sprain: protect it) counts too.
    flags = [f.entry for f in findings if kb.flag_entry(f.entry) is not None]
    notes = [I.note_text(n) for n in decision.notes]
    return replies.AdviceContext(decision.level.value, tuple(locations), pattern, tuple(dict.fromkeys(flags)),
                                 tuple(decision.reasons), tuple(notes), race=race)


def advice_message(kb: KnowledgeBase, voice: Voice, decision: TriageDecision, findings: Sequence[Finding],
                   locations: Sequence[str], pattern: str | None = None, *, unchanged: bool = False,
                   subscribed: bool = False, race: str = "",
                   before: replies.AdviceContext | None = None, helped: bool = False) -> AdviceReply:
    """The advice for `decision`. `unchanged`: the same advice was just given in this
    conversation (say so in one line, with the detail buttons: never the same block twice);
    `subscribed`: the runner already has the weekly check-in (no offer); `race`: the line on a
    race coming soon (`race_line`); `helped`: the runner said after an emergency that help came
    or they were seen (an unchanged emergency is then not "call now" again)."""
    context = advice_context(kb, decision, findings, locations, pattern, race)
    level = context.level
    if unchanged and helped and level == "emergency":
        # "update: back home! 2 nights on IV fluids", then a check-in answer that repeats a sign
        # (tester round 53 was told "call emergency services (911) now" after her discharge)
        return AdviceReply((replies.Message(voice.say(UNCHANGED_HELPED), replies.detail_buttons(kb, voice, level)),), context)
    if unchanged:
        # (a doctor soon, not today: "in the next few days", as the advice said; tester round 48 was
        # then told "see a doctor today")
        heading = voice.fill(kb.level_heading(level, kb.soon(level, context.flags)))
        line = voice.say(UNCHANGED, heading=heading[:1].lower() + heading[1:])
        # A warning sign added at the same level brings its own first step ("Don't drink more
        # plain water while you wait for help." once low salt joins heat stroke: tester round 5).
        known = set(before.flags) if before is not None else set()
        new_signs = [e for e in (kb.flag_entry(f) for f in context.flags if f not in known) if e is not None]
        first_steps = [a[0] for a in (kb.actions(e, voice.country, voice.locale, other=voice.other,
                                                  calling_now=level == "emergency") for e in new_signs) if a]
        line = "\n".join([line, *(voice.say(replies.ACTION, action=step) for step in first_steps)])
        return AdviceReply((replies.Message(line, replies.detail_buttons(kb, voice, level)),), context)
    messages = [replies.advice(kb, voice, context)]
    # A weekly check-in suits pain worth watching, not one that needs a doctor today; a short
    # message of its own, so the advice keeps to one screen.
    if level in CHECKIN_OFFER_LEVELS and not subscribed:
        messages.append(replies.Message(voice.say(CHECKIN_OFFER),
                                        (Button(voice.say(CHECKIN_OFFER_BUTTON), commands.CHECKIN_START),)))
    return AdviceReply(tuple(messages), context)


def race_line(case: Case, level: str, rules: tuple[str, ...] = ()) -> str:
    """One line on a race within 8 weeks, for `level` and the findings' `rules` (decisions.yml
    `brief`), or ''."""
    if case.intake.get("upcoming_race") != "soon":
        return ""
    return decisions.brief(level, case.intake.race_in_days, rules) or ""


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9']+", text.lower()))


def _word_for_word(kb: KnowledgeBase, question: str) -> str | None:
    """The answer entry one of whose example questions this is, word for word, or None."""
    words = _words(question)
    return next((e.id for e in kb.entries if e.role == "answer" and any(_words(q) == words for q in e.questions)),
                None)


#: The decisions that are first aid for a bystander (decisions.yml): CPR, what to do until help
#: comes, what to tell the crew; and the word for a check already done ("seen"). Not advice to
#: weigh: no "not a diagnosis" under them.
FIRST_AID = ("unresponsive", "while_waiting", "help_here", "seen")


@dataclass(frozen=True)
class DecisionReply:
    text: str
    sources: tuple[str, ...]
    #: "<level>:<kind>" (":again" after it when said a second time), what the conversation remembers it said (DECISIONS_SAID_SLOT)
    said: str = ""


#: Someone else's state ("he says he's fine", "she seems better"): the bystander's wording.
_ABOUT_OTHER = re.compile(r"\b(?:he|she|they|he's|she's|they're|hes|shes|theyre|him|her|them)\b")
_ABOUT_SELF = re.compile(r"\b(?:i|i'm|im|i've|ive|me|my)\b")
#: Calling refused, or a later appointment chosen instead ("ok ill call my gp tomorrow", "cant i just see my doc
#: next week?"): after the shorter answer, the next-safest step (decisions.yml `refused`).
_WONT_CALL = re.compile(r"\b(?:not|never|won'?t|wont|will not|refuse to|n't) (?:be )?(?:call|calling|ring|ringing|phone|phoning)\b|"
                        r"\b(?:gp|doctor|doc|surgery|physio|clinic)\b[^.?!]{0,20}\b(?:tomorrow|tmrw|tmr|next week|monday|tuesday|wednesday|"
                        r"thursday|friday|saturday|sunday|in a few days|later in the week|after the weekend)\b")
#: The runner asking what to do for themself: "should i take an aspirin while i wait".
_OWN_ASK = re.compile(r"\b(?:should|can|could|do|shall|must) i (?:take|have|chew|drink|eat|lie|sit|stand|walk|wait|do)\b")


def decision_answer(kb: KnowledgeBase, voice: Voice, question: str, level: str | None, case: Case,
                    slots: dict[str, Any] | None = None, *, improved: bool = False,
                    said: tuple[str, ...] = ()) -> DecisionReply | None:
    """"Should I race?", "can I run tomorrow?", "when can I run again?" (and, after advice to see a
    doctor, "should I just ice it?"): a concrete answer for the level this conversation reached
    (`improved`: the runner said it got better, so "can I go back to my normal mileage?" gets the
    build-up answer);
    None for other questions, and before any advice (the knowledge base's general answers,
    race-decision and return-to-running, say it then)."""
    if level not in decisions.LEVELS or level == "none":
        # Before any advice only "what number do I call?" has an answer of its own (the number);
        # the knowledge base answers the rest.
        if decisions.classify(question, "none") not in ("call_who", "unresponsive"):
            return None
        level = "none"
    kind = decisions.classify(question, level)
    if kind is None:
        return None
    exact = _word_for_word(kb, question)
    if exact is not None and exact not in decisions.general_entries():
        return None  # a suggested question, pressed or typed word for word: its entry answers it
    if kind == "return" and improved:
        kind = "improved"
    race = I.parse_race(question, case.today)
    lower = question.lower()
    # Someone else's state: the conversation is about another person (the first report), or this
    # message speaks of one ("he says he's fine").
    other = voice.other or bool(_ABOUT_OTHER.search(lower)) and not _ABOUT_SELF.search(lower)
    for_self = not other and bool(_OWN_ASK.search(lower)) and not _ABOUT_OTHER.search(lower)
    # help come for someone else's emergency: the helper's own questions ("should i still run my half
    # next week?", "is she going to be ok??": tester round 49 got the emergency's answers)
    helped = level == "emergency" and voice.other and help_has_come(said)
    again = f"{level}:{kind}" in said
    if level == "emergency" and not voice.other and not other and help_has_come(said) and kind in _AFTER_HELP_CAME:
        # the runner's own help has come ("ok the ambulance is here", then "they want to take me in
        # anyway. is that overkill?": tester round 51 was told "Please call 911 now"): let them
        # take it from here (the help-here text said again)
        kind, again = "help_here", True
    return decision_reply(kb, voice, kind, str(level), case, slots, race[1],
                          again=again, other=other, for_self=for_self,
                          refused=f"{level}:{kind}:again" in said and bool(_WONT_CALL.search(lower)), helped=helped)


#: Decisions that, once the runner's own help has come, are answered with "let them take it from here".
_AFTER_HELP_CAME = frozenset({"downplay", "serious", "call_who", "drive", "driven", "agreed"})


def decision_reply(kb: KnowledgeBase, voice: Voice, kind: str, level: str, case: Case,
                   slots: dict[str, Any] | None = None, race_in_days: int | None = None, *,
                   again: bool = False, other: bool = False, for_self: bool = False, refused: bool = False,
                   helped: bool = False) -> DecisionReply:
    """The decision `kind` (decisions.KINDS) for `level` and the most serious warning sign found,
    in words, with its sources."""
    condition = rule = None
    sources: tuple[str, ...] = ()
    soon = False
    if level in SERIOUS:
        found = [f for f in assess(case, slots or {}).findings if f.level in SERIOUS]
        if found:  # the warning sign's own sources: a hip stress fracture is not a tendon
            # ... and a sign at this level with its own answer to this question first: stuck on a
            # mountain with a deformed ankle, "what do i do while i wait" is about the mountain
            # (tester round 35 got the bystander's CPR card)
            first = next((f for f in found if f.level == level and decisions.has_own(f.rule, kind, level)), found[0])
            condition, rule, sources = first.condition, first.rule, first.source
            soon = kb.soon(level, [f.entry for f in found])  # "a doctor soon": no "today" under it
    else:
        # A physio-level sign with answers of its own: a fresh injury is not overuse ("so i can
        # still jog on it?" after a pop got "an easy, short, flat run is fine": tester round 29).
        own = next((f for f in assess(case, slots or {}).findings
                    if f.level == level and f.rule in decisions.rules_with_answers()), None)
        if own is not None:
            condition, rule = own.condition, own.rule
    days = race_in_days if race_in_days is not None else case.intake.race_in_days
    answer = decisions.answer(kind, level, condition=condition, race_in_days=days, rule=rule, again=again, other=other,
                              for_self=for_self, refused=refused, helped=helped)
    if not sources:
        sources = answer.sources
    elif answer.own:  # the sign's own answer: its sources, then the sign's
        sources = tuple(dict.fromkeys(answer.sources + sources[:1]))
    elif kind in FIRST_AID:  # first aid: its own source, then the sign's
        sources = tuple(dict.fromkeys(answer.sources + sources[:1]))
    elif kind == "return":  # how a return goes, then the sign's own first source
        sources = answer.sources[:1] + sources[:1]
    # First aid is an instruction for the next minutes, not advice to weigh: no "not a diagnosis".
    footer = [] if kind in FIRST_AID else [voice.say(replies.disclaimer(level, soon))]
    text = "\n\n".join([voice.fill(answer.text), kb.cite(sources), *footer])
    # (said again: remembered as such, so a third time can be the next-safest step)
    return DecisionReply(text, (), f"{level}:{kind}:again" if again else f"{level}:{kind}")
