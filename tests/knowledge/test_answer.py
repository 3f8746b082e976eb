"""Answers to follow-up questions: the right entry, its source, the disclaimer, related buttons."""

from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("what does a PT actually do?", "pt-what"),
        ("what does a physio actually do?", "pt-what"),
        ("what does a physio do?", "pt-what"),
        ("what does a physiotherapist do for runners", "pt-what"),
        ("when should I see a physical therapist?", "pt-when"),
        ("how do I use a foam roller?", "foam-rolling"),
        ("do I need to stop running?", "stop-running"),
        ("is it ok to run through pain?", "run-through-pain"),
        ("what helps my balance?", "balance-why"),
        ("is the 10% rule real?", "mileage-rules"),
        ("how should I build up my distance slowly", "mileage-gradual"),
        ("how should I build up my kms slowly", "mileage-gradual"),
        ("my shins hurt after running", "shin-pain"),
        ("my heel hurts in the morning", "foot-heel-pain"),
    ],
)
def test_questions_find_their_entry(kb: KnowledgeBase, question: str, entry_id: str) -> None:
    answer = kb.answer(question)
    assert answer is not None and answer.sources == (entry_id,)


def test_answer_has_text_source_and_related_buttons_but_no_disclaimer(kb: KnowledgeBase) -> None:
    answer = kb.answer("what does a PT actually do?")
    assert answer is not None
    assert answer.text.startswith(kb.entry("pt-what").text)
    assert answer.text.endswith('Source: "Why Runners Should See a Physical Therapist"')  # short: who, not where (docs/knowledge.md)
    assert kb.entry("disclaimer").text not in answer.text  # once per advice, and in /help (issue 16)
    assert 2 <= len(answer.related) <= 3
    assert answer.related[0] == kb.entry("pt-strength").questions[0]


def test_clinical_sources_are_named(kb: KnowledgeBase) -> None:
    answer = kb.answer("is the 10% rule real?")
    assert answer is not None and "Buist et al., 2008" in answer.text


def test_context_location_answers_about_that_place(kb: KnowledgeBase) -> None:
    question = "what can I do at home for it?"
    assert kb.answer(question, ["shin"]).sources == ("shin-pain",)  # type: ignore[union-attr]
    assert kb.answer(question, ["heel"]).sources == ("foot-heel-pain",)  # type: ignore[union-attr]
    assert kb.answer("what exercises can I do at home?").sources == ("home-exercises",)  # type: ignore[union-attr]
    # A question that names its own topic is not pulled to the context location.
    assert kb.answer("how fast can I add mileage?", ["shin"]).sources[0].startswith("mileage")  # type: ignore[union-attr]


def test_crisis_help_answer_carries_the_resources(kb: KnowledgeBase) -> None:
    answer = kb.answer("is there a helpline I can call?", country="GB")
    assert answer is not None and answer.sources == ("crisis-help",) and "116 123" in answer.text


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("best marathon shoes?", "running shop"),
        ("diagnose my ACL tear", "doctor"),
        ("what's the weather?", "outside what I know"),
        ("what should I eat before a long run?", "dietitian"),
        ("how many mg of ibuprofen can I take?", "pharmacist"),
        ("", "outside what I know"),
        ("🙂🙂", "outside what I know"),
    ],
)
def test_out_of_scope_returns_none_and_says_who_can_help(kb: KnowledgeBase, question: str, who: str) -> None:
    assert kb.answer(question) is None
    assert who in kb.out_of_scope_reply(question)


def test_long_input_is_handled(kb: KnowledgeBase) -> None:
    kb.answer("shin " * 2000)
