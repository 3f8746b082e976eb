"""dialogues/domain.yml is a valid Rasa 3 domain, as far as it can be checked without Rasa.

Rasa 3 cannot be installed on Python 3.11, so this checks by hand what Rasa's domain schema and
`rasa data validate` check: known top-level keys, slot types and their options, slot mappings
(mandatory since 3.0), forms' required slots and their questions, button payloads, and that the
actions the domain names are the ones our action server serves.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bot.actions import build_actions

from .conftest import DOMAIN

TOP_LEVEL = {"version", "intents", "entities", "slots", "forms", "actions", "responses",
             "session_config", "e2e_actions", "config"}
SLOT_TYPES = {"text", "bool", "categorical", "float", "list", "any"}
MAPPING_TYPES = {"from_entity", "from_text", "from_intent", "from_trigger_intent", "custom"}
PAYLOAD = re.compile(r"^/(?P<intent>\w+)(?P<json>\{.*\})?$")


def _served() -> set[str]:
    return {action.name() for action in build_actions(None, None)}  # type: ignore[arg-type]


def test_top_level_keys_and_version() -> None:
    assert set(DOMAIN) <= TOP_LEVEL
    assert str(DOMAIN["version"]).startswith("3.")


def test_intents_and_entities_are_unique_names() -> None:
    for key in ("intents", "entities"):
        names = DOMAIN[key]
        assert all(isinstance(n, str) for n in names)
        assert len(names) == len(set(names)), key


@pytest.mark.parametrize("name", sorted(DOMAIN["slots"]))
def test_slot_is_a_rasa3_slot(name: str) -> None:
    slot: dict[str, Any] = DOMAIN["slots"][name]
    assert slot["type"] in SLOT_TYPES
    assert isinstance(slot.get("influence_conversation", True), bool)
    if slot["type"] == "categorical":
        assert slot["values"] and len(slot["values"]) == len(set(slot["values"]))
    if slot["type"] == "float":
        assert slot.get("min_value", 0.0) <= slot.get("max_value", 1.0)
    if "initial_value" in slot and slot["type"] == "categorical":
        assert slot["initial_value"] in slot["values"]
    mappings = slot["mappings"]  # Rasa 3 requires a mappings list on every slot
    assert isinstance(mappings, list) and mappings
    for mapping in mappings:
        assert mapping["type"] in MAPPING_TYPES
        if mapping["type"] == "from_entity":
            assert mapping["entity"] in DOMAIN["entities"]
        if "action" in mapping:
            assert mapping["action"] in DOMAIN["actions"]


def test_forms_ask_for_every_required_slot() -> None:
    for form, spec in DOMAIN["forms"].items():
        assert f"validate_{form}" in DOMAIN["actions"]
        for slot in spec["required_slots"]:
            assert slot in DOMAIN["slots"], f"{form}: unknown slot {slot}"
            assert f"utter_ask_{slot}" in DOMAIN["responses"] or f"action_ask_{slot}" in DOMAIN["actions"]


def test_actions_are_exactly_what_the_action_server_serves() -> None:
    assert set(DOMAIN["actions"]) == _served()


def test_responses_have_text_and_well_formed_buttons() -> None:
    for name, variants in DOMAIN["responses"].items():
        assert name.startswith("utter_")
        assert isinstance(variants, list) and variants, name
        for variant in variants:
            assert variant.get("text") or variant.get("custom") or variant.get("image"), name
            for button in variant.get("buttons") or []:
                assert set(button) == {"title", "payload"}, name
                match = PAYLOAD.match(button["payload"])
                if match is None:  # a plain-text payload is sent as if typed; only /intent is special
                    continue
                assert match["intent"] in DOMAIN["intents"], (name, button)
                if match["json"]:
                    assert isinstance(json.loads(match["json"]), dict), (name, button)


def test_responses_the_actions_utter_by_name_exist() -> None:
    for slot in DOMAIN["forms"]["triage_form"]["required_slots"]:
        assert f"utter_clarify_{slot}" in DOMAIN["responses"]


def test_slot_mappings_only_name_the_screens() -> None:
    named = {m["action"] for s in DOMAIN["slots"].values() for m in s["mappings"] if m.get("action")}
    assert named <= {"action_safety_check", "action_disclosure_check", "action_clinical_check"}
