"""Engine replies in Telegram's form: escaped HTML, messages within 4096 characters, callback data.

Callback data is versioned and short: ``v1:<keyboard token>:<button index>``. The payload a button
stands for lives in the presser's own record (see keyboards.py), so data from Telegram is only
ever a lookup key: it can be stale or forged, never trusted.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.turn import BOLD_SPAN

MAX_MESSAGE = 4096
MAX_CALLBACK_DATA = 64
CALLBACK_VERSION = "v1"
_CALLBACK = re.compile(r"^v1:([a-z0-9]{8}):(\d{1,2})$")


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split plain text into chunks of at most `limit` (UTF-16 units), at paragraph boundaries
    where possible, then at line breaks, then at spaces, and only as a last resort mid-word."""
    text = text.strip()
    if utf16_len(text) <= limit:
        return [text] if text else []
    return _pack(_pieces(text, limit), "\n\n", limit)


def _pieces(text: str, limit: int) -> list[str]:
    """Paragraphs, each cut further (lines, words, characters) until it fits on its own."""
    out: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if paragraph:
            out.extend(_cut(paragraph, limit, ("\n", " ")))
    return out


def _cut(text: str, limit: int, separators: tuple[str, ...]) -> list[str]:
    if utf16_len(text) <= limit:
        return [text]
    if not separators:
        return _pack(list(text), "", limit)  # last resort: mid-word
    sep, rest = separators[0], separators[1:]
    return _pack([fitted for piece in text.split(sep) for fitted in _cut(piece, limit, rest)], sep, limit)


def _pack(pieces: list[str], sep: str, limit: int) -> list[str]:
    """Join pieces with `sep`, greedily, into chunks of at most `limit` UTF-16 units."""
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{sep}{piece}" if current else piece
        if utf16_len(candidate) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = piece
    return chunks + ([current] if current else [])


def to_html(text: str) -> str:
    """Engine text -> Telegram HTML. Everything is escaped, so a user's words can never become
    markup; then the engine's one markup, **bold** (bot.turn.BOLD), becomes <b>...</b>."""
    return BOLD_SPAN.sub(r"<b>\1</b>", html.escape(text, quote=False))


def message_chunks(text: str) -> list[str]:
    """Plain text -> HTML messages Telegram accepts (split first, so escaping cannot cut a tag)."""
    return [to_html(chunk) for chunk in split_text(text)]


@dataclass(frozen=True)
class CallbackRef:
    """Which button was pressed: the keyboard's token and the button's index on it."""

    token: str
    index: int

    def encode(self) -> str:
        data = f"{CALLBACK_VERSION}:{self.token}:{self.index}"
        assert len(data.encode()) <= MAX_CALLBACK_DATA
        return data


def parse_callback(data: str | None) -> CallbackRef | None:
    """The reference in callback data, or None for anything we did not issue in this version."""
    if not data:
        return None
    match = _CALLBACK.match(data)
    if match is None:
        return None
    return CallbackRef(match.group(1), int(match.group(2)))
