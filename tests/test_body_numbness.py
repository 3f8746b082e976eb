"""Numb legs are a body sign, not a feeling; "I feel numb" about life still is one (tester round 4:
a fall with both legs numb got the low-mood reply before the emergency)."""

from __future__ import annotations

import pytest

from bot.safety.screen import screen

PHYSICAL = [
    "fell on my back on a trail run yesterday, now both legs feel numb and tingly and i cant really pee properly",
    "my legs feel numb",
    "i feel numb in my legs after the fall",
    "both feet going numb on long runs",
    "my toes go numb on long runs, laces too tight?",
    "numbness and tingling down my left leg since yesterday",
    "my foot felt kind of numb at mile 10",
]
FEELINGS = [
    "i just feel numb and empty inside",
    "honestly i feel numb about running now",
    "i feel numb since i got injured",
]


@pytest.mark.parametrize("text", PHYSICAL)
def test_numbness_of_the_body_is_not_distress(text: str) -> None:
    assessment = screen(text).assessment
    assert assessment.tier is None and assessment.feeling is None, assessment


@pytest.mark.parametrize("text", FEELINGS)
def test_feeling_numb_is_still_heard(text: str) -> None:
    assert screen(text).assessment.tier == "distress"
