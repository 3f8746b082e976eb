"""The check-in rules (bot.checkins.rules), each with its boundary; the warnings' numbers and
their escalation as the runner reads them (bot.checkins.render)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import pytest

from bot.checkins.render import load_warning, noted, pain_advice, reason, week_of
from bot.checkins.rules import Finding, evaluate
from bot.knowledge import KnowledgeBase
from bot.texts import Voice, default_texts, english
from bot.triage import decide

MONDAY = datetime(2026, 11, 2, 9, tzinfo=UTC)  # ISO week 2026-W45


def voice(unit: str = "km") -> Voice:
    return replace(english(), unit=unit)


def warning(findings: list[Finding], unit: str = "km") -> str | None:
    found = load_warning(findings, voice(unit))
    return found[0] if found else None


def advice(findings: list[Finding]) -> str:
    """The pain advice as a runner in the US reads it (the knowledge base's "what to do now")."""
    found = pain_advice(findings, Voice(default_texts(), _kb()))
    return found.text if found else ""


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    from bot.paths import knowledge_directory
    from bot.vocabulary import VOCABULARY

    return KnowledgeBase.load(knowledge_directory(), VOCABULARY.levels, VOCABULARY.locations)


def entry(weeks_later: int, pain: float | None = 0, pattern: str | None = None, distance: float | None = None,
          longest: float | None = None, days: int | None = None, findings: list[str] | None = None) -> dict[str, Any]:
    at = MONDAY + (timedelta(days=days) if days is not None else timedelta(weeks=weeks_later))
    year, week, _ = at.isocalendar()
    return {"week": f"{year}-W{week:02d}", "at": at.isoformat(), "pain": pain, "pattern": pattern,
            "distance_km": distance, "longest_km": longest, "location": ["knee"] if pain else [],
            "findings": findings or []}


def rules(entries: list[dict[str, Any]]) -> set[str]:
    return {f.rule for f in evaluate(entries)}


def with_findings(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each entry stored with the findings the rules gave it, as action_record_checkin does."""
    out: list[dict[str, Any]] = []
    for e in entries:
        out.append({**e, "findings": [f.rule for f in evaluate([*out, e])]})
    return out


@pytest.mark.parametrize("pattern", ["recurring", "persistent", "fades", None])
def test_the_pain_pattern_is_judged_by_the_triage_rules_of_the_conversation(pattern: str | None) -> None:
    """One set of rules: the check-in says see_pt exactly when bot.triage.decide does."""
    triage = decide({"pain_pattern": pattern, "pain_location": ["knee"]}).level.value
    found = {f.rule: f for f in evaluate([entry(0, 6, pattern)])}
    assert ("pain-pattern" in found) is (triage == "see_pt")
    if triage == "see_pt":
        assert found["pain-pattern"].kind == "see_pt" and found["pain-pattern"].level == "see_pt"


def test_came_back_when_i_ran_at_6_is_see_pt_at_the_first_check_in() -> None:
    """Issue 17: 6/10 that came back got "nothing worries me" from the check-in."""
    (finding,) = evaluate([entry(0, 6, "recurring")])
    assert finding.rule == "pain-pattern" and reason(finding) == "your knee pain (6/10) came back when you ran"
    assert finding.numbers["pain"] == 6.0


def test_no_pain_is_not_judged() -> None:
    assert rules([entry(0, 0, "recurring")]) == set()


@pytest.mark.parametrize("pains, rising", [
    ([2, 3], False),  # one point: within the noise of a self-report
    ([2, 4], True),  # two points
    ([0, 2], True),
    ([5, 4], False),
    ([3, 3], False),
    ([1, 2, 3], True),  # up two check-ins running
    ([1, 2, 2], False),
    ([3, 2, 3], False),
    ([2.5, 3, 3.5], True),
])
def test_rising_pain_is_two_points_or_two_weeks_running(pains: list[float], rising: bool) -> None:
    history = [entry(w, p, "fades") for w, p in enumerate(pains)]
    assert ("pain-rising" in rules(history)) is rising


def test_a_rise_says_its_numbers() -> None:
    (finding,) = evaluate([entry(0, 2, "fades"), entry(1, 4, "fades")])
    assert reason(finding) == "your pain went up from 2/10 to 4/10 since your last check-in"
    (finding,) = evaluate([entry(0, 1, "fades"), entry(1, 2, "fades"), entry(2, 3, "fades")])
    assert "two check-ins running, from 1/10 to 2/10 to 3/10" in reason(finding)


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
    assert "load-long-run" in rules([*history, entry(0, longest=14.0, days=31)])
    assert "load-long-run" not in rules([*history, entry(0, longest=14.0, days=30)])


def test_the_warning_says_the_numbers_in_the_runners_unit_with_its_sources() -> None:
    miles = 1.609344
    history = [entry(w, distance=d * miles, longest=5 * miles) for w, d in enumerate([12, 13, 14, 13])]
    findings = evaluate([*history, entry(4, distance=20 * miles, longest=10 * miles)])
    text = warning(findings, "mi")
    assert text is not None
    assert "20 mi vs your average of about 13 mi a week over the previous four weeks: 54% more" in text  # issue 17
    assert "up to about 17 mi next week" in text
    assert "Longest run 10 mi vs 5 mi in the previous 30 days: 100% longer" in text
    assert "Nielsen et al., JOSPT 2014" in text and "5,205 runners" in text and "rule of thumb" in text
    assert warning(evaluate(history)) is None


def test_load_warnings_escalate_when_the_problem_persists() -> None:
    weeks = [entry(w, distance=10.0) for w in range(3)]
    for w, km in enumerate([14.0, 19.0, 25.0, 33.0], start=3):
        weeks.append(entry(w, distance=km))
    stored = with_findings(weeks)
    steps = [[(f.rule, f.step) for f in evaluate(stored[: i + 1])] for i in range(3, 7)]
    assert steps == [[("load-week", 1)], [("load-week", 2)], [("load-week", 3)], [("load-week", 3)]]
    texts = [warning(evaluate(stored[: i + 1])) or "" for i in range(3, 7)]
    assert "rule of thumb" in texts[0] and "Nielsen" in texts[0]
    assert "second check-in in a row" in texts[1] and "easier one: about" in texts[1]
    assert "third check-in in a row" in texts[2] and "this week" in texts[2]
    assert "fourth check-in in a row" in texts[3]
    assert not any("Nielsen" in text for text in texts[1:])  # the evidence once, not every week


def test_pain_escalates_a_note_then_firmer_then_see_someone_this_week() -> None:
    stored = with_findings([entry(w, 4, "recurring") for w in range(3)])
    ladder = [evaluate(stored[: i + 1]) for i in range(3)]
    assert [[f.step for f in findings] for findings in ladder] == [[1], [2], [3]]
    first, second, third = (advice(findings) for findings in ladder)
    assert first.startswith("Time to book a physical therapist: your knee pain (4/10) came back when you ran.")
    assert "Until you've been seen" in first  # step 1: what to do now
    assert second.startswith("This is the second check-in in a row with this") and "book that appointment now" in second
    assert "Until you've been seen" not in second  # firmer, not the same block again
    assert "third check-in in a row" in third and "this week" in third
    assert all(len(text) <= 600 for text in (first, second, third)), [len(t) for t in (first, second, third)]


def test_a_gap_of_more_than_two_weeks_starts_the_ladder_again() -> None:
    first = with_findings([entry(0, 4, "recurring")])
    later = [*first, entry(3, 4, "recurring")]
    assert [f.step for f in evaluate(later)] == [1]


def test_findings_stored_before_issue_17_count_in_the_streak() -> None:
    old = entry(0, 3, "recurring", findings=["pain-recurring"])
    assert [f.step for f in evaluate([old, entry(1, 3, "recurring")])] == [2]


def test_what_changed_and_dates_as_runners_say_them() -> None:
    assert week_of("2026-W48") == "week of 23 Nov"
    assert week_of("bogus") == "bogus"
    previous = {"pain": 2, "distance_km": 15.0}
    up = noted({"week": "2026-W48", "pain": 4, "location": ["knee"], "distance_km": 20.0, "longest_km": 8.0},
               previous, voice())
    assert up == ("Noted for the week of 23 Nov:\n- pain 4/10 (knee), up from 2/10 last time\n"
                  "- 20 km in the week, up from 15 km last time\n- longest run 8 km")
    same = noted({"week": "2026-W48", "pain": 2, "distance_km": 15.0}, previous, voice())
    assert "pain 2/10, the same as last time" in same and "15 km in the week, the same as last time" in same
    first = noted({"week": "2026-W48", "pain": 0, "distance_km": 0.0, "longest_km": 0.0}, None, voice("mi"))
    assert first == "Noted for the week of 23 Nov:\n- no pain\n- no running this week"


def test_a_week_known_only_from_run_files_does_not_break_a_streak() -> None:
    first = with_findings([entry(0, 4, "recurring")])
    files_only = {**entry(1, None, distance=10.0), "runs": [{"km": 10.0}]}
    assert [f.step for f in evaluate([*first, files_only, entry(2, 4, "recurring")])] == [2]


def test_with_no_weeks_before_the_week_said_in_the_answer_counts() -> None:
    """Tester round 27: "55km, up from about 35 the week before" and "21, my first half distance" on
    a first check-in got "Nothing in this week's answers worries me"."""
    entry = {"week": "2026-W48", "at": "2026-11-29T19:00:00+00:00", "distance_km": 55.0, "longest_km": 21.0,
             "said_before_km": 35.0, "longest_first": True}
    found = {f.rule: f for f in evaluate([entry])}
    assert found["load-week"].numbers["weeks"] == 0 and round(found["load-week"].numbers["increase_pct"]) == 57
    assert found["load-long-run"].numbers.get("first") is True
    calm = {**entry, "said_before_km": 50.0, "longest_first": False}
    assert not {f.rule for f in evaluate([calm])} & {"load-week", "load-long-run"}
