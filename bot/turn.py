"""Values that cross the boundary between adapters and the engine.

An adapter turns a channel's input into a `UserMessage`, hands it to the engine with the user's
stored record, and turns the `TurnResult` back into the channel's form: replies become messages
with buttons, effects become things only an adapter may do (I/O: export, delete, schedule, chart).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

#: The one markup a reply's text may carry: `**bold**`, within one line (the advice's headline,
#: an answer's title). The terminal and `chat --json` show the text without it (`plain`); the
#: Telegram adapter renders it as <b>...</b> (bot.telegram.render.to_html). A Rasa channel gets
#: it as written, which Markdown channels also read as bold. Nothing else is markup: a `*` or `_`
#: on its own is just a character.
BOLD = "**"
BOLD_SPAN = re.compile(r"\*\*(?=\S)([^\n]*?\S)\*\*")


def bold(text: str) -> str:
    """`text` marked bold (one line)."""
    return f"{BOLD}{text}{BOLD}"


def bold_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each **bold** span's inner text, in order."""
    return [m.span(1) for m in BOLD_SPAN.finditer(text)]


def plain(text: str) -> str:
    """`text` without its markup (the terminal, JSON)."""
    return BOLD_SPAN.sub(r"\1", text)


#: Reply.safety values, most serious first (docs/safety.md, "The crisis conversation").
SAFETY_TIERS = ("emergency", "crisis", "ask", "support")


@dataclass(frozen=True)
class Button:
    """An answer the user can press. `payload` is what the engine receives when pressed."""

    label: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One message from the bot.

    `text` may mark bold spans (BOLD, above); `asks` names the slot the message asks for (None if
    it asks nothing); `triage` is the triage level this message announces; `sources` are
    knowledge-base entry ids the text is built from; `safety` is what the message is in the
    crisis protocol (SAFETY_TIERS: "emergency" - the emergency number first; "crisis" - the
    crisis response with resources; "ask" - a direct question with resources; "support" - a kind
    word with the crisis line in view), else None.
    """

    text: str
    buttons: tuple[Button, ...] = ()
    asks: str | None = None
    triage: str | None = None
    sources: tuple[str, ...] = ()
    safety: str | None = None

    @property
    def plain_text(self) -> str:
        return plain(self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.plain_text,
            "buttons": [b.label for b in self.buttons],
            "asks": self.asks,
            "triage": self.triage,
            "sources": list(self.sources),
            "safety": self.safety,
        }


EffectKind = Literal[
    "export_data",  # send the user their stored data as JSON
    "delete_data",  # delete everything stored about the user (already confirmed)
    "subscribe_checkins",  # data: the schedule to store
    "unsubscribe_checkins",
    "send_progress_chart",
    "send_summary_pdf",  # /summary as a one-page PDF (bot.commands.summary_pdf)
]


@dataclass(frozen=True)
class Effect:
    """Something the engine asks the adapter to do, because it needs I/O."""

    kind: EffectKind
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (a run from a watch or an app). The adapter downloads it (I/O) and
    hands over the bytes; `data` is None when it did not, because `size` is over the limit
    (bot.checkins.runfiles.MAX_BYTES): the engine then says the file is too big."""

    filename: str
    size: int | None
    data: bytes | None


@dataclass(frozen=True)
class UserMessage:
    """What the user sent: free text, a command ("/help"), a pressed button's payload, or a file."""

    text: str
    payload: str | None = None
    attachment: Attachment | None = None


@dataclass(frozen=True)
class TurnResult:
    """The engine's answer to one message: the user's new record, replies, effects."""

    record: dict[str, Any]
    replies: tuple[Reply, ...]
    effects: tuple[Effect, ...] = ()
