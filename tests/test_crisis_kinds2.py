"""The crisis screen after the second blind contact: one test per *kind* of miss, with wordings
written for this file (never the blind set's), so each kind is read by its structure.

docs/safety.md, "After the second blind contact", says what each structure is.
"""

from __future__ import annotations

import pytest

from bot.safety.answers import understand_answer
from bot.safety.crisis import CrisisContext, assess, assess_conversation


def tier(text: str, context: CrisisContext | None = None) -> str | None:
    return assess(text, context).tier


def after(*earlier: str) -> CrisisContext:
    return assess_conversation(earlier)[1]


# -- crisis talk the first round did not read ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "i sometimes imagine my own funeral and honestly it feels peaceful",          # a death pictured as relief
    "i cycle through red lights now, part of me wants something to happen",        # wishing harm to come
    "since my wife passed i keep thinking it would be better to go and be with her",  # joining someone who died
    "what is the quickest way to die without it hurting",                           # a method, any superlative
    "i keep running on the stress fracture deliberately to make it worse",          # hurting oneself through the injury
    "started cutting again after the trials, nobody knows",                         # cutting said without an object
    "the kids would be better off with the insurance payout than with me",          # burden by comparison
    "anyone else think about not existing? i do, most nights",                    # a question answered for oneself
    "ojalá que me pille un camión volviendo del entreno",                           # Spanish: wishing harm to come
    "me he vuelto a quemar los brazos con el mechero",                              # Spanish: self-harm again
    "ich denke jeden tag daran, mir das leben zu nehmen",                           # German zu-infinitive
])
def test_new_crisis_wordings_get_the_full_response(text: str) -> None:
    assert tier(text) in ("crisis", "emergency"), text


def test_joining_someone_needs_someone_who_died() -> None:
    assert tier("i'd love to go and join them for the long run on sunday") is None


@pytest.mark.parametrize("text", [
    "sat in my car with all my sleeping tablets",                  # at hand, by place
    "i'm on the edge of the top level of the car park",             # at the edge of a height
    "i've got a plan and i'm going to do it when the race is over",  # a plan, an unnamed act
])
def test_means_at_hand_and_plans_are_the_emergency_tier(text: str) -> None:
    assert tier(text) == "emergency", text


def test_a_station_is_nothing_alone_and_an_emergency_after_crisis_talk() -> None:
    assert tier("i'm at the station, train to the race is in 20 minutes") is None
    assert tier("standing on the platform now", after("i want to end my life")) == "emergency"
    assert understand_answer("im at the station", "are_you_safe") is None  # says where, not "safe"


def test_medicine_swallowed_after_crisis_talk_is_an_overdose() -> None:
    a = assess("just swallowed them all", after("i don't want to be alive"))
    assert a.tier == "emergency" and a.overdose
    # Alone it is a dose, not an overdose (the second net asks about this one: a known false alarm).
    assert not assess("i took the tablets the gp gave me this morning").overdose


def test_doses_that_add_up_with_signs_are_an_overdose() -> None:
    a = assess("had 2 nurofen, then 3 more an hour later and another 2, now i'm dizzy and being sick")
    assert a.tier == "emergency" and a.overdose


def test_someone_elses_overdose_is_flagged_for_the_emergency_reply() -> None:
    a = assess("my teammate downed a whole box of paracetamol and she's really drowsy")
    assert a.tier == "third_party" and a.overdose  # action_safety_check: the overdose_other finding


@pytest.mark.parametrize("text", [
    "one of my runners told me he has been burning his arms",
    "my mum keeps saying there's no point living since dad died",
    "minha amiga disse que quer se matar",
    "mi hermano dice que quiere morirse",
])
def test_someone_else_at_risk(text: str) -> None:
    assert tier(text) == "third_party", text


@pytest.mark.parametrize("text", [
    "can't keep doing this",
    "who gets my medals if i die haha",
    "sick of everything honestly",
])
def test_ambiguous_remarks_get_the_question(text: str) -> None:
    assert tier(text) == "unclear", text


# -- answers to "are you safe?" --------------------------------------------------------------------

def test_unsure_after_crisis_talk_keeps_the_crisis_tier() -> None:
    assert tier("dunno tbh", after("i want to kill myself")) == "crisis"


def test_a_clarification_after_the_direct_question_is_heard_as_one() -> None:
    context = CrisisContext(distress=True, awaiting="thoughts")
    said = "lol no, i meant my knee is finished, not me. just grumpy about the physio"
    assert understand_answer(said, "thoughts") == "clarified"
    assert understand_answer("not like that, but i have been thinking about pills", "thoughts") not in ("no", "clarified")
    assert tier("no no nothing like that, just sulking about my calf", context) != "unclear"


# -- ordinary messages that borrow the words --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "lol my calves want to die after that hill session, foam roller or massage gun?",  # a body part that wants to die
    "my coach says racing without a taper is career suicide",                         # a "<domain> suicide" compound
    "my mate calls ultras slow suicide. are they bad for the heart?",                  # "slow suicide" said of a habit
    "i'm not trying to kill myself, just my 10k pb 😂 how do i pace it?",              # negation scope
    "no pienso hacerme daño, tranquila, solo quiero saber si puedo correr",           # negation scope, Spanish
    "casi me muero de risa cuando me caí en el barro",                                 # dying of a feeling, Spanish
])
def test_ordinary_messages_stay_quiet(text: str) -> None:
    assert tier(text) in (None, "distress"), text


# -- feelings said the way people say them ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "bit lonely on sundays now the club runs without me",
    "teared up at the physio when she said another six weeks",
    "feel like a total failure after dropping out at halfway",
    "my legs keep betraying me on every long run",
    "mood has been grim since the op",
    "estoy muy desmotivado con la lesión",
    "je suis vraiment découragé par cette blessure",
])
def test_feelings_are_acknowledged(text: str) -> None:
    assert tier(text) == "distress", text
