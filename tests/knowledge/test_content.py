"""The shipped knowledge base is complete, valid and reviewable."""

from __future__ import annotations

import re

import pytest

from bot.knowledge import LEVELS, LOCATIONS, REQUIRED_IDS, KnowledgeBase
from bot.clinical.rules import default_rules


def test_shipped_kb_has_no_problems(kb: KnowledgeBase) -> None:
    assert kb.problems() == []


def test_every_required_and_red_flag_id_exists(kb: KnowledgeBase) -> None:
    ids = {e.id for e in kb.entries}
    assert set(REQUIRED_IDS) <= ids
    for rule in default_rules().rules:  # every warning-sign rule names its red_flag entry
        if rule.level in ("emergency", "urgent"):
            entry = kb.flag_entry(rule.entry)
            assert entry is not None and entry.role == "red_flag", rule.id


def test_every_source_resolves_to_a_citation(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        assert entry.source
        line = kb.source_line([entry.id])
        assert line.startswith("Source")
        assert "article#" not in line and "clinical:" not in line


def test_every_location_maps_to_one_location_entry(kb: KnowledgeBase) -> None:
    # Location entries are answers without a `detail`; detail entries (calf-raises) may list
    # places too, since they are about them, without being their entry.
    for loc in LOCATIONS:
        owners = [e.id for e in kb.entries if e.role == "answer" and e.detail is None and loc in e.locations]
        assert len(owners) == 1, (loc, owners)
        sore = [e.id for e in kb.entries if e.role == "advice_location" and loc in e.locations]
        assert len(sore) == 1, (loc, sore)


def test_location_texts_stay_in_their_area(kb: KnowledgeBase) -> None:
    # The split of issue 16: an ankle sprain is not told about the sole of the foot, sore quads
    # are not told about the groin.
    assert "sole" not in kb.entry("ankle-pain").text
    assert "groin" not in kb.entry("thigh-pain").text and "quad" not in kb.entry("hip-pain").text
    assert "ankle" not in kb.entry("foot-heel-pain").text


def test_every_topic_of_the_question_scorer_has_entries_that_answer(kb: KnowledgeBase) -> None:
    from bot.evals.questions import TOPIC_ENTRIES

    for topic, ids in TOPIC_ENTRIES.items():
        assert ids, f"{topic}: no entry answers it"
        assert any(kb.entry(i).role == "answer" for i in ids), topic


def test_new_sources_come_from_clinical_md(kb: KnowledgeBase) -> None:
    # The self-care facts cite the studies CLINICAL.md names for them.
    expected = {
        "ice-or-heat": "clinical:dubois-2020", "painkillers": "clinical:lipman-2017",
        "pain-monitoring": "clinical:silbernagel-2007", "calf-raises": "clinical:alfredson-1998",
        "ankle-sprain-brace": "clinical:doherty-2017", "pt-access": "clinical:apta-direct-access",
        "return-to-running": "clinical:hoenig-2022", "periods-energy": "clinical:mountjoy-2023",
        "heat-and-drinking": "clinical:hew-butler-2015", "shin-pain": "clinical:winters-2018",
    }
    for entry_id, ref in expected.items():
        assert ref in kb.entry(entry_id).source, entry_id


def test_details_for_the_advice_buttons(kb: KnowledgeBase) -> None:
    assert kb.details("exercises", "see_pt", ["achilles"])[0].id == "calf-raises"
    assert kb.details("exercises", "see_pt", ["ankle"])[0].id == "ankle-sprain-brace"
    assert kb.details("exercises", "see_pt", ["knee"])[0].id == "hip-knee-strength"
    assert kb.details("exercises", "see_pt", ["lower_back"])[0].id == "home-exercises"
    assert kb.details("run_again", "see_pt", ["shin"])[0].id == "return-to-running"
    assert kb.details("why", "self_care", ["quad"])[0].id == "soreness-normal"
    assert kb.details("why", "see_pt", [])[0].id == "pt-when"
    assert [e.id for e in kb.details("now", "see_pt", [])][:1] == ["ice-or-heat"]
    with pytest.raises(ValueError, match="unknown detail"):
        kb.details("later")


def test_answer_entries_are_short(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        if entry.role == "answer":
            assert len(entry.text.split()) <= 110, entry.id


def test_numbers_carry_their_source(kb: KnowledgeBase) -> None:
    # Research figures appear as rules of thumb next to the study they come from.
    for entry_id in ("mileage-rules", "injury-rates", "symptom-checkers"):
        entry = kb.entry(entry_id)
        assert re.search(r"et al\. \d{4}", entry.text), entry_id
        assert all(ref.startswith("clinical:") for ref in entry.source)


def test_show_prints_entry_and_citation(kb: KnowledgeBase) -> None:
    shown = kb.show("mileage-rules")
    assert "mileage-rules" in shown and "Buist et al., 2008" in shown


def test_unknown_entry_is_a_clear_key_error(kb: KnowledgeBase) -> None:
    try:
        kb.entry("no-such-entry")
    except KeyError as exc:
        assert "no-such-entry" in str(exc)
    else:
        raise AssertionError("expected KeyError")


def test_every_level_has_a_heading_and_now_advice(kb: KnowledgeBase) -> None:
    for level in LEVELS:
        assert kb.advice(level, [], []).text.strip()
