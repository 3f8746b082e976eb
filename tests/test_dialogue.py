"""The dialogue definition: the shipped one is valid; every kind of mistake names file and key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.dialogue import load_dialogue, parse_payload
from bot.errors import DefinitionError
from bot.paths import dialogues_directory


def test_shipped_dialogue_loads_and_every_state_is_drawn() -> None:
    dialogue = load_dialogue(dialogues_directory())
    diagram = dialogue.mermaid()
    assert diagram.startswith("stateDiagram-v2")
    for state in dialogue.states:
        assert f"    {state} -->" in diagram
    assert ("triage_form", "pain_pattern") in dialogue.form_states()
    assert dialogue.screens[0] == "action_safety_check"


def _broken(tmp_path: Path, file: str, change: Callable[[dict], None]) -> Path:
    target = tmp_path / "dialogues"
    shutil.copytree(dialogues_directory(), target)
    data = yaml.safe_load((target / file).read_text())
    change(data)
    (target / file).write_text(yaml.safe_dump(data, sort_keys=False))
    return target


@pytest.mark.parametrize("file, change, key, problem", [
    ("domain.yml", lambda d: d["forms"]["triage_form"]["required_slots"].append("pain_colour"),
     "forms.triage_form.required_slots", "unknown slot 'pain_colour'"),
    ("domain.yml", lambda d: d["responses"].pop("utter_ask_pain_pattern"),
     "responses.utter_ask_pain_pattern", "missing"),
    ("domain.yml", lambda d: d["responses"].pop("utter_why_pain_pattern"),
     "responses.utter_why_pain_pattern", "missing"),
    ("domain.yml", lambda d: d["responses"]["utter_ask_pain_pattern"][0]["buttons"][0].update(payload="/nope{}"),
     "responses.utter_ask_pain_pattern[0].buttons[0]", "unknown intent 'nope'"),
    ("domain.yml", lambda d: d["responses"]["utter_ask_pain_pattern"][0]["buttons"][0].update(payload='/inform{"colour":1}'),
     "responses.utter_ask_pain_pattern[0].buttons[0]", "unknown slot 'colour'"),
    ("domain.yml", lambda d: d.pop("forms"), "forms", "missing"),
    ("flow.yml", lambda d: d["states"]["idle"]["transitions"][0].update(do=["utter_nothing"]),
     "states.idle.transitions[0].do", "unknown action or response 'utter_nothing'"),
    ("flow.yml", lambda d: d["states"]["idle"]["transitions"][0].update(intent="dance"),
     "states.idle.transitions[0].intent", "unknown intent 'dance'"),
    ("flow.yml", lambda d: d["states"]["idle"]["transitions"][0].update(to="limbo"),
     "states.idle.transitions[0].to", "unknown state 'limbo'"),
    ("flow.yml", lambda d: d["states"].update(orphan={"description": "x", "transitions": []}),
     "states.orphan", "unreachable"),
    ("flow.yml", lambda d: d["interrupts"].pop("red_flag"), "interrupts.red_flag", "missing"),
    ("flow.yml", lambda d: d.update(start="nowhere"), "start", "unknown state 'nowhere'"),
    ("flow.yml", lambda d: d["states"]["triage_form"].pop("on_complete"), "states.triage_form.on_complete", "needs on_complete"),
    ("flow.yml", lambda d: d["states"]["crisis"].update(no_checkins=True), "states.crisis", "unknown key(s) no_checkins"),
    ("flow.yml", lambda d: d["states"]["crisis"].update(checkin="no"), "states.crisis.checkin", "must be true or false"),
    ("flow.yml", lambda d: d["interrupts"]["crisis"].update(pause="yes"), "interrupts.crisis.pause", "must be true or false"),
    ("domain.yml", lambda d: d["responses"]["utter_ask_pain_pattern"][0].pop("metadata"),
     "responses.utter_ask_pain_pattern[0].metadata.asks", "must be 'pain_pattern'"),
    ("flow.yml", lambda f: f.update(screens=["action_clinical_check", "action_safety_check"]),
     "screens", "the first screen must be action_safety_check"),
    ("flow.yml", lambda f: f["interrupts"].pop("clinical_question"),
     "interrupts.clinical_question", "missing: every finding"),
    ("flow.yml", lambda f: f["interrupts"]["clinical_question"].pop("pause"),
     "interrupts.clinical_question.defer", "needs pause: true"),
    ("domain.yml", lambda d: d["responses"]["utter_clarify_pain_pattern"][0].update(metadata={"asks": "pain_location"}),
     "responses.utter_clarify_pain_pattern[0].metadata.asks", "must be 'pain_pattern'"),
    ("domain.yml", lambda d: d["responses"]["utter_greet"][0].update(metadata={"asks": "mood"}),
     "responses.utter_greet[0].metadata.asks", "unknown slot 'mood'"),
])
def test_mistakes_are_named_with_file_and_key(tmp_path: Path, file: str, change: Callable[[dict], None],
                                              key: str, problem: str) -> None:
    directory = _broken(tmp_path, file, change)
    with pytest.raises(DefinitionError) as err:
        load_dialogue(directory)
    message = str(err.value)
    assert message.startswith(str(directory / file)), message
    assert key in message and problem in message, message


def test_invalid_yaml_and_missing_file_are_clear(tmp_path: Path) -> None:
    (tmp_path / "domain.yml").write_text("intents: [unclosed\n")
    with pytest.raises(DefinitionError, match="not valid YAML"):
        load_dialogue(tmp_path)
    with pytest.raises(DefinitionError, match="not found"):
        load_dialogue(tmp_path / "missing")


@pytest.mark.parametrize("payload, expected", [
    ("/affirm", ("affirm", {})),
    ('/inform{"pain_location":["shin"]}', ("inform", {"pain_location": ["shin"]})),
])
def test_parse_payload(payload: str, expected: tuple) -> None:
    assert parse_payload(payload) == expected


@pytest.mark.parametrize("payload", ["inform", '/inform{"a":', '/inform["x"]'])
def test_parse_payload_rejects_garbage(payload: str) -> None:
    with pytest.raises(ValueError):
        parse_payload(payload)
