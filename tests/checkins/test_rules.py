"""The check-in rules (bot.checkins.rules), each with its boundary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.checkins.rules import evaluate, load_warning

MONDAY = datetime(2026, 11, 2, 9, tzinfo=UTC)  # ISO week 2026-W45


def entry(weeks_later: int, pain: float | None = 0, pattern: str | None = None, distance: float | None = None,
          longest: float | None = None, days: int | None = None) -> dict[str, Any]:
    at = MONDAY + (timedelta(days=days) if days is not None else timedelta(weeks=weeks_later))
    year, week, _ = at.isocalendar()
    return {"week": f"{year}-W{week:02d}", "at": at.isoformat(), "pain": pain, "pattern": pattern,
            "distance_km": distance, "longest_km": longest, "location": ["knee"] if pain else []}


def rules(entries: list[dict[str, Any]]) -> set[str]:
    return {f.rule for f in evaluate(entries)}


def test_pain_in_two_consecutive_checkins_that_did_not_fade_is_see_pt() -> None:
    assert "pain-recurring" in rules([entry(0, 3, "recurring"), entry(1, 3, "recurring")])
    assert "pain-recurring" in rules([entry(0, 2, "fades"), entry(1, 2, "persistent")])


def test_pain_only_once_or_fading_is_not_recurring() -> None:
    assert "pain-recurring" not in rules([entry(0, 0), entry(1, 4, "recurring")])
    assert "pain-recurring" not in rules([entry(0, 4, "recurring"), entry(1, 0)])
    assert "pain-recurring" not in rules([entry(0, 2, "recurring"), entry(1, 2, "fades")])  # soreness
    assert "pain-recurring" not in rules([entry(0, 3, "recurring")])  # only one check-in


def test_rising_pain_boundary_is_any_rise() -> None:
    assert "pain-rising" in rules([entry(0, 2, "fades"), entry(1, 3, "fades")])
    assert "pain-rising" not in rules([entry(0, 3, "fades"), entry(1, 3, "fades")])
    assert "pain-rising" not in rules([entry(0, 5, "fades"), entry(1, 4, "fades")])
    assert "pain-rising" in rules([entry(0, 0), entry(1, 1, "fades")])


@pytest.mark.parametrize("this_week, warned", [(13.0, False), (13.01, True), (12.0, False), (20.0, True)])
def test_week_distance_more_than_30_percent_above_the_four_week_average(this_week: float, warned: bool) -> None:
    history = [entry(w, distance=d) for w, d in enumerate([8.0, 12.0, 9.0, 11.0])]  # average 10
    assert ("load-week" in rules([*history, entry(4, distance=this_week)])) is warned


def test_only_the_previous_four_weeks_count_and_missing_weeks_are_not_zero() -> None:
    old = entry(0, distance=100.0)  # five weeks before: outside the window
    recent = [entry(3, distance=10.0), entry(4, distance=10.0)]  # week 5 missing: not a zero
    assert "load-week" in rules([old, *recent, entry(5, distance=13.5)])
    assert "load-week" not in rules([old, *recent, entry(5, distance=13.0)])


def test_one_earlier_week_is_not_enough_for_an_average() -> None:
    assert "load-week" not in rules([entry(0, distance=5.0), entry(1, distance=50.0)])


@pytest.mark.parametrize("longest, warned", [(13.0, False), (13.1, True), (26.0, True)])
def test_longest_run_more_than_30_percent_beyond_the_previous_30_days(longest: float, warned: bool) -> None:
    history = [entry(0, longest=8.0), entry(1, longest=10.0), entry(2, longest=9.0)]
    assert ("load-long-run" in rules([*history, entry(3, longest=longest)])) is warned


def test_long_runs_older_than_30_days_do_not_count() -> None:
    history = [entry(0, longest=30.0, days=0), entry(0, longest=10.0, days=20)]
    # 31 days after the 30 km run: only the 10 km one is within the window.
    assert "load-long-run" in rules([*history, entry(0, longest=14.0, days=31)])
    # 30 days after: the 30 km one still counts.
    assert "load-long-run" not in rules([*history, entry(0, longest=14.0, days=30)])


def test_the_warning_is_a_rule_of_thumb_with_its_sources() -> None:
    history = [entry(w, distance=10.0, longest=5.0) for w in range(4)]
    findings = evaluate([*history, entry(4, distance=20.0, longest=10.0)])
    text = load_warning(findings)
    assert text is not None
    assert "Nielsen et al., JOSPT 2014" in text and "5,205 runners" in text
    assert "rule of thumb" in text
    assert load_warning(evaluate(history)) is None
