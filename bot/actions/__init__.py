"""rasa-sdk actions: the units the engine runs, and what a Rasa assistant calls over HTTP.

One implementation, two callers: `bot.engine` runs these in-process through rasa-sdk's
`ActionExecutor`; `runner-triage actions` serves the same instances on rasa-sdk's action server.
Actions read the tracker and return events; they never mutate the tracker dict they were given
(the executor's `Tracker.from_dict` does not copy, so callers pass a copy).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot import replies
from bot.checkins.actions import ActionReadRunFile, ActionRecordCheckin, ActionStartCheckin, ValidateCheckinForm
from bot.knowledge import KnowledgeBase
from bot.nlu.pipeline import NLU
from bot.safety.crisis import CRISIS as CRISIS_TIER
from bot.safety.crisis import DISTRESS, EMERGENCY, THIRD_PARTY, UNCLEAR, CrisisContext
from bot.safety.screen import LEVEL_ORDER, screen
from bot.texts import Texts, text_key
from bot.tracker import KnowledgeAction, latest_text, parsed_slots, payload_values, validate_slot
from bot.triage import RedFlagFinding, decide
from bot.vocabulary import VOCABULARY, Vocabulary

CHECKIN_OFFER_LEVELS = ("see_pt", "self_care")
CHECKIN_OFFER = text_key("checkin.offer")
CHECKIN_OFFER_BUTTON = text_key("checkin.offer_button")
FEELING_INVITE = text_key("feeling.invite")
ENGLISH_ONLY = text_key("crisis.english_only")
#: The safety screen's tiers that interrupt the conversation, as findings (flow.yml `interrupts`).
CRISIS_FINDINGS = {EMERGENCY: "emergency", CRISIS_TIER: "crisis", THIRD_PARTY: "third_party", UNCLEAR: "unclear"}
#: An answer to the crisis protocol's questions (bot.safety.answers) as the flow's intent.
ANSWER_INTENTS = {"safe": "safe", "not_safe": "not_safe", "unsure": "unsure", "yes": "affirm", "no": "deny"}
# What to record when a question is still unclear after one clarifying follow-up.
UNCLEAR_DEFAULT: dict[str, Any] = {"balance_change": "unsure"}
# A question is answered (action_answer_question), never clarified as a missed answer.
QUESTION_INTENTS = ("ask_question", "ask_and_inform")


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
        skipped = set(tracker.get_slot("skipped_slots") or [])
        return [s for s in domain_slots if s not in skipped]

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
        tracker = tracker.copy()  # rasa-sdk's from_dict does not copy; never touch the caller's dict
        requested = tracker.get_slot("requested_slot")
        extracted = await self.get_extraction_events(dispatcher, tracker, domain)
        tracker.add_slots(extracted)
        # rasa-sdk validates only the form's required slots and returns only those; side,
        # severity and skips are ours too, so every extracted slot is validated and returned.
        events: list[EventType] = []
        for event in extracted:
            slot, value = event["name"], event["value"]
            result = validate_slot(self, slot, value, dispatcher, tracker, domain)
            tracker.slots.update(result)
            events += [SlotSet(k, v) for k, v in result.items()]
        asked = (tracker.latest_message.get("intent") or {}).get("name") in QUESTION_INTENTS
        if (requested and not asked and tracker.slots.get(requested) is None
                and requested not in (tracker.slots.get("skipped_slots") or [])):
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
    """Screens the latest message for crisis and red flags (bot.safety.screen), first, on every
    message. It says nothing itself (but for "I only understand English" before a crisis reply in
    another language): it sets what the flow acts on (dialogues/flow.yml, `interrupts`):

    - safety_finding: the crisis protocol's tier (emergency, overdose, crisis, third_party,
      unclear), else red_flag, else distress (docs/safety.md);
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
        events: list[EventType] = [SlotSet("crisis_context", context.after(a).to_dict()),
                                   SlotSet("message_language", a.language), SlotSet("distress_kind", a.feeling)]
        # An answer alone ("no", "idk") is the flow's to act on, like the button it stands for.
        if a.tier in CRISIS_FINDINGS and a.by != "answer":
            finding = "overdose" if a.tier == EMERGENCY and a.overdose else CRISIS_FINDINGS[a.tier]
            if not a.supported_language and a.language != context.language:  # said once
                dispatcher.utter_message(text=self.voice(tracker).say(ENGLISH_ONLY))
            events.append(SlotSet("safety_finding", finding))
            if a.tier in (EMERGENCY, CRISIS_TIER):
                events.append(SlotSet("triage_level", "emergency" if finding == "overdose" else "crisis"))
            return events
        flags = result.red_flags
        if flags:
            known = list(tracker.get_slot("red_flags") or [])
            seen = {f.get("flag") for f in known}
            for f in flags:
                if f.flag not in seen:
                    known.append({"flag": f.flag, "level": f.level, "reason": f.reason})
            if a.tier == DISTRESS:  # "so depressed about this stress fracture": both
                dispatcher.utter_message(response=distress_response(a.feeling, domain))
            level = min((f.level for f in flags), key=LEVEL_ORDER.index)
            return events + [SlotSet("safety_finding", "red_flag"), SlotSet("red_flags", known),
                             SlotSet("triage_level", level)]
        answer = ANSWER_INTENTS.get(a.answer or "")
        if answer is not None:
            return events + [SlotSet("safety_answer", answer), SlotSet("safety_finding", None)]
        return events + [SlotSet("safety_finding", "distress" if a.tier == DISTRESS else None)]


def distress_response(kind: str | None, domain: DomainDict | None = None) -> str:
    """The acknowledgement for a kind of feeling: utter_distress_<kind> where the domain has it."""
    name = f"utter_distress_{kind}" if kind else "utter_distress"
    responses = (domain or {}).get("responses")
    return name if kind and (responses is None or name in responses) else "utter_distress"


class ActionTriage(KnowledgeAction):
    """Decides the triage level from the slots and red flags and gives the advice."""

    def name(self) -> str:
        return "action_triage"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        slots = tracker.slots
        flags = [RedFlagFinding(f["flag"], f["level"], f["reason"]) for f in slots.get("red_flags") or []]
        decision = decide(slots, flags, crisis=slots.get("safety_finding") == "crisis")
        locations = [x for x in slots.get("pain_location") or [] if x in self.kb.locations]
        voice = self.voice(tracker)
        context = replies.AdviceContext(decision.level.value, tuple(locations), slots.get("pain_pattern"),
                                        tuple(f.flag for f in flags), tuple(decision.reasons))
        # A weekly check-in suits pain worth watching, not one that needs a doctor today.
        checkins = tracker.get_slot("checkin_context")
        subscribed = isinstance(checkins, dict) and checkins.get("subscribed")
        offer = decision.level.value in CHECKIN_OFFER_LEVELS and not subscribed
        message = replies.advice(self.kb, voice, context)
        dispatcher.utter_message(
            text=message.text, buttons=message.button_dicts(),
            json_message={"triage": decision.level.value, "sources": list(message.sources),
                          "reasons": list(decision.reasons), "rules": list(decision.rules)},
        )
        if offer:  # a short message of its own, so the advice keeps to one screen
            dispatcher.utter_message(text=voice.say(CHECKIN_OFFER),
                                     buttons=[{"title": voice.say(CHECKIN_OFFER_BUTTON), "payload": "!checkin start"}],
                                     json_message={"sources": []})
        return [SlotSet("triage_level", decision.level.value), SlotSet(replies.ADVICE_SLOT, context.to_json())]


class ActionOffTopic(KnowledgeAction):
    """Something that is neither pain nor a question we answer: the knowledge base's refusal when
    it asks for something we don't do ("find me a PT near me", "give me a training plan", "tell
    me a joke"), else utter_off_topic."""

    def name(self) -> str:
        return "action_off_topic"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        if self.kb.refusal_topic(text) is not None:
            dispatcher.utter_message(text=self.kb.out_of_scope_reply(text), json_message={"sources": []})
        else:
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
        message = replies.detail(self.kb, self.voice(tracker), str(kind), context)
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
        locations = [x for x in tracker.get_slot("pain_location") or [] if x in self.kb.locations]
        answer = replies.answer(self.kb, voice, text, locations)
        if answer is not None:
            dispatcher.utter_message(text=answer.text, buttons=answer.button_dicts(),
                                     json_message={"sources": list(answer.sources)})
        elif not tracker.get_slot("requested_slot"):
            dispatcher.utter_message(text=voice.say(FEELING_INVITE), json_message={"sources": []})
        return []


class ActionAnswerQuestion(KnowledgeAction):
    """Answers a follow-up question from the knowledge base, or says plainly it cannot."""

    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        question = latest_text(tracker)
        locations = [x for x in tracker.get_slot("pain_location") or [] if x in self.kb.locations]
        answer = replies.answer(self.kb, self.voice(tracker), question, locations)
        if answer is None:
            dispatcher.utter_message(text=self.kb.out_of_scope_reply(question),
                                     json_message={"sources": []})
            return []
        dispatcher.utter_message(text=answer.text, buttons=answer.button_dicts(),
                                 json_message={"sources": list(answer.sources)})
        return []


def build_actions(nlu: NLU, kb: KnowledgeBase, texts: Texts | None = None,
                  vocabulary: Vocabulary | None = None) -> list[Action]:
    """Every action, sharing one NLU, knowledge base, text catalog and vocabulary (the packaged
    ones when None)."""
    return [ValidateTriageForm(nlu, vocabulary), ActionSafetyCheck(kb, texts), ActionTriage(kb, texts),
            ActionAnswerQuestion(kb, texts), ActionOffTopic(kb, texts), ActionDetail(kb, texts),
            ActionAcknowledgeFeeling(kb, texts), ValidateCheckinForm(nlu, texts), ActionStartCheckin(texts),
            ActionRecordCheckin(kb, texts), ActionReadRunFile(kb, texts)]


def build_executor(actions: list[Action]) -> ActionExecutor:
    executor = ActionExecutor()
    for action in actions:
        executor.register_action(action)
    return executor
