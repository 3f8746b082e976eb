"""What the forecast sets 11, the twelfth blind sets and tester round 19 found (docs/evaluation.md),
one test per kind, with wordings of this file's own where it can; whole conversations are
tests/conversations/261-272."""

from __future__ import annotations

import pytest

from bot.clinical.flow import Case
from bot.clinical.intake import parse_race
from bot.evals.driver import shared_engine
from bot.safety.crisis import CrisisContext, assess


def facts(*messages: str) -> dict[str, bool]:
    case, slots = Case(), {}
    said: dict[str, bool] = {}
    for message in messages:
        case, result = case.hear(message, slots)
        said.update({f: True for f in result.said})
        said.update({f: False for f in result.denied})
    return said


@pytest.mark.parametrize("text", ["did it saturday", "that was the race!", "the race was on sunday",
                                  "already ran it last weekend", "just did one"])
def test_a_race_already_run_is_none_ahead(text: str) -> None:
    assert parse_race(text)[0] == "none"


@pytest.mark.parametrize(("text", "value"), [("did one last week, the next is in 3 weeks", "soon"),
                                             ("marathon this sunday", "soon")])
def test_a_race_ahead_is_still_read(text: str, value: str) -> None:
    assert parse_race(text)[0] == value


def test_worse_said_as_not_better_does_not_deny_what_follows() -> None:
    assert facts("my calves are worse not better, really swollen").get("swollen") is True


def test_a_pseudo_negation_does_not_cancel_a_real_one() -> None:
    # "not sure" used to cancel every negation in its window ("not sure, no swelling" was swelling)
    assert facts("not sure, no swelling though").get("swollen") is False


def test_a_correction_names_the_colour_without_saying_urine() -> None:
    said = facts("pee is normal", "actually scratch that, just went and it's dark brown like coke")
    assert said.get("dark_cola_urine") is True and not said.get("sudden_onset")


def test_someone_elses_collapse_is_theirs_when_the_runner_says_what_hurts_them() -> None:
    said = facts("a woman at my club collapsed at the finish last week. she's fine now. "
                 "my hamstring is a bit tight after intervals")
    assert "fainted_or_nearly" not in said


def test_a_friend_in_trouble_now_is_still_read() -> None:
    assert facts("my friend just finished the half and she's not making sense").get("confused_or_foggy") is True


def test_right_as_a_tag_question_is_no_side() -> None:
    slots = dict(shared_engine().nlu.parse("sore quads after the race, that's normal right?").slots)
    assert "pain_side" not in slots


def test_from_the_waist_down_is_not_the_hip() -> None:
    slots = dict(shared_engine().nlu.parse("everything from the hips down aches, quads worst", "pain_location").slots)
    assert slots.get("pain_location") == ["quad"]


@pytest.mark.parametrize("text", ["chest is so tight and my heart is pounding, i'm terrified i'm going to die",
                                  "am i going to die?"])
def test_fear_of_dying_is_not_a_wish_to(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize("text", ["i want to die", "honestly i'm going to die, i can't do this anymore"])
def test_a_wish_to_die_still_is(text: str) -> None:
    assert assess(text).tier in ("crisis", "emergency")


def test_a_plan_with_a_time_after_im_safe_is_the_emergency_tier() -> None:
    context = CrisisContext(risk=True)  # crisis talk earlier; "I'm safe" answered, nothing awaited
    assert assess("i'm going to do it tonight", context).tier == "emergency"
    assert assess("i'm going to do my long run tonight", context).tier != "emergency"


@pytest.mark.parametrize("text", ["i have my nan's tablets", "there's a whole bottle of paracetamol in the bathroom",
                                  "the pesticide is next to me"])
def test_means_in_other_words_after_crisis_talk(text: str) -> None:
    assert assess(text, CrisisContext(risk=True)).tier == "emergency"


def test_a_box_of_ibuprofen_in_the_kitchen_alone_is_not_crisis() -> None:
    assert assess("there's a box of ibuprofen in the kitchen, can I take 2 for my knee?").tier is None


@pytest.mark.parametrize("text", ["that tempo was a suicide mission", "overdose of pasta last night lol"])
def test_figures_of_speech(text: str) -> None:
    assert assess(text).tier is None


def test_a_parent_who_found_cuts_is_asked_about_the_child() -> None:
    assert assess("found cuts on my daughter's arms when she was changing").tier == "third_party"


@pytest.mark.parametrize(("text", "fact"), [
    ("like a weight sitting on my chest at the finish", "chest_pain_or_pressure"),
    ("my heart is beating really fast and irregular at my desk", "palpitations"),
    ("went for a wee and hardly anything came", "bladder_bowel_change"),
    ("my bum and the insides of my thighs feel numb", "saddle_numbness"),
    ("next thing i knew a marshal was kneeling over me", "fainted_or_nearly"),
    ("it wakes me at night", "pain_at_rest_or_night"),
    ("it kills when i hop", "pain_on_hopping"),
])
def test_signs_in_other_words(text: str, fact: str) -> None:
    assert facts(text).get(fact) is True


def test_hobbling_down_stairs_after_a_race_is_not_a_limp() -> None:
    assert facts("still hobbling down the stairs two days after the marathon").get("limping") is not True


def test_foam_rolling_is_not_a_twist() -> None:
    assert "after_fall_twist_or_impact" not in facts("should i foam roll it?")


def test_a_question_asked_back_is_answered_and_the_question_asked_again_at_most_three_times() -> None:
    case = Case()
    for _ in range(3):
        again = case.asked_again("upcoming_race", limit=3)
        assert again is not None
        case = again
    assert case.asked_again("upcoming_race", limit=3) is None


@pytest.mark.parametrize("text", ["my husband beat me up last night", "she hits me when she's drunk",
                                  "i'm not safe in my own house"])
def test_someone_hurting_them_is_the_emergency_tier_for_that_danger(text: str) -> None:
    a = assess(text)
    assert a.tier == "emergency" and "harmed" in a.signals


@pytest.mark.parametrize("text", ["he kicked me out of the club", "my husband beat me in the 10k lol",
                                  "my boyfriend hit me up about a run"])
def test_figures_of_speech_about_others_are_not_harm(text: str) -> None:
    assert assess(text).tier is None


@pytest.mark.parametrize(("text", "harmed"), [
    ("my boyfriend pushed me and I hurt my ankle", True), ("my wife threw a mug at me", True),
    ("she threw the ball at me in the park", False), ("he pushed me through the last mile", False),
])
def test_pushed_or_thrown_at(text: str, harmed: bool) -> None:
    assert ("harmed" in assess(text).signals) is harmed


@pytest.mark.parametrize(("text", "answer"), [("yeah nah", "not_safe"), ("yes but i dont want to be", "unsure"),
                                              ("yeah im safe", "safe")])
def test_answers_to_are_you_safe_in_own_words(text: str, answer: str) -> None:
    from bot.safety.answers import understand_answer
    assert understand_answer(text, "are_you_safe") == answer


def test_a_leak_is_a_pelvic_floor_matter_only_when_a_leak_is_said() -> None:
    assert "stress_incontinence" not in facts("my knees are a bit sore after my first half marathon yesterday")
    assert facts("I leak a little when I run since having my second baby").get("stress_incontinence") is True


@pytest.mark.parametrize(("text", "asks"), [("911 doesnt work here", True), ("that number doesn't work in ireland", True),
                                            ("ice? it doesnt work for me", False)])
def test_a_number_that_does_not_work_is_told_apart(text: str, asks: bool) -> None:
    from bot.engine import _NUMBER_DOES_NOT_WORK
    assert bool(_NUMBER_DOES_NOT_WORK.search(text)) is asks
