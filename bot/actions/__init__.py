"""rasa-sdk actions: the units the engine runs, and what a Rasa assistant calls over HTTP.

One implementation, two callers: `bot.engine` runs these in-process through rasa-sdk's
`ActionExecutor`; `runner-triage actions` serves the same instances on rasa-sdk's action server.
Actions read the tracker and return events; they never mutate the tracker dict they were given
(the executor's `Tracker.from_dict` does not copy, so callers pass a copy).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot import replies
from bot.checkins.actions import (ActionKeepCheckinAnswers, ActionReadRunFile, ActionRecordCheckin, ActionStartCheckin,
                                  ValidateCheckinForm)
from bot.knowledge import KnowledgeBase
from bot.knowledge.retrieval import STOP
from bot.nlu.lang import lemmas
from bot.nlu.pipeline import NLU
from bot.actions.advice import SERIOUS, advice_message, decision_answer, decision_reply, race_line
from bot.actions.disclosure import ActionDisclosure, ActionDisclosureCheck
from bot.actions.clinical import (
    CLINICAL_SLOT,
    DECISIONS_SAID_SLOT,
    help_has_come,
    advised_level,
    ActionClinicalCheck,
    ValidateClinicalForm,
    case_of,
    context_slots,
    intent_of,
    new_place,
    is_clinical_question,
    site_alone,
    wants_first_aid,
)
from bot.clinical import balance, decisions
from bot.clinical import intake as I
from bot.clinical.flow import Case, assess, is_acute, is_early, is_under_care, next_question
from bot.safety.answers import getting_help
from bot.safety.crisis import CRISIS as CRISIS_TIER
from bot.safety.crisis import CRISIS_SIGNALS, EMERGENCY_SIGNALS, HARMED
from bot.safety.crisis import DISTRESS, EMERGENCY, THIRD_PARTY, UNCLEAR, CrisisContext
from bot.safety.screen import screen
from bot.texts import DEFAULT_LOCALE, Texts, Voice, text_key
from bot.turn import bold
from bot.tracker import KnowledgeAction, latest_text, parsed_slots, payload_values, validate_slot
from bot.nlu.vocabulary import GOOD_NEWS, NO_PAIN_SAID
from bot.vocabulary import VOCABULARY, Vocabulary

FEELING_INVITE = text_key("feeling.invite")
BALANCE_READING = text_key("clinical.balance_reading", "reason")
BALANCE_READING_NORMAL = text_key("clinical.balance_reading_normal", "reason")
BALANCE_READING_WORSE = text_key("clinical.balance_reading_worse", "reason")
ABOUT_SORRY = text_key("about.sorry")
ABOUT_LEFT_ONE = text_key("about.left_one")
ABOUT_LEFT_SOME = text_key("about.left_some", "count")
ABOUT_AFTER_QUESTIONS = text_key("about.after_questions")
ABOUT_RACE_IN_ADVICE = text_key("about.race_in_advice")
ABOUT_GETTING_SEEN = text_key("about.getting_seen")
#: The runner says they will get seen ("Fine. I'll phone the surgery. Thanks."): a plan, not a question.
_GETTING_SEEN = re.compile(r"\b(?:i'?ll|i will|ima|i'?m gonna|im gonna|i'?m going to|im going to|gonna|going to|will) (?:just |now |then )?"
                           r"(?:phone|call|ring|book|see|go to|go and see|contact|email|message|text|make an appointment with) "
                           r"(?:the |my |a |an |our )?(?:surgery|gp|doctor|doc|physio|physiotherapist|pt|physical therapist|clinic|"
                           r"urgent care|walk-in|practice|health centre|health center|sports doctor|111|nhs 24)\b", re.IGNORECASE)
ABOUT_NO_QUESTIONS = text_key("about.no_questions")
#: The forms whose questions lead to the advice (not the check-in's).
ADVICE_FORMS = ("triage_form", "clinical_form")
IMPROVED_GLAD = text_key("improved.glad")
EMERGENCY_FIRST = text_key("advice.emergency_first")
EMERGENCY_FIRST_OTHER = text_key("advice.emergency_first_other")
IMPROVED_AGAIN = text_key("improved.again")
#: The runner said the pain got better (bot.actions.ActionImproved).
IMPROVED_SLOT = "pain_improved"
LAST_ANSWER_SLOT = "last_answer"
ANSWER_AGAIN = text_key("advice.answer_again", "sentence")
#: A question with no answer of its own during an emergency: said before the emergency step again.
CANT_SAY_NOW = text_key("advice.cant_say_now")
ENGLISH_ONLY = text_key("crisis.english_only")
#: Signals of danger to oneself: with any of them the emergency reply keeps its self-harm words.
SELF_DANGER = frozenset({"intent", "plan", "acted", "overdose", "means", "possession", "method"})
#: The safety screen's tiers that interrupt the conversation, as findings (flow.yml `interrupts`).
CRISIS_FINDINGS = {EMERGENCY: "emergency", CRISIS_TIER: "crisis", THIRD_PARTY: "third_party", UNCLEAR: "unclear"}
#: An answer to the crisis protocol's questions (bot.safety.answers) as the flow's intent.
ANSWER_INTENTS = {"safe": "safe", "not_safe": "not_safe", "unsure": "unsure", "yes": "affirm", "no": "deny",
                  "joking": "joking", "clarified": "clarified", "text_instead": "text_instead",
                  "step_taken": "step_taken", "taken_back": "taken_back", "reaching_out": "reaching_out",
                  "ambivalent": "ambivalent", "moving_on": "moving_on",
                  "nothing_taken": "nothing_taken", "private_asked": "private_asked"}
# What to record when a question is still unclear after one clarifying follow-up.
UNCLEAR_DEFAULT: dict[str, Any] = {"balance_change": "unsure"}
# A question is answered (action_answer_question), never clarified as a missed answer.
QUESTION_INTENTS = ("ask_question", "ask_and_inform")


def is_clinical_question_answered_by_check(slot: str) -> bool:
    """The clinical yes/no and intake questions are answered by action_clinical_check (every
    typed reply is their answer); the form only asks them again, it never clarifies them."""
    return is_clinical_question(slot) and slot != "balance_change"


#: No pain at all, said of the runner ("nothing hurts exactly", "not really in pain", "there is no
#: pain at all", "no spot", "nowhere").
_NO_PAIN = re.compile(NO_PAIN_SAID + r"|\b(?:(?:not|isn'?t|never) (?:really |actually )?(?:in (?:any )?pain|painful|sore)|"
                      r"(?:ive got|i got|i feel) no (?:real )?pain|no pain to speak of|pain.?free|no spot)\b|"
                      r"^\W*(?:nowhere|none|no pain|nothing)\b", re.IGNORECASE)


_NAIL_OR_BLISTER = re.compile(r"\b(?:toe ?nails?|nails?|blisters?)\b", re.IGNORECASE)
_HARDLY_HURTS = re.compile(r"\b(?:doesn'?t|does not|dont|don'?t|not) (?:really |much |that much |too much )?(?:hurt|sore|painful)\b"
                           r"(?! (?:much|that much) (?:less|more))|\b(?:barely|hardly|not really) (?:hurts?|sore|tender|painful)\b|"
                           r"\bunless i press\b|\bonly (?:hurts|sore|tender) (?:when|if) (?:i )?(?:press|touch|push)", re.IGNORECASE)


#: A question about exercises, stretching or strength work (the `exercise` decision answers it
#: after advice to see a doctor).
_ABOUT_EXERCISE = re.compile(r"\b(?:exercis\w*|stretch\w*|strength\w*|strengthen\w*|foam roll\w*|roll(?:ing)? it|calf raises?|"
                             r"heel raises?|rehab\w*|routine|squats?|lunges?|bands?|massage\w*|yoga|pilates|mobility|drills?)\b")


def helper_now(kb: KnowledgeBase, dispatcher: CollectingDispatcher, tracker: Tracker, voice: Voice) -> bool:
    """After help has come for someone else's emergency (the paramedics have them, they're on the
    way to hospital), what the helper needs now, said; False (nothing said) otherwise."""
    if not (voice.other and advised_level(tracker) == "emergency" and help_has_come(tracker.get_slot(DECISIONS_SAID_SLOT))):
        return False
    decided = decision_reply(kb, voice, "help_here", "emergency", case_of(tracker), context_slots(tracker), again=True, other=True)
    dispatcher.utter_message(text=decided.text, json_message={"sources": list(decided.sources)})
    return True


class ValidateTriageForm(FormValidationAction):
    """Extracts the triage slots from the latest message with our NLU, validates them, and
    picks the next slot to ask (asking one clarifying follow-up before moving on)."""

    #: Extraction is our NLU's (or a button's): every slot of the vocabulary's nlu_slots, each
    #: validated by validate_<slot> or by what the domain declares for it.
    reads_nlu_slots = True

    def __init__(self, nlu: NLU, vocabulary: Vocabulary | None = None) -> None:
        self.nlu = nlu
        self.vocabulary = vocabulary or VOCABULARY

    def name(self) -> str:
        return "validate_triage_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        """Where it hurts and whether it fades (the domain's list, less skipped ones), with the
        one clinical question worth asking next (rasa-sdk's dynamic forms): a yes/no context
        question first, the balance test or an intake question last. When a doctor is already the
        next step, only a question that could make it more serious still."""
        skipped = set(tracker.get_slot("skipped_slots") or [])
        case, slots = case_of(tracker), context_slots(tracker)
        # A fresh injury: "does it fade within days?" makes no sense 20 minutes after it happened.
        # Nor a day after a first 15k: too soon to tell (tester round 7).
        acute = {"pain_pattern"} if is_acute(case, slots) or is_early(case) else set()
        static = [s for s in domain_slots if s not in skipped and s not in acute]
        if is_under_care(case, slots) and not any(f.level in ("emergency", "urgent") for f in assess(case, slots).findings):
            # "its already diagnosed, im in a boot for 6 weeks. i dont need triage": the plan of
            # whoever treats it, now; no questions (tester round 29 was asked eight)
            return []
        serious = assess(case, slots).decision.level.value in ("emergency", "urgent")
        question = next_question(case, slots, balance=not serious)
        extra = [question.id] if question is not None and question.id not in skipped else []
        if serious:
            return extra
        if question is not None and question.kind == "context":
            return extra + static
        return static + extra

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        values = payload_values(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        current = list(tracker.get_slot("pain_location") or [])
        negated: set[str] = set()
        if values is None:
            parsed = parsed_slots(tracker)  # the engine's reading of this message
            if parsed is None:  # a Rasa server sent only the text
                parse = self.nlu.parse(latest_text(tracker), tracker.get_slot("requested_slot"))
                parsed = dict(parse.slots), list(parse.negated_locations)
            values, negated = parsed[0], set(parsed[1])
        found = values.pop("pain_location", None)
        locations = current
        if found or negated:
            found = [x for x in (found or []) if x in self.vocabulary.locations]
            if intent == "correction" and found:
                locations = found
            else:
                locations = [x for x in dict.fromkeys(current + found) if x not in negated]
        events: list[EventType] = []
        if locations != current:
            events.append(SlotSet("pain_location", locations or None))
        if values.pop("skip", None):
            skipped = list(tracker.get_slot("skipped_slots") or [])
            requested = tracker.get_slot("requested_slot")
            if requested and requested not in skipped:
                events.append(SlotSet("skipped_slots", skipped + [requested]))
        for slot, value in values.items():
            if slot in self.vocabulary.nlu_slots:  # each is validated below (checked at start-up)
                events.append(SlotSet(slot, value))
        return events

    def validate_pain_location(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        cleaned = [x for x in (value or []) if x in self.vocabulary.locations]
        return {"pain_location": cleaned or None}

    # pain_side, pain_pattern, balance_change, range_of_motion (categorical) and severity (float,
    # 0-10) are validated against what the domain declares for them (bot.tracker.validate_slot).

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        # rasa-sdk's from_dict does not copy; never touch the caller's dict. The form (add_slots)
        # sets top-level slots and appends events: a copy of those two is enough. Tracker.copy()
        # deep-copied the whole tracker, a fifth of this action's time (issue 18).
        tracker = Tracker(tracker.sender_id, dict(tracker.slots), tracker.latest_message, list(tracker.events),
                          tracker._paused, tracker.followup_action, tracker.active_loop, tracker.latest_action_name,
                          tracker.stack, tracker.user_id)
        requested = tracker.get_slot("requested_slot")
        extracted = await self.get_extraction_events(dispatcher, tracker, domain)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if (tracker.get_slot("pain_pattern") in ("persistent", "recurring") and requested != "pain_pattern"
                and intent != "correction"):
            # "stiff for the first few steps then eases" after "sore for 3 weeks": easing within a
            # run is not fading within days, and said in passing it does not undo weeks of pain
            # (tester round 18 got "your Achilles pain eases within days"). A correction still does.
            extracted = [e for e in extracted if not (e["name"] == "pain_pattern" and e["value"] == "fades")]
        events: list[EventType] = []
        if not isinstance(tracker.get_slot(CLINICAL_SLOT), dict):
            # A conversation that starts here (after /restart, or a new pain after advice): the
            # clinical case starts with the message that started it.
            case, _ = Case().hear(latest_text(tracker), context_slots(tracker))
            events.append(SlotSet(CLINICAL_SLOT, case.to_json()))
            tracker.add_slots(events)
        if (requested == "balance_change" and any(e["name"] == "balance_change" and e["value"] == "unsure" for e in extracted)
                and "balance_change" not in (tracker.get_slot("clarified_slots") or [])):
            # "Not sure" about balance: first the two-line test (utter_clarify_balance_change).
            extracted = [e for e in extracted if e["name"] != "balance_change"]
        tracker.add_slots(extracted)
        # rasa-sdk validates only the form's required slots and returns only those; side,
        # severity and skips are ours too, so every extracted slot is validated and returned.
        for event in extracted:
            slot, value = event["name"], event["value"]
            result = validate_slot(self, slot, value, dispatcher, tracker, domain)
            tracker.slots.update(result)
            events += [SlotSet(k, v) for k, v in result.items()]
        if (not tracker.slots.get("pain_location") and tracker.slots.get("balance_change") == "worse"
                and "pain_location" not in (tracker.slots.get("skipped_slots") or []) and _NO_PAIN.search(latest_text(tracker))):
            # "nothing hurts, but I wobble more on my left leg than I used to": balance alone, no
            # place and no pain to fade, nor an injury "in this same spot" (set 11 v007, forecast set
            # 13 v019, tester round 21: "Where does it hurt?" three times, then "your pain does not
            # fade"). Nothing lingers: the pattern of no pain is "fades" (as "n/a" to its question).
            skipped = list(dict.fromkeys([*(tracker.slots.get("skipped_slots") or []), "pain_location", "past_injury"]))
            events += [SlotSet("skipped_slots", skipped), SlotSet("pain_pattern", "fades")]
            tracker.slots.update({"skipped_slots": skipped, "pain_pattern": "fades"})
        if (tracker.slots.get("pain_pattern") is None and set(tracker.slots.get("pain_location") or []) == {"toe"}
                and _NAIL_OR_BLISTER.search(latest_text(tracker)) and _HARDLY_HURTS.search(latest_text(tracker))):
            # "my big toenail went black after the marathon, doesn't really hurt. will it fall off?"
            # (blind vignettes 27 and 28: asked twice whether "the pain" fades, then a physio): a nail
            # or a blister that barely hurts has no pain to fade; its card says when to see a doctor.
            events.append(SlotSet("pain_pattern", "fades"))
            tracker.slots["pain_pattern"] = "fades"
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = [s for s in required if tracker.slots.get(s) is None]
        asked = (tracker.latest_message.get("intent") or {}).get("name") in QUESTION_INTENTS
        # A correction of something else ("wait no left" to "does it fade?": tester round 50 had the
        # side ignored and the question skipped) is no unclear answer: the question is asked again
        corrected = intent == "correction" and any(e["name"] != requested for e in extracted)
        if (requested and not asked and not corrected and tracker.slots.get(requested) is None
                and not is_clinical_question_answered_by_check(requested)
                and requested not in (tracker.slots.get("skipped_slots") or [])
                and missing[:1] == [requested]):  # not when a more important question comes first
            clarified = list(tracker.slots.get("clarified_slots") or [])
            if requested not in clarified:
                # One clarifying follow-up with a concrete tip; the engine does not re-ask.
                dispatcher.utter_message(response=f"utter_clarify_{requested}")
                events.append(SlotSet("clarified_slots", clarified + [requested]))
            elif requested in UNCLEAR_DEFAULT:
                # Still unclear: record what we can and move on; never ask endlessly.
                events.append(SlotSet(requested, UNCLEAR_DEFAULT[requested]))
                tracker.slots[requested] = UNCLEAR_DEFAULT[requested]
            else:
                skipped = list(tracker.slots.get("skipped_slots") or []) + [requested]
                events.append(SlotSet("skipped_slots", skipped))
                tracker.slots["skipped_slots"] = skipped
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = [s for s in required if tracker.slots.get(s) is None]
        events.append(SlotSet("requested_slot", missing[0] if missing else None))
        return events


class ActionSafetyCheck(KnowledgeAction):
    """Screens the latest message for crisis talk (bot.safety.screen), first, on every message.
    It says nothing itself (but for "I only understand English" before a crisis reply in another
    language): it sets what the flow acts on (dialogues/flow.yml, `interrupts`):

    - safety_finding: the crisis protocol's tier (emergency, overdose, crisis, third_party,
      unclear), else distress (docs/safety.md); red flags are the clinical check's
      (action_clinical_check, which runs right after it: docs/triage.md);
    - safety_answer: the message read as the answer to the crisis question the bot waits on
      (safe, not_safe, unsure, affirm, deny), when the message says nothing more serious;
    - crisis_context: the screen's memory for the next message (never message text);
    - message_language: the message's language, for the reply's;
    - distress_kind: with distress, how the person feels (frustration, worry, grief, ...: the
      screen's one feelings detector, bot.safety.crisis_patterns.FEELINGS), which picks the
      acknowledgement (utter_distress_<kind>).
    """

    def name(self) -> str:
        return "action_safety_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        context = CrisisContext.from_dict(tracker.get_slot("crisis_context"))
        result = screen(latest_text(tracker), context)
        a = result.assessment
        # safety_cause is this message's only (a Rasa server keeps slots across turns: reset here).
        events: list[EventType] = [SlotSet("crisis_context", context.after(a).to_dict()),
                                   SlotSet("message_language", a.language), SlotSet("distress_kind", a.feeling),
                                   SlotSet("safety_cause", None)]
        # An answer alone ("no", "idk") is the flow's to act on, like the button it stands for. So is
        # "yeah im safe. not gonna do anything, just tired of everything": a safe answer with only
        # hopelessness beside it is that answer (tester round 21 was asked "Are you safe?" again,
        # and again after "i literally just said im safe"); a plan, a means or ideation is not.
        safe_and_low = a.answer == "safe" and a.tier == UNCLEAR and a.signals <= {"hopeless", "distress", "done"}
        if a.tier in CRISIS_FINDINGS and a.by != "answer" and not safe_and_low:
            finding = "overdose" if a.tier == EMERGENCY and a.overdose else CRISIS_FINDINGS[a.tier]
            if a.tier == UNCLEAR and a.by == "model":
                finding = "doubt"  # no crisis word: the second net's doubt (flow.yml: answered as unclear)
            if a.tier == THIRD_PARTY and a.overdose:
                finding = "overdose_other"  # someone else took too much: the emergency number first
            if not a.supported_language and a.language != context.language:  # said once
                dispatcher.utter_message(text=self.voice(tracker).in_language(a.language).say(ENGLISH_ONLY))
            events.append(SlotSet("safety_finding", finding))
            if finding == "emergency" and HARMED in a.signals and not a.signals & (CRISIS_SIGNALS | SELF_DANGER):
                events.append(SlotSet("safety_cause", HARMED))  # the emergency's words for that danger
                # ... and for the rest of this conversation: the crisis replies that follow speak to
                # someone being hurt, not to thoughts of suicide (tester round 28: a woman kicked
                # by her husband was told "Please call 911 now ... 988" to "im safe right now")
                events.append(SlotSet(HARMED_SLOT, True))
            if a.tier in (EMERGENCY, CRISIS_TIER) and "method" in a.signals:
                # a way to do it said (C-SSRS 3: urgent crisis support): for the rest of the
                # conversation the crisis replies say so, and "I'm safe" is met with "talk to
                # someone today", not "if that changes" (tester round 43: "i'd jump off the cliff at
                # the lookout" got the same words as a wish, then "carry on about your running")
                events.append(SlotSet(METHOD_SLOT, True))
            if a.tier in (EMERGENCY, CRISIS_TIER) and "self_harm" in a.signals:
                # "ive started cutting again. its not a big deal, im not suicidal" then "I'm safe right
                # now" (tester round 61: nothing on the cuts, nor on who could help)
                events.append(SlotSet(SELF_HARM_SLOT, True))
            if finding == "third_party" and (a.third_party_signals & EMERGENCY_SIGNALS and (a.signals | a.third_party_signals) & {"time", "means_near"}
                                             # the means beside them, said of them ("shes got a bottle of
                                             # pills next to her and wants it to stop": tester round 33)
                                             or "possession" in a.third_party_signals
                                             # thoughts or a goodbye with its time ("he will kill himself
                                             # tonight", "tonight na the last": tester round 62)
                                             or (a.third_party_signals & CRISIS_SIGNALS and _TIMED_ACT.search(latest_text(tracker).lower()))):
                # someone else with the means and a time ("saving up her pills and wants to end it
                # tonight"): "call now", not "if they might act on it now" (tester round 22)
                events.append(SlotSet("safety_cause", IMMINENT_OTHER))
            if a.tier in (EMERGENCY, CRISIS_TIER):
                events.append(SlotSet("triage_level", "emergency" if finding == "overdose" else "crisis"))
            return events
        answer = ANSWER_INTENTS.get(a.answer or "")
        if answer is not None:
            return events + [SlotSet("safety_answer", answer), SlotSet("safety_finding", None)]
        return events + [SlotSet("safety_finding", "distress" if a.tier == DISTRESS else None)]


class ActionTriage(KnowledgeAction):
    """Decides the triage level from everything the runner told us (bot.clinical.flow.assess:
    the slots, the clinical case, the intake, the balance test) and gives the advice. The
    decision is here; the wording is bot.actions.advice.advice_message."""

    def name(self) -> str:
        return "action_triage"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        slots = context_slots(tracker)
        case = case_of(tracker)
        assessment = assess(case, slots, crisis=slots.get("safety_finding") == "crisis")
        decision = assessment.decision
        locations = [x for x in slots.get("pain_location") or [] if x in self.kb.locations]
        context = tracker.get_slot("checkin_context")
        subscribed = bool(isinstance(context, dict) and context.get("subscribed"))
        # Advice for the same level and places was just given in this conversation (a correction
        # or an answer that adds a reason but changes nothing the runner should do): one line.
        previous = replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT))
        # (a place of the same area told more exactly is the same places: "right side, kind of the
        # front/groin area" after the hip advice got the whole advice again; vocabulary.yml same_area)
        # (not when "a doctor in the next few days" becomes "today": periods stopped, then hopping
        # hurts; tester round 43 was told "That doesn't change my advice")
        unchanged = (tracker.get_slot("triage_level") == decision.level.value and previous is not None
                     and previous.level == decision.level.value
                     and VOCABULARY.areas(previous.locations)
                     >= set(locations) >= set(previous.locations)
                     and self.kb.soon(previous.level, previous.flags)
                     == self.kb.soon(decision.level.value, [f.entry for f in assessment.findings if f.entry]))
        reply = advice_message(self.kb, self.voice(tracker), decision, assessment.findings, locations,
                               slots.get("pain_pattern"), unchanged=unchanged, subscribed=subscribed,
                               race=race_line(case, decision.level.value, tuple(f.rule for f in assessment.findings)),
                               before=previous, helped=help_has_come(tracker.get_slot(DECISIONS_SAID_SLOT)))
        first, *rest = reply.messages
        # The same advice again is a short line, not a new result (no level announced twice).
        dispatcher.utter_message(
            text=first.text, buttons=first.button_dicts(),
            json_message={"triage": None if unchanged else decision.level.value, "sources": list(first.sources),
                          "reasons": list(decision.reasons), "rules": list(decision.rules)},
        )
        for message in rest:  # the weekly check-in offer
            dispatcher.utter_message(text=message.text, buttons=message.button_dicts(),
                                     json_message={"sources": list(message.sources)})
        if unchanged:
            # "im 15 bro do i have to tell my mom" after advice to see a doctor today: the age noted,
            # the advice unchanged, and the question answered (tester round 34: only "Noted: i'm 15")
            said = latest_text(tracker)
            if not tell_an_adult(self.kb, dispatcher, self.voice(tracker), tracker, said):
                energy_answer(self.kb, dispatcher, self.voice(tracker), tracker, said)
        return [SlotSet("triage_level", decision.level.value), SlotSet("triage_reasons", list(decision.reasons)),
                SlotSet("triage_findings", list(decision.findings)),
                SlotSet(replies.ADVICE_SLOT, reply.context.to_json())]


#: A greeting or an introduction of the runner (or of the one written about), nothing else yet.
_INTRODUCTION = re.compile(r"^\W*(?:hi|hello|hey|hiya|kia ora|g'?day|gday|howdy|morning|evening|good (?:morning|afternoon|evening))\b|"
                           r"\b(?:i'm|im|i am) \d{1,2}\b|\bmy (?:son|daughter|kid|child|boy|girl|wife|husband|partner|friend|mate|"
                           r"athlete|client)\b[^.!?]{0,20}\b(?:is|'s|aged)\b|\b(?:i'm|im|i am) writing (?:about|for|on behalf)\b|"
                           r"\b(?:we're|we are|we live|i live|i'm|im|i am) (?:in|from|based in)\b")
_ABOUT_SOMEONE = re.compile(r"\bmy (?:son|daughter|kid|child|boy|girl|wife|husband|partner|friend|mate|athlete|client)\b|"
                            r"\bwriting (?:about|for|on behalf)\b")
#: A question asked, at the start of a clause ("hi. how long ...", "im 40, should i ...").
_ASKS = re.compile(r"(?:^|[.!,;:]\s*|\b(?:and|but|so)\s+)(?:how|what|whats|what's|when|why|should|can|could|is|are|do|does|will|which|where|"
                   r"any|anything|tips|advice|help)\b")
#: "idk", "not sure", "dunno", with nothing else.
_UNSURE_ALONE = re.compile(r"^\W*(?:idk|i dunno|dunno|not sure|i'?m not sure|no idea|i don'?t know|dont know|idc|nothing|hmm+|um+|"
                           r"no clue|not really sure)\W*(?:tbh|lol|really)?\W*$")
#: "I don't want advice", "just let me vent", "just listen": nothing to answer, nothing to press on them.
_NO_ADVICE = re.compile(r"\b(?:(?:do ?n[o']?t|dont|do not) (?:want|need) (?:any |your )?(?:advice|tips|help|to be told)|"
                        r"no advice|(?:just|only) (?:want(?:ed)? to |need(?:ed)? to |let me )?vent(?:ing)?|"
                        r"(?:just|only) (?:want|need) (?:someone |you )?to listen|just listen)\b")
#: How feeling ill after a run is said, with no pain named.
_FEELING_ILL = re.compile(r"\b(?:dizzy|dizziness|light.?headed|sick|nause\w*|queasy|vomit\w*|threw up|throwing up|headache|"
                          r"cramp\w*|exhausted|wiped out|shivery|chills|overheat\w*|heat exhaustion|sunstroke|dehydrat\w*)\b")


#: Sorry for having said so much ("sorry for dumping all that on you", "sorry for the rant").
_SORRY_FOR_SHARING = re.compile(r"\bsorry (?:for|about) (?:(?:dumping|unloading|offloading|venting|ranting|rambling|going on|"
                                r"oversharing|moaning|whinging|whining)\b|(?:the|my|that|all (?:that|this)|this) (?:rant|ramble|"
                                r"essay|vent|wall of text|novel|trauma ?dump|overshare|moan))|\bsorry,? (?:that was|thats|that's) "
                                r"(?:a lot|heavy|so much)\b")


class ActionOffTopic(KnowledgeAction):
    """Something that is neither pain nor a question we answer: the knowledge base's refusal when
    it asks for something we don't do ("find me a PT near me", "give me a training plan", "tell
    me a joke"), else utter_off_topic."""

    def name(self) -> str:
        return "action_off_topic"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        if _NO_ADVICE.search(text.lower()):
            dispatcher.utter_message(response="utter_no_advice_wanted")
            return []
        if tell_an_adult(self.kb, dispatcher, self.voice(tracker), tracker, text):
            return []
        if _SORRY_FOR_SHARING.search(text.lower()):
            dispatcher.utter_message(response="utter_sorry_for_sharing")
            return []
        if "?" not in text and GOOD_NEWS.search(text.lower()) and not tracker.get_slot("requested_slot"):
            dispatcher.utter_message(response="utter_good_news")
            return []
        if energy_answer(self.kb, dispatcher, self.voice(tracker), tracker, text):
            return []
        if self.kb.refusal_topic(text) is not None:
            dispatcher.utter_message(text=self.kb.out_of_scope_reply(text), json_message={"sources": []})
            return []
        if _UNSURE_ALONE.match(text.lower()) and not tracker.get_slot("requested_slot"):
            dispatcher.utter_message(response="utter_idle_unsure")
            return []
        if _FEELING_ILL.search(text.lower()):
            # Feeling ill after a run with no pain named ("felt dizzy and sick at the end, bad
            # headache, feel mostly ok now", once the warning-sign question is answered no): the
            # knowledge base's answer, not "I can only help with running pain" (tester round 12).
            answer = replies.answer(self.kb, self.voice(tracker), text, ())
            if answer is not None:
                dispatcher.utter_message(text=answer.text, buttons=answer.button_dicts(),
                                         json_message={"sources": list(answer.sources)})
                return []
        lower = text.lower()
        if _POSTPARTUM.search(lower):
            # "had my baby 8 weeks ago and im dying to get back to running" (tester round 32: "Hi,
            # good to hear from you. What's bothering you?"): running after a birth has its answer,
            # and low mood after it has its own too (tester round 36: "i cry most days" was not heard)
            say_entry(self.kb, dispatcher, self.voice(tracker), POSTNATAL_MOOD_ENTRY if _LOW_MOOD.search(lower) else POSTPARTUM_ENTRY)
            return []
        if _INTRODUCTION.search(lower):
            other = _ABOUT_SOMEONE.search(lower)
            dispatcher.utter_message(response="utter_off_topic_introduction_other" if other else "utter_off_topic_introduction")
            return []
        dispatcher.utter_message(response="utter_off_topic")
        return []


class ActionDetail(KnowledgeAction):
    """A detail button of the last advice ("Why?", "What can I do now?", "Exercises", "When can I
    run again?"): the paragraphs behind it (bot.replies.detail)."""

    def name(self) -> str:
        return "action_detail"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        kind = (payload_values(tracker) or {}).get(replies.DETAIL_SLOT) or tracker.get_slot(replies.DETAIL_SLOT)
        if kind is None and (tracker.latest_message.get("intent") or {}).get("name") == "why_ask":
            kind = "why"  # "why is that?" after the advice
        context = replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT))
        voice = self.voice(tracker)
        if kind == "run_again" and context is not None and context.level in SERIOUS:
            # After advice to see a doctor, when to run again is that advice's answer for the sign
            # found (a blood clot is not a bone stress injury), not the general return card.
            decided = decision_reply(self.kb, voice, "return", context.level, case_of(tracker), context_slots(tracker))
            message = replies.Message(f"{bold(voice.say(f'{replies.DETAIL_TITLE}.{kind}'))}\n{decided.text}",
                                      replies.detail_buttons(self.kb, voice, context.level, without=kind))
            dispatcher.utter_message(text=message.text, buttons=message.button_dicts(), json_message={"sources": []})
            return []
        message = replies.detail(self.kb, voice, str(kind), context)
        dispatcher.utter_message(text=message.text, buttons=message.button_dicts(),
                                 json_message={"sources": list(message.sources)})
        return []


class ActionAcknowledgeFeeling(KnowledgeAction):
    """After the safety screen's acknowledgement of a feeling (utter_distress_<kind>), when the
    message says nothing else to act on, outside a form: the knowledge base's answer to it, if
    it has one ("the PT I saw last year didn't help"); with nothing pending, an invitation to say
    what hurts. The acknowledgement itself is the screen's (one detector of feelings)."""

    def name(self) -> str:
        return "action_acknowledge_feeling"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        voice = self.voice(tracker)
        if not tracker.get_slot("requested_slot") and helper_now(self.kb, dispatcher, tracker, voice):
            # "the paramedics HAVE her. im just really scared" (tester round 49: then "Call 999 now ...
            # start CPR"): help has come; the helper, now
            return []
        if advised_level(tracker) == "emergency" and not tracker.get_slot("requested_slot"):
            # "I'm scared" after emergency advice: the acknowledgement, then what to do now, never
            # an article (tester round 20 got "I won't tell anyone, and you can text" instead).
            step = replies.next_step(self.kb, voice, replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT)))
            if step is not None:
                dispatcher.utter_message(text=step.text, buttons=step.button_dicts(),
                                         json_message={"sources": list(step.sources)})
                return []
        if tracker.get_slot("distress_kind") in SAID_WHOLE_FEELINGS:
            # "my ex is following me on my runs and i dont feel safe": its own words said it all,
            # never an article after them (the review found heat-exhaustion first aid)
            return []
        locations = [x for x in tracker.get_slot("pain_location") or [] if x in self.kb.locations]
        answer = replies.answer(self.kb, voice, text, locations)
        if answer is not None:
            dispatcher.utter_message(text=answer.text, buttons=answer.button_dicts(),
                                     json_message={"sources": list(answer.sources)})
        elif not tracker.get_slot("requested_slot"):
            dispatcher.utter_message(text=voice.say(FEELING_INVITE), json_message={"sources": []})
        return []


def questions_left(tracker: Tracker) -> int | None:
    """How many questions are left before the advice, the pending one included; None outside the
    triage questions. An estimate: each is taken as answered "not sure" (a real answer may make
    one more worth asking, or one fewer)."""
    if not tracker.get_slot("requested_slot") or (tracker.active_loop or {}).get("name") not in ADVICE_FORMS:
        return None
    case, slots = case_of(tracker), context_slots(tracker)
    if not slots.get("pain_location"):
        return 2 if slots.get("pain_pattern") else 3  # where, (whether it fades,) and about one more
    count = 0
    if not slots.get("pain_pattern") and not is_acute(case, slots) and not is_early(case):
        count, slots["pain_pattern"] = 1, "recurring"  # the answer that asks most
    serious = assess(case, slots).decision.level.value in SERIOUS
    seen: set[str] = set()
    for _ in range(8):
        question = next_question(case, slots, balance=not serious)
        if question is None or question.id in seen:
            break
        seen.add(question.id)
        count += 1
        if question.kind == "balance":
            slots["balance_change"] = "unsure"
        case, _ = case.answer("balance" if question.kind == "balance" else question.id, "not sure", slots)
    return max(count, 1)


class ActionAboutConversation(KnowledgeAction):
    """About the conversation itself, not the pain: "are you even a real person" (honestly: an
    automated helper, not a person or a doctor); "this is useless, you keep asking the same
    questions" (sorry, and how many questions are left). The flow asks the pending question again."""

    def name(self) -> str:
        return "action_about_conversation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        voice = self.voice(tracker)
        if (tracker.latest_message.get("intent") or {}).get("name") == "about_bot":
            # knowledge/out_of_scope.yml `bot`: what the bot is, with the other refusals
            dispatcher.utter_message(text=self.kb.out_of_scope_reply(latest_text(tracker)), json_message={"sources": []})
            return []
        left = questions_left(tracker)
        lines = [voice.say(ABOUT_SORRY)]
        if left is not None:
            lines.append(voice.say(ABOUT_LEFT_ONE) if left == 1 else voice.say(ABOUT_LEFT_SOME, count=left))
        elif not tracker.get_slot("requested_slot") and not tracker.get_slot("triage_level"):
            lines.append(voice.say(ABOUT_NO_QUESTIONS))
        dispatcher.utter_message(text=" ".join(lines), json_message={"sources": []})
        return []


class ActionGoodbye(KnowledgeAction):
    """Goodbye after advice, fitting its level: "happy running" after self-care or a physical
    therapist, "I hope the doctor's visit goes well" after advice to see one today."""

    def name(self) -> str:
        return "action_goodbye"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        level = tracker.get_slot("triage_level")
        dispatcher.utter_message(response=f"utter_goodbye_{level}" if level in SERIOUS else "utter_goodbye")
        return []


class ActionImproved(KnowledgeAction):
    """"It's better now", "no pain on my last 3 runs": glad, and how to get back to running for
    the level reached (knowledge/clinical/decisions.yml `improved`: a gradual build-up; a doctor
    first when the advice was to see one). Said again, one short line, not the same block."""

    def name(self) -> str:
        return "action_improved"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        voice = self.voice(tracker)
        if tracker.get_slot(IMPROVED_SLOT):
            dispatcher.utter_message(text=voice.say(IMPROVED_AGAIN), json_message={"sources": []})
            return []
        level = advised_level(tracker) or "none"
        decided = decision_reply(self.kb, voice, "improved", level, case_of(tracker), context_slots(tracker))
        dispatcher.utter_message(text=f"{voice.say(IMPROVED_GLAD)} {decided.text}",
                                 json_message={"sources": list(decided.sources)})
        return [SlotSet(IMPROVED_SLOT, True)]


def _balance_said(text: str, age: int | None) -> tuple[str, str] | None:
    """Balance times told in a question about balance: what they show (the text key and the
    reason), when the reading says something; None otherwise."""
    reading = balance.parse(text) if balance.about_balance(text) else None
    if reading is None or not reading.sides:
        return None
    result = balance.interpret(reading, age)
    if result.raises_level:
        return BALANCE_READING, result.reason
    if result.verdict == "normal" and result.reason:
        if _BALANCE_WORSE.search(text.lower()):
            # "my wife says my balance is getting worse. I can stand on one leg for about 20
            # seconds" (tester round 27 heard only "in the normal range for your age"): a drop
            # from their own earlier balance matters more than the number (CLINICAL.md)
            return BALANCE_READING_WORSE, result.reason
        return BALANCE_READING_NORMAL, result.reason
    return None


_BALANCE_WORSE = re.compile(r"\bbalance\b.{0,30}\b(?:getting|got|gotten|become|becoming|is|has been|went) (?:a (?:bit|lot) )?"
                            r"(?:worse|poorer|shakier|wobblier|not as good)\b|\b(?:worse|poorer|shakier) balance\b")


#: The general way back to running (the walk-run ladder): after advice to see a doctor, the
#: advice's own answer is given instead (decisions.yml `return`).
RETURN_ENTRY = "return-to-running"


class ActionAnswerQuestion(KnowledgeAction):
    """Answers a follow-up question from the knowledge base, or says plainly it cannot."""

    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        question = latest_text(tracker)
        locations = [x for x in tracker.get_slot("pain_location") or [] if x in self.kb.locations]
        if not locations:
            # A warning-sign question asked before the form read where it hurts ("my heel has hurt
            # for 6 months ..." got the one-spot question first): the place the clinical check heard
            # (tester round 31: "how long will it take to heal" got the stress-fracture answer).
            facts = case_of(tracker).state.facts
            locations = [k[4:] for k, v in facts.items() if k.startswith("loc:") and v.value and k[4:] in self.kb.locations]
        voice = self.voice(tracker)
        level = advised_level(tracker) or tracker.get_slot("triage_level")
        lower = question.lower()
        if (voice.locale != DEFAULT_LOCALE and tracker.get_slot("triage_level") == "crisis"
                and self.kb.best_entry(question, locations) is None):
            # In one's own crisis, a question in Spanish the (English) knowledge base cannot read:
            # the crisis reply that follows says the lines and numbers in their language, not "That's
            # outside what I know about" in English ("cual es el numero aca en argentina?": tester round 61)
            return []
        if _NO_ADVICE.search(lower) and "?" not in question:
            dispatcher.utter_message(response="utter_no_advice_wanted")  # "I dont want advice", after advice too
            return []
        if tracker.get_slot("distress_kind") in SAID_WHOLE_FEELINGS:
            # "is it normal for a partner to be like that?": the acknowledgement answered it; never
            # "Soreness after a run is normal" after it (tester round 32)
            return []
        if level is None and _POSTPARTUM.search(lower) and (not tracker.get_slot("requested_slot") or "?" in question):
            # a birth behind them: its answer (low mood after it: that one's)
            say_entry(self.kb, dispatcher, voice, POSTNATAL_MOOD_ENTRY if _LOW_MOOD.search(lower) else POSTPARTUM_ENTRY)
            return []
        if (level is None and "?" not in question and _INTRODUCTION.search(lower) and not _ASKS.search(lower)
                and not tracker.get_slot("requested_slot")):
            # An introduction with no question in it ("I run with a club at Lekki every Saturday",
            # "she runs cross country for her school in Bengaluru"): greeted, and asked what hurts,
            # not answered with the race or cross-training card its words resemble (tester round 25).
            other = _ABOUT_SOMEONE.search(lower)
            dispatcher.utter_message(response="utter_off_topic_introduction_other" if other else "utter_off_topic_introduction")
            return []
        if level not in SERIOUS and (tracker.active_loop or {}).get("name") == "clinical_form":
            # A warning sign found, its yes/no question pending ("breathless too?"): "should I just
            # ice it?" is answered for that sign now, then the question is asked again.
            found = assess(case_of(tracker), context_slots(tracker)).decision.level.value
            level = found if found in SERIOUS else level
        said = tuple(tracker.get_slot(DECISIONS_SAID_SLOT) or ())
        # (whether to tell a parent comes first: "do i have to tell me mam and dad? they'll make me
        # pull out" is no race question; tester round 43 got "Don't race: pull out or defer")
        decided = None if _TELL_AN_ADULT.search(question) and level in SERIOUS else decision_answer(
            self.kb, voice, question, level, case_of(tracker), context_slots(tracker),
            improved=bool(tracker.get_slot(IMPROVED_SLOT)), said=said)
        if decided is not None:
            dispatcher.utter_message(text=decided.text, json_message={"sources": list(decided.sources)})
            if decided.said.endswith((":seen", ":seen:again")) and "?" in question:
                # Checked already and past it, with a question ("how do i stop this happening to the
                # squad again?"): that answered too, as after any advice (tester round 25).
                answer = replies.answer(self.kb, voice, question, locations)
                if answer is not None:
                    dispatcher.utter_message(text=answer.text, buttons=answer.button_dicts(),
                                             json_message={"sources": list(answer.sources)})
            return [SlotSet(DECISIONS_SAID_SLOT, [*said, decided.said])] if decided.said and decided.said not in said else []
        left = questions_left(tracker)
        if left is not None and wants_first_aid(case_of(tracker), context_slots(tracker), question, tracker):
            return []  # a fresh injury: the clinical check gave the first aid; the question follows
        if left is not None and level is None and decisions.classify(question) == "race":
            # "can i race saturday?" while the questions are pending: the general card ("Go ahead if
            # ... 3 out of 10") may contradict the advice (a fresh strain: not yet). The race is
            # kept, and the advice's race line answers it for what it finds (tester round 48).
            case = case_of(tracker)
            when, days = I.parse_race(question, case.today)
            dispatcher.utter_message(text=voice.say(ABOUT_RACE_IN_ADVICE), json_message={"sources": []})
            if when == "none" or (when is None and case.intake.answered("upcoming_race")):
                return []
            intake = case.intake.with_answer("upcoming_race", when or "soon", question, race_in_days=days)
            return [SlotSet(CLINICAL_SLOT, replace(case, intake=intake).to_json())]
        if left is not None and (replies.asks_next_step(question) or _CAN_IT_WAIT.search(question)):
            # "ok what should i do" while the questions are pending: the advice needs them first.
            # So does "can it wait till monday?" (tester round 30: "That's outside what I know about").
            lines = [voice.say(ABOUT_AFTER_QUESTIONS),
                     voice.say(ABOUT_LEFT_ONE) if left == 1 else voice.say(ABOUT_LEFT_SOME, count=left)]
            dispatcher.utter_message(text=" ".join(lines), json_message={"sources": []})
            return []
        if (not replies.asks_next_step(question) and ("?" not in question or self.kb.best_entry(question, locations) is None)
                and helper_now(self.kb, dispatcher, tracker, voice)):
            # Help has come ("im following in a taxi to the QEUH": tester round 49 got "Call 999 now
            # ... start CPR" four times more): the helper, now; a question the knowledge base answers
            # ("should i get my own heart checked?") is answered below.
            return []
        emergency_now = (advised_level(tracker) == "emergency" and "?" not in question
                         and intent_of(tracker) not in QUESTION_INTENTS)
        if not tracker.get_slot("requested_slot") and (replies.asks_next_step(question) or emergency_now):
            # "what now?", "do I need to go now?" after advice: its next step again, short. After
            # emergency advice, anything that is not a question ("im alone at home", "please help")
            # gets the emergency step again, never an article (tester round 20: "Exercises to do at
            # home", "That's outside what I know about").
            step = replies.next_step(self.kb, voice, replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT)))
            if step is not None:
                first = EMERGENCY_FIRST_OTHER if voice.other else EMERGENCY_FIRST
                lead = f"{voice.say(first)}\n\n" if emergency_now and new_place(tracker) else ""
                dispatcher.utter_message(text=lead + step.text, buttons=step.button_dicts(),
                                         json_message={"sources": list(step.sources)})
                return []
        if site_alone(question) and not tracker.get_slot("requested_slot") and not level:
            # "my chest", said alone (tester round 28 got the whole warning-signs article): what is
            # happening there, in a few words; the answer is read with it (site_said)
            dispatcher.utter_message(response="utter_site_alone")
            return []
        if level and "?" not in question and _GETTING_SEEN.search(question):
            dispatcher.utter_message(text=voice.say(ABOUT_GETTING_SEEN), json_message={"sources": []})
            return []
        findings = tracker.get_slot("triage_findings") or ()
        # "does it matter that im on the pill?" after advice about a possible clot (tester round 27:
        # "I can't advise on medicines"); "do i have to tell my mom? i dont want her to make me
        # quit" after advice on missed periods ("I can't diagnose injuries or interpret scans")
        for rx, finding, entry_id in ((_CLOT_RISK, CLOT_FINDING, CLOT_RISK_ENTRY), (_TELL_AN_ADULT, REDS_FINDING, TELL_AN_ADULT_ENTRY),
                                      (_BLOOD_SUGAR, DIABETIC_FOOT_FINDING, DIABETIC_FOOT_ENTRY)):
            if rx.search(question) and finding in findings:
                say_entry(self.kb, dispatcher, voice, entry_id)
                return []
        if FRESH_STRAIN_FINDINGS.intersection(findings) and _JUST_TIGHT.search(question):
            # "idk its just tight right? can i stretch it out" after advice for a fresh strain (tester round 45)
            say_entry(self.kb, dispatcher, voice, FRESH_STRAIN_ENTRY)
            return []
        if tell_an_adult(self.kb, dispatcher, voice, tracker, question) or energy_answer(self.kb, dispatcher, voice, tracker, question):
            return []
        # "I SAID DONT TELL ME TO SEE A PHYSIO. WHAT DO I DO MYSELF" (tester round 28 got what a
        # physio does): what they don't want is not what they ask about
        question = _NOT_THAT.sub(" ", question).strip() or question
        # a parent asking of a child told of before ("Is this growing pains? my mom says it is", of an
        # 11-year-old's heel: tester round 53 got "outside what I know" three times): the child's cards
        age = case_of(tracker).age()
        about = "child" if tracker.get_slot("reporting_for") == "other" and age is not None and age < CHILD_UNDER else ""
        answer = replies.answer(self.kb, voice, question, locations, about)
        if answer is None and self.kb.refusal_topic(question) == "other":
            # One aside we don't cover in a running question ("glutes sore, a blister on the little
            # toe and legs heavy ... can I do my easy run today?": blind vignettes 16 got "That's
            # outside what I know about"): the rest of the message is answered.
            rest = _without_asides(self.kb, question)
            answer = replies.answer(self.kb, voice, rest, locations) if rest else None
        if answer is None and self.kb.refusal_topic(question) is None and (asked := _question_sentence(question)) is not None:
            # A story, then the question ("took a tumble ... big bruise and I'm walking with a limp.
            # just bruising I reckon, when can I get back to parkrun?": tester round 53 got "outside
            # what I know" once the story's words drowned the question): the question alone
            answer = replies.answer(self.kb, voice, asked, locations)
        if answer is not None and "balance-test" in answer.sources:
            said_times = _balance_said(question, case_of(tracker).intake.age)
            if said_times is not None:
                dispatcher.utter_message(text=voice.say(said_times[0], reason=said_times[1]), json_message={"sources": []})
        advised = advised_level(tracker)
        if (answer is not None and advised in SERIOUS and answer.sources and answer.sources[0] == RETURN_ENTRY
                and not tracker.get_slot("requested_slot")):
            # "ok i go today. when i can run again?" after advice to see a doctor about a possible clot
            # (tester round 50 got the walk-run ladder, "hop on the sore leg without pain"): the
            # advice's own answer for the sign found, as its "When can I run again?" button gives
            decided = decision_reply(self.kb, voice, "return", advised, case_of(tracker), context_slots(tracker))
            dispatcher.utter_message(text=decided.text, json_message={"sources": list(decided.sources)})
            return []
        if (answer is not None and advised in SERIOUS and not tracker.get_slot("requested_slot")
                and not _TELL_APART.search(question.lower())):
            # (a question how to tell two things apart is answered as asked: "whats even the difference
            # between shin splints and a stress fracture" after advice to see a doctor about one spot
            # on the shin got that advice again, tester round 52; the card says which needs a doctor)
            entry = self.kb.entry(answer.sources[0])
            if entry.levels and advised not in entry.levels:
                # After advice to see a doctor or call for help, an answer written for pain a
                # physio can see ("should i keep doing heel raises for it?" beside a possible clot,
                # "Soreness after a run is normal" beside a foot drop) is the level's answer
                # instead: not before a doctor has seen it (tester round 22). A question about
                # something else that only lands on such an entry ("ok fine ill tell mam tonight",
                # "which is it, today or the next few days?": tester round 49 got "leave exercises
                # and stretches" each time) gets the advice's next step again.
                step = None if _ABOUT_EXERCISE.search(question.lower()) else replies.next_step(
                    self.kb, voice, replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT)))
                if step is not None:
                    dispatcher.utter_message(text=step.text, buttons=step.button_dicts(),
                                             json_message={"sources": list(step.sources)})
                    return []
                decided = decision_reply(self.kb, voice, "exercise", advised, case_of(tracker), context_slots(tracker))
                dispatcher.utter_message(text=decided.text, json_message={"sources": list(decided.sources)})
                return []
        if (answer is None and intent_of(tracker) == "ask_and_inform" and "?" not in question
                and self.kb.refusal_topic(question) in (None, "other")):
            # A story read as a question too, with no question the knowledge base knows (a parent on a
            # 13-year-old's heels: forecast vignettes 11 began "That's outside what I know about"):
            # what it tells is taken; nothing to answer.
            return []
        if answer is None and _TALK_ABOUT.search(question):
            # "can we talk about my knee now?" after "I'm safe": a wish to go on, not a question
            # (the pending question follows); never "That's outside what I know about"
            return []
        if answer is None and advised == "emergency" and self.kb.refusal_topic(question) in (None, "other"):
            # A question the knowledge base can't answer while an emergency is going on ("should i put
            # him in the car with AC on?" in a heat stroke: tester round 43 got "That's outside what I
            # know about"): what matters now, the emergency step again
            step = replies.next_step(self.kb, voice, replies.AdviceContext.from_json(tracker.get_slot(replies.ADVICE_SLOT)))
            if step is not None:
                dispatcher.utter_message(text=f"{voice.say(CANT_SAY_NOW)}\n\n{step.text}", buttons=step.button_dicts(),
                                         json_message={"sources": list(step.sources)})
                return []
        if answer is None:
            dispatcher.utter_message(text=self.kb.out_of_scope_reply(question),
                                     json_message={"sources": []})
            return []
        sentence = (_sentence_asked(self.kb.text(self.kb.entry(answer.sources[0]), voice.country, voice.locale), question)
                    if answer.sources and answer.sources[0] == tracker.get_slot(LAST_ANSWER_SLOT) else None)
        if sentence is not None:
            # The same card again at once ("is aqua jogging ok?" after the cross-training answer:
            # tester round 35 got it word for word): the sentence of it this question is about.
            dispatcher.utter_message(text=voice.say(ANSWER_AGAIN, sentence=sentence), buttons=answer.button_dicts(),
                                     json_message={"sources": list(answer.sources)})
            return []
        dispatcher.utter_message(text=answer.text, buttons=answer.button_dicts(),
                                 json_message={"sources": list(answer.sources)})
        return [SlotSet(LAST_ANSWER_SLOT, answer.sources[0])] if answer.sources else []


#: Below this age the one reported on is a child, for the children's cards (Sever's, Osgood-Schlatter).
CHILD_UNDER = 16
#: Asking how to tell two things apart: "what's the difference between shin splints and a stress fracture".
_TELL_APART = re.compile(r"\b(?:difference between|what(?:'s| is|s)(?: even| actually)? the difference|how (?:do|can|would|could) "
                         r"(?:i|you|we) tell (?:the difference|them apart|if it'?s|whether it'?s)|(?:shin splints|it) or (?:a )?stress fracture)\b")
#: Asking to go on to a topic, not asking about it: "can we talk about my knee now?".
_TALK_ABOUT = re.compile(r"(?:^|[.!?,]\s*)(?:(?:ok|okay|so|and|yes|yeah|now)\W+)*(?:can|could|shall) we (?:please |now |just )?"
                         r"(?:talk about|get back to|go back to|move on to|look at)\b[^.!?]{0,30}[.!?]*\s*$", re.IGNORECASE)
#: Lemmas that say nothing of which sentence a question is about, beyond retrieval's stop words.
#: ... nor do everyday verbs ("do i need a referral?" picked "how many sessions you need": tester round 52)
_NOT_TELLING = frozenset({"run", "runner", "do", "ok", "okay", "why", "when", "keep", "again", "need", "get", "go", "see",
                          "take", "make", "know", "think", "want", "can", "should", "would", "could", "will"})


def _sentence_asked(text: str, question: str) -> str | None:
    """The sentence of an answer a follow-up question is about ("is aqua jogging ok?" -> the one
    naming aqua jogging), by shared lemmas (the knowledge base's lemmas and stop words), or None when
    no sentence shares one with it (the whole card again)."""
    asked = {w for w in lemmas(question.lower()) if w not in STOP and w not in _NOT_TELLING and len(w) > 2}
    best, score = None, 0
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        found = len(asked.intersection(lemmas(sentence.lower())))
        if found > score:
            best, score = sentence, found
    return best


#: The kinds of feeling whose own words are the whole reply (crisis_patterns.FEELINGS: being followed,
#: a partner's control): no knowledge-base answer after them.
SAID_WHOLE_FEELINGS = ("controlled", "stalked", "heartbreak", "anxiety")  # heartbreak: tester round 37 got the crisis card after it; anxiety: "Tell me what hurts" read as a brush-off (review)
#: A birth behind the runner, who wants to run again.
_POSTPARTUM = re.compile(r"(?<!n't )(?<!nt )(?<!not )(?<!never )(?<!no )\b(?:had|have had|gave birth to|delivered) (?:my|a|the|our) "
                         # (not "i havent had a baby lol": tester round 51 got the card on low mood after one)
                         r"(?:baby|son|daughter|little one|twins)\b"
                         # "8 weeks after a c-section" (tester round 36: a bone-stress return plan)
                         r"|\b(?:after|since|post) (?:a|an|my|the) (?:c-?section|caesarean|cesarean|emergency c-?section)\b"
                         r"|\b(?:postpartum|post-partum|postnatal|post-natal|since (?:the|my) (?:birth|c-?section|caesarean))\b"
                         r"|\b\d+ (?:weeks|months) (?:after|since|post) (?:birth|giving birth|the baby|my baby|baby|delivery|my c-?section)\b"
                         # "is this normal after having a baby? will it go away" (tester round 46 got the
                         # postnatal depression card, asked about leaking and heaviness)
                         r"|\b(?:after|since) (?:having|giving birth to|i had) (?:a|my|the|our) (?:baby|son|daughter|little one|twins)\b"
                         # "I had a c-section 6 weeks ago ... How soon can I start?" (tester round 58: the
                         # injury's walk-run ladder, hopping on the sore leg)
                         r"|\b(?:had|have had) (?:a|an|my|an emergency) (?:c-?section|caesarean|cesarean)\b"
                         # "should i tell the gp at my 6 week check?" (the postnatal check)
                         r"|\b(?:6|six)[- ]week (?:check|check-?up|postnatal check|appointment)\b")
POSTPARTUM_ENTRY = "running-after-birth"
POSTNATAL_MOOD_ENTRY = "postnatal-depression"
#: Low mood said beside a birth: "i cry most days", "i dont feel like myself", "postpartum depression".
_LOW_MOOD = re.compile(r"\b(?:cry|crying|cried|in tears|tearful)\b|\b(?:don'?t|dont|do not) feel like (?:myself|me)\b|\bnot (?:feeling )?myself\b|"
                       r"\bnot bonding\b|\bbad (?:mum|mom|mother)\b|\btake (?:her|him|the baby|my baby) (?:away|off me)?\b|"
                       r"\b(?:depress\w*|baby blues|low mood|feeling low|so low|hopeless|anxious all the time|can'?t cope|not coping)\b")
#: "can it wait till monday?", "is it ok to leave it a couple of weeks?": how soon, asked before the advice.
_CAN_IT_WAIT = re.compile(r"\b(?:can|could|can'?t|couldn'?t) (?:it|this|that|i) (?:not |really |just |not just )?(?:wait|leave it|hold off)\b|\b(?:ok|okay|fine|alright) to (?:wait|leave it)\b"
                          r"|\bwait (?:till|until|til|for|a) (?:tomorrow|the morning|monday|tuesday|wednesday|thursday|friday|saturday|"
                          r"sunday|the weekend|next week|couple|few|my (?:gp|doctor|doc|physio))\b", re.IGNORECASE)
#: "don't tell me to see a physio": a topic refused, taken out of the question before it is answered.
_NOT_THAT = re.compile(r"\b(?:i said |i told you |please )?(?:don'?t|dont|do not|stop) (?:tell|telling) me (?:to )?(?:go and )?"
                       r"(?:see|go to|book|visit|about) (?:a |an |the |my )?(?:physio|physiotherapist|physical therapist|pt|doctor|gp|"
                       r"specialist)s?\b[.!]*", re.IGNORECASE)
#: Whether to tell a parent or coach, or the fear of being made to stop.
_TELL_AN_ADULT = re.compile(r"\b(?:have to|should i|do i|need to|must i|gotta|(?:don'?t|dont|do not) (?:want to|wanna)|"
                            # "what if i just tape it and dont tell coach" (tester round 34: the tape article)
                            r"(?:just |and |but )(?:not|don'?t|dont|do not|won'?t|wont|never)) tell (?:my |the |me )?"
                            # (Irish and northern "me mam", "ma": tester round 43 got the race card)
                            r"(?:mom|mum|mam|ma|mammy|mother|dad|da|father|parents|folks|coach|family)\b|\b(?:make|making|force|forcing) me (?:quit|stop|pull out)\b"
                            # "i cant see a physio without telling my mum tho" (tester round 45: "outside what I know")
                            r"|\bwithout (?:telling|asking|my) (?:my |me )?(?:mom|mum|mam|ma|mother|dad|father|parents|folks|coach|family)\b"
                            # "my mum would literally kill me if i quit tho" (tester round 31: "That's
                            # outside what I know about", and before that the suicide screen)
                            r"|\b(?:mom|mum|mother|dad|father|parents|coach)(?:'s| is| are| would| will|'d|'ll)? (?:literally |actually |"
                            r"honestly |totally |so )?(?:gonna |going to )?(?:kill me|be (?:so )?(?:mad|angry|upset|disappointed))"
                            r"(?: with me)? (?:if|when) i (?:quit|stop|pull out|miss|skip|don'?t (?:race|run))\b"
                            # "im not going to a doctor, my coach will bench me" (tester round 34: "That
                            # doesn't change my advice")
                            r"|\b(?:mom|mum|mother|dad|father|parents|coach)(?:'ll| will| would|'d| is gonna| is going to)? "
                            r"(?:bench|drop|cut|pull) me\b", re.IGNORECASE)
TELL_AN_ADULT_ENTRY = "reds-telling-an-adult"
#: The findings of missed periods (reds_bone replaces reds when a bone hurts too).
REDS_FINDING = "reds"
REDS_FINDINGS = frozenset({REDS_FINDING, "reds_bone"})
#: Eating little, losing weight, or missed periods called normal, after advice on missed periods
#: ("i dont really eat that much, im trying to get leaner", "thats normal for runners right":
#: tester round 34 got "I can't advise on food" and "That doesn't change my advice").
_UNDER_FUELLING = re.compile(r"\b(?:don'?t|dont|do not|barely|hardly|rarely) (?:really |actually )?eat\b|\bnot eating (?:much|enough|a lot)\b|"
                             r"\b(?:get|getting|be|stay|look) (?:leaner|lighter|thinner|skinnier)\b|"
                             r"\blose (?:a few |some |a bit |a little |a couple )?(?:more )?(?:lbs|pounds|kilos|kgs?|weight)\b|"
                             r"\b(?:cutting|cut|counting) (?:weight|calories|carbs)\b|\bnormal for (?:runners|athletes|a runner|an athlete)\b|"
                             r"\b(?:lots of|loads of|all the|most) (?:runners|girls|athletes) (?:on my team |i know )?(?:don'?t get|lose|miss) (?:their |them|periods)",
                             re.IGNORECASE)
ENERGY_ENTRY = "periods-energy"
#: A diet or eating asked about ("im vegetarian btw, does that matter?").
_DIET = re.compile(r"\b(?:vegetarian|veggie|vegan|plant[- ]based|pescatarian|my diet|what i eat|eat enough|eating enough|"
                   r"enough food|calories|calcium|vitamin d|iron)\b", re.IGNORECASE)
#: The findings of a possible bone stress injury (knowledge/clinical/rules.yml), where fuelling matters.
BONE_STRESS_FINDINGS = REDS_FINDINGS | {"stress_fracture", "high_risk_stress_fracture", "femoral_neck_stress_fracture",
                                        "pelvic_stress_fracture", "stress_fracture_after_clearance", "thigh_bone_night"}
#: The same for any advice to see a doctor (a bone, not missed periods): getting seen, with an adult's help.
TELL_AN_ADULT_GENERAL_ENTRY = "telling-an-adult"
#: What makes a clot more likely, asked after advice about one.
# ("does being pregnant matter for this?" after the calf advice: tester round 31 got "ask your
# midwife before you run on it", with the appointment days away)
_CLOT_RISK = re.compile(r"\b(?:the pill|on the pill|contracepti\w*|birth control|hrt|hormone|the flight|long flight|flying|flew|"
                        r"long drive|surgery|operation|pregnan\w*|the baby|the bump)\b.{0,40}(?:\?|\bmatter|\brelevant|\bcause|\bbecause)|"
                        r"\b(?:does it matter|is it (?:because|from)|could it be (?:because|from))\b.{0,40}\b(?:pill|contracepti\w*|"
                        r"birth control|hrt|flight|flying|flew|drive|surgery|pregnan\w*)\b", re.IGNORECASE)
#: A fresh muscle strain or pop (knowledge/clinical/rules.yml), where "it's just tight, can I stretch it?"
#: gets the entry on protecting it, not the range-of-motion card.
FRESH_STRAIN_FINDINGS = frozenset({"muscle_strain_fresh", "muscle_pop", "hamstring_pop"})
FRESH_STRAIN_ENTRY = "fresh-strain-stretching"
_JUST_TIGHT = re.compile(r"\b(?:just|only|probably|prob|prolly) (?:a bit |really )?tight\b|\bstretch (?:it|it out|them|the \w+)\b|"
                         r"\bfoam roll(?:er|ing)? (?:it|on it|the \w+)?\b|\bshould i (?:foam roll|stretch|massage)\b", re.IGNORECASE)
CLOT_FINDING = "dvt"
CLOT_RISK_ENTRY = "dvt-risk-factors"
#: Blood sugar said after advice about an infected foot sore ("my sugars have been a bit high this
#: week": tester round 31 got "leave exercises and stretches"): that advice's own entry.
_BLOOD_SUGAR = re.compile(r"\b(?:blood )?(?:sugars?|glucose|bgs?|bg levels?|levels|ketones|numbers|readings)\b.{0,30}\b(?:high|higher|up|"
                          r"all over|over \d+|running high|elevated|off)\b|\b(?:high|higher) (?:blood )?(?:sugars?|glucose|ketones)\b"
                          r"|\bhyperglyc\w*", re.IGNORECASE)
DIABETIC_FOOT_FINDING = "diabetic_foot"
DIABETIC_FOOT_ENTRY = "redflag-diabetic-foot"


def tell_an_adult(kb: KnowledgeBase, dispatcher: CollectingDispatcher, voice: Voice, tracker: Tracker, text: str) -> bool:
    """After advice to see a doctor, "i dont want to tell my mum", "my mum would kill me if i quit":
    why an adult on their side helps (the missed-periods answer when that is the finding). Said?"""
    if not _TELL_AN_ADULT.search(text) or advised_level(tracker) not in SERIOUS:
        return False
    findings = tracker.get_slot("triage_findings") or ()
    say_entry(kb, dispatcher, voice, TELL_AN_ADULT_ENTRY if REDS_FINDINGS.intersection(findings) else TELL_AN_ADULT_GENERAL_ENTRY)
    return True


def energy_answer(kb: KnowledgeBase, dispatcher: CollectingDispatcher, voice: Voice, tracker: Tracker, text: str) -> bool:
    """After advice on missed periods, eating little or losing weight ("im trying to get leaner"),
    or missed periods called normal: under-fuelling and bone health, not "I can't advise on food".
    Said?"""
    findings = set(tracker.get_slot("triage_findings") or ())
    # ... or, after advice on a possible stress fracture, a diet asked about ("im vegetarian btw,
    # does that matter?": tester round 43 got "I can't advise on food"): under-fuelling raises the risk
    if not (_UNDER_FUELLING.search(text) and REDS_FINDINGS & findings or _DIET.search(text) and BONE_STRESS_FINDINGS & findings):
        return False
    say_entry(kb, dispatcher, voice, ENERGY_ENTRY)
    return True


def say_entry(kb: KnowledgeBase, dispatcher: CollectingDispatcher, voice: Voice, entry_id: str, helping: bool = False) -> None:
    """One knowledge-base entry said whole: its title, its text for the runner's country, its
    sources. `helping`: in the crisis protocol for someone else (the lines stay; carry on offered)."""
    entry = kb.entry(entry_id)
    text = f"{bold(entry.title)}\n{kb.text(entry, voice.country, voice.locale)}\n\n{kb.source_line([entry.id])}"
    if entry.include_crisis_resources and not helping:
        # an entry that carries the lines carries them however it is reached (low mood after a birth)
        text += "\n\n" + kb.crisis_resources(voice.country, voice.locale)
    if helping:
        dispatcher.utter_message(text=text, buttons=[{"title": voice.say(CARRY_ON_BUTTON), "payload": "/resume"}],
                                 json_message={"sources": [entry.id], "safety": "crisis"})
    else:
        dispatcher.utter_message(text=text, json_message={"sources": [entry.id]})


_CLAUSES = re.compile(r"[,;:!?]+\s*|\.+(?:\s+|$)|\s+(?:and|but|plus|also|with)\s+")
#: What a running question says of the body, so an aside can be set apart from it ("any tips to
#: get rid of it?" after "got a stinking cold" is about the cold: nothing is left to answer).
_BODY_TALK = re.compile(r"\b(?:sore|soreness|pain|painful|hurts?|hurting|ache|aches|aching|achy|stiff|tight|heavy|legs?|"
                        r"knees?|shins?|calf|calves|hips?|glutes?|hamstrings?|quads?|thighs?|feet|foot|heels?|ankles?|"
                        r"achilles|back|run|running|race)\b", re.I)


def _question_sentence(text: str) -> str | None:
    """The last sentence of a longer message that ends in a question mark, when there is more
    before it; else None."""
    sentences = [x.strip() for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.strip()]
    if len(sentences) < 2 or not sentences[-1].endswith("?"):
        return None
    return sentences[-1]


def _without_asides(kb: KnowledgeBase, question: str) -> str | None:
    """`question` without its clauses on a topic we don't cover, when the rest is a running
    question on its own (None when nothing of the kind is left, or nothing was taken out)."""
    parts = [p for p in _CLAUSES.split(question) if p.strip()]
    kept = [p for p in parts if kb.refusal_topic(p) is None]
    if not kept or len(kept) == len(parts):
        return None
    rest = ", ".join(kept)
    return rest if kb.refusal_topic(rest) is None and _BODY_TALK.search(rest) else None


#: The entry for what to say to someone at risk (role `helping`, knowledge/entries/meta.yml).
HELPING_ENTRY = "crisis-what-to-say"
WELFARE_ENTRY = "crisis-welfare-check"
#: Who else needs to know when a young person told you, and whether they are in danger now
#: (knowledge/entries/meta.yml; tester round 38).
YOUNG_PERSON_TELL_ENTRY = "crisis-young-person-tell"
DANGER_NOW_ENTRY = "crisis-danger-now"
WARNING_SIGNS_ENTRY = "crisis-warning-signs"
#: A warning sign heard from the person at risk, asked about ("is the giving away stuff a bad sign?",
#: "he replied 'wont need the stuff where im going anyway'. is that ok?": tester round 56).
_WARNING_SIGN = re.compile(r"\b(?:giv(?:e|es|ing)|gave|given) (?:away |up )?(?:(?:his|her|their|all (?:his|her|their)|some of (?:his|her|their)) )?"
                           r"(?:\w+ )?(?:stuff|things|gear|kit|spikes|shoes|medals|watch|garmin|bike|belongings|possessions|clothes)\b|"
                           r"\bgiving (?:it|them|stuff|things) away\b|\bgoodbye|\bsaid bye\b|\bwhere (?:he'?s|she'?s|they'?re|i'?m|im) going\b|"
                           r"\bwon'?t (?:need|be needing)\b|\bwont need\b|\bnot (?:be )?around\b|\bsorry for everything\b", re.IGNORECASE)
_SIGN_QUESTION = re.compile(r"\b(?:bad|warning|worrying|danger) sign\b|\bred flag\b|\boverreact\w*|\bis (?:that|this|it) (?:ok|okay|normal|good|fine|"
                            r"reassuring|a good sign|bad)\b|\bshould i (?:be )?(?:worried|worry)\b|\bam i (?:being )?paranoid\b", re.IGNORECASE)
_YOUNG_PERSON_TELL = re.compile(r"\b(?:tell|inform|call|contact|let|ring|warn) (?:her|his|their|the) (?:parents?|mum|mom|dad|family|school|teachers?|guardians?)\b|"
                                r"\bduty to (?:report|tell)\b|\breport (?:it|this|that|her|him|them)\b|\bsafeguard\w*|\bwelfare (?:officer|lead)\b|"
                                r"\bpromised? (?:her |him |them )?(?:not to tell|to keep it|i wouldn'?t tell)\b|\bkeep (?:it|this) (?:a )?secret\b", re.IGNORECASE)
_DANGER_NOW = re.compile(r"\b(?:is|are) (?:she|he|they) (?:in )?(?:danger|at risk|safe)\b|\bin (?:immediate )?danger (?:right )?now\b|"
                         r"\bhow (?:do|can|would) i (?:know|tell) (?:if|whether) (?:it'?s|this is|she'?s|he'?s|they'?re) (?:an emergency|in danger|serious)\b",
                         re.IGNORECASE)
#: They can't be reached, or should someone go round: the welfare check (knowledge/entries/meta.yml).
_WELFARE_QUESTION = re.compile(r"\b(?:police|welfare|check on|can'?t reach|cannot reach|not answering|isn'?t answering|"
                               # "shes not replying to my texts now" (read at 45 columns, tester round 41's friend)
                               r"not replying|isn'?t replying|hasn'?t replied|not responding|not texting back|gone (?:quiet|silent)|"
                               r"not picking up|isn'?t picking up|won'?t answer|no answer|go round|go over|ambulance|"
                               r"where (?:she|he|they) lives?|their address|her address|his address|(?:his|her|their) (?:full )?address|"
                               # "should I still ring 999? don't want to overreact" (tester round 53)
                               r"overreact\w*|should i (?:still |really |actually )?(?:ring|call|phone|dial) (?:999|911|112|000|the police|"
                               r"police|them|it in|for help)|"
                               # "she lives 10 min away" (tester round 19: "if they might be in danger now")
                               r"(?:she|he|they) lives? (?:\d+|a few|five|ten|fifteen|twenty) (?:min|mins|minutes)|"
                               r"(?:she|he|they) lives? (?:nearby|near me|close by|round the corner|down the road|next door)|"
                               r"\d+ (?:min|mins|minutes) away|"
                               # "im not with her, shes at her flat across town. should i drive over??" (tester
                               # round 21 got "Ask them straight out: 'Are you thinking about suicide?'")
                               r"(?:drive|go|get|head|run|walk|cycle) (?:over|round|around) (?:there|to (?:her|his|their))?|"
                               r"across town|(?:not|isn'?t|am not|i'?m not) with (?:her|him|them)|"
                               r"at (?:her|his|their) (?:flat|place|house|home|apartment|parents'?)|"
                               r"no (?:me )?(?:contesta|responde|coge el tel[eé]fono|lo coge))\b", re.IGNORECASE)
HELPING_FOLLOWUP = "utter_crisis_helping_followup"
HELPING_OVERDOSE_SLOT = "helping_overdose"
#: The bystander's breathing card was given (bystander_first_aid): said again, its shorter words.
FIRST_AID_SLOT = "helping_first_aid"


def helping_followup(tracker: Tracker) -> str:
    """The helping state's reminder: "call now" after someone else's overdose, or when they have the
    means beside them this message ("shes got a bottle of pills next to her and wants it to stop":
    tester round 33 got "If they might be in danger now")."""
    if tracker.get_slot("safety_cause") == IMMINENT_OTHER:
        return f"{HELPING_FOLLOWUP}_imminent"
    return f"{HELPING_FOLLOWUP}_overdose" if tracker.get_slot(HELPING_OVERDOSE_SLOT) else HELPING_FOLLOWUP
#: They say they are fine, or not to call ("she says she feels fine and doesnt want me to call anyone").
_THEY_DOWNPLAY = re.compile(r"\b(?:(?:she|he|they)(?:'s| is| are)? (?:says?|said|insists?|claims?|thinks?|reckons?) "
                            r"(?:(?:she|he|they)(?:'s| is| are)? )?(?:(?:feels? |feeling )?(?:fine|ok|okay|alright|all right|better)|"
                            r"(?:is |are |'s )?(?:fine|ok|okay))|(?:doesn'?t|does not|don'?t|do not|dont|doesnt) want (?:me|us|anyone) "
                            r"to (?:call|ring|phone|tell))\b", re.IGNORECASE)
#: They have been found, are safe or in hospital now ("police went round, he's alive, they took him
#: to A&E"): the helper's turn to be looked after.
_THEY_SAFE_NOW = re.compile(r"\b(?:(?:he|she|they)(?:'s| is| are|'re) (?:alive|safe|ok|okay|alright|all right|in (?:the )?"
                            r"(?:hospital|a ?& ?e|a and e|er|ed|ambulance)|being looked after|with (?:the )?(?:paramedics|police|doctors))|"
                            r"(?:police|paramedics|ambulance|ambos|they|the crew)(?: have| has|'ve)? (?:went round|gone round|found|got to|reached) "
                            r"(?:him|her|them)|(?:took|taking|taken) (?:him|her|them) (?:in|to (?:the )?(?:hospital|a ?& ?e|a and e|er|ed)))\b",
                            re.IGNORECASE)
CARRY_ON_BUTTON = text_key("crisis.carry_on_button")
#: A question about what to say or do for them ("what do i even say to him", "how do I help her").
#: Means someone at risk could use, with what to do about them, or a question about them.
_MEANS_AWAY = re.compile(r"\b(?:pills|tablets|meds|medication|medicines?|painkillers|oxycodone|oxy|opioids|tramadol|codeine|"
                         r"morphine|insulin|sleeping pills|gun|guns|firearm|rifle|knife|knives|rope|razors?|blades?)\b"
                         r".{0,80}\b(?:hide|hid|lock|locked|get rid|take (?:them|it) away|put (?:them|it) away|remove|"
                         r"should i|what do i do|is that ok|out of reach|bin them|throw (?:them|it) away)\b|"
                         r"\b(?:hide|lock (?:up|away)|get rid of|take away|put away)\b[^.!?]{0,30}\b(?:his|her|their|the) "
                         r"(?:pills|tablets|meds|medication|painkillers|gun|guns|knife|knives|rope)\b", re.IGNORECASE)
MEANS_ENTRY = "crisis-means-away"
_HELPING_QUESTION = re.compile(r"\b(?:say|talk|ask|tell|bring (?:it|this|that|\w+(?: \w+){0,5}) up|bring up|raise|mention|"
                               r"approach|help|do|text|message)\b", re.IGNORECASE)


#: Telling a parent or another adult, asked while someone else may be at risk.
_WAKE_AN_ADULT = re.compile(r"\b(?:tell|wake|wake up|get|ask) (?:up )?(?:my |a |an )?(?:mum|mom|mother|dad|father|parents?|teacher|adult|"
                            r"grown ?up|aunt|uncle|gran|nan|grandma|grandad)\b|\b(?:she'?s|he'?s|they'?re|shes|hes|theyre|"
                            r"(?:my )?(?:mum|mom|dad|parents) (?:is|are)) (?:all )?asleep\b", re.IGNORECASE)
WAKE_AN_ADULT_ENTRY = "crisis-wake-an-adult"


class ActionSupportOrAnswer(ActionAnswerQuestion):
    """Distress heard while safe for now after a crisis (flow.yml crisis_support): a question in it
    is answered, the line kept in view ("should i tell the gp at my 6 week check? im scared theyll
    think im a bad mum and take her": tester round 58 was asked "Are you safe right now?" twice);
    anything else gets the state's kind reminder."""

    def name(self) -> str:
        return "action_support_or_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        if "?" not in text:
            dispatcher.utter_message(response="utter_crisis_support")
            return []
        if _POSTPARTUM.search(text.lower()):
            # a birth behind them: its card (low mood after it: that one's), whatever level was set
            say_entry(self.kb, dispatcher, self.voice(tracker),
                      POSTNATAL_MOOD_ENTRY if _LOW_MOOD.search(text.lower()) else POSTPARTUM_ENTRY)
            dispatcher.utter_message(response="utter_crisis_resume_offer")
            return []
        events = await super().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_crisis_resume_offer")
        return events


class ActionAnswerHelpingQuestion(ActionAnswerQuestion):
    """A question while someone else may be at risk (flow.yml crisis_helping): what to say and do
    for them (the `helping` entry) when it asks that, or the knowledge base has nothing on it;
    else the knowledge base's answer. Never "That's outside what I know about" to a worried
    friend (tester round 17)."""

    def name(self) -> str:
        return "action_answer_helping_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        question = latest_text(tracker)
        voice = self.voice(tracker)
        if tracker.get_slot(HELPING_OVERDOSE_SLOT) and (events := bystander_first_aid(dispatcher, tracker, voice)) is not None:
            return events
        # These two replies are translated (dialogues/texts), and "ya llamé" is read in Spanish too.
        if _THEY_SAFE_NOW.search(question):
            dispatcher.utter_message(response="utter_crisis_helping_safe_now")
            return []
        if getting_help(question):
            # "ok i called them. what do i do now while i wait" (tester round 20 got the number again)
            dispatcher.utter_message(response="utter_crisis_helping_called")
            return []
        if _THEY_DOWNPLAY.search(question):
            # "she says she feels fine and doesnt want me to call anyone", after she took pills
            dispatcher.utter_message(response="utter_crisis_helping_call_anyway")
            return []
        if voice.locale != DEFAULT_LOCALE:  # the knowledge base is English: the state's own reply
            dispatcher.utter_message(response=helping_followup(tracker))
            return []
        if _MEANS_AWAY.search(question):
            # "he has a bottle of oxycodone from his surgery. should i hide them?" (tester round 27
            # got the running-painkiller card): put the means out of reach
            say_entry(self.kb, dispatcher, voice, MEANS_ENTRY, helping=True)
            return []
        if _WAKE_AN_ADULT.search(question):
            say_entry(self.kb, dispatcher, voice, WAKE_AN_ADULT_ENTRY, helping=True)  # "should i tell my mum? shes asleep"
            return []
        if not _WELFARE_QUESTION.search(question) and _SIGN_QUESTION.search(question) and (_WARNING_SIGN.search(question) or re.search(r"\b(?:bad|warning) sign\b|\bred flag\b", question, re.I)):
            say_entry(self.kb, dispatcher, voice, WARNING_SIGNS_ENTRY, helping=True)
            return []
        if _DANGER_NOW.search(question):
            say_entry(self.kb, dispatcher, voice, DANGER_NOW_ENTRY, helping=True)  # "is she in danger right now?"
            return []
        if _YOUNG_PERSON_TELL.search(question):
            # "should I tell her parents?", "do i have a duty to report this?" (a youth coach, tester
            # round 38: the "what to say" card twice)
            say_entry(self.kb, dispatcher, voice, YOUNG_PERSON_TELL_ENTRY, helping=True)
            return []
        welfare = _WELFARE_QUESTION.search(question)
        # (a question mark anywhere: "ok. what do i actually say to her? i dont want to make it worse"
        # got the reminder and the numbers again; tester round 41)
        if not welfare and intent_of(tracker) not in QUESTION_INTENTS and "?" not in question:
            dispatcher.utter_message(response=helping_followup(tracker))  # "ok", "thanks": the state's reminder
            return []
        answer = None if welfare or _HELPING_QUESTION.search(question) else replies.answer(self.kb, voice, question, [])
        if answer is not None:  # "what if she doesn't answer": its answer, then the state's reminder
            dispatcher.utter_message(text=answer.text, json_message={"sources": list(answer.sources), "safety": "crisis"})
            dispatcher.utter_message(response=helping_followup(tracker))
            return []
        say_entry(self.kb, dispatcher, voice, WELFARE_ENTRY if welfare else HELPING_ENTRY, helping=True)
        return []


#: An act and its time said together, of someone else: "he will kill himself tonight", "tonight na the last".
_TIMED_ACT = re.compile(r"\b(?:kill|end|ending|die|dying|do it|jump)\w*\b[^.!?]{0,25}\b(?:tonight|today|right now|this (?:evening|morning|afternoon))\b"
                        r"|\b(?:tonight|today)\b[^.!?]{0,6}\b(?:na|is|will be|go be|gonna be) (?:the |my )?last\b")


#: Someone is hurting the person (the harmed cause), for the rest of the conversation.
HARMED_SLOT = "harmed_by_someone"
#: A way to end their life was said (C-SSRS 3), for the rest of the conversation: the crisis replies
#: use their `_method` words (bot.engine.render).
METHOD_SLOT = "method_said"
#: Self-harm was said (cutting, burning), for the rest of the conversation: "I'm safe" is met with
#: the `_self_harm` words (wounds that need care, someone to tell), not only "if that changes".
SELF_HARM_SLOT = "self_harm_said"
#: The safety cause of someone else in danger now (a plan with the means and a time).
IMMINENT_OTHER = "imminent_other"


def _unreachable_or(tracker: Tracker, response: str) -> str:
    """`response`, or its `_unreachable` words when the message says the person at risk can't be
    reached ("she's not answering", "shes at her flat across town")."""
    return f"{response}_unreachable" if _WELFARE_QUESTION.search(latest_text(tracker)) else response


class ActionCrisisEmergency(KnowledgeAction):
    """The emergency tier's first reply: the emergency number first (utter_crisis_emergency), in
    words for the danger said: someone hurting them gets no "move away from anything you could use
    to hurt yourself" (utter_crisis_emergency_harmed; tester round 19)."""

    def name(self) -> str:
        return "action_crisis_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        harmed = tracker.get_slot("safety_cause") == HARMED
        dispatcher.utter_message(response="utter_crisis_emergency_harmed" if harmed else "utter_crisis_emergency")
        return []


#: Running lost, said with the words that brought the question: "whats even the point if i cant
#: run", "been out 3 months".
_RUNNING_LOSS = re.compile(r"\b(?:what'?s|whats|what is) (?:even )?the point\b[^.!?]{0,30}\b(?:if|when|without|now)\b[^.!?]{0,20}\b(?:run|running|race|racing)\b|"
                           # ("if i cant run whats even the point": tester round 43 got the question alone)
                           r"\b(?:can'?t|cannot|not able to|unable to) run\b[^.!?]{0,30}\b(?:what'?s|whats) (?:even |really |actually |the )?(?:the )?point\b|\bwithout running\b|"
                           r"\b(?:out|off|injured|sidelined)\b[^.!?]{0,12}\b(?:\d+|a few|several|two|three|four|five|six|many) (?:weeks|months)\b",
                           re.IGNORECASE)


class ActionCrisisCheck(KnowledgeAction):
    """The direct question when it is unclear whether it is a crisis (utter_crisis_check); when the
    message speaks of running as who they are ("whats even the point if i cant run"), the loss is
    acknowledged first (utter_crisis_check_identity): CLINICAL.md, "acknowledge the loss, don't
    only screen" (tester round 35 got the question alone)."""

    def name(self) -> str:
        return "action_crisis_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        identity = tracker.get_slot("distress_kind") == "identity" or bool(_RUNNING_LOSS.search(latest_text(tracker)))
        dispatcher.utter_message(response="utter_crisis_check_identity" if identity else "utter_crisis_check")
        return []


class ActionCrisisThirdParty(KnowledgeAction):
    """The first reply about someone else at risk: how to help and the lines
    (utter_crisis_third_party); when the message already says they can't be reached ("she's going
    to end it and now she's not answering"), the welfare check: call the emergency number now and
    ask for someone to check on her (utter_crisis_third_party_unreachable; tester round 19 got "if
    they might act on it now")."""

    def name(self) -> str:
        return "action_crisis_third_party"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if tracker.get_slot("safety_cause") == IMMINENT_OTHER:
            dispatcher.utter_message(response="utter_crisis_third_party_now")
        else:
            dispatcher.utter_message(response=_unreachable_or(tracker, "utter_crisis_third_party"))
        return [SlotSet(HELPING_OVERDOSE_SLOT, None)]  # a new worry about someone: no overdose said


#: Making someone sick after they took too much: "should i make him throw up??" (tester round 64 got the card on
#: what to say to someone thinking of suicide).
_MAKE_SICK = re.compile(r"\b(?:make|get|making|getting|try to make) (?:him|her|them|my \w+) (?:throw up|be sick|sick|vomit|puke)\b|"
                        r"\b(?:stick|put) (?:my |a )?fingers? down (?:his|her|their) throat\b|\bhacerle vomitar\b|\bque vomite\b",
                        re.IGNORECASE)


def bystander_first_aid(dispatcher: CollectingDispatcher, tracker: Tracker, voice: Voice) -> list[EventType] | None:
    """While helping someone who took too much, what the helper sees now, answered first: not to make
    them sick; and when they won't wake or barely breathe ("hes snoring kind of weird, breathing slow",
    "he wont wake up now when i shake him"), what to do for their breathing (the bystander's card), not
    the reminder to call (tester round 64, a father beside his son, got the same reminder four times)."""
    text = latest_text(tracker)
    if _MAKE_SICK.search(text):
        dispatcher.utter_message(response="utter_crisis_overdose_other_vomit")
        return []
    kind = decisions.classify(text)
    if kind == "help_here":  # "paramedics are here theyre taking him": in the right hands now
        said = decisions.answer("help_here", "emergency", other=True)
        dispatcher.utter_message(text=voice.fill(said.text), json_message={"safety": "crisis", "sources": list(said.sources)})
        return []
    if kind == "unresponsive" or _BREATHING_BADLY.search(text):
        said = decisions.answer("unresponsive", "emergency", again=bool(tracker.get_slot(FIRST_AID_SLOT)))
        dispatcher.utter_message(text=voice.fill(said.text), json_message={"safety": "emergency", "sources": list(said.sources)})
        return [SlotSet(FIRST_AID_SLOT, True)]
    return None


#: Breathing that is slow, barely there or noisy, or not waking, said of someone beside the writer.
_BREATHING_BADLY = re.compile(r"\b(?:breathing|breath|breathes)\b[^.!?]{0,15}\b(?:slow|slowly|barely|shallow|weird|funny|strange|noisy|rattl\w*|gurgl\w*)\b|"
                              r"\b(?:barely|hardly) breathing\b|\bsnoring\b|\b(?:won'?t|wont|will not|can'?t|cant|doesn'?t|does not) wake\b|"
                              r"\bnot (?:waking|breathing)\b|\b(?:harder|hard) to wake\b", re.IGNORECASE)


class ActionHelpingFollowup(KnowledgeAction):
    """The helping state's reminder (utter_crisis_helping_followup, or its "call now" words after
    someone else's overdose)."""

    def name(self) -> str:
        return "action_helping_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if tracker.get_slot(HELPING_OVERDOSE_SLOT) and (events := bystander_first_aid(dispatcher, tracker, self.voice(tracker))) is not None:
            return events
        dispatcher.utter_message(response=helping_followup(tracker))
        return []


class ActionCrisisOverdoseOther(KnowledgeAction):
    """Someone else took too much of a medicine: the emergency number first
    (utter_crisis_overdose_other); when the message says they can't be reached, no "stay with them"
    but their address for the call handler (utter_crisis_overdose_other_unreachable; tester round 21).
    Remembered (helping_overdose): the helping state's reminders say "call now" from here on."""

    def name(self) -> str:
        return "action_crisis_overdose_other"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if tracker.get_slot(HELPING_OVERDOSE_SLOT) and (events := bystander_first_aid(dispatcher, tracker, self.voice(tracker))) is not None:
            return events  # said again, with what they see now: what to do now
        dispatcher.utter_message(response=_unreachable_or(tracker, "utter_crisis_overdose_other"))
        return [SlotSet(HELPING_OVERDOSE_SLOT, True)]


def build_actions(nlu: NLU, kb: KnowledgeBase, texts: Texts | None = None,
                  vocabulary: Vocabulary | None = None) -> list[Action]:
    """Every action, sharing one NLU, knowledge base, text catalog and vocabulary (the packaged
    ones when None)."""
    return [ValidateTriageForm(nlu, vocabulary), ActionSafetyCheck(kb, texts), ActionClinicalCheck(kb, texts),
            ValidateClinicalForm(), ActionTriage(kb, texts), ActionAnswerQuestion(kb, texts), ActionAnswerHelpingQuestion(kb, texts), ActionSupportOrAnswer(kb, texts), ActionCrisisThirdParty(kb, texts), ActionCrisisOverdoseOther(kb, texts), ActionHelpingFollowup(kb, texts), ActionCrisisEmergency(kb, texts), ActionCrisisCheck(kb, texts), ActionImproved(kb, texts), ActionAboutConversation(kb, texts), ActionGoodbye(kb, texts), ActionOffTopic(kb, texts),
            ActionDetail(kb, texts), ActionAcknowledgeFeeling(kb, texts), ValidateCheckinForm(nlu, texts),
            ActionStartCheckin(texts),
            ActionRecordCheckin(kb, texts), ActionKeepCheckinAnswers(kb, texts), ActionReadRunFile(kb, texts), ActionDisclosureCheck(kb, texts),
            ActionDisclosure(kb, texts)]


def build_executor(actions: list[Action]) -> ActionExecutor:
    executor = ActionExecutor()
    for action in actions:
        executor.register_action(action)
    return executor
