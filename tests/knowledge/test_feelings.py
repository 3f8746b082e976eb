"""Acknowledging feelings (issue 16): `kb.feeling(text)` finds frustration or a bad experience
and returns the short line phase B puts before the reply."""

from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("so frustrating", "frustration"),
        ("this is SO frustrating, my knee hurts again", "frustration"),
        ("ugh", "frustration"),
        ("I'm fed up with this shin", "frustration"),
        ("the PT I saw last year didn't help", "bad_experience"),
        ("the PT I saw last year didnt help", "bad_experience"),
        ("physio did not help at all", "bad_experience"),
        ("my physio is useless", "bad_experience"),
        ("I've tried everything and nothing works", "bad_experience"),
        ("honestly I'm scared it's a stress fracture", "worry"),
        ("I miss running so much", "missing_running"),
        ("I had to pull out of my marathon", "missing_running"),
    ],
)
def test_feelings_are_noticed(kb: KnowledgeBase, text: str, kind: str) -> None:
    feeling = kb.feeling(text)
    assert feeling is not None and feeling.kind == kind
    assert feeling.line and len(feeling.line) <= 200


@pytest.mark.parametrize(
    "text",
    [
        "my knee hurts when I run",
        "I'm not worried, just curious",
        "not scared, just want to know",
        "does foam rolling help?",
        "did the exercises help you?",
        "is it OK to run through the pain?",
        "",
    ],
)
def test_plain_messages_have_no_feeling(kb: KnowledgeBase, text: str) -> None:
    assert kb.feeling(text) is None


def test_lines_are_short_and_kind(kb: KnowledgeBase) -> None:
    for text in ("so frustrating", "the PT I saw last year didn't help"):
        line = kb.feeling(text).line  # type: ignore[union-attr]
        assert line.count(".") <= 2 and "!" not in line
