"""The kinds of feeling named outside the screen are the screen's own (one source of truth)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.actions import SAID_WHOLE_FEELINGS
from bot.safety import crisis_patterns as C


def test_the_feelings_said_whole_are_kinds_of_the_screen_with_their_own_words() -> None:
    assert set(SAID_WHOLE_FEELINGS) <= set(C.FEELINGS)
    responses = yaml.safe_load((Path(__file__).parents[1] / "dialogues" / "domain.yml").read_text(encoding="utf-8"))["responses"]
    for kind in SAID_WHOLE_FEELINGS:
        assert f"utter_distress_{kind}" in responses, kind
    # read before the other kinds: "im a bit scared of him" is a partner's control, not worry
    assert list(C.FEELINGS)[:2] == ["stalked", "controlled"]
