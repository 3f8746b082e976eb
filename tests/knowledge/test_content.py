"""The shipped knowledge base is complete, valid and reviewable."""

from __future__ import annotations

import re

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


def test_every_location_maps_to_one_answer_entry(kb: KnowledgeBase) -> None:
    for loc in LOCATIONS:
        owners = [e.id for e in kb.entries if e.role == "answer" and loc in e.locations]
        assert len(owners) == 1, (loc, owners)


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
