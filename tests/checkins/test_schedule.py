"""Schedule arithmetic: weekday + local time + IANA zone -> UTC due times, across DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.checkins.schedule import (
    CheckinSchedule,
    ScheduleError,
    next_due,
    too_late,
    valid_time,
    valid_timezone,
    week_key,
)

MONDAY = 0
SUNDAY = 6


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_next_due_is_the_local_time_on_the_weekday_in_utc() -> None:
    berlin = CheckinSchedule(MONDAY, "09:00", "Europe/Berlin")
    # Thursday 26 Nov 2026 -> Monday 30 Nov 09:00 CET = 08:00 UTC
    assert next_due(berlin, utc(2026, 11, 26, 12)) == utc(2026, 11, 30, 8)
    tokyo = CheckinSchedule(MONDAY, "09:00", "Asia/Tokyo")
    assert next_due(tokyo, utc(2026, 11, 26, 12)) == utc(2026, 11, 30, 0)
    la = CheckinSchedule(SUNDAY, "18:30", "America/Los_Angeles")
    # Sunday 29 Nov 18:30 PST = Monday 02:30 UTC
    assert next_due(la, utc(2026, 11, 26, 12)) == utc(2026, 11, 30, 2, 30)


def test_next_due_is_strictly_after() -> None:
    schedule = CheckinSchedule(MONDAY, "09:00", "UTC")
    slot = utc(2026, 11, 30, 9)
    assert next_due(schedule, slot - timedelta(microseconds=1)) == slot
    assert next_due(schedule, slot) == slot + timedelta(days=7)


def test_the_same_day_later_is_this_week_earlier_is_next_week() -> None:
    schedule = CheckinSchedule(MONDAY, "09:00", "UTC")
    assert next_due(schedule, utc(2026, 11, 30, 8)) == utc(2026, 11, 30, 9)
    assert next_due(schedule, utc(2026, 11, 30, 10)) == utc(2026, 12, 7, 9)


def test_london_keeps_local_time_across_the_october_change() -> None:
    # Clocks go back on Sunday 25 Oct 2026: 07:00 BST is 06:00 UTC, 07:00 GMT is 07:00 UTC.
    schedule = CheckinSchedule(SUNDAY, "07:00", "Europe/London")
    before = next_due(schedule, utc(2026, 10, 17, 12))
    assert before == utc(2026, 10, 18, 6)
    after = next_due(schedule, before)
    assert after == utc(2026, 10, 25, 7)  # the change day itself: 07:00 is after 02:00
    assert after - before == timedelta(days=7, hours=1)
    assert after.astimezone(ZoneInfo("Europe/London")).hour == 7


def test_new_york_keeps_local_time_across_the_november_change() -> None:
    # Clocks go back on Sunday 1 Nov 2026: Monday 09:00 EDT = 13:00 UTC, then EST = 14:00 UTC.
    schedule = CheckinSchedule(MONDAY, "09:00", "America/New_York")
    first = next_due(schedule, utc(2026, 10, 20))
    second = next_due(schedule, first)
    third = next_due(schedule, second)
    assert [first, second, third] == [utc(2026, 10, 26, 13), utc(2026, 11, 2, 14), utc(2026, 11, 9, 14)]


def test_a_time_in_the_spring_gap_and_the_autumn_overlap() -> None:
    # 02:30 does not exist on 29 Mar 2026 in London: read with the offset before the change.
    gap = CheckinSchedule(SUNDAY, "01:30", "Europe/London")
    assert next_due(gap, utc(2026, 3, 28)) == utc(2026, 3, 29, 1, 30)
    # 01:30 happens twice on 25 Oct 2026 in London: the first (BST, 00:30 UTC).
    overlap = CheckinSchedule(SUNDAY, "01:30", "Europe/London")
    assert next_due(overlap, utc(2026, 10, 24)) == utc(2026, 10, 25, 0, 30)


def test_pause_skips_slots_until_it_ends_and_a_slot_at_the_end_counts() -> None:
    schedule = CheckinSchedule(MONDAY, "09:00", "UTC")
    now = utc(2026, 11, 30, 9)  # Monday, just at the slot
    paused = schedule.paused_for(2, now)
    assert paused.paused_until == utc(2026, 12, 14, 9)
    assert next_due(paused, now) == utc(2026, 12, 14, 9)
    assert next_due(schedule.paused_for(0, now), now) == utc(2026, 12, 7, 9)


def test_inactive_schedule_has_no_due_time() -> None:
    schedule = CheckinSchedule(MONDAY, "09:00", "UTC", active=False)
    assert next_due(schedule, utc(2026, 11, 30)) is None


def test_week_key_is_the_iso_week_in_the_runners_zone() -> None:
    moment = utc(2026, 12, 6, 23, 30)  # Sunday 23:30 UTC = Monday 00:30 in Berlin
    assert week_key(moment, "UTC") == "2026-W49"
    assert week_key(moment, "Europe/Berlin") == "2026-W50"
    assert week_key(utc(2027, 1, 1), "UTC") == "2026-W53"


def test_lateness_rule_boundary_is_24_hours() -> None:
    due = utc(2026, 12, 7, 9)
    assert not too_late(due, due)
    assert not too_late(due, due + timedelta(hours=23, minutes=59, seconds=59))
    assert too_late(due, due + timedelta(hours=24))
    assert too_late(due, due + timedelta(days=3))


def test_schedule_round_trips_through_json() -> None:
    schedule = CheckinSchedule(2, "07:30", "America/Denver", "mi").paused_for(1, utc(2026, 1, 1))
    assert CheckinSchedule.from_json(schedule.to_json()) == schedule
    assert CheckinSchedule.from_json({"weekday": 9, "at": "07:00", "tz": "UTC"}) is None
    assert CheckinSchedule.from_json(None) is None


@pytest.mark.parametrize("bad", ["Mars/Olympus", "", "../etc/passwd", "CET+1"])
def test_bad_timezones_are_refused_with_a_hint(bad: str) -> None:
    with pytest.raises(ScheduleError, match="Europe/Berlin"):
        valid_timezone(bad)


def test_timezone_case_is_forgiven_and_times_are_normalised() -> None:
    assert valid_timezone("europe/london") == "Europe/London"
    assert valid_time("7:05") == "07:05"
    with pytest.raises(ScheduleError):
        valid_time("25:00")
