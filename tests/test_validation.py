"""The start-up cross-checks: each rule, broken on purpose in a copy of the data, names the fix.

Every test copies dialogues/ and knowledge/ to a temporary directory, removes or changes one fact,
and checks that bot.validation reports it with the file and the key to edit.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot import validation
from bot.engine import Engine
from bot.errors import DefinitionError
from bot.paths import dialogues_directory, knowledge_directory

Change = Callable[[Any], None]


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, Path]:
    dialogues, knowledge = tmp_path / "dialogues", tmp_path / "knowledge"
    shutil.copytree(dialogues_directory(), dialogues)
    shutil.copytree(knowledge_directory(), knowledge)
    return dialogues, knowledge


def edit(path: Path, change: Change) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True), encoding="utf-8")


def messages(dialogues: Path, knowledge: Path) -> list[str]:
    return [str(p) for p in validation.problems(validation.load_sources(dialogues, knowledge))]


def assert_reported(found: list[str], *parts: str) -> None:
    assert any(all(part in line for part in parts) for line in found), found


def test_the_shipped_data_has_no_problems() -> None:
    assert validation.problems(validation.load_sources()) == []


# -- red flags -------------------------------------------------------------------------------

def edit_rules(knowledge: Path, change: Change) -> None:
    edit(knowledge / "clinical" / "rules.yml", change)


def rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_a_rule_whose_entry_was_removed_stops_the_engine_loading(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(knowledge / "entries" / "red_flags.yml", lambda entries: entries.remove(
        next(e for e in entries if e["id"] == "redflag-dvt")))
    with pytest.raises(DefinitionError, match=r"knowledge/clinical/rules.yml: rules.dvt.entry: 'redflag-dvt' is "
                                              r"not a knowledge entry"):
        Engine.load(dialogues, knowledge)


def test_a_rule_entry_must_be_a_red_flag_with_the_rules_levels(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(knowledge / "entries" / "red_flags.yml",
         lambda entries: next(e for e in entries if e["id"] == "redflag-cardiac").update(levels=["urgent"]))
    edit_rules(knowledge, lambda r: rule(r, "neuro_leg").update(entry="pt-when"))
    found = messages(dialogues, knowledge)
    assert_reported(found, "red_flags.yml", "redflag-cardiac.levels", "must include 'emergency'", "cardiac_chest")
    assert_reported(found, "rules.yml", "rules.neuro_leg.entry", "'pt-when' is a answer entry")


def test_a_red_flag_entry_no_rule_names_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit_rules(knowledge, lambda r: r.update(rules=[x for x in r["rules"] if x["entry"] != "redflag-stroke"]))
    assert_reported(messages(dialogues, knowledge), "red_flags.yml", "redflag-stroke.role", "no rule")


def test_a_question_without_its_words_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit_rules(knowledge, lambda r: r["questions"].update(q_gout={"fact": "fever"}))
    found = messages(dialogues, knowledge)
    assert_reported(found, "domain.yml", "slots.q_gout", "missing")
    assert_reported(found, "domain.yml", "responses.utter_ask_q_gout", "missing: the words of")


def test_a_red_flag_entry_may_not_name_a_flag_any_more(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(knowledge / "entries" / "red_flags.yml",
         lambda entries: next(e for e in entries if e["id"] == "redflag-dvt").update(flag="dvt"))
    with pytest.raises(DefinitionError, match=r"red_flags.yml: redflag-dvt.flag: unknown field"):
        validation.load_sources(dialogues, knowledge)


# -- forms -----------------------------------------------------------------------------------

def test_an_nlu_slot_without_validation_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(dialogues / "vocabulary.yml", lambda v: v["nlu_slots"].append("checkin_week"))
    assert_reported(messages(dialogues, knowledge), "vocabulary.yml", "nlu_slots",
                    "'checkin_week' has no validation", "validate_checkin_week")


def test_a_form_slot_without_extraction_or_validation_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data

    def change(domain: dict[str, Any]) -> None:
        domain["forms"]["checkin_form"]["required_slots"].append("checkin_week")
        for prefix in ("utter_ask_", "utter_clarify_", "utter_why_"):
            domain["responses"][prefix + "checkin_week"] = [{"text": "Which week?"}]
        for prefix in ("utter_ask_", "utter_clarify_"):
            domain["responses"][prefix + "checkin_week"][0]["metadata"] = {"asks": "checkin_week"}

    edit(dialogues / "domain.yml", change)
    found = messages(dialogues, knowledge)
    assert_reported(found, "domain.yml", "forms.checkin_form.required_slots", "'checkin_week' has no extraction",
                    "extract_checkin_week")
    assert_reported(found, "domain.yml", "forms.checkin_form.required_slots", "'checkin_week' has no validation",
                    "validate_checkin_week")


# -- commands --------------------------------------------------------------------------------

def test_a_listed_command_without_a_handler_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(dialogues / "vocabulary.yml", lambda v: v["commands"].append("/dance"))
    assert_reported(messages(dialogues, knowledge), "vocabulary.yml", "commands", "'/dance' has no handler")


def test_a_handler_or_flow_command_that_is_not_listed_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data

    def change(v: dict[str, Any]) -> None:
        v["commands"].remove("/export")
        v["commands"].remove("/cancel")

    edit(dialogues / "vocabulary.yml", change)
    found = messages(dialogues, knowledge)
    assert_reported(found, "bot/commands.py", "HANDLERS[/export]", "not listed")
    assert_reported(found, "flow.yml", "commands./cancel", "not listed")


# -- locations and levels --------------------------------------------------------------------

def test_a_new_location_needs_nlu_phrases_and_a_knowledge_entry(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(dialogues / "vocabulary.yml", lambda v: v["locations"].append("elbow"))
    found = messages(dialogues, knowledge)
    assert_reported(found, "bot/nlu/vocabulary.py", "BODY_PARTS[elbow]", "needs NLU phrases")
    assert_reported(found, "locations.yml", "elbow", "no answer entry lists")


def test_a_removed_location_still_named_by_knowledge_is_a_load_error(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(dialogues / "vocabulary.yml", lambda v: v["locations"].remove("it_band"))
    with pytest.raises(DefinitionError, match="unknown location 'it_band'"):
        validation.load_sources(dialogues, knowledge)


def test_a_removed_level_is_named_where_it_is_still_used(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data
    edit(dialogues / "domain.yml", lambda d: d["slots"]["triage_level"]["values"].remove("self_care"))
    with pytest.raises(DefinitionError, match=r"advice.yml: advice-now-self-care.levels: unknown level .self_care."):
        validation.load_sources(dialogues, knowledge)


# -- countries -------------------------------------------------------------------------------

@pytest.mark.parametrize("change, key", [
    (lambda c: c["countries"]["GB"].pop("crisis_line"), "countries.GB.crisis_line"),
    (lambda c: c["countries"]["IE"].update(lines=[]), "countries.IE.lines"),
    (lambda c: c["fallback"].pop("emergency_number"), "fallback.emergency_number"),
    (lambda c: c["aliases"].update(ZZ="ZZ"), "aliases.ZZ"),
    (lambda c: c.update(locales={"es": {"countries": {"FR": {"label": "Francia"}}}}), "locales.es.countries.FR"),
])
def test_every_country_has_its_resources(data: tuple[Path, Path], change: Change, key: str) -> None:
    dialogues, knowledge = data
    edit(knowledge / "crisis_resources.yml", change)
    with pytest.raises(DefinitionError) as caught:
        validation.load_sources(dialogues, knowledge)
    assert caught.value.path.endswith("crisis_resources.yml") and caught.value.key == key, caught.value


def test_a_question_whose_not_about_is_not_a_regex_is_reported(tmp_path: Path) -> None:
    from bot.clinical.rules import load_rules

    knowledge = tmp_path / "knowledge"
    shutil.copytree(knowledge_directory(), knowledge)
    rules = knowledge / "clinical" / "rules.yml"
    rules.write_text(rules.read_text().replace("not_about: ['\\b(dark", "not_about: ['(\\b(dark", 1))
    with pytest.raises(DefinitionError) as caught:
        load_rules(knowledge / "clinical")
    assert "questions.q_little_urine.not_about[0]" in str(caught.value)


def test_a_number_typed_into_an_advice_action_is_reported(data: tuple[Path, Path]) -> None:
    """An emergency number typed into an entry's action line ("Call 911 if ...") is caught at
    start-up like one in any other text: the UK runner told "988" must not happen through actions."""
    dialogues, knowledge = data

    def change(entries: list[dict[str, Any]]) -> None:
        entry = next(e for e in entries if e["id"] == "redflag-hypoglycaemia")
        entry["actions"] = [*entry["actions"][:1], "Call 911 if you feel worse."]

    edit(knowledge / "entries" / "red_flags.yml", change)
    assert_reported(messages(dialogues, knowledge), "redflag-hypoglycaemia.actions[1]", "phone-number-like '911'")


# -- names in code ---------------------------------------------------------------------------

def test_a_renamed_rule_still_named_in_code_is_reported(data: tuple[Path, Path]) -> None:
    """BONE_STRESS_FINDINGS names "thigh_bone_night": renamed in rules.yml, the answer about diet
    after a possible bone stress injury would silently stop (these ids are typed in code)."""
    dialogues, knowledge = data
    edit_rules(knowledge, lambda d: rule(d, "thigh_bone_night").update(id="femur_night_pain"))
    assert_reported(messages(dialogues, knowledge), "bot/actions/__init__.py", "BONE_STRESS_FINDINGS", "'thigh_bone_night'",
                    "is not a rule of knowledge/clinical/rules.yml")


def test_a_renamed_entry_still_named_in_code_is_reported(data: tuple[Path, Path]) -> None:
    dialogues, knowledge = data

    def rename(entries: list[dict[str, Any]]) -> None:
        next(e for e in entries if e["id"] == "dvt-risk-factors")["id"] = "clot-risks"

    edit(knowledge / "entries" / "red_flags.yml", rename)
    assert_reported(messages(dialogues, knowledge), "bot/actions/__init__.py", "CLOT_RISK_ENTRY", "'dvt-risk-factors'",
                    "is not a knowledge entry")
