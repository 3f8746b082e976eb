"""How advice, its details and answers read on a phone (issue 16; DESIGN.md "How messages should read").

**Advice** (`advice`): one message of at most MAX_FIRST_MESSAGE characters, in this order:

    **See a physical therapist.**                                   the level, bold (levels.yml)
    This is because your left shin pain comes back when you run.    the reason, one sentence

    • Run short and easy only while the pain stays at 3/10 ...       at most three actions: the
    • Shins: cut how far and how often you run ...                   level's, the runner's area's,
    • See a doctor today if a bony spot hurts at rest ...            and when to go up a level

    If you're struggling: call or text 988, any time. Emergency: 911.   {crisis_line_compact}
    Not a diagnosis. If in doubt, check with a physical therapist or doctor.

and buttons: the level's detail buttons (levels.yml `details`: "Why?", "What can I do now?",
"Exercises", "When can I run again?"), then the weekly check-in offer if it is made. The actions
are the `actions:` lines of the knowledge entries the full advice is composed from
(`KnowledgeBase.advice`, docs/knowledge.md): the pain pattern's and the runner's own area's only.
The crisis level keeps the full crisis block: it belongs to the crisis conversation.

**Details** (`detail`): a detail button's payload is `/detail{"detail": "<kind>"}`; the engine
routes it in any state (flow.yml `anywhere:`) to action_detail, which renders it from the advice's
context (`AdviceContext`, kept in the conversation) — the full paragraphs, with their sources,
and the other detail buttons.

**Answers** (`answer`): the entry's title in bold, its text and source line; its related
questions as buttons whose payload is the question itself (the engine reads such a payload as
that question). No disclaimer: that is said once per advice, and in /help.

Pure: the knowledge base, the runner's `Voice` and values in; a `Message` out. Callers:
ActionTriage and the weekly check-in (`advice`), action_detail (`detail`),
action_answer_question and action_acknowledge_feeling (`answer`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.checkins.render import day_month
from bot.knowledge import KnowledgeBase
from bot.knowledge.base import reason_phrases, reason_sentence
from bot.knowledge.model import Entry
from bot.texts import Voice, text_family, text_key
from bot.turn import Button, bold, plain
from bot.vocabulary import DETAILS

#: The first message of any advice fits on one phone screen (issue 16).
MAX_FIRST_MESSAGE = 600
#: At most this many actions in the first message.
MAX_ACTIONS = 3
#: A reason sentence longer than this names the first reason only; the rest are under "Why?".
MAX_REASON_CHARS = 140
#: The slot action_triage puts the advice's context in (the engine keeps it in the conversation).
ADVICE_SLOT = "advice_context"
#: The intent of a detail button's payload, and its slot.
DETAIL_INTENT = "detail"
DETAIL_SLOT = "detail"
#: Suggested questions under a detail message.
MAX_SUGGESTIONS = 2

ACTION = text_key("advice.action", "action")
FIRST_AID = text_key("clinical.first_aid")
MORE_REASONS = text_key("advice.more_reasons")
SAME_AS_BEFORE = text_key("advice.same_as_before", "date")
SAME_AS_LAST_TIME = text_key("advice.same_as_last_time")
CRISIS_LINE = text_key("advice.crisis_line")
DISCLAIMER = text_key("advice.disclaimer")
#: Under advice to call emergency services or see a doctor today, "ask a physical therapist" is
#: the wrong next step (tester round 14): the disclaimer names who will check.
DISCLAIMERS = {"emergency": text_key("advice.disclaimer_emergency"), "urgent": text_key("advice.disclaimer_urgent")}
DISCLAIMER_SOON = text_key("advice.disclaimer_soon")


def disclaimer(level: str | None, soon: bool = False) -> str:
    """The text key of the disclaimer under advice at `level` (`soon`: a doctor soon, not today)."""
    return DISCLAIMER_SOON if soon else DISCLAIMERS.get(level or "", DISCLAIMER)
DETAIL_BUTTON = text_family("detail", DETAILS)
DETAIL_TITLE = text_family("detail_title", DETAILS)
NO_ADVICE = text_key("detail_none")


@dataclass(frozen=True)
class Message:
    """One message for a rasa-sdk dispatcher: text (with bot.turn's markup), buttons, and the
    knowledge-base entry ids it was built from."""

    text: str
    buttons: tuple[Button, ...] = ()
    sources: tuple[str, ...] = ()

    def button_dicts(self) -> list[dict[str, str]]:
        """The buttons as `utter_message(buttons=...)` takes them."""
        return [{"title": b.label, "payload": b.payload} for b in self.buttons]

    def __len__(self) -> int:
        """Characters as the runner sees them (without the markup)."""
        return len(plain(self.text))


@dataclass(frozen=True)
class AdviceContext:
    """What an advice was about: enough to render it again and to fill its detail buttons.

    `reasons` are the triage's phrases ("your left shin pain comes back when you run again");
    `flags` the safety screen's red-flag ids; `notes` short texts the triage adds to what to do
    now (the intake's advice notes); `at` when it was given (ISO time; the engine adds it);
    `race` one line on a race coming soon, for this level (knowledge/clinical/decisions.yml
    `brief`), or ''."""

    level: str
    locations: tuple[str, ...] = ()
    pattern: str | None = None
    flags: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    at: str | None = None
    race: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "locations": list(self.locations), "pattern": self.pattern,
                "flags": list(self.flags), "reasons": list(self.reasons), "notes": list(self.notes),
                "at": self.at, "race": self.race}

    @classmethod
    def from_json(cls, data: Any) -> AdviceContext | None:
        """From a stored dict (None for anything else: an old record, a Rasa slot never set)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("level"), str):
            return None

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        pattern = data.get("pattern")
        at = data.get("at")
        race = data.get("race")
        return cls(data["level"], strings("locations"), pattern if isinstance(pattern, str) else None,
                   strings("flags"), strings("reasons"), strings("notes"), at if isinstance(at, str) else None,
                   race if isinstance(race, str) else "")

    def same_advice(self, other: AdviceContext) -> bool:
        """The same level for the same places (the check-in's "same advice as last week")."""
        return self.level == other.level and set(self.locations) == set(other.locations)


def detail_payload(kind: str) -> str:
    """The payload of the detail button `kind`: a Rasa payload a Rasa assistant can also send."""
    return f"/{DETAIL_INTENT}" + json.dumps({DETAIL_SLOT: kind}, separators=(",", ":"))


def detail_buttons(kb: KnowledgeBase, voice: Voice, level: str, without: str | None = None) -> tuple[Button, ...]:
    return tuple(Button(voice.say(f"{DETAIL_BUTTON}.{kind}"), detail_payload(kind))
                 for kind in kb.level_details(level) if kind != without)


# -- advice ------------------------------------------------------------------------------------

def advice(kb: KnowledgeBase, voice: Voice, context: AdviceContext, *,
           previous: AdviceContext | None = None) -> Message:
    """The advice's first message for a phone (module docstring), with its detail buttons.

    `previous`: the last advice this runner got (the `advice_context` slot). When it is the same
    advice for the same places (a weekly check-in that finds the same as last week), the actions
    are replaced by one line saying so, keeping only when to go up a level: never the same block
    twice in a row. Anything else the caller has to say (the weekly check-in offer) is a message
    of its own after this one."""
    level = context.level
    if level == "crisis":  # the crisis block in full: the crisis conversation's, not a phone summary
        full = kb.advice(level, context.locations, context.reasons, voice.country, flags=context.flags,
                         pattern=context.pattern, locale=voice.locale)
        return Message(full.text, (), full.sources)
    used: list[Entry] = kb.flag_entries(context.flags)  # the reason is theirs; "Why?" says them
    soon = kb.soon(level, context.flags)
    lines = [bold(voice.fill(kb.level_heading(level, soon, country_known=voice.country is not None)))]
    reason = _reason(voice, context.reasons)
    if reason:
        lines.append(reason)
    if context.race:  # "Marathon is this Sunday": what that means at this level, in one line
        lines.append(context.race)
    parts = ["\n".join(lines)]
    now, place, escalate = _action_entries(kb, context)
    if soon:  # "a doctor soon": the sign's own lines, not the level's "today" and "call 911"
        now, place, escalate = [], [], []
    if previous is not None and previous.same_advice(context):
        when = _day_month(previous.at, voice)
        parts.append(voice.say(SAME_AS_BEFORE, date=when) if when else voice.say(SAME_AS_LAST_TIME))
        now, place = [], []
    footer = voice.say(CRISIS_LINE) + "\n" + voice.say(disclaimer(level, soon))
    # the warning signs' own first step: of the signs at this level (a heart-failure sign's "book a
    # doctor in the next few days" under "Call 911 now" read as the slower option: tester round 49)
    # (with actions left to say: at the emergency level a sign's "call if" lines are not)
    signs = [e for e in used if (not e.levels or level in e.levels) and _has_actions(kb, e, level)]
    own_only = _own_only(soon, signs)
    if own_only:
        now, place, escalate = [], [], []
    picked = _pick(kb, voice, now, place, escalate, signs, all_own=own_only, calling_now=level == "emergency")
    # A long reason and crisis line leave less room: the level's second action gives way first,
    # then the area's (both are under "What can I do now?"); the level's first and when to go up
    # a level always stay.
    while _length(parts, picked, footer, voice) > MAX_FIRST_MESSAGE and (drop := _droppable(picked)) is not None:
        del picked[drop]
    used += [e for _, e, _ in picked if e not in used]
    if picked:
        parts.append(_bullets(picked, voice))
    parts.append(footer)
    sources = [e.id for e in used] + ["crisis-help", "disclaimer"]
    return Message("\n\n".join(parts), detail_buttons(kb, voice, level), tuple(dict.fromkeys(sources)))


#: An action of the first message: ("own" | "area" | "net", its entry, its text).
Picked = tuple[str, Entry, str]


def _has_actions(kb: KnowledgeBase, entry: Entry, level: str) -> bool:
    return bool(kb.actions(entry, calling_now=level == "emergency"))


def _own_only(soon: bool, signs: Sequence[Entry]) -> bool:
    """Whether the warning signs' own actions replace the level's: a doctor soon rather than today
    (Entry.soon), or a sign whose own steps are the only ones that fit (Entry.own_actions)."""
    return soon or any(e.own_actions for e in signs)


def _droppable(picked: Sequence[Picked]) -> int | None:
    """The next action to give way to the length limit: the level's second, then the area's;
    never the last of the level's own (tester round 25: "walk as little as they can; no running or
    jumping" was dropped for a hip stress fracture in India, where the crisis line is longer)."""
    own = [i for i, (kind, _, _) in enumerate(picked) if kind == "own"]
    area = [i for i, (kind, _, _) in enumerate(picked) if kind == "area"]
    if len(own) > 1:
        return own[-1]
    return area[-1] if area else None


def _bullets(picked: Sequence[Picked], voice: Voice) -> str:
    return "\n".join(voice.say(ACTION, action=action) for _, _, action in picked)


def _length(parts: Sequence[str], picked: Sequence[Picked], footer: str, voice: Voice) -> int:
    return len(plain("\n\n".join([*parts, _bullets(picked, voice), footer])))


def _reason(voice: Voice, reasons: Sequence[str]) -> str:
    sentence = reason_sentence(reasons)
    phrases = reason_phrases(reasons)
    if len(sentence) <= MAX_REASON_CHARS or len(phrases) < 2:
        return sentence
    return reason_sentence(phrases[:1])[:-1] + voice.say(MORE_REASONS) + "."


def _action_entries(kb: KnowledgeBase, context: AdviceContext) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """The entries whose actions the first message may list: the level's (what to do now, then
    what a PT would do), the runner's areas', and when to go up a level."""
    level, pattern = context.level, context.pattern
    now = kb.advice_entries("advice_now", level, pattern) + kb.advice_entries("advice_pt", level, pattern)
    place: list[Entry] = []
    if kb.includes_location(level):
        for loc in context.locations:
            entry = kb.location_advice(loc, level, pattern)
            if entry not in place:
                place.append(entry)
    return now, place, kb.advice_entries("advice_escalate", level, pattern, context.locations)


def _pick(kb: KnowledgeBase, voice: Voice, now: list[Entry], place: list[Entry],
          escalate: list[Entry], signs: Sequence[Entry] = (), all_own: bool = False,
          calling_now: bool = False) -> list[Picked]:
    """At most MAX_ACTIONS lines: the first of the runner's area (one area: the first named),
    the safety net (when to go up a level), and the level's own actions in the room left; in the
    order own, area, safety net. A warning sign's own action ("Don't try to straighten it") comes
    first among the own; when not all fit it takes the place of the level's first (its general
    "don't run on it"). `calling_now`: the advice is to call now (no "call if it gets worse" lines)."""
    def lines(e: Entry) -> tuple[str, ...]:
        return kb.actions(e, voice.country, voice.locale, other=voice.other, calling_now=calling_now)

    def first(kind: str, entries: list[Entry]) -> list[Picked]:
        for e in entries:
            actions = lines(e)
            if actions:
                return [(kind, e, actions[0])]
        return []

    area, net = first("area", place), first("net", escalate)
    room = MAX_ACTIONS - len(area) - len(net)
    # The warning sign's first own line (two signs: the first of each, "drank loads of water",
    # confused and vomiting after a marathon in the heat: tester round 51 got the heat stroke's lines
    # and not "Don't give them more plain water"), or all of them (`all_own`: a sign needing a doctor
    # soon, or whose own steps are the only ones that fit)
    per_sign = [[("own", e, a) for a in lines(e)] for e in signs]
    firsts = [lines[0] for lines in per_sign if lines]
    sign = [x for lines in per_sign for x in lines][:room] if all_own else firsts[:2]
    level = [("own", e, a) for e in now for a in lines(e)]
    if sign and len(sign) + len(level) > room:
        level = level[1:]
    own: list[Picked] = (sign + level)[:room]
    return own + area + net


# -- "what now?" after advice ----------------------------------------------------------------------

_WHO = r"(?:i|we|u|she|he|they|my (?:son|daughter|kid|child|wife|husband|partner|friend|athlete|runner))"
_NEXT_LEAD = r"(?:(?:ok|okay|so|right|alright|and|well|hm+|um+|but|then)[ ,]+)*"
_NEXT_CORE = (
    r"(?:what|wat|wot) (?:now|next)",
    r"now what",
    r"(?:what|wat|wot)(?:'?s| is) (?:the |my )?next(?: step)?",
    # the runner, or the one they write for ("what should she do", tester round 30)
    rf"(?:what|wat|wot) (?:should|do|does|shall|must|can|could) {_WHO} (?:do|doo)",
    r"(?:what|wat|wot) do (?:you|u) (?:suggest|recommend|reckon|think)(?: i should do)?",
    # "dunno", "not sure" after the advice (tester round 19: "That's outside what I know about" x3)
    r"(?:dunno|idk|i dunno|i don't know|i dont know|no idea|not sure|unsure|no clue)",
    rf"(?:do|does|should|must) {_WHO} (?:really )?(?:need to |have to )?(?:go|see (?:a|the) (?:doctor|gp|physio|pt|physical therapist)"
    r"|get (?:it |this )?(?:seen|checked))(?: to (?:a|the) (?:doctor|er|hospital|gp|urgent care))?",
)
_NEXT_TAIL = r"(?:[ ,]+(?:now|next|then|rn|right now|today|tonight|about it|about this|about that|with it|for it))*"
_NEXT_STEP = re.compile(rf"{_NEXT_LEAD}(?:{'|'.join(_NEXT_CORE)}){_NEXT_TAIL}")


def asks_next_step(text: str) -> bool:
    """Is one sentence of `text` only "what now?", "what should I do?", "do I need to go now?"
    (a filler or a time around it): the runner asking what the advice's next step is."""
    lower = " ".join(text.lower().replace("’", "'").split())
    return any(_NEXT_STEP.fullmatch(s.strip(" ,")) for s in re.split(r"[.?!;:\n]+", lower) if s.strip(" ,"))


_FIRST_AID = re.compile(
    r"\b(?:what|wat|wot) (?:do|should|shall|can|must) (?:i|we|u) (?:do|doo)\b|\b(?:what|wat) now\b|\bnow what\b"
    r"|\bfirst aid\b|\bwhat (?:do|should) i (?:put on|use)\b|\bhow do i treat\b")


def asks_first_aid(text: str) -> bool:
    """Does `text` ask what to do now ("WHAT DO I DO RIGHT NOW", inside a longer message too)?"""
    return bool(_FIRST_AID.search(" ".join(text.lower().replace("’", "'").split())))


def first_aid(kb: KnowledgeBase, voice: Voice, entry_id: str = "acute-injury") -> Message:
    """Two or three short lines of first aid for a fresh injury (the entry's actions), for a
    "what do I do right now?" while the questions are pending; the question follows."""
    entry = kb.entry(entry_id)
    actions = kb.actions(entry, voice.country, voice.locale, other=voice.other)[:2]
    text = voice.say(FIRST_AID) + "\n" + "\n".join(voice.say(ACTION, action=a) for a in actions)
    return Message(text, (), (entry.id,))


def next_step(kb: KnowledgeBase, voice: Voice, context: AdviceContext | None) -> Message | None:
    """The advice's next step again, short: the level's headline and the first message's actions
    (the warning sign's own, the level's, the area's, when to go up a level), with the detail
    buttons. None without advice to restate (or for the crisis level, which has its own replies)."""
    if context is None or context.level == "crisis":
        return None
    soon = kb.soon(context.level, context.flags)
    signs = [e for e in kb.flag_entries(context.flags) if _has_actions(kb, e, context.level)]
    own_only = _own_only(soon, signs)
    now, place, escalate = ([], [], []) if own_only else _action_entries(kb, context)
    picked = _pick(kb, voice, now, place, escalate, signs, all_own=own_only, calling_now=context.level == "emergency")
    parts = [bold(voice.fill(kb.level_heading(context.level, soon, country_known=voice.country is not None)))]
    if picked:
        parts[0] += "\n" + _bullets(picked, voice)
    # Every advice message carries the crisis line (CLINICAL.md; tester round 35: "ok so what do i
    # do now" after "988 wont work here im in the uk" gave the next step with no line at all).
    parts.append(voice.say(CRISIS_LINE) + "\n" + voice.say(disclaimer(context.level, soon)))
    used = [e.id for e in signs[:1]] + [e.id for _, e, _ in picked]
    return Message("\n\n".join(parts), detail_buttons(kb, voice, context.level), tuple(dict.fromkeys(used)))


# -- details -----------------------------------------------------------------------------------

def detail(kb: KnowledgeBase, voice: Voice, kind: str, context: AdviceContext | None) -> Message:
    """What a detail button opens: the title, the paragraphs for this advice, their sources, the
    other detail buttons and up to MAX_SUGGESTIONS suggested questions. Without a context (an old
    conversation) it says so."""
    if context is None or kind not in DETAILS or context.level == "crisis":
        return Message(voice.say(NO_ADVICE))
    level, locations = context.level, context.locations
    texts: list[str] = []
    used: list[Entry] = []
    offered = list(kb.details(kind, level, locations))

    def say(entries: Iterable[Entry]) -> None:
        for e in entries:
            if e not in used:
                used.append(e)
                texts.append(kb.text(e, voice.country, voice.locale))

    if kind == "why":
        sentence = reason_sentence(context.reasons)
        if sentence:
            texts.append(sentence)
        say(kb.flag_entries(context.flags))
        say(offered[:1])
    elif kind == "now":
        _, place, escalate = _action_entries(kb, context)
        say(kb.advice_entries("advice_now", level, context.pattern))
        say(place)
        texts.extend(context.notes)
        say(escalate)
    else:  # exercises, run_again: the entry for the runner's place first, else the general one
        say(offered[:1])
        if kind == "exercises":
            say(kb.advice_entries("advice_pt", level, context.pattern))
    title = bold(voice.say(f"{DETAIL_TITLE}.{kind}"))
    body = "\n\n".join(texts)
    source = kb.source_line(e.id for e in used) if used else ""
    text = "\n\n".join(x for x in (f"{title}\n{body}" if body else title, source) if x)
    # After a warning sign the next step is a doctor: no self-care questions to try meanwhile
    # (tried as a runner: "Should I use ice or heat?" under the advice for a possible clot).
    suggestions = [] if context.flags else [e for e in offered if e not in used and e.questions][:MAX_SUGGESTIONS]
    buttons = detail_buttons(kb, voice, level, without=kind) + tuple(
        Button(e.questions[0], e.questions[0]) for e in suggestions)
    return Message(text, buttons, tuple(e.id for e in used))


# -- answers -----------------------------------------------------------------------------------

def answer(kb: KnowledgeBase, voice: Voice, question: str, locations: Sequence[str] = (), about: str = "") -> Message | None:
    """The answer to a question, or None when it is out of scope (kb.out_of_scope_reply then);
    `about`: words said of the patient earlier (KnowledgeBase.best_entry)."""
    entry = kb.best_entry(question, locations, about)
    if entry is None:
        return None
    parts = [f"{bold(entry.title)}\n{kb.text(entry, voice.country, voice.locale)}", kb.source_line([entry.id])]
    if entry.include_crisis_resources:
        parts.append(kb.crisis_resources(voice.country, voice.locale))
    related = [kb.entry(r) for r in entry.related]
    buttons = tuple(Button(e.questions[0], e.questions[0]) for e in related if e.role == "answer" and e.questions)[:3]
    return Message("\n\n".join(parts), buttons, (entry.id,))


# -- dates as runners say them ---------------------------------------------------------------------

def _day_month(at: str | None, voice: Voice) -> str:
    """'23 Nov' from an ISO time, '' when there is none."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return ""
    return day_month(moment.date(), voice)


__all__ = ["ADVICE_SLOT", "MAX_FIRST_MESSAGE", "AdviceContext", "Message", "advice", "answer", "asks_next_step",
           "detail", "detail_payload", "next_step"]
