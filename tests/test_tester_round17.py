"""What new users found in tester round 17 (docs/evaluation.md), one test per kind, with wordings
of this file's own; whole conversations are tests/conversations/245-250."""

from __future__ import annotations

import pytest

from bot.clinical.flow import Case
from bot.clinical.intake import parse_race
from bot.evals.driver import Runner, shared_engine
from bot.safety.crisis import assess


def parse(text: str, context: str | None = None) -> dict[str, object]:
    return dict(shared_engine().nlu.parse(text, context).slots)


@pytest.mark.parametrize("text", ["no estoy segura", "no estoy muy seguro la verdad"])
def test_not_sure_in_spanish_is_not_an_emergency(text: str) -> None:
    assert assess(text).tier is None


def test_not_safe_in_spanish_still_is() -> None:
    assert assess("no estoy a salvo").tier == "emergency"


@pytest.mark.parametrize("text", [
    "my achilles grumbles when i start a run then it warms up and goes",
    "sore at the start of every run, then fine",
])
def test_pain_at_the_start_of_each_run_comes_back(text: str) -> None:
    assert parse(text, "pain_pattern").get("pain_pattern") == "recurring"


def test_how_long_it_has_gone_on_answers_whether_it_fades() -> None:
    assert parse("a couple of months now i guess", "pain_pattern").get("pain_pattern") == "persistent"


def test_one_spot_pressed_is_a_spot_on_the_bone() -> None:
    case, _ = Case().hear("theres 1 spot on my shin that kills when i press it", {})
    assert case.state.facts["one_spot_on_bone"].value is True


@pytest.mark.parametrize("text", ["up to 60 km a week since march", "running 4 times a week now"])
def test_a_weekly_rate_is_not_a_race_date(text: str) -> None:
    assert parse_race(text) == (None, None)


def test_a_word_only_people_in_one_country_use_sets_its_lines_as_a_guess() -> None:
    kb = shared_engine().kb
    assert kb.place_hinted("is it worth going to A&E for a sprained ankle") == "GB"
    assert kb.place_hinted("my knee and A&Eish feelings") is None
    assert kb.place_hinted("ran 10k at a steady pace") is None


async def test_the_guess_is_said_as_a_guess() -> None:
    runner = Runner()
    replies = await runner.say("my knee hurts when I run, is it worth going to a&e?")
    assert any("It sounds like you're in the UK" in r.text for r in replies)


async def test_the_helping_answer_is_only_for_someone_at_risk() -> None:
    replies = await Runner().say("how do I talk to my physio about my knee?")
    assert not any("Are you thinking about suicide?" in r.text for r in replies)
