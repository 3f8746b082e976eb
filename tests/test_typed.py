"""Typed answers to buttons, the same in every channel (bot.engine.typed; issue 16)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import yaml

from bot.commands import TIME_CHOICES, TIMEZONE_CHOICES
from bot.engine import Engine
from bot.engine.typed import press_for, read_time, read_timezone
from bot.paths import knowledge_directory
from bot.turn import Button, UserMessage

NOW = datetime(2026, 11, 26, 9, tzinfo=UTC)
TIMES = tuple(Button(t, f"!checkin time {t}") for t in TIME_CHOICES)
ZONES = tuple(Button(z, f"!checkin tz {z}") for z in TIMEZONE_CHOICES)
UNITS = (Button("km", "!checkin unit km"), Button("miles", "!checkin unit mi"))
DAYS = tuple(Button(d, f"!checkin day {i}") for i, d in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")))
FORGET = (Button("Yes, delete everything", "!forget yes"), Button("No, keep it", "!forget no"))
COUNTRY_BUTTONS = tuple(Button(label, f"!country {code}") for label, code in (
    ("United States", "US"), ("United Kingdom", "GB"), ("Ireland", "IE"), ("Somewhere else", "other")))
# What the engine passes (Engine._country_names): the crisis data's codes, labels, names and aliases,
# and its `places` ("england", "dublin").
COUNTRIES = {"us": "US", "united states": "US", "gb": "GB", "uk": "GB", "united kingdom": "GB", "the uk": "GB",
             "ie": "IE", "ireland": "IE", "other": "other", "somewhere else": "other",
             **{place: code for code, places in yaml.safe_load(
                 (knowledge_directory() / "crisis_resources.yml").read_text())["places"].items() for place in places}}
PATTERN = (Button("Fades within days", '/inform{"pain_pattern":"fades"}'),
           Button("It doesn't fade", '/inform{"pain_pattern":"persistent"}'))


def payload(text: str, buttons: tuple[Button, ...]) -> str | None:
    button = press_for(text, buttons, COUNTRIES)
    return button.payload if button else None


@pytest.mark.parametrize("text, expected", [
    ("7pm", "19:00"), ("7 pm", "19:00"), ("19:00", "19:00"), ("7:30am", "07:30"), ("7.30 a.m.", "07:30"),
    ("at 7 in the evening", "19:00"), ("6 in the morning", "06:00"), ("noon", "12:00"), ("12am", "00:00"),
    ("19h30", "19:30"), ("18", "18:00"),
    ("7", None), ("tomorrow", None), ("7 or 8pm", None), ("25:00", None), ("13pm", None),
    # tester round 23: "half 7" was 07:00
    ("half seven in the evening", "19:30"), ("half 7 pm", "19:30"), ("quarter to 8 am", "07:45"),
    ("7:30 in the evening", "19:30"),
])
def test_times_as_runners_type_them(text: str, expected: str | None) -> None:
    assert read_time(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("im in toronto, eastern time", "America/Toronto"), ("eastern time", "America/New_York"),
    ("Europe/Madrid", "Europe/Madrid"), ("europe/madrid", "Europe/Madrid"), ("london", "Europe/London"),
    ("I live in New York", "America/New_York"), ("uk", "Europe/London"), ("pacific", "America/Los_Angeles"),
    ("sydney please", "Australia/Sydney"), ("Germany", "Europe/Berlin"), ("somewhere", None),
    # tester round 23: "south africa, SAST" was Australia/South; "cape town" unknown
    ("south africa, SAST", "Africa/Johannesburg"), ("cape town", "Africa/Johannesburg"), ("mumbai", "Asia/Kolkata"),
    ("nz", "Pacific/Auckland"),
])
def test_time_zones_by_name_city_or_country(text: str, expected: str | None) -> None:
    assert read_timezone(text) == expected


def test_each_settings_question_reads_its_own_kind_of_answer() -> None:
    assert payload("7pm", TIMES) == "!checkin time 19:00"
    assert payload("06:45", TIMES) == "!checkin time 06:45"  # a time no button shows
    assert payload("7pm", ZONES) is None  # a time is not an answer to "which timezone?"
    assert payload("im in toronto, eastern time", ZONES) == "!checkin tz America/Toronto"
    assert payload("km please", UNITS) == "!checkin unit km"
    assert payload("Miles.", UNITS) == "!checkin unit mi"
    assert payload("km or miles", UNITS) is None
    assert payload("mondays", DAYS) == "!checkin day 0"
    assert payload("thurs", DAYS) == "!checkin day 3"
    assert payload("england", COUNTRY_BUTTONS) == "!country GB"
    assert payload("the UK", COUNTRY_BUTTONS) == "!country GB"
    assert payload("somewhere else", COUNTRY_BUTTONS) == "!country other"
    assert payload("tell us about the knee", COUNTRY_BUTTONS) is None  # "us" only as (almost) the whole answer
    assert payload("yes", FORGET) == "!forget yes"
    assert payload("no thanks", FORGET) == "!forget no"
    assert payload("yes no", FORGET) is None


def test_only_a_clear_yes_or_no_answers_a_yes_no_button() -> None:
    """Tester report, persona 8: "ok what should i do" after the advice signed up for check-ins."""
    offer = (Button("Weekly check-in", "!checkin start"),)
    assert payload("yes please", offer) == "!checkin start"
    assert payload("ok sounds good", offer) == "!checkin start"
    assert payload("ok what should i do", offer) is None
    assert payload("wat do i do rn", offer) is None
    assert payload("ok what should i do", FORGET) is None
    assert payload("yes, delete it", FORGET) == "!forget yes"


def test_a_label_is_a_press_give_or_take_case_and_punctuation() -> None:
    assert payload("fades within days", PATTERN) == '/inform{"pain_pattern":"fades"}'
    assert payload('"It doesn\'t fade."', PATTERN) == '/inform{"pain_pattern":"persistent"}'
    assert payload("it fades within days mostly", PATTERN) is None  # the NLU's to read
    assert payload("why", (Button("Why?", '/detail{"detail":"why"}'),)) == '/detail{"detail":"why"}'


def test_the_start_of_one_label_is_its_press() -> None:
    carry = (Button("Carry on about my running", "/resume"), Button("I'm not safe right now", "/not_safe"))
    assert payload("carry on", carry) == "/resume"  # tester round 8: only the button worked
    assert payload("Carry on!", carry) == "/resume"
    assert payload("carry", carry) is None  # one word is too little to tell
    both = (Button("See a doctor today", "/a"), Button("See a doctor next week", "/b"))
    assert payload("see a doctor", both) is None  # two labels start so: not a press


def test_a_long_message_is_never_read_as_a_value() -> None:
    assert payload("my knee has hurt every evening since I ran at 7pm on the track last week", TIMES) is None


async def test_the_engine_remembers_the_buttons_and_reads_typed_answers(engine: Engine) -> None:
    forget = await engine.handle({"profile": {"country": "GB"}}, UserMessage("/forget"), NOW)
    assert forget.record["conversation"]["buttons"][0] == ["Yes, delete everything", "!forget yes", ""]
    done = await engine.handle(forget.record, UserMessage("yes"), NOW)
    assert [e.kind for e in done.effects] == ["delete_data"]  # the adapter deletes the record


async def test_a_question_that_moved_on_has_no_typed_answers(engine: Engine) -> None:
    """As Telegram's stale presses: the pain scale's "3" does not answer a later question."""
    started = await engine.handle(
        {"checkins": {"schedule": {"unit": "km", "tz": "UTC", "active": True}}}, UserMessage("/checkin_now"), NOW)
    assert started.record["conversation"]["requested_slot"] == "checkin_pain"
    moved = {**started.record, "conversation": {**started.record["conversation"], "requested_slot": "checkin_distance"}}
    result = await engine.handle(moved, UserMessage("3"), NOW)
    assert result.record["conversation"]["slots"].get("checkin_pain") is None
    assert result.record["conversation"]["slots"].get("checkin_distance") == 3.0


async def test_a_typed_answer_with_a_crisis_or_red_flag_in_it_is_not_read_as_a_button(engine: Engine) -> None:
    forget = await engine.handle({}, UserMessage("/forget"), NOW)
    crisis = await engine.handle(forget.record, UserMessage("yes, I want to end my life"), NOW)
    assert not crisis.effects and any(r.triage == "crisis" for r in crisis.replies)
    started = await engine.handle({}, UserMessage("/checkin"), NOW)
    monday = await engine.handle(started.record, UserMessage("monday"), NOW)
    chest = await engine.handle(monday.record, UserMessage("7pm, I had chest pain on my run"), NOW)
    assert any(r.triage == "emergency" for r in chest.replies)


async def test_an_unreadable_settings_answer_says_what_is_wanted_with_the_buttons(engine: Engine) -> None:
    started = await engine.handle({}, UserMessage("/checkin"), NOW)
    monday = await engine.handle(started.record, UserMessage("monday"), NOW)
    lost = await engine.handle(monday.record, UserMessage("whenever suits"), NOW)
    assert "didn't catch the time" in lost.replies[0].text
    assert [b.label for b in lost.replies[0].buttons] == list(TIME_CHOICES)
    seven = await engine.handle(lost.record, UserMessage("7pm"), NOW)
    assert "Which timezone" in seven.replies[0].text
