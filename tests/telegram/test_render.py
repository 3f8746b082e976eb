"""HTML escaping and splitting long messages at paragraph boundaries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.telegram.render import MAX_MESSAGE, message_chunks, split_text, to_html, utf16_len
from bot.turn import Reply, TurnResult, UserMessage
from tests.telegram.conftest import Harness


def test_user_text_cannot_become_markup() -> None:
    assert to_html("<b>knee</b> & <a href='x'>") == "&lt;b&gt;knee&lt;/b&gt; &amp; &lt;a href='x'&gt;"


def test_long_text_is_split_at_paragraphs_within_the_limit() -> None:
    paragraphs = [f"Paragraph {i}. " + "word " * 150 for i in range(20)]
    chunks = split_text("\n\n".join(paragraphs))
    assert len(chunks) > 1
    assert all(utf16_len(c) <= MAX_MESSAGE for c in chunks)
    assert "\n\n".join(chunks) == "\n\n".join(p.strip() for p in paragraphs)
    assert all(c.startswith("Paragraph") for c in chunks)


def test_a_paragraph_longer_than_a_message_is_cut_at_words_and_emoji_count_double() -> None:
    text = "🏃 " * 3000
    chunks = split_text(text)
    assert all(utf16_len(c) <= MAX_MESSAGE for c in chunks)
    assert "".join(chunks).replace(" ", "") == text.replace(" ", "")
    assert split_text("x" * 9000) == ["x" * 4096, "x" * 4096, "x" * 808]


def test_escaping_happens_after_splitting_so_no_entity_is_cut() -> None:
    chunks = message_chunks(("a&b " * 1500).strip())
    assert all("&amp;" in c and not c.endswith("&") for c in chunks)


class LongEngine:
    async def handle(self, record: Any, message: UserMessage, now: datetime, user_id: str) -> TurnResult:
        text = "\n\n".join(f"Part {i}: " + "<advice> " * 120 for i in range(12))
        return TurnResult(dict(record), (Reply(text, asks=None),))


async def test_a_long_reply_goes_out_as_several_html_messages(harness: Harness) -> None:
    harness.channel.engine = LongEngine()  # type: ignore[assignment]
    out = await harness.say(3001, "tell me everything")
    assert len(out) > 1
    assert all(p["parse_mode"] == "HTML" and len(p["text"]) > 0 for p in out)
    assert all("<advice>" not in p["text"] and "&lt;advice&gt;" in p["text"] for p in out)
    assert out[1]["text"].startswith("Part")
