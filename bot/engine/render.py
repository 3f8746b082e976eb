"""Replies from responses, catalog texts and the actions' messages, with placeholders filled.

A response is said in the runner's locale (bot.texts), its {placeholders} filled from the runner's
context (country numbers, unit) and from values the action passed (rasa-sdk's
`utter_message(response=..., name=value)`). What a reply asks for comes from the response's
`metadata: {asks: <slot>}` (or an action's `json_message={"asks": ...}`), never from its name;
likewise what it is in the crisis protocol (`metadata: {safety: ...}`) and the triage level it
announces (`metadata: {triage: ...}`).
"""

from __future__ import annotations

from typing import Any

from bot.actions import HARMED_SLOT, METHOD_SLOT, SELF_HARM_SLOT  # the actions' slots (the harmed cause, a method, self-harm said)
from bot.dialogue import Dialogue
from bot.engine.state import Turn
from bot.texts import DEFAULT_LOCALE, text_family, text_key
from bot.turn import Button, Reply

ENGLISH_ONLY = text_key("crisis.english_only")
#: Languages without a catalog whose "I only understand English" is said in them (texts/en.yml).
ENGLISH_ONLY_LANGUAGES = ("fr", "de", "pt", "it", "nl")
ENGLISH_ONLY_IN = text_family("crisis.english_only_in", ENGLISH_ONLY_LANGUAGES)

#: Keys of a rasa-sdk dispatcher message; any other key is a value for the response's placeholders.
#: The acknowledgement of distress; `utter_distress_<kind>` when the screen named the feeling.
DISTRESS = "utter_distress"
#: The slot that says the runner reports for someone else (bookkeeping.hear_who).
REPORTING_FOR_SLOT = "reporting_for"
_MESSAGE_KEYS = {"text", "buttons", "elements", "custom", "template", "response", "image", "attachment",
                 "json_message", "metadata"}


def _grief_heard(turn: Turn) -> bool:
    """Did the safety screen hear grief earlier in this conversation (CrisisContext.grief)?"""
    stored: Any = turn.conv.get("crisis")
    context = stored.get("context") if isinstance(stored, dict) else None
    return isinstance(context, dict) and bool(context.get("grief"))


class Renderer:
    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def say(self, turn: Turn, response: str, **values: Any) -> None:
        """Say a response of the domain (utter_*)."""
        self.render(turn, {"response": response, **values})

    @staticmethod
    def _variant(turn: Turn, name: str, count: int) -> int:
        """Which variant of a response to say: the first, or the next one when the last turn said
        this response (a person who keeps writing in a crisis never gets the same text twice in
        a row, where the response has several)."""
        if name in turn.said:
            return turn.said[name]
        last = (turn.conv.get("said") or {}).get(name)
        index = 0 if not isinstance(last, int) else (last + 1) % count
        turn.said[name] = index
        return index

    def text(self, turn: Turn, key: str, **values: Any) -> None:
        """Say a text of the catalog (dialogues/texts/)."""
        turn.replies.append(Reply(turn.voice.say(key, **values)))

    def english_only(self, turn: Turn) -> None:
        """"Sorry, I only understand English": in the message's language when the catalog has it,
        else in English (never in the language of an earlier message)."""
        language = str(turn.slots.get("message_language") or "en")
        voice = turn.voice.in_language(language)
        if voice.locale == DEFAULT_LOCALE and language in ENGLISH_ONLY_LANGUAGES:
            turn.replies.append(Reply(voice.say(f"{ENGLISH_ONLY_IN}.{language}")))
            return
        turn.replies.append(Reply(voice.say(ENGLISH_ONLY)))

    def render(self, turn: Turn, message: dict[str, Any]) -> None:
        """Say what an action's dispatcher collected: a response by name, or its own text."""
        name = message.get("response")
        kind = turn.slots.get("distress_kind")
        if not kind and name != DISTRESS and _grief_heard(turn):
            kind = "grief"  # heard earlier in the conversation
        if name and kind and f"{name}_{kind}" in self.dialogue.responses:
            # the acknowledgement of the kind of feeling the safety screen found (utter_distress_grief),
            # and the words after a "no" to the question about thoughts, for that kind ("i just
            # miss him" was told "being kept from running is hard": tester round 29)
            name = f"{name}_{kind}"
        if name and turn.slots.get(REPORTING_FOR_SLOT) == "other" and f"{name}_other" in self.dialogue.responses:
            name = f"{name}_other"  # asked of a parent, partner or coach: "they", not "you"
        if name and turn.slots.get(HARMED_SLOT) and f"{name}_harmed" in self.dialogue.responses:
            name = f"{name}_harmed"  # someone is hurting them: words for that, not for thoughts of suicide
        elif name and turn.slots.get(METHOD_SLOT) and f"{name}_method" in self.dialogue.responses:
            name = f"{name}_method"  # a way to do it was said: talk to someone today, and keep away from it
        elif name and turn.slots.get(SELF_HARM_SLOT) and f"{name}_self_harm" in self.dialogue.responses:
            name = f"{name}_self_harm"  # self-harm said: wounds that need care, and someone to tell
        if name and not message.get("text"):
            voice = turn.voice
            variants = voice.texts.response(name, voice.locale)
            variant = variants[self._variant(turn, name, len(variants))]
            values = {k: v for k, v in message.items() if v is not None and k not in _MESSAGE_KEYS}
            buttons = message.get("buttons") or [{**b, "title": voice.fill(str(b["title"]), **values)}
                                                 for b in variant.get("buttons") or []]
            message = {**variant, **{k: v for k, v in message.items() if v},
                       "text": voice.fill(str(variant.get("text") or ""), **values), "buttons": buttons}
        custom = message.get("custom") or message.get("json_message") or {}
        meta = message.get("metadata") or {}
        asks = custom.get("asks") or (self.dialogue.asks(name) if name else None)
        turn.replies.append(Reply(
            text=str(message.get("text") or ""),
            buttons=tuple(Button(b["title"], b["payload"]) for b in message.get("buttons") or []),
            asks=asks,
            triage=custom.get("triage") or meta.get("triage"),
            sources=tuple(custom.get("sources") or meta.get("sources") or ()),
            safety=custom.get("safety") or meta.get("safety"),
        ))
