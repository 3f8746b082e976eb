"""Advice as a phone shows it: five advice turns through the real Telegram code path (the
Application, the adapter, PTB's HTML sending) into the Bot API stand-in, read back exactly as
Telegram would display them (issue 16). `pytest tests/telegram/test_phone.py -s` prints them."""

from __future__ import annotations

import html
import re
from typing import Any

from tests.telegram.conftest import Harness

USER = 4242


def on_phone(message: dict[str, Any]) -> str:
    """A sent message as the chat shows it: the HTML parsed (bold as *...*), the keyboard's rows."""
    text = html.unescape(re.sub(r"</?b>", "*", message["text"]))
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    keyboard = ["  ".join(f"[ {b['text']} ]" for b in row) for row in rows]
    return "\n".join([text, *keyboard])


def shown(message: dict[str, Any]) -> str:
    """The text Telegram counts and shows (entities parsed away)."""
    return html.unescape(re.sub(r"</?b>", "", message["text"]))


ADVICE_TURNS = {
    # Each with the questions that can change the advice (issue 15): one spot or along the edge,
    # the short intake.
    "shin that comes back (see a PT)": ["my left shin hurts every time I run", "no, it's along the edge", "male",
                                        "about the same", "no race planned", "no"],
    "sore quads after a marathon (self-care), in the UK": ["/settings", "United Kingdom",
                                                           "my quads are sore after my marathon, easing every day",
                                                           "balance is fine", "about the same"],
    "ankle sprain, frustrated (see a PT)": ["I rolled my ankle two weeks ago and it still hurts on every run",
                                            "male", "about the same", "no race planned",
                                            "so frustrating, I sprained the same ankle last year"],
    "can't walk after a twist (urgent)": ["I twisted my knee and can't take four steps"],
    "chest pain (emergency)": ["I had chest pain and nearly fainted on my run"],
}


async def test_five_advice_turns_read_well_on_a_phone(harness: Harness) -> None:
    transcript: list[str] = []
    for user, (name, messages) in enumerate(ADVICE_TURNS.items(), start=USER):
        out: list[dict[str, Any]] = []
        for text in messages:
            out = await harness.say(user, text)  # "United Kingdom": a button's label, typed
        advice = next(m for m in out if m["text"].startswith("<b>"))
        transcript.append(f"=== {name}\n" + "\n---\n".join(on_phone(m) for m in out))
        assert all(m["parse_mode"] == "HTML" for m in out)
        assert len(shown(advice)) <= 600, shown(advice)
        assert "**" not in advice["text"] and advice["text"].count("<b>") == 1
        assert "Not a diagnosis" in advice["text"]
        labels = [b["text"] for row in advice["reply_markup"]["inline_keyboard"] for b in row]
        assert labels[0] == "Why?"
        # The first detail button answers with its paragraphs, in the same chat.
        why = await harness.press(user, advice["_message"], "Why?")
        assert why and why[0]["text"].startswith("<b>Why this advice</b>")
        transcript.append("  (Why?)\n" + on_phone(why[0]))
    print("\n\n".join(transcript))


async def test_typed_answers_in_the_settings_flows_work_in_telegram(harness: Harness) -> None:
    """Before issue 16 each of these got "I can only help with running pain" in Telegram."""
    await harness.say(USER, "/checkin")
    for typed, expected in (("mondays", "At what time"), ("19:00", "Which timezone"),
                            ("im in toronto, eastern time", "kilometres or miles"),
                            ("km please", "Mondays at 19:00 (America/Toronto)")):
        out = await harness.say(USER, typed)
        assert expected in out[0]["text"], (typed, out)
    await harness.say(USER, "/checkin")
    await harness.press(USER, harness.last_keyboard_message(USER), "Change day and time")
    await harness.say(USER, "friday")
    # (a change asks the day and time only, the time zone kept: tester round 60)
    assert "Fridays at 19:00 (America/Toronto)" in (await harness.say(USER, "7pm"))[0]["text"]
    await harness.say(USER, "/forget")
    out = await harness.say(USER, "yes")
    assert "deleted everything" in out[0]["text"]
    assert await harness.record(USER) is None
