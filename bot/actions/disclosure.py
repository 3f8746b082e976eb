"""Disordered eating said in passing: a screen (every typed message, every state, after the crisis
screen and before the clinical check) and the reply it leads to.

"i think i have an eating disorder", or mid-triage "I've been barely eating to lose weight, sometimes
I make myself throw up after dinner", is neither a nutrition question (for a dietitian) nor an
unreadable answer to the pending question: it is a disclosure, and it gets a short, kind reply
(the knowledge entry `eating-disorder`: common in runners, treatable, a doctor, a trusted adult
for under-18s, the country's crisis line), then the conversation carries on where it was
(flow.yml `interrupts.disclosure`; the crisis states answer it their own way, `on_safety`).

Self-harm or suicide in the same message is the crisis screen's (it runs first); a warning sign in
the same message (periods stopped for months, pain at night) is the clinical check's: the red
flag's advice comes first, and this screen stays quiet for that message.
"""

from __future__ import annotations

import re

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import Tracker
from rasa_sdk.types import DomainDict

from bot import replies
from bot.clinical.flow import says_a_sign
from bot.texts import text_key
from bot.tracker import KnowledgeAction, latest_text

FINDING_SLOT = "safety_finding"
FINDING = "disclosure"
ENTRY = "eating-disorder"
HEARD = text_key("disclosure.eating")

_ME = r"(?:i|i'm|im|i've|ive|i'd|me|my|myself)"
#: Disordered eating, named or described (restricting, purging, fear of eating). Described
#: behaviour is first person ("make myself sick"), so "I threw up after intervals" (effort) and
#: "what should I eat before a long run?" (a nutrition question) are not.
_PATTERNS = [
    r"\beating disorders?\b", r"\bdisordered eating\b", r"\banorexi[ac]\b", r"\bbulimi[ac]\b",
    r"\bbing(?:e|ing|eing)(?: and purg\w*| eat\w*)\b", r"\bpurg(?:e|es|ed|ing)\b",
    r"\bma(?:ke|de|king) myself (?:be )?(?:sick|throw up|vomit|puke)\b",
    r"\b(?:throw(?:ing)? up|vomit\w*|puk\w+) on purpose\b",
    r"\b(?:barely|hardly|not really) (?:eat|eating|ate)\b",
    r"\bstarv(?:e|ing) myself\b", r"\bskip(?:ping)? (?:meals|eating)\b",
    r"\b(?:eat|eating|ate) (?:less|very little|nothing|almost nothing|as little as)\b[^.?!]{0,40}\b(?:faster|lighter|weight|thin|skinny|race weight|lean)\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:of|to) (?:eat|eating|food|gain\w*)\b",
    r"\bfear of (?:eating|food|gaining)\b",
    r"\b(?:guilty|guilt) (?:about|after|when) (?:i )?(?:eat|eating|ate)\b",
    r"\blaxatives?\b",
    # "coach says lighter is faster so ive been skipping lunch" (a 14-year-old, tester round 26)
    r"\b(?:lighter|weight|thin|skinny|lean)\b[^.?!]{0,60}\bskip(?:ping|ped|s)? (?:lunch|breakfast|dinner|meals?|food)\b",
    r"\bskip(?:ping|ped|s)? (?:lunch|breakfast|dinner)\b[^.?!]{0,60}\b(?:lighter|lose weight|losing weight|weight|thin|skinny|lean)\b",
]
_DISORDERED = re.compile("|".join(_PATTERNS))
_FIRST_PERSON = re.compile(rf"\b{_ME}\b")
#: "I don't have an eating disorder", "I'm not anorexic": said, not disclosed.
_DENIED = re.compile(r"(?:\bnot|n't|\bnever|\bno)(?: \w+){0,2} (?:an? )?(?:eating disorder|anorexi|bulimi)")


def discloses_disordered_eating(text: str) -> bool:
    """Does `text` say the runner's own eating is disordered (or that they think it is)?"""
    lowered = re.sub(r"[’`]", "'", text.lower())
    return (bool(_DISORDERED.search(lowered)) and bool(_FIRST_PERSON.search(lowered))
            and not _DENIED.search(lowered))


class ActionDisclosureCheck(KnowledgeAction):
    """The screen: reports `disclosure` when the message discloses disordered eating."""

    def name(self) -> str:
        return "action_disclosure_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        found = discloses_disordered_eating(text) and not says_a_sign(text)
        return [SlotSet(FINDING_SLOT, FINDING if found else None)]


class ActionDisclosure(KnowledgeAction):
    """The reply: a short thank-you, then the `eating-disorder` entry with its sources."""

    def name(self) -> str:
        return "action_disclosure"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        voice = self.voice(tracker)
        entry = self.kb.entry(ENTRY)
        message = replies.answer(self.kb, voice, entry.questions[0])  # an entry's own question names it
        if message is None or message.sources != (ENTRY,):  # never: checked by tests/test_disclosure.py
            text = f"{voice.say(HEARD)}\n\n{self.kb.text(entry, voice.country, voice.locale)}"
            dispatcher.utter_message(text=text, json_message={"sources": [ENTRY]})
            return []
        dispatcher.utter_message(text=f"{voice.say(HEARD)}\n\n{message.text}", buttons=message.button_dicts(),
                                 json_message={"sources": list(message.sources)})
        return []
