"""The check-in through the engine: weeks of answers, the rules' replies, when it is not started,
the opt-in offer, /progress and /summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

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


async def test_pain_that_came_back_gets_the_see_pt_advice_as_in_the_conversation(engine: Engine) -> None:
    record: dict[str, Any] = {}
    first = await week_of(engine, record, 0, ["3", "knee", "it comes back when I run", "20", "8"])
    assert [r.triage for r in first.replies if r.triage] == ["see_pt"]  # the triage's rule, not a copy
    second = await week_of(engine, first.record, 1, ["4", "same", "comes back every run", "22 km", "9"])
    levels = [r.triage for r in second.replies if r.triage]
    assert levels == ["see_pt"]
    text = "\n".join(r.text for r in second.replies)
    assert "came back when you ran" in text
    assert "went up from" not in text  # a one-point rise is not a finding of its own
    assert "988" in text  # every advice message carries the crisis lines and the disclaimer
    entries = second.record["checkins"]["entries"]
    assert [e["week"] for e in entries] == ["2026-W45", "2026-W46"]
    assert entries[-1]["findings"] == ["pain-pattern"]
    assert "history" not in second.record  # a check-in is not a triage result


async def test_soreness_that_fades_is_not_advice(engine: Engine) -> None:
    first = await week_of(engine, {}, 0, ["3", "knee", "it faded after a couple of days", "20", "8"])
    assert not any(r.triage for r in first.replies)


async def test_a_jump_in_distance_gives_the_gentle_load_warning(engine: Engine) -> None:
    result: TurnResult | None = None
    record: dict[str, Any] = {}
    for week, km in enumerate(["20", "20", "20", "20"]):
        result = await week_of(engine, record, week, ["0", km, "8"])
        record = result.record
    result = await week_of(engine, record, 4, ["0", "27 km", "11"])
    text = "\n".join(r.text for r in result.replies)
    assert "27 km vs your average of about 20 km a week over the previous four weeks: 35% more" in text
    assert "Nielsen et al., JOSPT 2014" in text and "up to about 26 km next week" in text
    assert "Longest run 11 km vs 8 km in the previous 30 days: 38% longer" in text
    assert "5,205 runners" in text and "rule of thumb" in text
    assert not any(r.triage for r in result.replies)
    assert "mileage-rules" in {s for r in result.replies for s in r.sources}


async def test_a_second_check_in_in_a_week_asks_replace_or_keep(engine: Engine) -> None:
    first = await week_of(engine, {}, 0, ["0", "10", "5"])
    asked = await week_of(engine, first.record, 0, [])
    (question,) = asked.replies  # the sweep sends one message
    assert question.asks == "checkin_replace" and "week of 2 Nov: pain 0/10, 10 km in the week" in question.text
    assert [b.label for b in question.buttons] == ["Replace them", "Keep them"]
    kept = await engine.handle(asked.record, UserMessage("keep them please"), MONDAY)
    assert "kept your answers for the week of 2 Nov" in kept.replies[0].text
    assert [e["distance_km"] for e in kept.record["checkins"]["entries"]] == [10.0]
    again = await week_of(engine, first.record, 0, ["replace", "0", "12", "6"])
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
    advice, offer = result.replies[-2:]  # the offer is a short message of its own, after the advice
    assert advice.triage == "see_pt" and [b.payload for b in offer.buttons] == ["!checkin start"]
    urgent = await engine.handle({}, UserMessage("I fainted at the end of my run"), MONDAY)
    assert not any(b.payload.startswith("!checkin") for r in urgent.replies for b in r.buttons)
    subscribed = {"checkins": {"schedule": {"weekday": 0, "at": "09:00", "tz": "UTC", "active": True}}}
    result = await triage_knee(engine, subscribed)
    assert not any(b.payload.startswith("!checkin") for r in result.replies for b in r.buttons)


async def test_progress_is_text_then_a_chart_and_summary_lists_check_ins(engine: Engine) -> None:
    one = await week_of(engine, {}, 0, ["2", "knee", "fades", "10", "5"])
    progress = await engine.handle(one.record, UserMessage("/progress"), MONDAY)
    assert progress.effects == () and "week of 2 Nov" in progress.replies[0].text
    two = await week_of(engine, one.record, 1, ["0", "12", "6"])
    progress = await engine.handle(two.record, UserMessage("/progress"), MONDAY)
    assert [e.kind for e in progress.effects] == ["send_progress_chart"]
    summary = await engine.handle(two.record, UserMessage("/summary"), MONDAY)
    assert "Weekly check-ins:" in summary.replies[0].text and "week of 9 Nov" in summary.replies[0].text


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


@pytest.mark.slow
async def test_the_dev_set_through_the_engine_reads_as_the_readers_do(engine: Engine) -> None:
    """Wiring guard: every dev case recorded right through the engine (bot.evals.checkin, as a
    runner sees it), except a red flag in an answer, which the safety screen answers first; and
    the answer's `also` (the longest run in the distance answer) lands in the stored entry."""
    from pathlib import Path

    from bot.evals.checkin import evaluate
    from bot.evals.driver import Runner, load_cases

    cases = load_cases(Path(__file__).parents[1] / "data" / "checkin_dev.yml")
    counts, misses = await evaluate(cases)
    assert counts["right"] >= len(cases) - 1, misses
    assert all("barely walk" in miss for miss in misses), misses  # the red flag: urgent advice instead
    for case in [c for c in cases if c.get("also") and c["ask"] == "distance" and not c.get("before")]:
        runner = Runner(engine=engine, record={"checkins": {"schedule": {"unit": case.get("unit") or "km",
                                                                         "tz": "UTC", "active": True}}})
        for text in ("/checkin_now", "0", str(case["text"])):
            await runner.say(text)
        entry = runner.record["checkins"]["entries"][-1]
        assert entry["longest_km"] == pytest.approx(case["also"]["longest_km"], abs=0.05), case["text"]


@pytest.mark.slow
async def test_the_blind_set_stays_where_tuning_left_it() -> None:
    """Regression only: tests/data/blind/checkin_blind.yml was scored once for first contact
    (docs/evaluation.md) and tuned on since. Nothing may go silently wrong again except the one
    answer the safety screen takes first ("10/10 cant walk": urgent advice, nothing recorded)."""
    from pathlib import Path

    from bot.evals.checkin import evaluate
    from bot.evals.driver import load_cases

    cases = load_cases(Path(__file__).parents[1] / "data" / "blind" / "checkin_blind.yml")
    counts, misses = await evaluate(cases)
    wrong = [m for m in misses if m.startswith("[wrong]")]
    assert len(wrong) <= 1 and all("cant walk" in m for m in wrong), wrong
    assert counts["right"] + counts["asked"] >= 148, misses
