"""Where a runner says they are sets their crisis lines, once, unless they chose a country."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.errors import DefinitionError
from bot.knowledge import KnowledgeBase
from bot.paths import dialogues_directory, knowledge_directory
from bot.vocabulary import load_vocabulary

SAID = [
    ("I'm in Manchester. knee's been sore for weeks", "GB"),
    ("im in the uk", "GB"),
    ("im from london", "GB"),
    ("London-based runner here", "GB"),
    ("I live in Northern Ireland", "GB"),
    ("based in Dublin", "IE"),
    ("I live near Cork", "IE"),
    ("here in the states", "US"),
    ("vivo en Madrid", "ES"),
    ("i moved from Boston, I live in Toronto now", "CA"),
    ("runner from Leeds here", "GB"),
    ("911 lol im in sydney", "AU"),
    ("I live in Auckland", "NZ"),
    # tester round 7: a place before "runner", a greeting "from", a people, a province
    ("g day, melbourne runner here", "AU"), ("from brisbane, aus", "AU"), ("aussie runner with sore shins", "AU"),
    ("im australian", "AU"), ("from manchester", "GB"), ("glasgow runner here", "GB"), ("hey from toronto", "CA"),
    ("im in ontario", "CA"), ("im canadian", "CA"), ("as a scottish runner", "GB"),
    ("what number do i call in canada?", "CA"),
    # tester round 8: "<place> here", a people's name, "running in <place>"
    ("im a kiwi btw", "NZ"), ("auckland runner here", "NZ"), ("scot here, glasgow", "GB"),
    ("running in scotland", "GB"), ("melbourne here", "AU"), ("aussie here", "AU"), ("vancouver here, eh", "CA"),
]
NOT_SAID = ["I ran the London marathon", "i am in a lot of pain", "im in so much pain in my knee",
            "my ankle is in a brace", "cork insoles help?", "the melbourne marathon was hard",
            "im an english teacher", "I love american football", "irish whiskey helps lol", "my english is bad",
            "the pain is here, on the inside", "london here we come"]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    vocabulary = load_vocabulary(dialogues_directory())
    return KnowledgeBase.load(knowledge_directory(), vocabulary.levels, vocabulary.locations)


@pytest.mark.parametrize(("text", "code"), SAID)
def test_a_place_said_gives_its_country(kb: KnowledgeBase, text: str, code: str) -> None:
    assert kb.place_said(text) == code


@pytest.mark.parametrize("text", NOT_SAID)
def test_a_place_named_otherwise_is_not_read(kb: KnowledgeBase, text: str) -> None:
    assert kb.place_said(text) is None


async def test_a_chosen_country_is_changed_only_by_where_the_runner_says_they_are(engine) -> None:  # type: ignore[no-untyped-def]
    """A place said of oneself ("I'm in London for a race") is where the emergency number must work,
    whatever was set before (tester round 53: Mexico's 911 was given in Singapore, the UK's lines
    in Brazil; this reverses the earlier rule that only /settings or a move said plainly changed
    it). A place named otherwise (a race there, where they come from) changes nothing."""
    from datetime import datetime, timezone

    from bot.turn import UserMessage

    now = datetime(2026, 12, 2, 12, tzinfo=timezone.utc)
    for text in ("I ran the London marathon last year and my knee hurts", "im from leeds, my knee hurts",
                 "im running in london next month, my knee hurts"):
        result = await engine.handle({"profile": {"country": "US"}}, UserMessage(text), now)
        assert result.record["profile"]["country"] == "US", text
        assert not any("helplines there" in r.text for r in result.replies), text
    result = await engine.handle({"profile": {"country": "US"}}, UserMessage("I'm in London for a race and my knee hurts"), now)
    assert result.record["profile"]["country"] == "GB"
    assert any("helplines there" in r.text for r in result.replies)


def test_a_place_of_an_unknown_country_is_reported(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(knowledge_directory(), knowledge)
    path = knowledge / "crisis_resources.yml"
    path.write_text(path.read_text().replace("places:\n  US:", "places:\n  XX: [narnia]\n  US:", 1))
    vocabulary = load_vocabulary(dialogues_directory())
    with pytest.raises(DefinitionError) as caught:
        KnowledgeBase.load(knowledge, vocabulary.levels, vocabulary.locations)
    assert "places.XX" in str(caught.value)
