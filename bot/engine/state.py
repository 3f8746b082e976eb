"""One turn in progress: the record being changed and what the bot will say. Mutable scratch,
created by bot.engine.bookkeeping.begin() and turned into a TurnResult by finish()."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.nlu.pipeline import Parse
from bot.record import CheckinData, Conversation, Profile, UserRecord
from bot.texts import Voice
from bot.turn import Attachment, Effect, Reply


@dataclass
class Turn:
    record: UserRecord  # the runner's new record (a copy of the stored one)
    user_id: str
    now: datetime
    voice: Voice  # how to speak to this runner (locale, country, unit)
    replies: list[Reply] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)
    parse: Parse | None = None  # what the NLU read from the message (None: a button or command)
    text: str = ""  # the message, cleaned
    intent: str = ""
    payload_values: dict[str, Any] | None = None  # slot values a pressed button carries
    #: An action set requested_slot this turn (a form's validation choosing the next question,
    #: Rasa's dynamic forms): the form asks that one, or is complete when it is None.
    requested_set: bool = False
    #: A deferred message to handle now, in the state "@paused" returned to (flow.yml `defer`).
    replay: str | None = None
    #: ... and a message to handle after it: a pain told beside the answer, or while the question
    #: waited (flow.yml `keeps_pain`).
    replay_after: str | None = None
    attachment: Attachment | None = None  # a file the runner sent
    awaiting: str | None = None  # what the bot waits for, for the safety screen (FlowInterpreter.awaiting)
    said: dict[str, int] = field(default_factory=dict)  # response -> the variant said this turn
    country_heard: str | None = None  # a country the runner said they are in this turn (hear_place)
    country_hinted: bool = False  # ... only guessed from a word people there use ("A&E")

    @property
    def conv(self) -> Conversation:
        return self.record["conversation"]

    @property
    def slots(self) -> dict[str, Any]:
        return self.conv["slots"]

    @property
    def profile(self) -> Profile:
        return self.record.get("profile") or {}

    @property
    def checkins(self) -> CheckinData:
        stored = self.record.get("checkins")
        return stored if isinstance(stored, dict) else {}
