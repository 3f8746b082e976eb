"""The Rasa bridge: runs our rasa-sdk actions in-process, the way a Rasa server would call them.

For each action: a Rasa-shaped tracker built from the turn (a copy of the conversation's slots,
plus what the caller fills: country, language, requested_slot, checkin_context, crisis_context,
advice_context; the message with our NLU's reading in latest_message.metadata.parse), run through
rasa-sdk's ActionExecutor; the slot events are applied to the conversation and the dispatcher's
messages returned for rendering.
"""

from __future__ import annotations

import base64
from typing import Any

from rasa_sdk.executor import ActionExecutor

from bot.dialogue import Dialogue
from bot.engine.bookkeeping import (ADVICE_SLOT, CRISIS_CONTEXT_SLOT, checkin_context, crisis_context,
                                    keep_crisis_context)
from bot.engine.state import Turn
from bot.record import copy_json


class RasaBridge:
    def __init__(self, dialogue: Dialogue, executor: ActionExecutor) -> None:
        self.dialogue = dialogue
        self.executor = executor

    async def run(self, turn: Turn, name: str) -> list[dict[str, Any]]:
        """Run the action `name`; apply its slot events to the turn; its messages."""
        result = await self.executor.run(self.action_call(turn, name))
        if result is None:
            return []
        for event in result.events:
            if event.get("event") == "slot":
                if event["name"] == "requested_slot":
                    turn.conv["requested_slot"] = event["value"]
                    turn.requested_set = True
                elif event["name"] == CRISIS_CONTEXT_SLOT:
                    keep_crisis_context(turn, event["value"])
                else:
                    turn.slots[event["name"]] = event["value"]
        return list(result.responses)

    def action_call(self, turn: Turn, name: str) -> dict[str, Any]:
        """The body a Rasa server would POST to the action server for `name`."""
        # The whole message, as a Rasa server would send it: the NLU reads its start only (a long
        # message), but the clinical screen reads all of it, as the crisis screen does (tester
        # round 34: chest tightness and a near-faint at the end of a long story were never heard).
        latest: dict[str, Any] = (
            {**turn.parse.to_rasa(), "text": turn.text} if turn.parse is not None and turn.text is not None
            else turn.parse.to_rasa() if turn.parse is not None
            else {"text": turn.text, "intent": {"name": turn.intent, "confidence": 1.0}, "entities": []}
        )
        if turn.payload_values is not None:
            latest["metadata"] = {**latest.get("metadata", {}), "payload_values": dict(turn.payload_values)}
        if turn.attachment is not None:  # JSON-safe, as a Rasa server would send it
            file = turn.attachment
            latest["metadata"] = {**latest.get("metadata", {}), "attachment": {
                "filename": file.filename, "size": file.size,
                "data": base64.b64encode(file.data).decode("ascii") if file.data is not None else None}}
        slots = copy_json(turn.slots)  # Tracker.from_dict does not copy; actions mutate
        slots["requested_slot"] = turn.conv.get("requested_slot")
        slots.setdefault("country", turn.voice.country)  # None: not known (the default's numbers, labelled)
        slots.setdefault("language", turn.voice.locale)
        slots["checkin_context"] = checkin_context(turn)
        slots.setdefault(ADVICE_SLOT, turn.conv.get("advice"))  # this turn's advice, else the last one
        # The screen's memory, and what the bot waits for now: the flow knows that, not the memory.
        slots[CRISIS_CONTEXT_SLOT] = {**crisis_context(turn), "awaiting": turn.awaiting}
        state = self.dialogue.states[turn.conv["state"]]
        tracker = {
            "sender_id": turn.user_id,
            "slots": slots,
            "latest_message": latest,
            "events": [{"event": "user", "text": turn.text, "parse_data": latest}],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": state.form} if state.form else {},
            "latest_action_name": "action_listen",
        }
        return {"next_action": name, "sender_id": turn.user_id, "tracker": tracker,
                "domain": self.dialogue.domain}
