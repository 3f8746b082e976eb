"""What every action module shares: reading a rasa-sdk tracker, the runner's Voice, and the
knowledge-base action base."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import Action, Tracker
from rasa_sdk.types import DomainDict

from bot.dialogue import parse_payload
from bot.knowledge import KnowledgeBase
from bot.texts import Texts, Voice, default_texts
from bot.vocabulary import VOCABULARY


def latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def payload_values(tracker: Tracker) -> dict[str, Any] | None:
    """Slot values carried by a pressed button (Rasa payload `/inform{...}`), if any.

    Our engine passes them as metadata; Rasa sends the payload itself as the message text.
    """
    metadata = tracker.latest_message.get("metadata") or {}
    values = metadata.get("payload_values")
    if isinstance(values, dict):
        return dict(values)
    text = latest_text(tracker)
    if text.startswith("/"):
        try:
            return dict(parse_payload(text)[1])
        except ValueError:
            return None
    return None


def voice(tracker: Tracker, texts: Texts, kb: KnowledgeBase | None = None) -> Voice:
    """How to speak to the runner of this tracker: the `language` and `country` slots, and the
    unit in `checkin_context` (the caller fills them; English, the default country and km if not)."""
    context = tracker.get_slot("checkin_context")
    unit = context.get("unit") if isinstance(context, dict) else None
    return Voice(texts, kb, texts.locale(tracker.get_slot("language")), tracker.get_slot("country"),
                 str(unit or "km"), other=tracker.get_slot("reporting_for") == "other")


def validate_slot(action: object, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> dict[str, Any]:
    """A form's validation of one extracted value: the action's validate_<slot>, else what the
    domain declares (categorical values, float min/max). The start-up checks make sure every
    extracted slot has one or the other."""
    method = getattr(action, f"validate_{slot}", None)
    if method is not None:
        return dict(method(value, dispatcher, tracker, domain))
    vocabulary = getattr(action, "vocabulary", None) or VOCABULARY
    return {slot: value if vocabulary.accepts(slot, value) else None}


def parsed_slots(tracker: Tracker) -> tuple[dict[str, Any], list[str]] | None:
    """The slots and negated locations the engine's NLU read from the latest message, if the
    caller sent them (latest_message.metadata.parse) for the question pending now; None from a
    Rasa server, which sends only the text: then the action parses it itself."""
    metadata = tracker.latest_message.get("metadata") or {}
    parse = metadata.get("parse") if isinstance(metadata, dict) else None
    if not isinstance(parse, dict) or parse.get("context") != tracker.get_slot("requested_slot"):
        return None
    slots, negated = parse.get("slots"), parse.get("negated_locations")
    if not isinstance(slots, dict) or not isinstance(negated, list):
        return None
    return dict(slots), list(negated)


class SpeakingAction(Action):
    """An action that says things from the text catalog (dialogues/texts/)."""

    def __init__(self, texts: Texts | None = None) -> None:
        self.texts = texts or default_texts()

    def voice(self, tracker: Tracker) -> Voice:
        return voice(tracker, self.texts)


class KnowledgeAction(SpeakingAction):
    """An action that answers from the knowledge base (advice, answers, crisis resources)."""

    def __init__(self, kb: KnowledgeBase, texts: Texts | None = None) -> None:
        super().__init__(texts)
        self.kb = kb

    def voice(self, tracker: Tracker) -> Voice:
        return voice(tracker, self.texts, self.kb)
