"""Every triage rule and its boundaries (bot/triage.py; table in docs/triage.md)."""

from __future__ import annotations

import pytest

from bot.triage import RedFlagFinding, TriageLevel, decide, describe_pain

DVT = RedFlagFinding("dvt", "urgent", "one swollen, warm, painful calf can be a blood clot")
CARDIAC = RedFlagFinding("cardiac", "emergency", "chest pain can be a heart problem")
SORE = {"pain_location": ["quad"], "pain_pattern": "fades", "balance_change": "same"}


def test_crisis_wins_over_everything() -> None:
    d = decide(SORE, [CARDIAC], crisis=True)
    assert d.level is TriageLevel.CRISIS and d.rules == ("crisis",)


def test_emergency_red_flag_wins_over_urgent_and_over_slots() -> None:
    d = decide({**SORE, "pain_pattern": "recurring"}, [DVT, CARDIAC])
    assert d.level is TriageLevel.EMERGENCY
    assert d.reasons == (CARDIAC.reason,)


def test_urgent_red_flag_wins_over_see_pt() -> None:
    d = decide({"pain_pattern": "recurring", "balance_change": "worse"}, [DVT])
    assert d.level is TriageLevel.URGENT and d.rules == ("red-flag-urgent",)


def test_duplicate_red_flag_reasons_are_given_once() -> None:
    assert decide({}, [DVT, DVT]).reasons == (DVT.reason,)


@pytest.mark.parametrize("pattern, words", [("recurring", "comes back"), ("persistent", "does not fade")])
def test_pain_that_does_not_fade_means_see_pt(pattern: str, words: str) -> None:
    d = decide({"pain_location": ["shin"], "pain_side": "left", "pain_pattern": pattern, "balance_change": "same"})
    assert d.level is TriageLevel.SEE_PT and d.rules == ("pattern-not-fading",)
    assert "your left shin pain" in d.reasons[0] and words in d.reasons[0]


def test_worse_balance_alone_means_see_pt() -> None:
    d = decide({**SORE, "balance_change": "worse"})
    assert d.level is TriageLevel.SEE_PT and d.rules == ("balance-worse",)


def test_lost_range_of_motion_means_see_pt() -> None:
    d = decide({**SORE, "range_of_motion": "reduced"})
    assert d.level is TriageLevel.SEE_PT and d.rules == ("range-of-motion",)


def test_all_see_pt_reasons_are_given_together() -> None:
    d = decide({"pain_pattern": "recurring", "balance_change": "worse", "range_of_motion": "reduced"})
    assert d.rules == ("pattern-not-fading", "balance-worse", "range-of-motion")
    assert len(d.reasons) == 3


def test_unknown_pattern_errs_towards_a_pt() -> None:
    d = decide({"pain_location": ["hip"], "balance_change": "same", "skipped_slots": ["pain_pattern"]})
    assert d.level is TriageLevel.SEE_PT and d.rules == ("pattern-unknown",)


@pytest.mark.parametrize("balance", ["same", "unsure"])
def test_fading_soreness_with_unchanged_or_unknown_balance_is_self_care(balance: str) -> None:
    d = decide({**SORE, "balance_change": balance})
    assert d.level is TriageLevel.SELF_CARE and d.rules == ("soreness",)
    assert ("single-leg test" in " ".join(d.reasons)) is (balance == "unsure")


def test_decide_is_pure() -> None:
    slots = dict(SORE)
    assert decide(slots) == decide(slots)
    assert slots == SORE


@pytest.mark.parametrize("slots, text", [
    ({}, "your pain"),
    ({"pain_location": ["knee"]}, "your knee pain"),
    ({"pain_location": ["knee"], "pain_side": "both"}, "your knee pain"),
    ({"pain_location": ["knee", "hip"], "pain_side": "right"}, "your right knee and hip pain"),
    ({"pain_location": ["shin", "calf", "lower_back"]}, "your shin, calf and lower back pain"),
])
def test_describe_pain(slots: dict, text: str) -> None:
    assert describe_pain(slots) == text
