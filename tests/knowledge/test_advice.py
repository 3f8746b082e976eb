"""Triage advice: plain-words first line, why, what now, escalation, disclaimer, crisis lines."""

from __future__ import annotations

import pytest

from bot.knowledge import LEVELS, KnowledgeBase

HEADINGS = {
    "crisis": "pause the running questions",
    "emergency": "Call emergency services now",
    "urgent": "See a doctor today",
    "see_pt": "See a physical therapist",
    "self_care": "Keep running, with self-care",
}


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_has_heading_disclaimer_and_us_crisis_lines(kb: KnowledgeBase, level: str) -> None:
    advice = kb.advice(level, ["shin"], ["your shin pain comes back on each run"])
    first_line = advice.text.splitlines()[0]
    assert HEADINGS[level] in first_line
    assert kb.entry("disclaimer").text in advice.text
    assert "988" in advice.text and "741741" in advice.text and "911" in advice.text
    assert "disclaimer" in advice.sources and "crisis-help" in advice.sources


@pytest.mark.parametrize("level", LEVELS)
def test_gb_gets_samaritans(kb: KnowledgeBase, level: str) -> None:
    text = kb.advice(level, [], [], country="GB").text
    assert "116 123" in text and "85258" in text and "988" not in text


def test_reasons_are_joined_naturally(kb: KnowledgeBase) -> None:
    advice = kb.advice(
        "see_pt", ["shin"], ["Your shin pain comes back on each run.", "because your balance on the left is worse"]
    )
    assert "This is because your shin pain comes back on each run and your balance on the left is worse." in advice.text


def test_see_pt_says_what_a_pt_does_and_uses_the_location(kb: KnowledgeBase) -> None:
    advice = kb.advice("see_pt", ["shin"], ["your shin pain comes back on each run"])
    assert kb.entry("advice-pt-visit").text in advice.text
    assert kb.entry("shin-pain").text in advice.text
    assert {"advice-pt-visit", "shin-pain", "advice-escalate-see-pt"} <= set(advice.sources)
    # Order: heading, why, now, PT, location, escalation, crisis lines, disclaimer.
    text = advice.text
    assert text.index("This is because") < text.index(kb.entry("advice-now-see-pt").text)
    assert text.index(kb.entry("advice-pt-visit").text) < text.index(kb.entry("shin-pain").text)
    assert text.index(kb.entry("shin-pain").text) < text.index(kb.entry("advice-escalate-see-pt").text)


def test_several_locations_share_one_entry_once(kb: KnowledgeBase) -> None:
    advice = kb.advice("self_care", ["heel", "foot", "knee"], [])
    assert advice.text.count(kb.entry("foot-heel-pain").text) == 1
    assert "knee-pain" in advice.sources


def test_urgent_and_emergency_leave_out_self_care_location_advice(kb: KnowledgeBase) -> None:
    for level in ("urgent", "emergency"):
        advice = kb.advice(level, ["shin"], [])
        assert "shin-pain" not in advice.sources


def test_red_flags_are_explained(kb: KnowledgeBase) -> None:
    advice = kb.advice("urgent", ["calf"], ["one calf is swollen and warm"], flags=["redflag-dvt"])
    assert kb.entry("redflag-dvt").text in advice.text and "redflag-dvt" in advice.sources
    assert kb.advice("emergency", [], [], flags=["redflag-cardiac"]).sources[0] == "redflag-cardiac"
    with pytest.raises(ValueError, match="unknown red flag"):
        kb.advice("urgent", [], [], flags=["gout"])


def test_crisis_puts_resources_first(kb: KnowledgeBase) -> None:
    text = kb.advice("crisis", ["knee"], []).text
    assert text.index("988") < text.index(kb.entry("advice-now-crisis").text)
    assert "knee-pain" not in kb.advice("crisis", ["knee"], []).sources


def test_unknown_level_or_location_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="unknown triage level"):
        kb.advice("maybe", [], [])
    with pytest.raises(ValueError, match="unknown location"):
        kb.advice("see_pt", ["elbow"], [])


def test_crisis_resources_by_country(kb: KnowledgeBase) -> None:
    us = kb.crisis_resources("US")
    assert "Call or text 988" in us and "741741" in us and "1-800-273-8255" in us and "911" in us
    uk = kb.crisis_resources("uk")
    assert "116 123" in uk and "SHOUT to 85258" in uk and "999" in uk
    ie = kb.crisis_resources("IE")
    assert "116 123" in ie and "HELLO to 50808" in ie and "112" in ie
    other = kb.crisis_resources("FR")
    assert "findahelpline.com" in other and "local emergency number" in other and "988" in other
    assert other.index("findahelpline.com") < other.index("988")
