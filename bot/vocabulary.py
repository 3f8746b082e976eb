"""The facts the code and the data share, loaded once from their single sources.

- triage levels, slots and their values, forms: the Rasa domain (`dialogues/domain.yml`);
- pain locations, the slots the NLU fills, the commands: `dialogues/vocabulary.yml`;
- red flags: the clinical rules, `knowledge/clinical/rules.yml` (`bot.clinical`; each rule names
  its knowledge entry and source).

Modules import the constants below (`LEVELS`, `LOCATIONS`, ...) instead of writing the lists
again. `load_vocabulary(directory)` reads another copy of `dialogues/` (the start-up checks and
their tests use it); `bot.validation` checks that the sources agree with each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.dialogue import read_yaml
from bot.errors import DefinitionError
from bot.paths import dialogues_directory
from bot.texts import Voice, english, text_family

#: The slot whose categorical values are the triage levels, most serious first.
LEVEL_SLOT = "triage_level"


@dataclass(frozen=True)
class Vocabulary:
    """The shared facts of one `dialogues/` directory."""

    directory: Path
    levels: tuple[str, ...]  # most serious first
    locations: tuple[str, ...]
    nlu_slots: tuple[str, ...]
    slots: Mapping[str, Mapping[str, Any]]  # the domain's slot definitions
    forms: Mapping[str, tuple[str, ...]]  # form -> required slots
    commands: tuple[str, ...]  # the menu, in order ("/start", ...)
    unlisted_commands: tuple[str, ...]
    #: groups of locations that name the same area (one after the other is no second pain)
    same_area: tuple[tuple[str, ...], ...] = ()

    def area(self, location: str) -> tuple[str, ...]:
        """`location` and the locations naming the same area as it."""
        return next((g for g in self.same_area if location in g), (location,))

    def areas(self, locations: Iterable[str]) -> set[str]:
        """`locations` and every location naming the same area as one of them."""
        return {place for location in locations for place in self.area(str(location))}

    @property
    def path(self) -> str:
        """dialogues/vocabulary.yml, as error messages name it."""
        return str(self.directory / "vocabulary.yml")

    @property
    def domain_path(self) -> str:
        return str(self.directory / "domain.yml")

    @property
    def all_commands(self) -> tuple[str, ...]:
        return self.commands + self.unlisted_commands

    def values(self, slot: str) -> tuple[str, ...]:
        """The values a categorical slot may take, in the domain's order."""
        return tuple(self.slots[slot].get("values") or ())

    def constrains(self, slot: str) -> bool:
        """Does the domain say which values `slot` takes (categorical values, float min/max)?"""
        spec = self.slots.get(slot) or {}
        return (spec.get("type") == "categorical" and bool(spec.get("values"))) or (
            spec.get("type") == "float" and "min_value" in spec and "max_value" in spec)

    def accepts(self, slot: str, value: Any) -> bool:
        """Is `value` one the domain allows for `slot` (see constrains)?"""
        spec = self.slots.get(slot) or {}
        if spec.get("type") == "float":
            return (isinstance(value, (int, float)) and not isinstance(value, bool)
                    and spec["min_value"] <= value <= spec["max_value"])
        return value in self.values(slot)


def load_vocabulary(directory: Path) -> Vocabulary:
    """Read `directory`/vocabulary.yml and the domain's slots; DefinitionError names file and key."""
    domain_path = str(directory / "domain.yml")
    path = str(directory / "vocabulary.yml")
    domain = read_yaml(directory / "domain.yml")
    data = read_yaml(directory / "vocabulary.yml")
    slots = domain.get("slots")
    if not isinstance(slots, dict):
        raise DefinitionError(domain_path, "slots", "missing")
    level_slot = slots.get(LEVEL_SLOT) or {}
    levels = tuple(level_slot.get("values") or ())
    if not levels:
        raise DefinitionError(domain_path, f"slots.{LEVEL_SLOT}.values", "missing: these are the triage levels")
    forms = {str(name): tuple(spec.get("required_slots") or ()) for name, spec in (domain.get("forms") or {}).items()}

    def names(key: str, prefix: str = "") -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise DefinitionError(path, key, "must be a list of names")
        if len(set(value)) != len(value):
            raise DefinitionError(path, key, "lists a name twice")
        for v in value:
            if prefix and not v.startswith(prefix):
                raise DefinitionError(path, key, f"'{v}' must start with '{prefix}'")
        return tuple(value)

    nlu_slots = names("nlu_slots")
    for slot in nlu_slots:
        if slot not in slots:
            raise DefinitionError(path, "nlu_slots", f"'{slot}' is not a slot of {domain_path}")
    commands = names("commands", "/")
    unlisted = names("unlisted_commands", "/") if "unlisted_commands" in data else ()
    both = set(commands) & set(unlisted)
    if both:
        raise DefinitionError(path, "unlisted_commands", f"'{sorted(both)[0]}' is also under commands")
    locations = names("locations")
    groups = data.get("same_area") or []
    if not isinstance(groups, list) or not all(isinstance(g, list) and len(g) > 1 for g in groups):
        raise DefinitionError(path, "same_area", "must be a list of lists of two or more locations")
    seen: set[str] = set()
    for group in groups:
        for loc in group:
            if loc not in locations:
                raise DefinitionError(path, "same_area", f"'{loc}' is not one of the locations")
            if loc in seen:
                raise DefinitionError(path, "same_area", f"'{loc}' is in two groups")
            seen.add(loc)
    same_area = tuple(tuple(str(loc) for loc in g) for g in groups)
    return Vocabulary(directory, levels, locations, nlu_slots, slots, forms, commands, unlisted, same_area)


VOCABULARY = load_vocabulary(dialogues_directory())

#: Triage levels, most serious first (a public contract: DESIGN.md).
LEVELS: tuple[str, ...] = VOCABULARY.levels
#: Canonical pain locations (the values of pain_location).
LOCATIONS: tuple[str, ...] = VOCABULARY.locations
#: The triage's pain patterns (the values of pain_pattern); advice entries may be specific to some.
PATTERNS: tuple[str, ...] = VOCABULARY.values("pain_pattern")
#: The detail buttons of an advice message (the values of the detail slot): "Why?", "What can I do
#: now?", "Exercises", "When can I run again?" (issue 16). Answer entries may fill one (`detail:`).
DETAILS: tuple[str, ...] = VOCABULARY.values("detail")
#: Slots the NLU fills from a message.
NLU_SLOTS: tuple[str, ...] = VOCABULARY.nlu_slots

#: Each menu command's help line: text key command.<name without "/">.
COMMAND_HELP = text_family("command", lambda s: [c.lstrip("/") for c in s.vocabulary.commands])


def command_menu(voice: Voice | None = None) -> tuple[tuple[str, str], ...]:
    """The command menu, (name without "/", help line), in order: what Telegram's
    set_my_commands publishes and deploy/botfather-commands.txt lists."""
    voice = voice or english()
    return tuple((c.lstrip("/"), voice.say(f"{COMMAND_HELP}.{c.lstrip('/')}")) for c in VOCABULARY.commands)
