"""The clinical check (a screen: every typed message, every state, right after the crisis screen)
and the clinical form's validation.

What the check does with one message (knowledge/clinical/, bot.clinical):

- a reply to the clinical question pending now (a yes/no context question, an intake question,
  the balance times) is recorded as its answer;
- anything else is heard for facts ("I didn't fall", "it's along the whole edge");
- then it reports at most one finding (slot safety_finding; flow.yml `interrupts` says what
  follows): `red_flag` (a warning sign in its context, new since the last advice),
  `clinical_question` (a sign without its context: one yes/no question first),
  `clinical_change` (after advice, a correction changed the findings: it says what changed and
  why, and the questions carry on; also a sign the NLU did not take for a pain report, which
  starts them), `question` (a question about a condition or about racing that the NLU took for a
  pain report). Nothing otherwise: the flow carries on.

The case (what the runner said or confirmed) lives in the slot `clinical`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import Action, Tracker
from rasa_sdk.types import DomainDict

from bot.vocabulary import VOCABULARY
from bot.clinical import balance as B
from bot.clinical import decisions
from bot.clinical import intake as I
from bot.clinical.evaluate import LEVEL_RANK, Change, Evaluation
from bot.clinical.flow import Case, assess, is_acute, next_question
from bot.clinical.rules import default_rules
from bot.clinical.summary import PATTERN
from bot.clinical.text import unsure as _unsure
from bot.clinical.text import yes_no
from bot import replies
from bot.texts import text_key
from bot.tracker import KnowledgeAction, latest_text, parsed_slots

CLINICAL_SLOT = "clinical"
FINDING_SLOT = "safety_finding"
SERIOUS = ("emergency", "urgent")
#: How many questions back (or greetings, thanks) while an intake question is pending before the
#: next reply counts as its answer: never a loop.
QUESTIONS_BEFORE_MOVING_ON = 3
#: Messages that are not an answer to a pending clinical question: the flow handles them and
#: asks the question again.
NOT_ANSWERS = ("why_ask", "ask_question", "greet", "thanks", "goodbye", "improved", "about_bot", "complaint")
#: The form that asks the clinical yes/no questions: while it is active, it asks the next one.
CLINICAL_FORM = "clinical_form"
YES, NO, NOT_SURE = "yes", "no", "not sure"
NOTED = text_key("clinical.noted", "facts")
TELL_DOCTOR_PERIODS = text_key("clinical.tell_doctor_periods")
CHANGES_ADVICE = text_key("clinical.changes_advice")
UNREAD = text_key("clinical.unread")
UNREAD_DISTANCE = text_key("clinical.unread_distance")
UNREAD_TOLD = text_key("clinical.unread_told")
#: More told about the pain, in a message that does not answer the pending question.
_PAIN_TOLD = re.compile(r"\b(?:hurts?|hurting|aches?|aching|achy|sore|pain|painful|throbs?|throbbing|stiff|swollen|bruised?|bruising|"
                        r"limp\w*|twinges?|sharp|burn\w*)\b", re.I)
#: A distance per week said as the answer to the mileage question.
_WEEKLY_DISTANCE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:km|kms|k|kilomet\w*|miles?|mi|mpw)\b", re.I)


def case_of(tracker: Tracker) -> Case:
    """The runner's clinical case, with their date (to count "this Sunday" from)."""
    stored = tracker.get_slot(CLINICAL_SLOT)
    return replace(Case.from_json(stored if isinstance(stored, Mapping) else None), today=runner_today(tracker))


def runner_today(tracker: Tracker) -> date | None:
    """The runner's date: the turn's time (checkin_context.now) in their check-in time zone
    (UTC when none is set); None from a caller that sends no time."""
    context = tracker.get_slot("checkin_context")
    if not isinstance(context, Mapping) or not context.get("now"):
        return None
    try:
        moment = datetime.fromisoformat(str(context["now"]))
        return moment.astimezone(ZoneInfo(str(context.get("tz") or "UTC"))).date()
    except (ValueError, KeyError, ZoneInfoNotFoundError):
        return None


#: Forms whose answers are about the pain being triaged (a check-in's "shin" is not).
TRIAGE_FORMS = ("triage_form", "clinical_form")


def context_slots(tracker: Tracker) -> dict[str, Any]:
    """The triage slots, with where it hurts and whether it fades as this message says them (the
    triage form takes them in later in the turn; the rules need them now). Answers to another form
    (the check-in's "where was the pain?") are that form's, not a pain report."""
    slots = dict(tracker.slots)
    parsed = parsed_slots(tracker)
    loop = (tracker.active_loop or {}).get("name")
    if loop and loop not in TRIAGE_FORMS and not slots.get("pain_location") and slots.get("checkin_location"):
        # In the weekly check-in, the place it said hurts is where a sign is: "comes back every
        # run, and tonight it's hot and swollen and I feel feverish" after "knee" (tester round 40
        # got "How far did you run?", the infected joint lost)
        location = slots["checkin_location"]
        slots["pain_location"] = [location] if isinstance(location, str) else location
    if parsed is None or (loop and loop not in TRIAGE_FORMS):
        return slots
    values, negated = parsed
    found = [x for x in values.get("pain_location") or [] if x not in negated]
    if found or negated:
        current = [x for x in slots.get("pain_location") or [] if x not in negated]
        slots["pain_location"] = list(dict.fromkeys(current + found)) or None
    if values.get("pain_pattern"):
        slots["pain_pattern"] = values["pain_pattern"]
    return slots


def is_clinical_question(slot: str | None) -> bool:
    """A question the clinical check answers: context (q_*), intake, or the balance times."""
    return bool(slot) and (slot in default_rules().questions or slot in I.SLOTS or slot == "balance_change")


def intent_of(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")


#: The decisions answered in this conversation ("emergency:downplay"): asked again, said shorter.
DECISIONS_SAID_SLOT = "decisions_said"
#: The decisions said once help came or it was checked, after an emergency.
HELP_CAME = ("emergency:help_here", "emergency:seen")


def help_has_come(said: Any) -> bool:
    """Has the conversation been told, after an emergency, that help came or it was checked
    ("paramedics are here", "theyve taken him to hospital")? `said`: the DECISIONS_SAID_SLOT."""
    return any(str(x).startswith(HELP_CAME) for x in said or [])


#: Someone collapsed and not responding (knowledge/clinical/rules.yml): its advice is CPR.
CPR_FINDING = "collapse_unresponsive"


def serious_and_new(level: str, rules: tuple[str, ...], tracker: Tracker) -> bool:
    """A warning-sign level not yet given as advice in this conversation (a new sign, or a
    higher level)."""
    if level not in SERIOUS:
        return False
    told = advised_level(tracker)
    if told is None or LEVEL_RANK[level] < LEVEL_RANK[told]:
        return True
    new = set(rules) - set(tracker.get_slot("triage_findings") or [])
    if told == "emergency":
        # after emergency advice the collapse is answered with CPR (the "unresponsive" decision),
        # not with the emergency card again
        new.discard(CPR_FINDING)
    return bool(new)


def advised_level(tracker: Tracker) -> str | None:
    """The level of the advice this conversation gave, or None before any. A crisis response
    since sets the slot `triage_level` to "crisis"; the advice it interrupted still stands (its
    `advice_context`), so "I'm safe" does not bring the same advice back and "can I run
    tomorrow?" afterwards is answered for that advice (tester round 7)."""
    level = tracker.get_slot("triage_level")
    if level in LEVEL_RANK:
        return str(level)
    previous = replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT)) if level == "crisis" else None
    return previous.level if previous is not None and previous.level in LEVEL_RANK else None


#: How long emergency advice stands before a new pain is triaged on its own (a runner back the
#: next day, checked and fine, with a sore knee gets the knee's questions).
EMERGENCY_STANDS = timedelta(hours=12)


def emergency_stands(tracker: Tracker) -> bool:
    """Was this conversation told to call emergency services within EMERGENCY_STANDS? (Without
    the turn's time, from a caller that sends none: yes.)"""
    if advised_level(tracker) != "emergency":
        return False
    if help_has_come(tracker.get_slot(DECISIONS_SAID_SLOT)):
        # Help has come, or it has been checked ("paramedics are here", "theyve taken him to
        # hospital"): a new pain after it is its own (tester round 48: a runner's own tight calves,
        # four times, got "Let's look at that once they've been checked" and the card again).
        return False
    advice = replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT))
    context = tracker.get_slot("checkin_context")
    now = context.get("now") if isinstance(context, Mapping) else None
    if advice is None or not advice.at or not now:
        return True
    try:
        return datetime.fromisoformat(str(now)) - datetime.fromisoformat(advice.at) < EMERGENCY_STANDS
    except (TypeError, ValueError):
        return True


def context_question(case: Case, slots: Mapping[str, Any]) -> str | None:
    """The next yes/no context question worth asking, if any."""
    q = next_question(case, slots, balance=False)
    return q.id if q is not None and q.kind == "context" else None


def wants_first_aid(case: Case, slots: Mapping[str, Any], text: str, tracker: Tracker) -> bool:
    """A fresh injury (a twist, fall or knock just now), no advice yet, and the runner asks what
    to do now: the clinical check gives the first aid before the pending question."""
    if not (tracker.get_slot("triage_level") not in LEVEL_RANK and replies.asks_first_aid(text)
            and is_acute(case, slots)):
        return False
    # Sprain first aid ("raise it, bandage it firmly") does not fit a sign that already needs a
    # doctor (a fall on the back, then both legs numb): that sign's advice comes instead.
    return LEVEL_RANK[assess(case, slots).decision.level.value] >= LEVEL_RANK["see_pt"]  # 0 = emergency


#: Words that bring an answer about an old injury to the present ("... and now it's swollen").
_NOW = re.compile(r"\b(?:now|today|tonight|this (?:time|week|morning|run)|currently|at the moment|right now|again|"
                  r"also|as well|this one|same (?:spot|place|thing))\b", re.IGNORECASE)


#: A place outside the legs said alone: "chest", "my chest", "in my chest".
_SITE_ALONE = re.compile(r"^\W*(?:(?:and|its|it's|it is|in|on|across|my|the|around)\s+){0,3}(?P<site>chest|breastbone|sternum|left arm|"
                         r"arm|jaw|head)\W*$", re.IGNORECASE)
_SITES = {"breastbone": "chest", "sternum": "chest", "left arm": "arm"}
#: A symptom said with no place ("went really tight", "and it hurts", "pressure"), read with the site said just before.
_BARE_SYMPTOM = re.compile(r"^\W*(?:and\s+|but\s+|now\s+)?(?:it\s+|its\s+|it's\s+)?(?:went|goes|going|gets|got|is|was|feels|felt|"
                           r"started|starts)?\s*(?:really |very |so |super |a bit |kinda |kind of |all )?(?:tight|heavy|sore|painful|"
                           r"pressure|squeez\w*|crushing|burning|hurts?|hurting|aching|achy|numb|weird|funny|pain)\b", re.IGNORECASE)


def site_alone(text: str) -> bool:
    """Is the message only a place outside the legs ("my chest")?"""
    return bool(_SITE_ALONE.match(text))


def _with_site(text: str, site: str | None, pending: str | None) -> tuple[str, str | None]:
    """What to hear in `text`, and the site to remember for the next message: "chest" to "where does
    it hurt?" is chest pain; "went really tight" after "my chest" is the chest going tight."""
    m = _SITE_ALONE.match(text)
    if m:
        named = _SITES.get(m.group("site").lower(), m.group("site").lower())
        return (f"my {m.group('site')} hurts" if pending == "pain_location" else text), named
    if site and _BARE_SYMPTOM.match(text):
        return f"my {site} {text}", None
    return text, None


class ActionClinicalCheck(KnowledgeAction):
    """The clinical screen (see the module docstring)."""

    def name(self) -> str:
        return "action_clinical_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        said_site = tracker.get_slot("site_said")
        text, site = _with_site(text, said_site, tracker.get_slot("requested_slot"))
        site_events: list[EventType] = [SlotSet("site_said", site)] if site != said_site else []
        intent = intent_of(tracker)
        slots = context_slots(tracker)
        case = case_of(tracker)
        intake_before = case.intake
        events: list[EventType] = list(site_events)
        # A clinical question is pending only while a triage form asks it (a crisis state keeps
        # the question for later; "no" there answers "are you safe?", not it).
        loop = (tracker.active_loop or {}).get("name")
        pending = tracker.get_slot("requested_slot") if loop in TRIAGE_FORMS else None
        if tracker.get_slot("safety_answer"):
            # "no" read as the answer to "are you safe right now?" is that answer, not the one to a
            # yes/no question about a sign asked before the crisis talk, and no reason to give that
            # sign's advice now (tester round 19: "no" got the blood-clot advice, and the next
            # message the emergency reply). What it says is still heard.
            case, _ = case.hear(text, slots)
            return [*site_events, SlotSet(CLINICAL_SLOT, case.to_json()), SlotSet(FINDING_SLOT, None)]
        answered = None
        if is_clinical_question(pending):
            unread_before = case.unread_count()
            # A feeling the crisis screen heard ("I feel useless") is not a garbled answer.
            again = not tracker.get_slot("distress_kind")
            # "it comes back every practice tho" to the mileage question: where it hurts or how it
            # behaves, told again differently, is something new, not a garbled answer (tester
            # round 16 got "Sorry, I didn't catch that").
            said = (parsed_slots(tracker) or ({}, []))[0]
            # (The pattern told again counts too: "doesnt fade" to the one-spot question is not a
            # garbled answer, it says how the pain behaves.)
            told = "pain_pattern" in said or any(k in said and said[k] != tracker.get_slot(k) and tracker.get_slot(k) is not None
                                                 for k in ("pain_location", "pain_side"))
            answered, case, result = self._answer(str(pending), text, intent, case, slots, again, told)
            if case.unread_count() != unread_before:  # an answer we could not read: say so, then it is asked again
                distance = str(pending) == "mileage_change" and _WEEKLY_DISTANCE.search(text)
                more_told = len(text.split()) >= 4 and bool(_PAIN_TOLD.search(text)) and not text.rstrip().endswith("?")
                dispatcher.utter_message(text=self.voice(tracker).say(
                    UNREAD_DISTANCE if distance else UNREAD_TOLD if more_told else UNREAD))
        if answered is None:
            case, result = case.hear(text, slots)
            case, timed = _volunteered_balance(case, text, slots)
        else:
            timed = None
            events.append(SlotSet(str(pending), answered))
        events.append(SlotSet(CLINICAL_SLOT, case.to_json()))

        finding = self._finding(case, slots, result, tracker, text, intent, answered is not None, bool(timed))
        volunteered = [case.intake.words.get(k) or "" for k in case.intake.values if not intake_before.answered(k)]
        if (finding is None and answered is None and advised_level(tracker) is not None and any(volunteered)
                and not text.rstrip().endswith("?") and not new_place(tracker)
                # "can i still race regionals its in 10 days" is a question without its mark (tester
                # round 31 got "Noted: race regionals ...", not the answer)
                and decisions.classify(text, advised_level(tracker)) is None):
            # "One more thing, her periods have not started yet" after the hip advice for a
            # 15-year-old: heard and said back, and the advice checked again (tester round 25 got
            # "Not yet: leave exercises and stretches").
            voice = self.voice(tracker)
            lines = [voice.say(NOTED, facts="; ".join(_said_back(w) for w in volunteered if w))]
            if (not intake_before.answered("periods") and case.intake.answered("periods")
                    and (fact := I.intake_facts(case.intake).get("periods_stopped_3_months")) is not None and fact.value):
                lines.append(voice.say(TELL_DOCTOR_PERIODS))  # the REDs link, whatever rule leads
            dispatcher.utter_message(text=" ".join(lines))
            return events + [SlotSet(FINDING_SLOT, "clinical_change")]
        if pending and finding is None and answered is None and any(volunteered) and not new_place(tracker):
            # Age, training or a race told while another question is pending: said back, so they
            # know it was heard, before the question again (it was asked again without a word).
            dispatcher.utter_message(text=self.voice(tracker).say(NOTED, facts="; ".join(_said_back(w) for w in volunteered if w)))
        pattern_now = (parsed_slots(tracker) or ({}, []))[0].get("pain_pattern")
        if (pending not in (None, "pain_pattern") and finding is None and answered is None and not any(volunteered)
                and pattern_now and "?" not in text):
            # "comes back every run" to another question: the pain told again differently, said
            # back before the question again (it was asked again without a word).
            voice = self.voice(tracker)
            dispatcher.utter_message(text=voice.say(NOTED, facts=voice.name(PATTERN, pattern_now)))
        if finding in ("red_flag", "red_flag_question"):
            # Advice now, before the form has read where it hurts: take it from this message.
            if slots.get("pain_location") != tracker.get_slot("pain_location"):
                events.append(SlotSet("pain_location", slots.get("pain_location")))
            parsed = parsed_slots(tracker)
            if parsed and parsed[0].get("pain_side") and not tracker.get_slot("pain_side"):
                events.append(SlotSet("pain_side", parsed[0]["pain_side"]))
        if finding in ("red_flag", "clinical_change") and result is not None and tracker.get_slot("triage_level") in LEVEL_RANK:
            before = tracker.get_slot("triage_level")
            # A sign that changes the level: the advice that follows gives its reason ("New: <reason>"
            # then "This is because <reason>" said it twice in a row: tester round 22)
            # (only when the advice's level moves: a sign added at the same level, beside a faint,
            # changes nothing, and "That changes my advice" then "That doesn't" read as a
            # contradiction: tester round 26)
            moves = assess(case, slots).decision.level.value != before
            raised = [c for c in result.changes if finding == "red_flag" and c.kind == "added" and c.after != before and moves]
            changed = [c.text for c in result.changes if _affects(c) and c not in raised]
            if raised:
                changed.append(self.voice(tracker).say(CHANGES_ADVICE))
            if changed:  # what changed, and why
                dispatcher.utter_message(text="\n".join(dict.fromkeys(changed)))
            elif finding == "clinical_change":  # what they told us, so they know it was heard
                other = tracker.get_slot("reporting_for") == "other"
                dispatcher.utter_message(text=self.voice(tracker).say(NOTED, facts=_stated(result, other) or timed))
        if finding != "red_flag" and wants_first_aid(case, slots, text, tracker):
            # "WHAT DO I DO RIGHT NOW" just after a twist: first aid in two lines, then the question.
            aid = replies.first_aid(self.kb, self.voice(tracker))
            dispatcher.utter_message(text=aid.text, json_message={"sources": list(aid.sources)})
        return events + [SlotSet(FINDING_SLOT, finding)]

    def _answer(self, pending: str, text: str, intent: str, case: Case, slots: Mapping[str, Any],
                may_ask_again: bool = True, told: bool = False) -> tuple[str | None, Case, Evaluation | None]:
        """(the slot's value, the case, the evaluation) when `text` answers the pending
        question; (None, case, None) when it does not: a question, a "why?", or something new
        about the pain ("now my hip hurts") is heard as it is, and the question asked again."""
        questions = default_rules().questions
        reply = questions[pending].reply(text) if pending in questions else yes_no(text)
        _, heard = case.hear(text, slots)
        other = intent in NOT_ANSWERS or bool(heard.said or heard.denied) or told
        if pending in questions and I.from_text(case.intake, text, case.today) != case.intake:
            # "im 45 btw, and I doubled my km this month" to a yes/no question: heard (and said
            # back), not "Sorry, I didn't catch that" (fourteenth session).
            other = True
        if pending in questions:
            # ("not sure, it is under heel bottom side": not sure is the answer, and the Not sure
            # button says so; tester round 23 was asked the same question again)
            if reply is None and other and not _states(heard, pending) and not (_unsure(text) and intent not in NOT_ANSWERS):
                # Something new about the pain: heard as it is, the question asked again (once:
                # the second time the answer counts as "not sure", so nothing loops).
                again = case.asked_again(pending)
                if again is not None:
                    return None, again, None
            if may_ask_again and reply is None and not _states(heard, pending) and not _unsure(text):
                again = case.unread_once(pending)
                if again is not None:  # not a yes, a no or "not sure": asked once more
                    return None, again, None
            case, result = case.answer(pending, text, slots)
            return (YES if reply else NO if reply is False else NOT_SURE), case, result
        if pending == "balance_change":
            reading = B.parse(text)
            if reading is None:
                return None, case, None  # worse / same / not sure: the form reads those
            case, _ = case.answer("balance", text, slots)
            timed = case.balance_result()
            verdict = "worse" if timed is not None and timed.raises_level else "same"
            case, heard = case.hear(text, slots)
            return verdict, case, heard
        understood = I.answer(case.intake, pending, text) is not case.intake
        if understood and heard.said and not I.about(pending, text):
            # "I also hit my head a little" to the mileage question: "a little" is about the
            # knock, not the training (tester report 2: recorded as a training change).
            understood = False
        if intent in NOT_ANSWERS and not (understood and intent == "ask_question" and "?" not in text):
            # "what counts as more?" asks about the question: answered, and the question asked
            # again, up to three times; then the reply counts as the answer, read or "not sure"
            # (forecast vignettes 11: "did it saturday", read as a question, got the race
            # question twelve times). A plain statement we understood is the answer.
            again = case.asked_again(pending, limit=QUESTIONS_BEFORE_MOVING_ON)
            if again is not None:
                return None, again, None
        # "I'm a guy, 34. I have a half marathon in 5 weeks" to the past-injury question: other
        # questions answered, heard as such (case.hear), not "Sorry, I didn't catch that" (tester
        # round 17 got it, and the question again, five times).
        volunteered = not understood and (I.from_text(case.intake, text, case.today) != case.intake
                                          # "17 seconds on each leg, same as in the autumn" to the sex
                                          # question: the balance times, read (blind vignettes 18 got
                                          # "Sorry, I didn't catch that" before them)
                                          or B.parse(text) is not None)
        if not understood and (other or volunteered):
            # Something new (heard as it is), not an answer: the question asked again, once.
            again = case.asked_again(pending)
            if again is not None:
                return None, again, None
        if may_ask_again and not understood and not _unsure(text):
            again = case.unread_once(pending)
            if again is not None:  # an answer we could not read: asked once more, then "not sure"
                return None, again, None
        case, _ = case.answer(pending, text, slots)
        if pending == "past_injury" and understood and not _NOW.search(text):
            # "sprained ankle in hs soccer" to the past-injury question tells of then, not now:
            # its twist and its ankle are not facts about this pain (blind vignettes 14 got the
            # Ottawa ankle advice for shin pain). "... and now it's swollen" is heard.
            return str(case.intake.get(pending) or NOT_SURE), case, None
        case, heard = case.hear(text, slots)
        return str(case.intake.get(pending) or NOT_SURE), case, heard

    def _finding(self, case: Case, slots: Mapping[str, Any], result: Evaluation | None, tracker: Tracker,
                 text: str, intent: str, answered: bool, timed: bool = False) -> str | None:
        decision = assess(case, slots).decision
        level = decision.level.value
        if decisions.classify(text, "none") == "unresponsive":
            # "he's not breathing", "she isn't responding": the number and CPR before any question
            # or advice (tester round 11: "outside what I know about"; a yes/no question first).
            # The collapse itself, told before any emergency advice, is that advice as a card (its
            # lines are CPR's), so that "paramedics are here" after it is not the card again (tester
            # round 48); after emergency advice, the CPR answer.
            if CPR_FINDING in decision.findings and advised_level(tracker) != "emergency":
                return "red_flag"
            return "question"
        # After an answer, or while the clinical form is asking, the form asks the next question.
        asking = answered or (tracker.active_loop or {}).get("name") == CLINICAL_FORM
        if serious_and_new(level, decision.findings, tracker):
            # One more yes/no question first when it could make it more serious still (a swollen
            # calf: breathless too?). But "should I just ice it?", "can I run tonight?" instead of
            # an answer get the advice now: a general answer there would contradict it.
            # (A delay said in passing, "I'll see my GP next week", is no such question: the yes/no
            # question first, as the advice after it says "today"; blind vignettes 9 never asked a
            # DVT whether they were breathless.)
            kind = None if answered or asking else decisions.classify(text, level)
            if context_question(case, slots) is not None and kind in (None, "downplay"):
                # While its yes/no question is pending, "should I just ice it and see?" is not its
                # answer: the flow answers it for this sign (action_answer_question) and asks again.
                return None if asking else "red_flag_question"
            return "red_flag"
        if result is None:
            return None
        advised = advised_level(tracker)
        told = advised is not None  # advice given (a crisis response since leaves it standing)
        if told and intent == "report_pain" and new_place(tracker):
            if help_has_come(tracker.get_slot(DECISIONS_SAID_SLOT)):
                return None  # help came for the emergency: a new pain is triaged on its own
            if (advised in ("emergency", "urgent") and decisions.classify(text, advised)) or emergency_stands(tracker):
                # "can I do my tempo run tomorrow, knees are a bit achy as well" after advice to
                # call for chest tightness: the answer for that level first; "also my knee is paining
                # after runs" soon after it: the emergency still comes first (a fresh triage of the
                # knees ended "Keep running" or "See a physical therapist": forecast vignettes 13).
                return "question"
            return None  # a new pain after advice: the flow starts a fresh triage for it
        if told and any(_affects(c) for c in result.changes):
            return "clinical_change"  # after advice: say what changed, carry on, advise again
        if answered:
            return None
        if advised is not None and decisions.classify(text, advised):
            # "Should I still race in two weeks?": the decision for the level reached, whatever
            # else the NLU read in it (the flow answers questions it recognised itself). Before
            # any advice the flow takes it as any question (the knowledge base's general answer).
            return None if intent == "ask_question" else "question"
        told_balance = (parsed_slots(tracker) or ({}, []))[0].get("balance_change") == "worse"
        if (intent in ("report_pain", "inform", "correction") and result.general_question and not (result.said or result.denied)
                and not told_balance):
            # "how long does a stress fracture take to heal?", read as a pain report. Not "my left
            # leg lasts 12 seconds on one leg, the right ages ... does it matter?": a balance drop
            # told is the triage's to weigh (blind vignettes 10 ended with the balance article).
            return "question"
        if (told and (_stated(result) or timed) and intent not in NOT_ANSWERS and not text.rstrip().endswith("?")
                # "should I ice the knee after runs" is a question without its mark (tester round
                # 31 got "Noted: it happened during or just after a run")
                and not _QUESTION_START.match(text)):
            return "clinical_change"  # "I didn't fall, I can walk fine": heard, and the advice checked
        if context_question(case, slots) is not None and not asking:
            return "clinical_question"
        if (not told and not (tracker.active_loop or {}).get("name") and result.findings
                and intent not in ("report_pain", "inform", "correction", "ask_and_inform")):
            # A sign the NLU did not take for a pain report: start the questions. (A question that
            # also reports the pain, "heel pain first thing in the morning, what is it", is answered
            # and starts the questions through the flow's ask_and_inform.)
            return "clinical_change"
        return None


def new_place(tracker: Tracker) -> bool:
    """Does this message name a place that hurts that the conversation has not had yet? A place of
    the same area as a known one (dialogues/vocabulary.yml `same_area`) is not new: "right side,
    kind of the front/groin area" after advice on a hip that aches at night is where exactly
    (tester round 40 got a fresh triage that ended at a physio)."""
    parsed = parsed_slots(tracker)
    said = (parsed[0].get("pain_location") or []) if parsed else []
    known = VOCABULARY.areas(tracker.get_slot("pain_location") or [])
    return bool(set(said) - known)


def _volunteered_balance(case: Case, text: str, slots: Mapping[str, Any]) -> tuple[Case, str]:
    """Balance times said without being asked ("20 s on the right, 40 on the left"): kept, with
    what they show in plain words ('' when the message has no times for both sides). One time said
    in seconds counts too ("only managed 14 seconds. I'm 74": against the norm for the age; blind
    vignettes 11 read "my balance is rubbish" as worse than before without it)."""
    reading = B.parse(text) if B.about_balance(text) else None
    one_timed = reading is not None and B.says_seconds(text)
    if reading is None or (reading.left is None or reading.right is None) and not one_timed or case.balance == reading:
        return case, ""
    case, _ = case.answer("balance", text, slots)
    result = case.balance_result()
    return case, (result.reason if result is not None and result.reason else "")


_YOU = ((re.compile(r"\byou are\b"), "they are"), (re.compile(r"\byou were\b"), "they were"),
        (re.compile(r"\byour\b"), "their"), (re.compile(r"\byourself\b"), "themselves"), (re.compile(r"\byou\b"), "they"))


#: A message that opens as a question, with or without its mark.
_QUESTION_START = re.compile(r"^\W*(?:(?:ok|okay|so|and|but|also|hey|um+)[ ,]+)*(?:should|shall|can|could|do|does|is|are|will|would|how|what|"
                             r"why|when|which|whats|what's|any)\b", re.IGNORECASE)


_FIRST_PERSON = ((re.compile(r"\b(?:i'?m|i am)\b", re.IGNORECASE), "you're"), (re.compile(r"\bi'?ve\b", re.IGNORECASE), "you've"),
                 (re.compile(r"\bi'?ll\b", re.IGNORECASE), "you'll"), (re.compile(r"\bi'?d\b", re.IGNORECASE), "you'd"),
                 (re.compile(r"\bmy\b", re.IGNORECASE), "your"), (re.compile(r"\b(?:i|me)\b", re.IGNORECASE), "you"),
                 (re.compile(r"\bmyself\b", re.IGNORECASE), "yourself"))


def _said_back(words: str) -> str:
    """The runner's own words said back to them: "i'm 62" -> "you're 62" (tester round 48 read
    "Noted: i'm 62.")."""
    for rx, word in _FIRST_PERSON:
        words = rx.sub(word, words)
    return words


def _stated(result: Evaluation, other: bool = False) -> str:
    """The clinical facts this message stated or denied, in plain words ("you did not fall, twist
    or knock it and you can walk on it"); '' when none. `other`: said of someone else ("they felt
    a pop": a coach's athlete was told "Noted: you felt a pop" in tester round 27)."""
    facts = default_rules().facts
    said = ([facts[f].said for f in result.said if f in facts and not facts[f].quiet]
            + [facts[f].unsaid for f in result.denied if f in facts and not facts[f].quiet])
    said = list(dict.fromkeys(said))
    if other:
        for rx, word in _YOU:
            said = [rx.sub(word, s) for s in said]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1] if said else ""


def _states(heard: Evaluation, question: str) -> bool:
    """Does the message state the fact the question asks about ("I was on my long run")?"""
    fact = default_rules().questions[question].fact
    return fact in heard.said or fact in heard.denied


def _affects(change: Change) -> bool:
    """A change worth telling: a finding added, removed, raised or lowered (all are)."""
    return change.kind in ("added", "removed", "raised", "lowered")


class ValidateClinicalForm(Action):
    """The clinical form's next yes/no question, or None when none is worth asking any more
    (then the form returns to what it interrupted)."""

    def name(self) -> str:
        return "validate_clinical_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        events: list[EventType] = []
        said = (parsed_slots(tracker) or ({}, []))[0]
        if said.get("pain_pattern") and tracker.get_slot("pain_pattern") is None:
            # "comes back when i run" while a yes/no question about a sign is pending: kept for the
            # triage questions, not asked for again after (tester round 29: "i literally just said")
            events.append(SlotSet("pain_pattern", said["pain_pattern"]))
        return events + [SlotSet("requested_slot", context_question(case_of(tracker), context_slots(tracker)))]


__all__ = ["ActionClinicalCheck", "wants_first_aid", "ValidateClinicalForm", "case_of", "context_slots", "context_question",
           "is_clinical_question", "serious_and_new", "CLINICAL_SLOT"]
