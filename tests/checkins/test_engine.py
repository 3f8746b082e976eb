"""The check-in through the engine: weeks of answers, the rules' replies, when it is not started,
the opt-in offer, /progress and /summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from bot.checkins.schedule import week_key
from bot.engine import Engine
from bot.turn import TurnResult, UserMessage

MONDAY = datetime(2026, 11, 2, 9, tzinfo=UTC)


async def week_of(engine: Engine, record: dict[str, Any], weeks: int, answers: list[str]) -> TurnResult:
    now = MONDAY + timedelta(weeks=weeks)
    started = await engine.start_checkin(record, now, week_key(now, "UTC"))
    assert started is not None
    result = started
    for text in answers:
        result = await engine.handle(result.record, UserMessage(text), now)
    return result


async def test_the_check_in_question_is_one_message_with_buttons(engine: Engine) -> None:
    result = await engine.start_checkin({}, MONDAY, "2026-W45")
    assert result is not None
    (reply,) = result.replies
    assert reply.asks == "checkin_pain" and "weekly check-in" in reply.text
    assert [b.label for b in reply.buttons] == [str(n) for n in range(11)]
    assert result.record["conversation"]["slots"]["checkin_week"] == "2026-W45"


async def test_pain_in_two_weeks_running_gives_the_see_pt_advice(engine: Engine) -> None:
    record: dict[str, Any] = {}
    first = await week_of(engine, record, 0, ["3", "knee", "it comes back when I run", "20", "8"])
    assert not any(r.triage for r in first.replies)
    second = await week_of(engine, first.record, 1, ["4", "same", "comes back every run", "22 km", "9"])
    levels = [r.triage for r in second.replies if r.triage]
    assert levels == ["see_pt"]
    text = "\n".join(r.text for r in second.replies)
    assert "two check-ins in a row" in text and "went up from 3/10 to 4/10" in text
    assert "988" in text  # every advice message carries the crisis lines and the disclaimer
    entries = second.record["checkins"]["entries"]
    assert [e["week"] for e in entries] == ["2026-W45", "2026-W46"]
    assert entries[-1]["findings"] == ["pain-recurring", "pain-rising"]
    assert "history" not in second.record  # a check-in is not a triage result


async def test_a_jump_in_distance_gives_the_gentle_load_warning(engine: Engine) -> None:
    result: TurnResult | None = None
    record: dict[str, Any] = {}
    for week, km in enumerate(["20", "20", "20", "20"]):
        result = await week_of(engine, record, week, ["0", km, "8"])
        record = result.record
    result = await week_of(engine, record, 4, ["0", "27 km", "11"])
    text = "\n".join(r.text for r in result.replies)
    assert "more than 30% above your average" in text and "Nielsen et al., JOSPT 2014" in text
    assert "longer than your longest in the previous 30 days" in text and "5,205 runners" in text
    assert "rule of thumb" in text
    assert not any(r.triage for r in result.replies)
    assert "mileage-rules" in {s for r in result.replies for s in r.sources}


async def test_answering_twice_in_a_week_keeps_the_last_answer(engine: Engine) -> None:
    first = await week_of(engine, {}, 0, ["0", "10", "5"])
    again = await week_of(engine, first.record, 0, ["0", "12", "6"])
    assert [e["distance_km"] for e in again.record["checkins"]["entries"]] == [12.0]


async def test_no_check_in_is_started_in_a_crisis_conversation(engine: Engine) -> None:
    crisis = await engine.handle({}, UserMessage("I want to kill myself"), MONDAY)
    assert await engine.start_checkin(crisis.record, MONDAY, "2026-W45") is None


async def triage_knee(engine: Engine, record: dict[str, Any]) -> Any:
    """Knee pain that comes back (see a PT), then the short intake: no change, no race, first time."""
    result = await engine.handle(record, UserMessage("my knee hurts every time I run"), MONDAY)
    for answer in ("about the same", "no", "no"):
        result = await engine.handle(result.record, UserMessage(answer), MONDAY)
    return result


async def test_the_offer_is_for_pain_worth_watching_and_only_when_not_subscribed(engine: Engine) -> None:
    result = await triage_knee(engine, {})
    advice = next(r for r in result.replies if r.triage)
    assert advice.triage == "see_pt" and [b.payload for b in advice.buttons] == ["!checkin start"]
    urgent = await engine.handle({}, UserMessage("I fainted at the end of my run"), MONDAY)
    assert not any(b.payload.startswith("!checkin") for r in urgent.replies for b in r.buttons)
    subscribed = {"checkins": {"schedule": {"weekday": 0, "at": "09:00", "tz": "UTC", "active": True}}}
    result = await triage_knee(engine, subscribed)
    assert not any(b.payload.startswith("!checkin") for r in result.replies for b in r.buttons)


async def test_progress_is_text_then_a_chart_and_summary_lists_check_ins(engine: Engine) -> None:
    one = await week_of(engine, {}, 0, ["2", "knee", "fades", "10", "5"])
    progress = await engine.handle(one.record, UserMessage("/progress"), MONDAY)
    assert progress.effects == () and "2026-W45" in progress.replies[0].text
    two = await week_of(engine, one.record, 1, ["0", "12", "6"])
    progress = await engine.handle(two.record, UserMessage("/progress"), MONDAY)
    assert [e.kind for e in progress.effects] == ["send_progress_chart"]
    summary = await engine.handle(two.record, UserMessage("/summary"), MONDAY)
    assert "Weekly check-ins:" in summary.replies[0].text and "2026-W46" in summary.replies[0].text


async def test_settings_wizard_subscribes_with_the_next_due_time(engine: Engine) -> None:
    result = await engine.handle({}, UserMessage("/checkin"), MONDAY)
    for payload in ("!checkin day 2", "!checkin time 18:00", "!checkin tz Europe/Berlin", "!checkin unit km"):
        result = await engine.handle(result.record, UserMessage("x", payload=payload), MONDAY)
    (effect,) = result.effects
    assert effect.kind == "subscribe_checkins"
    assert effect.data["due"] == "2026-11-04T17:00:00+00:00"  # Wednesday 18:00 CET
    changed = await engine.handle(result.record, UserMessage("/checkin time 07:15"), MONDAY)
    assert changed.effects[0].data["schedule"]["at"] == "07:15"
    bad = await engine.handle(result.record, UserMessage("/checkin tz Mars/Base"), MONDAY)
    assert bad.effects == () and "Europe/Berlin" in bad.replies[0].text
    off = await engine.handle(result.record, UserMessage("/checkin off"), MONDAY)
    assert [e.kind for e in off.effects] == ["unsubscribe_checkins"]
    stale = await engine.handle(off.record, UserMessage("x", payload="!checkin bogus"), MONDAY)
    assert "no longer does anything" in stale.replies[0].text
