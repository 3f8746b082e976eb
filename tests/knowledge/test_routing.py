"""Routing (issue 16): the questions runners ask reach the entry that answers them, refusals fit
the question, a suggested-question button leads to the entry it names, and the conversation's
location does not beat a question that names its own topic."""

from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "context", "entry_id"),
    [
        ("ice or heat?", [], "ice-or-heat"),
        ("should I ice it?", ["ankle"], "ice-or-heat"),
        ("can I take ibuprofen before a run so it doesn't hurt?", [], "painkillers"),
        ("is ibuprofen OK during an ultra?", [], "painkillers"),
        # Whether a named painkiller is OK at all is the same answer (tester report: refused).
        ("can I take advil?", [], "painkillers"),
        ("what if I take ibuprofen before?", ["knee"], "painkillers"),
        ("can I take ibuprofen?", [], "painkillers"),
        ("should I take tylenol for my shins?", ["shin"], "painkillers"),
        ("is it ok to take nurofen for it", ["knee"], "painkillers"),
        ("should I wear a brace after an ankle sprain?", [], "ankle-sprain-brace"),
        ("should I tape it when I start running again?", ["ankle"], "ankle-sprain-brace"),
        ("should I wear a brace?", ["ankle"], "ankle-sprain-brace"),
        ("how much does PT cost?", [], "pt-access"),
        ("does insurance cover it", ["knee"], "pt-access"),
        ("can I self refer to NHS physio?", [], "pt-access"),
        ("should I stretch before I run?", [], "stretching-warmup"),
        ("how can I stay fit while injured?", [], "cross-training"),
        ("when can I run again after shin splints?", [], "return-to-running"),
        ("should I pull out of my marathon?", [], "race-decision"),
        ("how many calf raises should I do?", [], "calf-raises"),
        ("how do I strengthen my hips for running?", [], "hip-knee-strength"),
        ("how long does a stress fracture take to heal?", [], "stress-fracture-healing"),
        ("my periods have stopped since I upped my mileage, is that bad?", [], "periods-energy"),
        ("can not eating enough cause stress fractures?", [], "periods-energy"),
        ("is it possible to drink too much water in a marathon?", [], "heat-and-drinking"),
        ("how do I run safely in hot weather?", [], "heat-and-drinking"),
        ("the PT I saw last year didn't help", [], "pt-didnt-help"),
    ],
)
def test_runner_questions_reach_their_entry(kb: KnowledgeBase, question: str, context: list[str], entry_id: str) -> None:
    entry = kb.best_entry(question, context)
    assert entry is not None and entry.id == entry_id


def test_a_generic_location_entry_does_not_beat_the_specific_topic(kb: KnowledgeBase) -> None:
    # The text of a button the bot itself suggests, asked after knee advice.
    for loc in ("knee", "shin", "hip", "achilles"):
        assert kb.best_entry("is it OK to run through the pain?", [loc]).id == "run-through-pain"  # type: ignore[union-attr]
        assert kb.best_entry("is it ok to race with this?", [loc]).id == "race-decision"  # type: ignore[union-attr]
    # ... while questions about the place itself still get the place's entry.
    assert kb.best_entry("how can I look after it?", ["hip"]).id == "hip-pain"  # type: ignore[union-attr]
    assert kb.best_entry("any tips for it?", ["achilles"]).id == "achilles-calf-pain"  # type: ignore[union-attr]
    assert kb.best_entry("what helps with it?", ["heel"]).id == "foot-heel-pain"  # type: ignore[union-attr]
    assert kb.best_entry("what exercises can I do for it?", ["achilles"]).id == "calf-raises"  # type: ignore[union-attr]


def test_every_suggested_question_leads_to_the_entry_it_names(kb: KnowledgeBase) -> None:
    answers = [e for e in kb.entries if e.role == "answer"]
    for entry in answers:
        for question in entry.questions:
            for context in ([], ["knee"], ["ankle"]):
                found = kb.best_entry(question, context)
                assert found is not None and found.id == entry.id, (question, context, found)
    # Related buttons are first questions: pressing one answers with the entry whose button it is.
    first_questions = {e.questions[0]: e.id for e in answers}
    for entry in answers:
        answer = kb.answer(entry.questions[0], ["knee"])
        assert answer is not None and answer.sources == (entry.id,)
        for label in answer.related:
            assert kb.answer(label, ["knee"]).sources == (first_questions[label],), label  # type: ignore[union-attr]


def test_exact_questions_ignore_case_punctuation_and_a_leading_thanks(kb: KnowledgeBase) -> None:
    assert kb.best_entry("IS IT OK TO RUN THROUGH THE PAIN", ["knee"]).id == "run-through-pain"  # type: ignore[union-attr]
    assert kb.best_entry("thanks! is it ok to run through the pain?", ["knee"]).id == "run-through-pain"  # type: ignore[union-attr]
    # An entry's question wins even over an out-of-scope trigger in it ("painkillers").
    assert kb.best_entry("Can I take painkillers before a run?").id == "painkillers"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("question", "reply_says"),
    [
        ("how much ibuprofen can I take?", "pharmacist"),
        ("can I take paracetamol and ibuprofen together before a race?", "pharmacist"),
        ("what dose of naproxen is safe for runners?", "pharmacist"),
        ("how many mg of ibuprofen should I take?", "pharmacist"),
        ("can I take antibiotics for my knee?", "pharmacist"),
        ("what's the max dose of advil?", "pharmacist"),
        ("do I need a knee brace?", "running shop"),
        ("should I wear a brace?", "running shop"),
        ("which ankle brace brand is best after a sprain?", "running shop"),
        ("thanks. what shoes should I get", "running shop"),
        ("can you book me a physio appointment?", "can't book"),
        ("find me a PT near me", "can't book"),
        ("what's the weather tomorrow?", "outside what I know"),
        ("what should I eat before a long run?", "dietitian"),
        ("do I have plantar fasciitis?", "can't diagnose"),
        ("how should I taper for my race?", "coach"),
    ],
)
def test_refusals_fit_the_question(kb: KnowledgeBase, question: str, reply_says: str) -> None:
    assert kb.answer(question) is None
    assert reply_says in kb.out_of_scope_reply(question)


def test_cost_insurance_and_referral_are_answered_not_refused_as_booking(kb: KnowledgeBase) -> None:
    for question in ("how much does a physio cost?", "is physical therapy covered by insurance?",
                     "do I need a referral for physio?"):
        answer = kb.answer(question)
        assert answer is not None and answer.sources == ("pt-access",), question
        assert "ask the clinic for its prices" in answer.text


def test_painkiller_answer_says_dont_mask_pain_and_sends_doses_to_a_pharmacist(kb: KnowledgeBase) -> None:
    text = kb.answer("can I take ibuprofen before a run so it doesn't hurt?").text  # type: ignore[union-attr]
    assert "hides the warning" in text and "kidney" in text and "pharmacist" in text
    assert "Lipman et al., Emergency Medicine Journal 2017" in text


def test_a_plain_question_about_a_red_flag_is_answered_as_a_question(kb: KnowledgeBase) -> None:
    # CLINICAL.md: never answer "how long does a stress fracture take to heal?" with the red-flag advice.
    answer = kb.answer("how long does a stress fracture take to heal?")
    assert answer is not None and answer.sources == ("stress-fracture-healing",)
    assert "weeks" in answer.text and "months" in answer.text


def test_after_pleasantry(kb: KnowledgeBase) -> None:
    assert kb.after_pleasantry("thanks. what shoes should I get") == "what shoes should I get"
    assert kb.after_pleasantry("Thank you so much! when can I run again?") == "when can I run again?"
    assert kb.after_pleasantry("ok great, is it ok to race?") == "is it ok to race?"
    assert kb.after_pleasantry("thanks") is None
    assert kb.after_pleasantry("thanks!!") is None
    assert kb.after_pleasantry("what shoes should I get") is None
    # Words that can start a question count only with punctuation after them.
    assert kb.after_pleasantry("cool down stretches?") is None
    assert kb.after_pleasantry("right knee hurts when I run") is None
    assert kb.after_pleasantry("ok to run through the pain?") is None
    assert kb.after_pleasantry("cool, thanks! ice or heat?") == "ice or heat?"


# -- after the blind set's first contact (issue 16): the structural fixes, in new words ---------------


@pytest.mark.parametrize(
    ("question", "reply_says"),
    [
        # Booking is asking to be booked, found someone, or told when a clinic is open.
        ("what time does the physio clinic open on sunday?", "can't book"),
        ("is there a sports physio near Oxford", "can't book"),
        ("could you get me in with a PT this week", "can't book"),
        # Kit is more than shoes: watches and the like.
        ("which garmin is best for trail running", "shoes or kit"),
        ("should I get a running watch", "shoes or kit"),
        # Diet words, a prescription, an illness, trivia.
        ("is paleo good for distance runners", "dietitian"),
        ("what snacks work on a long run", "dietitian"),
        ("can you prescribe me something for it", "pharmacist"),
        ("I've got a head cold, can I run", "outside what I know"),
        ("who won the olympic marathon", "outside what I know"),
    ],
)
def test_refusals_fit_after_the_blind_set(kb: KnowledgeBase, question: str, reply_says: str) -> None:
    assert kb.answer(question, ["knee"]) is None, question
    assert reply_says in kb.out_of_scope_reply(question)


def test_the_catch_all_refusal_comes_after_a_specific_one(kb: KnowledgeBase) -> None:
    # "what time" is the catch-all's trigger; the clinic's hours are booking.
    assert kb.refusal_topic("what time does the clinic open on saturday") == "booking"
    assert kb.refusal_topic("what time is it in Tokyo") == "other"


@pytest.mark.parametrize(
    ("question", "context", "entry_id"),
    [
        # A trigger inside a phrase that is not about its topic (not_in), or excepted.
        ("is the cross trainer ok for it?", ["knee"], "cross-training"),
        ("what warning signs should I watch out for?", [], "red-flags"),
        ("how long should I warm up before a tempo session?", [], "stretching-warmup"),
        ("should I take anti-inflammatories for a sprained ankle?", [], "painkillers"),
        # Typos read as the knowledge base's words.
        ("strech after runs or before?", [], "stretching-warmup"),
        ("exercises for my achillis", [], "calf-raises"),
        # The names runners use for conditions; a capital letter does not hide a word.
        ("what is ITBS", [], "knee-pain"),
        ("what's runner's knee?", [], "knee-pain"),
        ("is RED-S only a problem for women?", [], "periods-energy"),
        ("what are REDs", [], "periods-energy"),
        # "4/10" as the entries say it; "right now" is not the right side.
        ("is 4/10 pain while running acceptable?", [], "pain-monitoring"),
        ("should I rest it right now?", [], "stop-running"),
        # Ways of saying "coming back" and "running on it".
        ("how long should my first run back be?", [], "return-to-running"),
        ("easing back in after a layoff, where do I start?", [], "return-to-running"),
        ("can I keep running on it?", ["shin"], "run-through-pain"),
    ],
)
def test_vocabulary_after_the_blind_set(kb: KnowledgeBase, question: str, context: list[str], entry_id: str) -> None:
    entry = kb.best_entry(question, context)
    assert entry is not None and entry.id == entry_id, (question, entry)
