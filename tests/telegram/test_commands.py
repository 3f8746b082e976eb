"""Every command through Application.process_update, and the command menu."""

from __future__ import annotations

import json
from pathlib import Path

from bot.vocabulary import command_menu
from tests.telegram.conftest import Harness

USER = 1001
REPO = Path(__file__).resolve().parents[2]


async def triage(h: Harness, user: int = USER) -> None:
    """A whole triage by text and buttons: knee, comes back, then the short intake -> see_pt."""
    await h.say(user, "my left knee hurts when I run")
    await h.press(user, h.last_keyboard_message(user), "Comes back when I run")
    await h.press(user, h.last_keyboard_message(user), "About the same")  # running more lately?
    await h.press(user, h.last_keyboard_message(user), "No race planned")
    await h.press(user, h.last_keyboard_message(user), "No")  # injured here before?


async def test_command_menu_is_published_at_start_up_and_matches_botfather_list(harness: Harness) -> None:
    published = harness.fake.sent("setMyCommands")[-1]["commands"]
    assert [(c["command"], c["description"]) for c in published] == list(command_menu())
    botfather = (REPO / "deploy" / "botfather-commands.txt").read_text().strip().splitlines()
    assert botfather == [f"{name} - {text}" for name, text in command_menu()]


async def test_start_welcomes_and_shows_typing_first(harness: Harness) -> None:
    out = await harness.say(USER, "/start")
    assert "triage helper for runners" in out[0]["text"]
    methods = [m for m, _ in harness.fake.calls]
    assert methods.index("sendChatAction") < methods.index("sendMessage")


async def test_start_with_a_deep_link_opens_that_command(harness: Harness) -> None:
    out = await harness.say(USER, "/start privacy")
    assert "triage helper" in out[0]["text"]
    assert "What I keep about you" in out[1]["text"]
    unknown = await harness.say(USER + 1, "/start some-campaign")
    assert len(unknown) == 1  # an unknown parameter is just a /start


async def test_help_lists_the_adapter_commands_too(harness: Harness) -> None:
    out = await harness.say(USER, "/help")
    assert "/restart" in out[0]["text"]
    assert "/summary" in out[-1]["text"] and "/forget" in out[-1]["text"]


async def test_cancel_and_restart(harness: Harness) -> None:
    await harness.say(USER, "my knee hurts")
    out = await harness.say(USER, "/cancel")
    assert "stopped the questions" in out[0]["text"]
    record = await harness.record(USER)
    assert record and record["conversation"]["state"] == "idle"
    out = await harness.say(USER, "/restart")
    assert "\n".join(p["text"] for p in out).count("Where does it hurt") == 1


async def test_settings_country_changes_crisis_lines(harness: Harness) -> None:
    out = await harness.say(USER, "/settings")
    labels = [b["text"] for row in out[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["United States", "United Kingdom", "Ireland", "Australia", "Canada", "New Zealand", "Spain", "Elsewhere in the EU", "India", "South Africa", "Mexico", "Brazil", "Singapore", "Nigeria", "Ghana", "Argentina", "Japan", "United Arab Emirates", "Somewhere else"]
    out = await harness.press(USER, out[0]["_message"], "United Kingdom")
    assert "United Kingdom" in out[0]["text"]
    record = await harness.record(USER)
    assert record and record["profile"]["country"] == "GB"
    crisis = await harness.say(USER, "I've been thinking about ending it all")
    text = "\n".join(p["text"] for p in crisis)
    assert "116 123" in text and "988" not in text


async def test_privacy_says_what_where_how_long_and_how_to_delete(harness: Harness) -> None:
    text = (await harness.say(USER, "/privacy"))[0]["text"]
    for words in ("What:", "Where:", "How long:", "/export", "/forget"):
        assert words in text


async def test_export_sends_the_record_as_a_json_document(harness: Harness) -> None:
    await triage(harness)
    await harness.say(USER, "/export")
    document = harness.fake.sent("sendDocument")[-1]
    data = json.loads(document["_files"]["document"])
    assert data["user_id"] == str(USER)
    assert data["record"]["history"][0]["level"] == "see_pt"
    assert data["record"]["conversation"]["slots"]["pain_location"] == ["knee"]
    assert data["record"]["clinical"]["intake"]["values"]["past_injury"] == "no"  # the intake is the runner's data


async def test_forget_asks_first_then_deletes_everything(harness: Harness) -> None:
    await triage(harness)
    out = await harness.say(USER, "/forget")
    confirm = out[0]["_message"]
    assert await harness.record(USER) is not None  # nothing deleted before the confirmation
    await harness.press(USER, confirm, "No, keep it")
    assert await harness.record(USER) is not None
    out = await harness.press(USER, confirm, "Yes, delete everything")
    assert "deleted everything" in out[0]["text"]
    assert await harness.record(USER) is None
    # The confirmation cannot be replayed: its keyboard went with the data.
    await harness.press(USER, confirm, "Yes, delete everything")
    assert "expired" in harness.answers()[-1]["text"]
    assert await harness.record(USER) is None


async def test_summary_reports_answers_and_advice_for_a_physio(harness: Harness) -> None:
    empty = await harness.say(USER, "/summary")
    assert "nothing to summarise" in empty[0]["text"]
    await triage(harness)
    text = (await harness.say(USER, "/summary"))[0]["text"]
    assert "Where: knee (left side)" in text
    assert "Pattern: comes back when running again" in text
    assert "Recent training change: no change" in text
    assert "book a physical therapist" in text
    pdf = harness.fake.sent("sendDocument")[-1]
    assert pdf["_files"]["document"].startswith(b"%PDF")
    assert "02 Mar 2026" in text


async def test_unknown_command_is_answered_by_the_engine(harness: Harness) -> None:
    out = await harness.say(USER, "/frobnicate")
    assert "don't know that command" in out[0]["text"]
