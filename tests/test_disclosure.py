"""Disordered eating said in passing (bot/actions/disclosure.py; tester report, persona 1): the
screen hears it in the runner's own words, a plain nutrition question or effort vomiting is not
it, and the reply is the eating-disorder entry with the country's line (never a typed number)."""

from __future__ import annotations

import pytest

from bot.actions.disclosure import ENTRY, discloses_disordered_eating
from bot.knowledge import KnowledgeBase, default_directory


@pytest.mark.parametrize("text", [
    "i think i have an eating disorder",
    "Ive been barely eating to lose weight for track, sometimes I make myself throw up after dinner",
    "i run cross country and i've been trying to eat less to get faster",
    "honestly im bulimic",
    "i've been skipping meals to hit race weight",
    "I’m terrified of gaining weight if I can't run",
    "my coach thinks I might have anorexia",
    "I binge and purge sometimes",
    "i feel so guilty after i eat",
    "hardly eating since the injury, i don't want to put on weight",
])
def test_disclosures_are_heard(text: str) -> None:
    assert discloses_disordered_eating(text)


@pytest.mark.parametrize("text", [
    "what should I eat before a long run?",
    "how many calories should I eat",
    "i threw up after intervals",
    "I don't have an eating disorder, just a sore knee",
    "i'm not anorexic lol",
    "are eating disorders common in runners?",  # a general question: the knowledge base answers it
    "can not eating enough cause stress fractures?",
    "i eat less on rest days",
    "my shin hurts",
])
def test_questions_and_other_talk_are_not_disclosures(text: str) -> None:
    assert not discloses_disordered_eating(text)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(default_directory())


@pytest.mark.parametrize(("question", "entry_id"), [
    ("i think i have an eating disorder", ENTRY),
    ("are eating disorders common in runners?", ENTRY),
    ("is it bad that i make myself sick after meals?", ENTRY),
    ("can not eating enough cause stress fractures?", "periods-energy"),
])
def test_the_knowledge_base_answers_disordered_eating_not_the_dietitian_refusal(
        kb: KnowledgeBase, question: str, entry_id: str) -> None:
    entry = kb.best_entry(question)
    assert entry is not None and entry.id == entry_id, (question, entry)


@pytest.mark.parametrize("question", ["what should I eat before a long run?", "how many calories should I eat a day?",
                                      "which protein powder is best for runners?"])
def test_plain_nutrition_questions_are_still_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.best_entry(question) is None and "dietitian" in kb.out_of_scope_reply(question)


@pytest.mark.parametrize(("country", "line"), [("US", "988"), ("GB", "116 123"), ("IE", "116 123")])
def test_the_reply_names_a_doctor_a_trusted_adult_and_the_countrys_line(kb: KnowledgeBase, country: str, line: str) -> None:
    text = kb.text(kb.entry(ENTRY), country, "en")
    assert "doctor" in text and "under 18" in text and "treatable" in text and line in text
    assert "{" not in text


@pytest.mark.parametrize("text", ["I feel a bit sick", "I threw up after my run", "sick",
                                  "I fell and hit my head, now I have a headache and feel a bit sick"])
def test_feeling_sick_is_not_the_eating_disorder_answer(kb: KnowledgeBase, text: str) -> None:
    # Tester report 2: "...feel a bit sick" got the eating-disorder reply (the word "sick").
    assert not discloses_disordered_eating(text)
    answer = kb.answer(text)
    assert answer is None or ENTRY not in answer.sources


@pytest.mark.parametrize("text", ["I make myself sick after eating", "i make myself throw up"])
def test_making_yourself_sick_is(kb: KnowledgeBase, text: str) -> None:
    assert discloses_disordered_eating(text)
    answer = kb.answer(text)
    assert answer is not None and answer.sources == (ENTRY,)
