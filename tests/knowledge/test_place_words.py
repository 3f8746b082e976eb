"""crisis_resources.yml's places and hints: each word is one country's, lower case; a clash is a
start-up error that names it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.errors import DefinitionError
from bot.knowledge import loader

REPO = Path(__file__).resolve().parents[2]
CODES = ("US", "GB", "IE", "AU", "CA", "ES", "NZ", "EU", "IN", "ZA", "MX", "BR", "SG", "NG", "GH", "AR", "JP", "AE", "other")


def shipped() -> dict[str, object]:
    data = yaml.safe_load((REPO / "knowledge" / "crisis_resources.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_hint_that_is_another_countrys_place_is_refused() -> None:
    data = shipped()
    data["hints"]["GB"].append("boston")  # type: ignore[index]
    seen: dict[str, str] = {}
    loader._place_words(data, "crisis_resources.yml", "places", CODES, seen)
    with pytest.raises(DefinitionError, match="'boston' is also a word of US"):
        loader._place_words(data, "crisis_resources.yml", "hints", ("GB",), seen)


def test_upper_case_and_unknown_countries_are_refused() -> None:
    data = shipped()
    data["hints"] = {"GB": ["A&E"]}
    with pytest.raises(DefinitionError, match="lower case"):
        loader._place_words(data, "crisis_resources.yml", "hints", ("GB",), {})
    data["hints"] = {"XX": ["a&e"]}
    with pytest.raises(DefinitionError, match="'XX' is not one of GB"):
        loader._place_words(data, "crisis_resources.yml", "hints", ("GB",), {})
