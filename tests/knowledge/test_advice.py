"""Triage advice: plain-words first line, why, what now, escalation, disclaimer, crisis lines."""

from __future__ import annotations

import pytest

from bot.knowledge import LEVELS, LOCATIONS, KnowledgeBase

HEADINGS = {
    "crisis": "pause the running questions",
    "emergency": "Call emergency services (911) now",
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
    advice = kb.advice("see_pt", ["heel", "foot", "knee"], [])
    assert advice.text.count(kb.entry("foot-heel-pain").text) == 1
    assert "knee-pain" in advice.sources
    sore = kb.advice("self_care", ["heel", "foot", "knee"], [])
    assert sore.text.count(kb.entry("advice-sore-foot").text) == 1
    assert "advice-sore-knee" in sore.sources


def test_an_ankle_sprain_gets_ankle_advice_not_the_plantar_fascia(kb: KnowledgeBase) -> None:
    for level in ("see_pt", "self_care"):
        advice = kb.advice(level, ["ankle"], ["your ankle pain comes back when you run again"])
        assert "sole of your foot" not in advice.text and "foot-heel-pain" not in advice.sources
    assert "ankle-pain" in kb.advice("see_pt", ["ankle"], []).sources


def test_sore_quads_after_a_marathon_get_soreness_advice_not_the_hip_paragraph(kb: KnowledgeBase) -> None:
    advice = kb.advice("self_care", ["quad"], ["your quad pain eases within days, like normal soreness after running"])
    assert "advice-sore-thigh" in advice.sources and "hip-pain" not in advice.sources
    assert "groin" not in advice.text and "buttock" not in advice.text
    # Pain that comes back in the hamstring: the thigh entry, still not the hip one.
    recurring = kb.advice("see_pt", ["hamstring"], [], pattern="recurring")
    assert "thigh-pain" in recurring.sources and "hip-pain" not in recurring.sources


def test_only_the_runners_locations_are_used(kb: KnowledgeBase) -> None:
    location_ids = {e.id for e in kb.entries if e.role in ("answer", "advice_location") and e.locations
                    and e.detail is None}
    for loc in LOCATIONS:
        for level, pattern in (("see_pt", "recurring"), ("see_pt", "persistent"), ("self_care", None)):
            used = set(kb.advice(level, [loc], [], pattern=pattern).sources) & location_ids
            assert len(used) == 1, (loc, level, used)
            assert all(loc in kb.entry(e).locations for e in used), (loc, used)


def test_the_pattern_picks_the_what_to_do_now_snippet(kb: KnowledgeBase) -> None:
    recurring = kb.advice("see_pt", ["achilles"], [], pattern="recurring")
    assert "advice-now-recurring" in recurring.sources and "advice-now-see-pt" not in recurring.sources
    assert "3 out of 10" in recurring.text
    for pattern in (None, "persistent", "fades"):
        advice = kb.advice("see_pt", ["achilles"], [], pattern=pattern)
        assert "advice-now-see-pt" in advice.sources and "advice-now-recurring" not in advice.sources
    # Pain that fades but a worse balance: soreness advice for the area, with the PT visit.
    fades = kb.advice("see_pt", ["calf"], ["your single-leg balance is worse"], pattern="fades")
    assert {"advice-sore-calf", "advice-pt-visit"} <= set(fades.sources)
    with pytest.raises(ValueError, match="unknown pain pattern"):
        kb.advice("see_pt", [], [], pattern="sometimes")


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
