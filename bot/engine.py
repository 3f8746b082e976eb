"""The dialogue engine: one user message in, replies and the user's new record out. Pure.

Every message goes: commands -> bad-input checks -> safety screen (action_safety_check, always
first) -> NLU -> the flow's transition for (state, intent) -> actions/responses -> the form loop
(ask the next slot, or finish with on_complete) -> replies. No I/O and no clock: the adapter loads
and saves the record (bot.store) and passes the time in.

Actions are rasa-sdk Actions run through rasa-sdk's ActionExecutor with a Rasa-shaped tracker,
so the bot itself exercises the path a Rasa assistant uses.
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasa_sdk.executor import ActionExecutor

from bot import commands
from bot import validation
from bot.actions import build_actions, build_executor
from bot.checkins.actions import CONTEXT_ENTRIES
from bot.dialogue import PAUSED, SAFETY_ACTION, WHY_REQUESTED_SLOT, Dialogue, Transition, load_dialogue, parse_payload
from bot.knowledge import KnowledgeBase
from bot.nlu.pipeline import NLU, Parse
from bot.safety.screen import screen
from bot.texts import Texts, Voice, text_key
from bot.turn import Button, Effect, Reply, TurnResult, UserMessage
from bot.vocabulary import load_vocabulary

log = logging.getLogger(__name__)

MAX_PARSE_CHARS = 1000  # the NLU reads this much; the safety screen always reads everything
MAX_SCREEN_CHARS = 20000
HISTORY_LIMIT = 50
CHECKIN_LIMIT = 104  # two years of weekly check-ins
#: States in which the weekly check-in is not started: someone who just told us they are not safe
#: is not asked about their mileage.
NO_CHECKIN_STATES = ("crisis", "crisis_check")
STALE_BUTTON = text_key("engine.stale_button")
UNKNOWN_COMMAND = text_key("engine.unknown_command")
#: Keys of a rasa-sdk dispatcher message; any other key is a value for the response's placeholders.
_MESSAGE_KEYS = {"text", "buttons", "elements", "custom", "template", "response", "image", "attachment",
                 "json_message", "metadata"}
_ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def clean_text(text: str) -> str:
    """Strip terminal escape sequences, control and invisible characters; line breaks become spaces."""
    text = _ANSI_ESCAPE.sub(" ", text)
    return " ".join(_CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).split())


def has_words(text: str) -> bool:
    return any(unicodedata.category(c)[0] in ("L", "N") for c in text)


@dataclass
class _Turn:
    """Mutable scratch for one turn: the conversation being changed and what we will say."""

    conv: dict[str, Any]
    profile: dict[str, Any]
    user_id: str
    replies: list[Reply]
    effects: list[Effect]
    checkins: dict[str, Any] = field(default_factory=dict)
    now: datetime | None = None
    parse: Parse | None = None
    text: str = ""
    payload_values: dict[str, Any] | None = None
    intent: str = ""

    @property
    def slots(self) -> dict[str, Any]:
        return self.conv["slots"]  # type: ignore[no-any-return]


class Engine:
    """Runs conversations. Build once with `Engine.load()` (reads files, ~1 s); then pure."""

    def __init__(self, dialogue: Dialogue, nlu: NLU, kb: KnowledgeBase, executor: ActionExecutor,
                 texts: Texts) -> None:
        self.dialogue = dialogue
        self.nlu = nlu
        self.kb = kb
        self.executor = executor
        self.texts = texts

    @classmethod
    def load(cls, dialogues_dir: Path | None = None, knowledge_dir: Path | None = None) -> Engine:
        from bot.paths import dialogues_directory, knowledge_directory

        dialogues_dir = dialogues_dir or dialogues_directory()
        vocabulary = load_vocabulary(dialogues_dir)
        dialogue = load_dialogue(dialogues_dir)
        kb = KnowledgeBase.load(knowledge_dir or knowledge_directory(), vocabulary.levels, vocabulary.locations)
        texts = Texts.load(dialogues_dir, dialogue.responses)
        nlu = NLU()
        actions = build_actions(nlu, kb, texts)
        validation.check(validation.Sources(vocabulary, dialogue, kb, actions, texts))
        engine = cls(dialogue, nlu, kb, build_executor(actions), texts)
        # Compile the safety rules and load its model now, not on the first user's message.
        screen("warming up the safety screen before the first runner writes in")
        nlu.parse("my left shin hurts every time I run")
        return engine

    # -- public ------------------------------------------------------------------------------

    def new_conversation(self) -> dict[str, Any]:
        return {"state": self.dialogue.start, "slots": {}, "requested_slot": None, "paused": None}

    async def handle(self, record: Mapping[str, Any], message: UserMessage, now: datetime,
                     user_id: str = "user") -> TurnResult:
        """Process one message for a user whose stored record is `record` (not modified)."""
        account = self._account(record, message, now)
        if account is not None:
            return account
        new, turn = self._begin(record, user_id, now)
        await self._turn(turn, message, now)
        return self._end(new, turn, now)

    async def start_checkin(self, record: Mapping[str, Any], now: datetime, week: str,
                            user_id: str = "user") -> TurnResult | None:
        """Begin the weekly check-in `week` (its first question); None when it should not be
        started now (the conversation is about a crisis). The check-in sweep calls this."""
        new, turn = self._begin(record, user_id, now)
        if turn.conv.get("state") in NO_CHECKIN_STATES:
            return None
        turn.intent, turn.payload_values = "checkin_now", {"checkin_week": week}
        await self._command(turn, "/checkin_now")
        # One message: the greeting and the first question (a sweep sends one message per runner).
        asking = [r for r in turn.replies if r.asks]
        if asking:
            intro = "\n\n".join(r.text for r in turn.replies if not r.asks and not r.buttons)
            question = asking[-1]
            turn.replies[:] = [Reply(f"{intro}\n\n{question.text}" if intro else question.text,
                                     question.buttons, question.asks, question.triage, question.sources)]
        return self._end(new, turn, now)

    def _begin(self, record: Mapping[str, Any], user_id: str, now: datetime) -> tuple[dict[str, Any], _Turn]:
        new = copy.deepcopy(dict(record))
        conv = new.setdefault("conversation", self.new_conversation())
        profile = new.setdefault("profile", {})
        stored = new.get("checkins")
        checkins: dict[str, Any] = stored if isinstance(stored, dict) else {}
        return new, _Turn(conv, profile, user_id, [], [], checkins, now)

    def _end(self, new: dict[str, Any], turn: _Turn, now: datetime) -> TurnResult:
        entry = turn.slots.pop("checkin_entry", None)
        for slot in [s for s, value in turn.slots.items() if value is None]:
            del turn.slots[slot]  # the conversation keeps only slots that are set
        if entry is None and any(r.triage for r in turn.replies):
            self._remember_triage(new, turn, now)
        if isinstance(entry, dict):
            entries = [e for e in new.setdefault("checkins", {}).setdefault("entries", [])
                       if e.get("week") != entry.get("week")]  # answering twice in a week: the last answer counts
            entries.append(entry)
            new["checkins"]["entries"] = entries[-CHECKIN_LIMIT:]
        return TurnResult(new, tuple(turn.replies), tuple(turn.effects))

    def _account(self, record: Mapping[str, Any], message: UserMessage, now: datetime) -> TurnResult | None:
        """/settings, /privacy, /export, /forget, /summary and their buttons (bot.commands).

        They touch the user's settings and data rather than the conversation, so they run outside
        the flow; the pending question, if any, is asked again after them.
        """
        voice = Voice.for_record(self.texts, self.kb, record)
        if message.payload is not None and commands.is_action(message.payload):
            try:
                result = commands.handle_action(record, message.payload, now, voice)
            except ValueError:
                return TurnResult(copy.deepcopy(dict(record)), (Reply(voice.say(STALE_BUTTON)),))
        elif message.payload is None and commands.is_command(message.text):
            result = commands.handle_command(record, message.text, now, now.tzinfo or timezone.utc, voice)
        else:
            return None
        if any(e.kind == "delete_data" for e in result.effects):
            return result
        conv = result.record.get("conversation")
        if conv:
            turn = _Turn(conv, result.record.setdefault("profile", {}), "", list(result.replies), [])
            self._reask(turn)
            return TurnResult(result.record, tuple(turn.replies), result.effects)
        return result

    # -- the turn ----------------------------------------------------------------------------

    async def _turn(self, turn: _Turn, message: UserMessage, now: datetime) -> None:
        if message.payload is not None:
            try:
                intent, values = parse_payload(message.payload)
            except ValueError:
                # A plain-text payload (e.g. a suggested question) is read as if typed.
                message = UserMessage(message.payload)
            else:
                turn.text, turn.intent, turn.payload_values = clean_text(message.text), intent, values
                await self._dispatch(turn)
                return

        text = clean_text(message.text)[:MAX_SCREEN_CHARS]
        turn.text = text
        if text.startswith("/"):
            command = text.split()[0].split("@")[0].lower()
            await self._command(turn, command)
            return
        if not text:
            self._say(turn, "utter_empty_message")
            self._reask(turn)
            return
        if not has_words(text):
            self._say(turn, "utter_emoji_only")
            self._reask(turn)
            return

        # Safety first, on the whole text, in every state.
        turn.slots["safety_finding"] = None
        await self._run(turn, SAFETY_ACTION)
        finding = turn.slots.get("safety_finding")
        if finding:
            await self._interrupt(turn, finding)
            return

        if len(text) > MAX_PARSE_CHARS:
            self._say(turn, "utter_long_message")
            text = text[:MAX_PARSE_CHARS]
        requested = self._requested(turn)
        parse = self.nlu.parse(text, requested)
        turn.parse, turn.intent = parse, parse.intent
        if parse.language != "en":
            self._say(turn, "utter_not_understood_language")
            self._reask(turn)
            return
        await self._dispatch(turn)

    async def _dispatch(self, turn: _Turn) -> None:
        state = self.dialogue.states[turn.conv["state"]]
        transition = state.transition_for(turn.intent)
        if transition is None:  # a flow without a catch-all: say so rather than stay silent
            self._say(turn, "utter_off_topic")
            self._reask(turn)
            return
        await self._follow(turn, transition)

    async def _interrupt(self, turn: _Turn, finding: str) -> None:
        transition = self.dialogue.interrupts[finding]
        if finding in ("crisis", "ambiguous"):
            current = turn.conv["state"]
            if current not in ("crisis", "crisis_check"):
                _push_paused(turn.conv, current, turn.conv.get("requested_slot"))
        await self._follow(turn, transition)

    async def _command(self, turn: _Turn, command: str) -> None:
        transition = self.dialogue.commands.get(command)
        if transition is None:
            turn.replies.append(Reply(self._voice(turn).say(UNKNOWN_COMMAND)))
            self._reask(turn)
            return
        await self._follow(turn, transition)
        if transition.to is None:
            self._reask(turn)

    async def _follow(self, turn: _Turn, t: Transition) -> None:
        if t.reset:
            self._reset(turn)
        current = self.dialogue.states[turn.conv["state"]]
        if (t.to and t.to != turn.conv["state"] and t.to in self.dialogue.states and self.dialogue.states[t.to].form
                and current.form and turn.conv.get("requested_slot")):
            # Entering another form (the check-in) while a question is pending: ask it again after.
            _push_paused(turn.conv, current.name, turn.conv.get("requested_slot"))
        for name in t.do:
            await self._run(turn, name)
        if t.to is None:
            return
        target = t.to
        if target == PAUSED:
            paused = _pop_paused(turn.conv) or {"state": self.dialogue.start, "requested_slot": None}
            target = paused["state"]
            turn.conv["requested_slot"] = paused.get("requested_slot")
        turn.conv["state"] = target
        if self.dialogue.states[target].form:
            await self._form_loop(turn)
        elif target not in ("crisis", "crisis_check"):
            turn.conv["requested_slot"] = None

    async def _form_loop(self, turn: _Turn) -> None:
        state = self.dialogue.states[turn.conv["state"]]
        assert state.form is not None
        skipped = set(turn.slots.get("skipped_slots") or [])
        missing = [s for s in self.dialogue.required_slots(state.form)
                   if turn.slots.get(s) is None and s not in skipped]
        if not missing:
            turn.conv["requested_slot"] = None
            assert state.on_complete is not None
            await self._follow(turn, state.on_complete)
            return
        turn.conv["requested_slot"] = missing[0]
        if not any(r.asks == missing[0] for r in turn.replies):
            self._say(turn, f"utter_ask_{missing[0]}")

    def _reask(self, turn: _Turn) -> None:
        """Repeat the pending question, if there is one and it was not just asked."""
        requested = self._requested(turn)
        if requested and not any(r.asks == requested for r in turn.replies):
            self._say(turn, f"utter_ask_{requested}")

    def _requested(self, turn: _Turn) -> str | None:
        state = self.dialogue.states[turn.conv["state"]]
        return turn.conv.get("requested_slot") if state.form else None

    def _reset(self, turn: _Turn) -> None:
        turn.slots.clear()
        turn.conv["requested_slot"] = None
        turn.conv["paused"] = None

    # -- running actions and responses -------------------------------------------------------

    async def _run(self, turn: _Turn, name: str) -> None:
        if name == WHY_REQUESTED_SLOT:
            requested = self._requested(turn)
            name = f"utter_why_{requested}" if requested else "utter_why_general"
        if name in self.dialogue.responses:
            self._say(turn, name)
            return
        result = await self.executor.run(self._action_call(turn, name))
        if result is None:
            return
        for event in result.events:
            if event.get("event") == "slot":
                if event["name"] == "requested_slot":
                    turn.conv["requested_slot"] = event["value"]
                else:
                    turn.slots[event["name"]] = event["value"]
        for message in result.responses:
            self._render(turn, message)

    def _action_call(self, turn: _Turn, name: str) -> dict[str, Any]:
        latest: dict[str, Any] = (
            turn.parse.to_rasa() if turn.parse is not None
            else {"text": turn.text, "intent": {"name": turn.intent, "confidence": 1.0}, "entities": []}
        )
        if turn.payload_values is not None:
            latest["metadata"] = {"payload_values": dict(turn.payload_values)}
        slots = copy.deepcopy(turn.slots)  # Tracker.from_dict does not copy; actions mutate
        slots["requested_slot"] = turn.conv.get("requested_slot")
        slots.setdefault("country", turn.profile.get("country") or "US")
        slots.setdefault("language", self.texts.locale(turn.profile.get("language")))
        slots["checkin_context"] = self._checkin_context(turn)
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

    def _checkin_context(self, turn: _Turn) -> dict[str, Any]:
        """What the check-in actions need from the record besides the conversation (not stored
        in the conversation's slots: the record is the one place it lives)."""
        stored = turn.checkins.get("schedule")
        schedule: dict[str, Any] = stored if isinstance(stored, dict) else {}
        entries = [e for e in turn.checkins.get("entries") or [] if isinstance(e, dict)]
        return {
            "unit": schedule.get("unit") or "km",
            "tz": schedule.get("tz") or "UTC",
            "subscribed": bool(schedule.get("active")),
            "entries": copy.deepcopy(entries[-CONTEXT_ENTRIES:]),
            "now": turn.now.isoformat() if turn.now else None,
        }

    def _voice(self, turn: _Turn) -> Voice:
        schedule = turn.checkins.get("schedule")
        unit = schedule.get("unit") if isinstance(schedule, dict) else None
        return Voice(self.texts, self.kb, self.texts.locale(turn.profile.get("language")),
                     turn.profile.get("country"), str(unit or "km"))

    def _say(self, turn: _Turn, response: str) -> None:
        self._render(turn, {"response": response})

    def _render(self, turn: _Turn, message: dict[str, Any]) -> None:
        name = message.get("response")
        voice = self._voice(turn)
        if name and not message.get("text"):
            variant = self.texts.response(name, voice.locale)[0]
            extra = {k: v for k, v in message.items() if v and k not in _MESSAGE_KEYS}
            message = {**variant, **{k: v for k, v in message.items() if v},
                       "text": voice.fill(str(variant.get("text") or ""), **extra),
                       "buttons": message.get("buttons") or [
                           {**b, "title": voice.fill(b["title"], **extra)} for b in variant.get("buttons") or []]}
        custom = message.get("custom") or message.get("json_message") or {}
        asks = custom.get("asks")
        if name and (name.startswith("utter_ask_") or name.startswith("utter_clarify_")):
            asks = name.split("_", 2)[2]
        buttons = tuple(Button(b["title"], b["payload"]) for b in message.get("buttons") or [])
        turn.replies.append(Reply(
            text=str(message.get("text") or ""),
            buttons=buttons,
            asks=asks,
            triage=custom.get("triage"),
            sources=tuple(custom.get("sources") or ()),
        ))

    def _remember_triage(self, record: dict[str, Any], turn: _Turn, now: datetime) -> None:
        slots = turn.slots
        entry = {
            "at": now.isoformat(),
            "level": slots.get("triage_level"),
            "pain_location": slots.get("pain_location"),
            "pain_side": slots.get("pain_side"),
            "pain_pattern": slots.get("pain_pattern"),
            "balance_change": slots.get("balance_change"),
            "severity": slots.get("severity"),
            "red_flags": [f.get("flag") for f in slots.get("red_flags") or []],
            "sources": sorted({s for r in turn.replies for s in r.sources}),
        }
        history = record.setdefault("history", [])
        history.append(entry)
        del history[:-HISTORY_LIMIT]


PAUSE_DEPTH = 4  # a crisis during a check-in that paused a triage question: all come back, in order


def _paused_stack(conv: dict[str, Any]) -> list[dict[str, Any]]:
    paused = conv.get("paused")
    if isinstance(paused, dict):  # records written before the stack
        return [paused]
    return [p for p in paused or [] if isinstance(p, dict)]


def _push_paused(conv: dict[str, Any], state: str, requested_slot: str | None) -> None:
    stack = _paused_stack(conv)
    entry = {"state": state, "requested_slot": requested_slot}
    if not stack or stack[-1] != entry:
        stack.append(entry)
    conv["paused"] = stack[-PAUSE_DEPTH:]


def _pop_paused(conv: dict[str, Any]) -> dict[str, Any] | None:
    stack = _paused_stack(conv)
    top = stack.pop() if stack else None
    conv["paused"] = stack or None
    return top
