"""The record around a turn: a copy to change at the start; at the end the triage history, the
check-in entries and a tidy conversation (bot.record has the shape)."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, cast

from bot.clinical.text import normalise
from bot.engine.render import REPORTING_FOR_SLOT
from bot.engine.state import Turn
from bot.record import (CHECKIN_LIMIT, CRISIS_MEMORY_HOURS, HISTORY_LIMIT, CheckinEntry, Conversation,
                        HistoryEntry, UserRecord, copy_json)
from bot.knowledge import KnowledgeBase
from bot.knowledge.loader import OTHER_COUNTRY
from bot.texts import Texts, Voice, text_key
from bot.turn import Reply, TurnResult

#: The slot an action puts a finished check-in in (action_record_checkin), or the entries a run
#: file changed (a list, action_read_run_file); moved into the record.
ENTRY_SLOT = "checkin_entry"
#: The conversation's clinical case (action_clinical_check); copied into the record with each
#: triage result, so /summary has what the advice was based on after the conversation moves on.
CLINICAL_SLOT = "clinical"
#: The slot action_triage puts the advice's context in (bot.replies.ADVICE_SLOT); kept in the
#: conversation, outside the slots, so its detail buttons work after a new triage resets them.
ADVICE_SLOT = "advice_context"
#: The slot action_safety_check reads and writes the screen's memory in (CrisisContext); the
#: record keeps it in conversation["crisis"], outside the slots, so /restart does not forget it.
CRISIS_CONTEXT_SLOT = "crisis_context"
#: What action_safety_check says about this message only: cleared when a turn begins.
TURN_SLOTS = ("safety_finding", "safety_answer", "message_language", "distress_kind", "safety_cause")


def new_conversation(start: str) -> Conversation:
    return {"state": start, "slots": {}, "requested_slot": None, "paused": None}


def begin(record: Mapping[str, Any], start: str, user_id: str, now: datetime, texts: Texts,
          kb: KnowledgeBase) -> Turn:
    """A turn on a copy of `record` (the stored record is never changed)."""
    new = cast(UserRecord, copy_json(dict(record)))
    new.setdefault("conversation", new_conversation(start))
    new.setdefault("profile", {})
    for slot in TURN_SLOTS:
        new["conversation"]["slots"].pop(slot, None)
    turn = Turn(new, user_id, now, Voice.for_record(texts, kb, new))
    if "crisis" in turn.conv and not crisis_context(turn):
        del turn.conv["crisis"]  # past CRISIS_MEMORY_HOURS: forgotten, not only ignored
    speak_conversation_language(turn)
    return turn


def crisis_context(turn: Turn) -> dict[str, Any]:
    """The safety screen's memory of this conversation ({} when there is none, or when the last
    message was more than CRISIS_MEMORY_HOURS ago)."""
    stored = turn.conv.get("crisis")
    if not isinstance(stored, dict) or not isinstance(stored.get("context"), dict):
        return {}
    try:
        at = datetime.fromisoformat(str(stored.get("at")))
        if turn.now - at > timedelta(hours=CRISIS_MEMORY_HOURS):
            return {}
    except (TypeError, ValueError):
        return {}
    return dict(stored["context"])


def keep_crisis_context(turn: Turn, context: Any) -> None:
    if isinstance(context, dict):
        turn.conv["crisis"] = {"context": dict(context), "at": turn.now.isoformat()}


#: Languages whose speakers the default country's lines serve (the US 988 Lifeline has Spanish).
DEFAULT_COUNTRY_LANGUAGES = ("en", "es")
#: A country code that is none of knowledge/crisis_resources.yml's: its fallback block ("your
#: local emergency number", findahelpline.com) followed by the default country's, labelled.
UNKNOWN_COUNTRY = "unknown"


COUNTRY_HEARD = text_key("settings.country_heard")
COUNTRY_HEARD_OTHER = text_key("settings.country_heard_other")
COUNTRY_HEARD_EMERGENCY = text_key("settings.country_heard_emergency")
COUNTRY_HEARD_URGENT = text_key("settings.country_heard_urgent")
COUNTRY_HEARD_LINES = text_key("settings.country_heard_lines")
COUNTRY_HEARD_OTHER_EMERGENCY = text_key("settings.country_heard_other_emergency")
COUNTRY_HEARD_CRISIS = text_key("settings.country_heard_crisis")
COUNTRY_HEARD_CRISIS_EMERGENCY = text_key("settings.country_heard_crisis_emergency")
COUNTRY_GUESSED = text_key("settings.country_guessed")
COUNTRY_HEARD_OTHER_CRISIS = text_key("settings.country_heard_other_crisis")


#: Asking for the numbers of a place ("how do i set it to australia": tester round 22 got calf
#: raises): that place, even over a country chosen before.
SET_PLACE = re.compile(r"\b(?:set|change|switch|put|make)\b(?:\s+(?:it|the|my|country|numbers?|location|helplines?|lines|settings?)){0,3}"
                       r"\s+(?:to|for)\s+(?:the\s+)?(?P<place>[a-z][a-z .'-]{1,30}?)\W*$", re.IGNORECASE)


#: A place said as where they are now, not where they were ("actually I'm in Spain now").
_MOVED = re.compile(r"\b(?:actually|now|currently|at the moment|right now|these days|moved|living|live|based|on holiday|"
                    r"travelling|traveling|visiting)\b.{0,30}\b(?:in|to)\b|\b(?:i'?m|i am|im|we'?re|we are)\s+(?:actually\s+|now\s+)?in\b"
                    r"[^.!?]{0,30}\b(?:now|actually|at the moment|currently|this week|on holiday)\b")


def _take_country(turn: Turn, code: str) -> None:
    """The runner's country from now on: their record, this turn's voice, and the note to say."""
    turn.record.setdefault("profile", {})["country"] = code
    turn.voice = turn.voice.with_country(code)
    turn.country_heard = code


def hear_place(turn: Turn, text: str, kb: KnowledgeBase) -> bool:
    """A runner who has not chosen a country and says where they are ("I'm in Manchester") gets
    that country's crisis lines from this message on (a UK runner was given 988). Said once, at
    the end of the turn (`say_place_heard`); /settings changes it. A message asking to set a place
    ("set it to australia") sets it whatever was chosen; True for such a message."""
    asked = SET_PLACE.search(text)
    if asked is not None:
        code = kb.place_said(f"I'm in {asked.group('place')}")
        if code is not None:
            _take_country(turn, code)
            return True
    if turn.profile.get("country"):
        # ... or a move said plainly ("sorry I am actually in Spain now on holiday", "im in
        # ireland now"): the place said, over the one chosen before (tester round 28 was told
        # "Call 000 now" in Spain, and the summary's left item: only /settings changed it)
        # ... or a place said of oneself ("im in singapore btw", "UK?? não, I'm in São Paulo,
        # Brasil!": tester round 53 kept Mexico's and the UK's numbers): where they are now decides
        # the emergency number, whatever was set before
        code = kb.place_said(text) if _MOVED.search(text.lower()) else kb.place_here(text)
        if code is not None and code != turn.profile.get("country"):
            _take_country(turn, code)
        return False
    code = kb.place_said(text)
    if code is None:
        code = kb.place_hinted(text)
        if code is None:
            return False
        turn.country_hinted = True
    _take_country(turn, code)
    return False


#: A first report about someone else: a relative, friend or athlete named as the one it happened to
#: ("my son is 14 and his heel hurts", "my husband collapsed at parkrun", "one of my athletes").
_ABOUT_OTHER = re.compile(
    # ("i do parkrun with my dad": who they run with, not who it is about: tester round 25)
    r"^\W*(?:\w+\W+){0,10}?(?<!\bwith )(?<!\band )(?<!\bwith both )(?:my|our|one of my) (?:\d{1,2}[- ]?(?:yo|y/o|year[- ]old|yr[- ]old) )?"
    r"(?:husband|hubby|wife|partner|son|daughter|kid|child|teen|teenager|boy|girl|mate|friend|buddy|pal|dad|father|mum|mom|"
    r"mother|brother|sister|boyfriend|girlfriend|bf|gf|athletes?|runners?|client|teammate|flatmate|roommate|"
    # "One of my guys (20) felt like someone kicked him" (tester round 27: "Noted: you felt a pop")
    r"guys|girls|boys|lads|players|swimmers|students|kids|juniors|"
    r"running (?:buddy|partner|mate))s?\b(?!\W+(?:says|said|thinks|reckons|told me|wants me|keeps telling me|"
    r"(?:is |was |keeps? )?(?:making|made|makes|forcing|forced|nagging|nagged) me)\b)")
#: The reporter's own pain ("my son and I both have sore knees"), not the reporter asking ("what do I
#: do?" after "one of my 15 yo boys went grey": blind vignettes 6).
_FIRST_PERSON_PAIN = re.compile(
    r"\b(?:(?:i|i've|ive|i have) (?:also |too |both |got )?(?:hurt|have|had|got|felt|feel|fell|twisted|rolled|strained|pulled|tore|sprained|can't run|cannot run)"
    r"|(?:i'm|im|i am) (?:also |too |both )?(?:sore|hurting|in pain|limping|injured)"
    r"|me (?:too|as well)|hurts me|my (?:own )?(?:knee|shin|foot|feet|heel|calf|calves|ankle|hip|back|leg|hamstring|achilles|"
    # "my shins have been aching ... my boyfriend keeps hiding my running shoes" (tester round 29:
    # "Are they female or male?" to the runner herself)
    r"quad|glute|groin|thigh|toe|arch|hamstring)s?)\b")


#: Someone named without "my" at the start, then what happened to them ("HELP teammate after hot 50k
#: is confused and stumbling", "friend collapsed after 50k in the heat": tester round 43 got the
#: runner's own card, "cool your skin", "don't drive yourself").
_BARE_OTHER = re.compile(
    r"^\W*(?:(?:help|hi|hey|urgent|please|quick|sos|omg)\W+)*(?:(?:a|the) )?(?:husband|hubby|wife|partner|son|daughter|kid|mate|friend|buddy|"
    r"pal|dad|mum|mom|brother|sister|boyfriend|girlfriend|bf|gf|teammate|flatmate|roommate|training partner|running (?:buddy|partner|mate)|"
    r"guy|girl|lad|runner|woman|man|bloke) (?:just |has |is |was |after |at |collapsed|fainted|passed out|went|fell|got|can'?t|looks|seems|"
    r"keeps|started|threw|puked|vomited|is acting|isn'?t|won'?t)")
#: One of the people the writer looks after, with an age or "of mine" ("I am coach of athletes in
#: Bhopal. One girl, 17, has low back pain": tester round 26 was asked about "your" bottom).
_ONE_OF_THEM = re.compile(r"\b(?:one|a|this|another) (?:girl|boy|lad|lass|athlete|runner|kid|student|teammate|client|junior)s?"
                          r"(?:\W+(?:aged |age )?\d{1,2}\b|\s+(?:of mine|i coach|in my (?:squad|team|group|club|class)|on my team))")
#: The writer's own taking said first, the subject left out ("took 4 of my wifes sleeping pills last nite":
#: he took them; the review of round 30 found the overdose reply saying "stay with them").
_OWN_ACT_FIRST = re.compile(r"^\W*(?:(?:so|ok|um|well|just|i|i've|ive|i have)\W+)*(?:took|taken|swallowed|popped|necked|downed)\b")
#: The writer's own age said first ("hi im 14 and i do parkrun with my dad in cardiff").
_OWN_AGE_FIRST = re.compile(r"^\W*(?:(?:hi|hey|hello|hiya|yo|so|ok|um)\W+)*(?:i'm|im|i am) \d{1,2}\b")


#: The one named has died ("my sister died by suicide 2 years ago this week and im running a
#: memorial 10k for her"): the writer is the one talking (tester round 30: "What's bothering them?").
_THEY_DIED = re.compile(r"\b(?:died|passed away|passed on|killed (?:him|her|them)sel(?:f|ves)|took (?:his|her|their) own life|"
                        r"funeral|memorial|in memory of|anniversary of (?:his|her|their) death)\b")


def hear_who(turn: Turn, text: str) -> None:
    """Whether the first report is about someone else: then the questions say "they" (render)."""
    if turn.slots.get(REPORTING_FOR_SLOT) or turn.slots.get("pain_location") or turn.slots.get("triage_level"):
        return  # decided on the first report only
    # as typed, and with chat spellings fixed ("husbnd colapsed aftr trail race": tester round 44)
    for lower in dict.fromkeys((text.lower(), normalise(text))):
        if ((_ABOUT_OTHER.search(lower) or _ONE_OF_THEM.search(lower) or _BARE_OTHER.search(lower)) and not _FIRST_PERSON_PAIN.search(lower)
                and not _OWN_AGE_FIRST.search(lower) and not _OWN_ACT_FIRST.search(lower) and not _THEY_DIED.search(lower)):
            turn.slots[REPORTING_FOR_SLOT] = "other"
            return


#: Someone else's pain, said of them ("his heel hurts", "she's limping", "her knee is sore").
_THEIR_PAIN = re.compile(r"\b(?:his|her|their|he|she|they|he's|she's|they're|hes|shes)\b[^.!?]{0,40}\b(?:hurts?|hurting|pain|painful|"
                         r"sore|aches?|aching|injured|limping|limp|swollen|sprained|twisted|broke|broken)\b")


def someone_elses_pain(turn: Turn, text: str) -> bool:
    """Is this, in the runner's own check, a report of someone else's pain ("my 12 year old son keeps
    saying his heel hurts")? Not when it is their own too ("my son and I both have sore knees")."""
    own = turn.slots.get(REPORTING_FOR_SLOT) != "other" and bool(turn.slots.get("pain_location"))
    if not own:
        return False
    lower = text.lower()
    return bool((_ABOUT_OTHER.search(lower) or _ONE_OF_THEM.search(lower)) and _THEIR_PAIN.search(lower)
                and not _FIRST_PERSON_PAIN.search(lower))


#: The numbers given said not to work there: "988 wont work here", "those numbers are american".
_NUMBERS_WRONG = re.compile(r"\b(?:988|911|999|000|112|741741|number|numbers|helpline|helplines|lines|hotline)\b[^.!?]{0,30}"
                            r"\b(?:won'?t|wont|don'?t|dont|doesn'?t|doesnt|not|no good|useless|american|us|wrong)\b"
                            # ... or asked for: "we are in lagos nigeria not US. what number do i call??" (tester
                            # round 53 got only the note that the helplines changed)
                            r"|\b(?:what|which|whats|what's)\b[^.!?]{0,20}\b(?:number|numbers)\b|\bnumber (?:to|do i|should i) "
                            r"(?:call|ring|dial)\b", re.IGNORECASE)


def say_place_heard(turn: Turn) -> None:
    """The note that the crisis lines follow the place heard: before the turn's question (the
    message with buttons stays the last one), else at the end. First, when the conversation is
    at the emergency level: the emergency number there."""
    if turn.country_heard is not None:
        # After an emergency ("Call 911 now" to a runner in Leeds), the right number is said at
        # once, as an instruction, not only as a note about helplines (tester round 5).
        emergency = turn.slots.get("triage_level") == "emergency"
        # In a crisis conversation ("im in dublin" after "everyone would be better off without
        # me"), that country's crisis line at once and the safety question again (tester round 9:
        # only a note about helplines, no number).
        context = crisis_context(turn)
        crisis = bool(context.get("risk")) and not emergency
        other = turn.country_heard == OTHER_COUNTRY
        if any(r.safety in ("emergency", "crisis", "ask") for r in turn.replies):
            # This turn's crisis reply already speaks the numbers there ("Please call 112 or 999
            # now ... Samaritans on 116 123"): the note only says why they changed (blind safety
            # set 8 read both, the numbers twice in one answer).
            key = COUNTRY_HEARD_OTHER if other else COUNTRY_HEARD
        elif crisis and turn.conv.get("state") == "crisis_emergency" and not other:
            # means at hand or a plan said ("pills in my room rn", then "im in leeds": tester round
            # 54's note said "If you might act on these thoughts, call 999"): the number, now
            key = COUNTRY_HEARD_CRISIS_EMERGENCY
        elif crisis:
            key = COUNTRY_HEARD_OTHER_CRISIS if other else COUNTRY_HEARD_CRISIS
        elif (context.get("distress") or _NUMBERS_WRONG.search(turn.text or "")) and not other and not emergency:
            # (at the emergency level the number there comes first, as an instruction: "i am in
            # lisbon, 911 is not work here" with cauda equina got the helpline note; tester round 42)
            # ... or said of the numbers themselves ("btw the 988 number wont work here im in the
            # uk": tester round 35 got only the note, and never saw the UK's lines)
            # After the direct question and its lines ("im in ireland btw, those numbers are
            # american": tester round 26 got only the note): that country's lines, said.
            key = COUNTRY_HEARD_LINES
        elif other:
            key = COUNTRY_HEARD_OTHER_EMERGENCY if emergency else COUNTRY_HEARD_OTHER
        elif emergency:
            key = COUNTRY_HEARD_EMERGENCY
        elif turn.slots.get("triage_level") == "urgent" and not any(r.triage for r in turn.replies):
            # After advice to see a doctor today that named another country's number ("911??
            # im in IRELAND ya muppet"): that country's number, said (tester round 25).
            key = COUNTRY_HEARD_URGENT
        else:
            key = COUNTRY_HEARD
        if key == COUNTRY_HEARD and turn.country_hinted:
            key = COUNTRY_GUESSED  # "It sounds like you're in the UK": not said, only guessed
        # First, before a question's lead-in ("One quick question first" must stay next to its
        # question; tester round 11 saw the note between them).
        at = 0
        note = turn.voice.say(key)
        head, _, question = note.rpartition(". ")
        if head and question.endswith("?") and any(question in r.text for r in turn.replies):
            # The crisis reply of this turn asks it already: once is enough (tester round 13 saw
            # "Are you safe right now?" twice in one answer).
            note = head + "."
        turn.replies.insert(at, Reply(note))


def speak_conversation_language(turn: Turn) -> None:
    """Speak the runner's chosen language (profile), else the conversation's, as the safety
    screen last detected it: a crisis message in Spanish is answered in Spanish. Only the crisis
    texts are translated, so the rest of the bot stays English. docs/safety.md, "Language".

    A runner who has not chosen a country and writes in another language (German, French...) is
    probably not in the default country: they get the local emergency number and a helpline
    finder first, the default country's lines after them (a German speaker was told 911)."""
    language = crisis_context(turn).get("language")
    if (not turn.profile.get("country") and turn.voice.country is None and isinstance(language, str)
            and language and language.split("-")[0] not in DEFAULT_COUNTRY_LANGUAGES):
        turn.voice = replace(turn.voice, country=UNKNOWN_COUNTRY)
    if turn.profile.get("language"):
        return
    if isinstance(language, str) and language:
        locale = turn.voice.texts.locale(language)
        if locale != turn.voice.locale:
            turn.voice = replace(turn.voice, locale=locale)


def finish(turn: Turn) -> TurnResult:
    """Move what the actions produced into the record; the turn's result."""
    if turn.said:
        turn.conv["said"] = dict(turn.said)  # the next turn says another variant of these
    else:
        turn.conv.pop("said", None)
    for slot in TURN_SLOTS:
        turn.slots.pop(slot, None)  # about this message only
    entry = turn.slots.pop(ENTRY_SLOT, None)
    advice = turn.slots.pop(ADVICE_SLOT, None)
    if isinstance(advice, dict):
        turn.conv["advice"] = {**advice, "at": turn.now.isoformat()}
    for slot in [s for s, value in turn.slots.items() if value is None]:
        del turn.slots[slot]  # the conversation keeps only slots that are set
    if entry is None and (any(r.triage for r in turn.replies) or _revised(turn, advice)):
        remember_triage(turn)
    for one in entry if isinstance(entry, list) else [entry]:
        if isinstance(one, dict):
            store_checkin(turn.record, cast(CheckinEntry, one))
    return TurnResult(dict(turn.record), tuple(turn.replies), tuple(turn.effects))


def _revised(turn: Turn, advice: Any) -> bool:
    """action_triage ran (its advice context is here) and kept the level, with other reasons than
    the last result /summary has (a correction, the balance times): a new dated result for it."""
    history = turn.record.get("history") or []
    return (isinstance(advice, dict) and bool(history)
            and list(turn.slots.get("triage_reasons") or []) != list(history[-1].get("reasons") or []))


def remember_triage(turn: Turn) -> None:
    """The triage result this turn announced, for /summary (the newest HISTORY_LIMIT are kept),
    and the clinical case it was based on (record["clinical"], the slot `clinical`)."""
    slots = turn.slots
    announced = next((r.triage for r in turn.replies if r.triage), None)
    entry: HistoryEntry = {
        "at": turn.now.isoformat(),
        "level": slots.get("triage_level") or announced,
        "pain_location": slots.get("pain_location"),
        "pain_side": slots.get("pain_side"),
        "pain_pattern": slots.get("pain_pattern"),
        "balance_change": slots.get("balance_change"),
        "severity": slots.get("severity"),
        "red_flags": list(slots.get("triage_findings") or []),
        "reasons": list(slots.get("triage_reasons") or []),
        "sources": sorted({s for r in turn.replies for s in r.sources}),
    }
    if isinstance(slots.get(CLINICAL_SLOT), dict):
        turn.record["clinical"] = copy.deepcopy(slots[CLINICAL_SLOT])
    history = turn.record.setdefault("history", [])
    history.append(entry)
    del history[:-HISTORY_LIMIT]


def store_checkin(record: UserRecord, entry: CheckinEntry) -> None:
    """Add a week's entry, or replace the one stored for that week; oldest week first."""
    checkins = record.setdefault("checkins", {})
    entries = [e for e in checkins.get("entries") or [] if e.get("week") != entry.get("week")]
    entries.append(entry)
    entries.sort(key=lambda e: str(e.get("week")))
    checkins["entries"] = entries[-CHECKIN_LIMIT:]


def checkin_context(turn: Turn) -> dict[str, Any]:
    """What the check-in actions need from the record besides the conversation (the slot
    checkin_context, filled on every action call and never stored: the record is its one home)."""
    stored = turn.checkins.get("schedule")
    schedule: dict[str, Any] = stored if isinstance(stored, dict) else {}
    entries = [e for e in turn.checkins.get("entries") or [] if isinstance(e, dict)]
    return {
        "unit": schedule.get("unit") or "km",
        "tz": schedule.get("tz") or "UTC",
        "subscribed": bool(schedule.get("active")),
        "entries": copy_json(entries),  # a run file may belong to any week kept
        "now": turn.now.isoformat(),
    }
