"""What every action module shares: reading a rasa-sdk tracker, and the knowledge-base action base."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker

from bot.dialogue import parse_payload
from bot.knowledge import KnowledgeBase


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


class KnowledgeAction(Action):
    """An action that answers from the knowledge base (advice, answers, crisis resources)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
