"""The sweep (bot.checkins.sweep) with a controlled clock and a fake send: who is due, at most one
check-in per runner and ISO week, restarts, a kill mid-sweep, blocked runners, lateness, pauses."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.checkins.schedule import CheckinSchedule, next_due
from bot.checkins.sweep import Outcome, process_user, sweep
from bot.store import MemoryStore, TinyDBStore, UserSession, UserStore

MONDAY_9 = datetime(2026, 12, 7, 9, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Killed(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the sweep catches it."""


class FakeSend:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.outcomes: dict[str, Outcome] = {}
        self.kill_on: str | None = None

    async def __call__(self, session: UserSession, due: datetime, week: str) -> Outcome:
        if session.user_id == self.kill_on:
            raise Killed
        outcome = self.outcomes.get(session.user_id, Outcome.SENT)
        if outcome is Outcome.SENT:
            self.sent.append((session.user_id, week))
        return outcome


async def subscribe(store: UserStore, user_id: str, schedule: CheckinSchedule, now: datetime) -> datetime:
    async with store.session(user_id) as session:
        session.record["checkins"] = {"schedule": schedule.to_json()}
    due = next_due(schedule, now)
    assert due is not None
    await store.set_checkin_due(user_id, due)
    return due


@pytest.fixture(params=["memory", "tinydb"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[UserStore]:
    backend: UserStore = MemoryStore() if request.param == "memory" else TinyDBStore(tmp_path / "data")
    yield backend
    await backend.close()


MONDAYS_9_UTC = CheckinSchedule(0, "09:00", "UTC")


async def test_only_due_users_are_sent_once_and_rescheduled(store: UserStore) -> None:
    clock = Clock(MONDAY_9 - timedelta(days=3))
    await subscribe(store, "due", MONDAYS_9_UTC, clock.now)
    await subscribe(store, "later", CheckinSchedule(1, "09:00", "UTC"), clock.now)
    send = FakeSend()
    clock.now = MONDAY_9 + timedelta(minutes=1)
    report = await sweep(store, clock, send)
    assert send.sent == [("due", "2026-W50")]
    assert report["sent"] == 1
    assert await store.due_checkins(MONDAY_9 + timedelta(days=7)) == [
        ("later", MONDAY_9 + timedelta(days=1)), ("due", MONDAY_9 + timedelta(days=7))]
    # The next tick finds nobody; the mark is in the record.
    assert (await sweep(store, clock, send)).counts == {}
    assert send.sent == [("due", "2026-W50")]
    assert (await store.export_user("due") or {})["checkins"]["sent_week"] == "2026-W50"


async def test_a_runner_is_asked_every_week_in_their_own_zone_across_dst(store: UserStore) -> None:
    london = CheckinSchedule(6, "07:00", "Europe/London")  # Sundays 07:00 local
    clock = Clock(datetime(2026, 10, 10, tzinfo=UTC))
    await subscribe(store, "r", london, clock.now)
    send = FakeSend()
    sent_at = []
    for _ in range(3 * 7 * 24):  # an hourly sweep for three weeks
        clock.now += timedelta(hours=1)
        before = len(send.sent)
        await sweep(store, clock, send)
        if len(send.sent) > before:
            sent_at.append(clock.now)
    # 07:00 BST = 06:00 UTC on 11 and 18 Oct; 07:00 GMT = 07:00 UTC from 25 Oct.
    assert sent_at == [datetime(2026, 10, 11, 6, tzinfo=UTC), datetime(2026, 10, 18, 6, tzinfo=UTC),
                       datetime(2026, 10, 25, 7, tzinfo=UTC)]
    assert [w for _, w in send.sent] == ["2026-W41", "2026-W42", "2026-W43"]


async def test_restart_between_schedule_and_send(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = TinyDBStore(data)
    await subscribe(first, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    await first.close()  # the bot stops before the check-in is due (no job survives this)
    second = TinyDBStore(data)
    try:
        send = FakeSend()
        await sweep(second, Clock(MONDAY_9 + timedelta(hours=2)), send)  # back 2 h late
        assert send.sent == [("r", "2026-W50")]
    finally:
        await second.close()


async def test_a_kill_after_the_mark_never_sends_twice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = TinyDBStore(data)
    for user in ("a", "b", "c"):
        await subscribe(store, user, MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    send = FakeSend()
    send.kill_on = "b"  # the process dies inside b's send, after b's mark was saved
    clock = Clock(MONDAY_9 + timedelta(minutes=1))
    with pytest.raises(BaseExceptionGroup) as caught:
        await sweep(store, clock, send, concurrency=1)
    assert caught.group_contains(Killed)
    await store.close()  # what is on disk is all that survives

    for _ in range(3):  # restart, then a few more ticks
        store = TinyDBStore(data)
        send.kill_on = None
        clock.now += timedelta(minutes=1)
        await sweep(store, clock, send)
        await store.close()
    users = [u for u, _ in send.sent]
    assert sorted(users) == ["a", "c"]  # b lost this week's check-in (at most once) ...
    assert all(users.count(u) == 1 for u in users)  # ... and nobody got two
    store = TinyDBStore(data)
    try:  # b is asked again the week after
        clock.now = MONDAY_9 + timedelta(days=7, minutes=1)
        await sweep(store, clock, send)
        assert sorted(u for u, w in send.sent if w == "2026-W51") == ["a", "b", "c"]
    finally:
        await store.close()


async def test_a_send_that_failed_in_an_unknown_way_is_not_repeated(store: UserStore) -> None:
    await subscribe(store, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    calls = []

    async def flaky(session: UserSession, due: datetime, week: str) -> Outcome:
        calls.append(week)
        raise TimeoutError("maybe delivered")

    clock = Clock(MONDAY_9)
    assert (await sweep(store, clock, flaky))["failed"] == 1
    clock.now += timedelta(minutes=1)
    await sweep(store, clock, flaky)
    assert calls == ["2026-W50"]


async def test_a_send_that_never_reached_telegram_is_retried_on_the_next_tick(store: UserStore) -> None:
    await subscribe(store, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    send = FakeSend()
    send.outcomes["r"] = Outcome.NOT_DELIVERED
    clock = Clock(MONDAY_9)
    assert (await sweep(store, clock, send))["not_delivered"] == 1  # tried once per run, no busy loop
    del send.outcomes["r"]
    clock.now += timedelta(minutes=1)
    await sweep(store, clock, send)
    assert send.sent == [("r", "2026-W50")]


async def test_a_blocked_runner_is_unsubscribed(store: UserStore) -> None:
    await subscribe(store, "blocked", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    send = FakeSend()
    send.outcomes["blocked"] = Outcome.BLOCKED
    report = await sweep(store, Clock(MONDAY_9), send)
    assert report["blocked"] == 1
    assert await store.users_with_checkins() == []
    record = await store.export_user("blocked") or {}
    assert record["checkins"]["schedule"]["active"] is False


@pytest.mark.parametrize("late, sent", [(timedelta(hours=23, minutes=59), True), (timedelta(hours=24), False),
                                        (timedelta(days=3), False)])
async def test_a_missed_checkin_is_sent_only_if_less_than_24h_late(store: UserStore, late: timedelta, sent: bool) -> None:
    await subscribe(store, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    send = FakeSend()
    clock = Clock(MONDAY_9 + late)
    report = await sweep(store, clock, send)
    assert bool(send.sent) is sent
    assert report["too_late"] == (0 if sent else 1)
    # Either way the next due time is the next slot after now, never in the past.
    (user, due), = await store.due_checkins(MONDAY_9 + timedelta(days=30))
    assert due > clock.now and due == next_due(MONDAYS_9_UTC, clock.now)


async def test_a_pause_skips_weeks_and_ends_by_itself(store: UserStore) -> None:
    now = MONDAY_9 - timedelta(days=1)
    paused = MONDAYS_9_UTC.paused_for(2, now)  # until Sunday 20 Dec 09:00
    await subscribe(store, "r", paused, now)
    send = FakeSend()
    clock = Clock(now)
    for _ in range(4 * 7 * 4):  # every 6 hours for four weeks
        clock.now += timedelta(hours=6)
        await sweep(store, clock, send)
    assert [w for _, w in send.sent] == ["2026-W52", "2026-W53"]  # 21 and 28 Dec (2026 has 53 ISO weeks); 7 and 14 Dec skipped


async def test_an_opted_out_runner_left_in_the_index_is_dropped(store: UserStore) -> None:
    await subscribe(store, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    async with store.session("r") as session:
        session.record["checkins"]["schedule"]["active"] = False
    send = FakeSend()
    assert (await sweep(store, Clock(MONDAY_9), send))["not_subscribed"] == 1
    assert send.sent == [] and await store.users_with_checkins() == []


async def test_already_marked_week_only_moves_the_index(store: UserStore) -> None:
    # The runner changed the day after this week's check-in: no second one this ISO week.
    await subscribe(store, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    send = FakeSend()
    await sweep(store, Clock(MONDAY_9), send)
    friday = CheckinSchedule(4, "09:00", "UTC")
    await subscribe(store, "r", friday, MONDAY_9 + timedelta(hours=1))
    async with store.session("r") as session:
        session.record["checkins"]["sent_week"] = "2026-W50"
    report = await sweep(store, Clock(MONDAY_9 + timedelta(days=4)), send)
    assert report["already_sent"] == 1 and len(send.sent) == 1


async def test_sends_are_paced_by_the_limiter_and_batches_cover_everyone() -> None:
    store = MemoryStore()
    for n in range(25):
        await subscribe(store, f"u{n}", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))

    class CountingLimiter:
        acquired = 0

        async def acquire(self, amount: float = 1) -> None:
            self.acquired += 1

    limiter = CountingLimiter()
    send = FakeSend()
    await sweep(store, Clock(MONDAY_9), send, limiter=limiter, batch=7, concurrency=3)
    assert len(send.sent) == 25 == limiter.acquired
    assert len({u for u, _ in send.sent}) == 25


async def test_a_turn_of_the_same_runner_waits_until_the_check_in_is_sent() -> None:
    # The sweep takes the runner's session before it reads the record and keeps it while it
    # sends: a message from the runner arriving meanwhile waits, and both changes are kept.
    store = MemoryStore()
    await subscribe(store, "r", MONDAYS_9_UTC, MONDAY_9 - timedelta(days=1))
    happened: list[str] = []
    turns: list[asyncio.Task[None]] = []

    async def turn() -> None:
        async with store.session("r") as session:
            happened.append("turn")
            session.record["note"] = "the runner wrote in"

    async def send(session: UserSession, due: datetime, week: str) -> Outcome:
        turns.append(asyncio.create_task(turn()))
        for _ in range(20):  # every chance for the turn to run now, if it could
            await asyncio.sleep(0)
        happened.append(f"sent {week}")
        return Outcome.SENT

    assert await process_user(store, "r", MONDAY_9, MONDAY_9, send) == "sent"
    await asyncio.gather(*turns)
    assert happened == ["sent 2026-W50", "turn"]
    record = await store.export_user("r")
    assert record is not None and record["note"] == "the runner wrote in"
    assert record["checkins"]["sent_week"] == "2026-W50"
