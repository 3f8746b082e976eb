"""Start-up cross-checks: the single sources of each fact agree with each other and with the code.

Each file is validated on its own when it loads (bot.dialogue, bot.knowledge.loader, bot.texts);
this module checks what spans files. Every problem is a `DefinitionError` naming the file and the
key to fix. `Engine.load` raises the first; `runner-triage flow` and `runner-triage kb check`
print them all.

What is checked (docs/contributing.md has the recipes that rely on it):

- red flags (the clinical rules, knowledge/clinical/rules.yml): every rule names a knowledge entry
  with a source whose levels include the rule's (and its escalations'); a warning-sign rule's
  entry is a red_flag entry; every red_flag entry is some rule's; every question (the rules' yes/no
  questions, the intake's) is a slot with its words (utter_ask_<id>, asking it);
- forms: every form has its validation action; every required slot an extract_<slot> method (or
  the NLU fills it) and a validate_<slot> method; every NLU slot a validate_<slot> method;
- commands: every command has exactly one handler (flow.yml or bot/commands.py) and every
  handler is a listed command;
- locations: every location has NLU phrases and a knowledge entry that lists it;
- levels: bot.triage.TriageLevel names exactly the domain's levels; every level has advice;
- texts: every key the code uses (text_key, text_family: level.<level>, location.<location>,
  red_flag.<id>, command.<name>, ...) is in dialogues/texts/en.yml, and every key there is used;
  every placeholder of a text, a response or a knowledge entry can be filled; /help names every
  command; no text, response, button or knowledge entry contains a phone-number-like string
  (numbers live in knowledge/crisis_resources.yml and reach texts through placeholders);
- names in code: a module-level constant of the actions or the clinical flow named `ENTRY` or
  `*_ENTRY` is a knowledge entry's id, one named `*_FINDING` a clinical rule's id, and one named
  `*_FINDINGS` or `*_RULES` a collection of them (a renamed rule or entry would otherwise silently
  stop an answer: `REDS_FINDINGS`, `ACUTE_RULES`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasa_sdk.interfaces import Action

from bot.dialogue import Dialogue
from bot.errors import DefinitionError
from bot.knowledge import KnowledgeBase
from bot.clinical.rules import ClinicalRules
from bot.texts import (
    CONTEXT_PLACEHOLDERS,
    COUNTRY_PLACEHOLDERS,
    DECLARED,
    DEFAULT_LOCALE,
    FAMILIES,
    Texts,
    phone_like,
    placeholders,
)
from bot.vocabulary import Vocabulary

RULES_FILE = "knowledge/clinical/rules.yml"
INTAKE_FILE = "knowledge/clinical/intake.yml"
COMMANDS_FILE = "bot/commands.py"
NLU_VOCABULARY_FILE = "bot/nlu/vocabulary.py"
ACTIONS_FILE = "bot/actions/__init__.py"
TRIAGE_FILE = "bot/triage.py"


@dataclass(frozen=True)
class Sources:
    """Everything the cross-checks compare: the loaded data and the code's own tables."""

    vocabulary: Vocabulary
    dialogue: Dialogue
    kb: KnowledgeBase
    actions: Sequence[Action]
    texts: Texts
    rules: ClinicalRules | None = None  # default: knowledge/clinical/ of the packaged knowledge
    intake_slots: Sequence[str] | None = None  # default: bot.clinical.intake.SLOTS
    command_handlers: Iterable[str] | None = None  # default: bot.commands.HANDLERS
    body_parts: Mapping[str, object] | None = None  # default: bot.nlu.vocabulary.BODY_PARTS


def load_sources(dialogues_dir: Path | None = None, knowledge_dir: Path | None = None) -> Sources:
    """Load what the checks compare (the packaged directories by default). Load errors raise."""
    from bot.actions import build_actions
    from bot.dialogue import load_dialogue
    from bot.paths import dialogues_directory, knowledge_directory
    from bot.vocabulary import load_vocabulary

    dialogues_dir = dialogues_dir or dialogues_directory()
    vocabulary = load_vocabulary(dialogues_dir)
    dialogue = load_dialogue(dialogues_dir)
    kb = KnowledgeBase.load(knowledge_dir or knowledge_directory(), vocabulary.levels, vocabulary.locations)
    texts = Texts.load(dialogues_dir, dialogue.responses)
    return Sources(vocabulary, dialogue, kb, build_actions(None, kb, texts, vocabulary), texts,  # type: ignore[arg-type]  # no NLU needed
                   rules=load_clinical_rules(knowledge_dir or knowledge_directory()))


def load_clinical_rules(knowledge_dir: Path) -> ClinicalRules:
    """knowledge/clinical/ of a knowledge directory, its sources checked against sources.yml."""
    import yaml

    from bot.clinical.rules import load_rules

    sources = yaml.safe_load((knowledge_dir / "sources.yml").read_text(encoding="utf-8")) or {}
    return load_rules(knowledge_dir / "clinical", set(sources.get("clinical") or {}))


def problems(sources: Sources) -> list[DefinitionError]:
    """Every disagreement between the sources, in a stable order."""
    found: list[DefinitionError] = []
    found += _red_flags(sources)
    found += _forms(sources)
    found += _commands(sources)
    found += _locations(sources)
    found += _levels(sources)
    found += _texts(sources)
    found += _help(sources)
    found += _no_phone_numbers(sources)
    found += _code_names(sources)
    return found


def check(sources: Sources) -> None:
    """Raise the first problem, if any (start-up)."""
    found = problems(sources)
    if found:
        raise found[0]


# -- red flags -------------------------------------------------------------------------------

def _red_flags(s: Sources) -> list[DefinitionError]:
    """The clinical rules are the one source of red flags; each names its knowledge entry."""
    from bot.clinical.rules import default_rules

    rules = s.rules or default_rules()
    out: list[DefinitionError] = []
    entries = {e.id: e for e in s.kb.entries}
    named: set[str] = set()
    for rule in rules.rules:
        where = f"rules.{rule.id}.entry"
        entry = entries.get(rule.entry)
        if entry is None:
            out.append(DefinitionError(RULES_FILE, where, f"'{rule.entry}' is not a knowledge entry: add it to "
                                       "knowledge/entries/red_flags.yml (role: red_flag, levels, source)"))
            continue
        named.add(entry.id)
        if rule.level in ("emergency", "urgent") and entry.role != "red_flag":
            out.append(DefinitionError(RULES_FILE, where, f"'{entry.id}' is a {entry.role} entry; a warning sign's "
                                       "entry has role: red_flag"))
        if not entry.source:
            out.append(DefinitionError(entry.file, f"{entry.id}.source", "a red flag's entry needs a source"))
        if entry.role == "red_flag":
            for level in dict.fromkeys([rule.level] + [e.level for e in rule.escalate]):
                if level not in entry.levels:
                    out.append(DefinitionError(entry.file, f"{entry.id}.levels",
                                               f"must include '{level}', a level of rule '{rule.id}' in {RULES_FILE}"))
    for entry in entries.values():
        if entry.role == "red_flag" and entry.id not in named:
            out.append(DefinitionError(entry.file, f"{entry.id}.role", f"a red_flag entry no rule of {RULES_FILE} "
                                       "names (`entry:`): name it from a rule, or give it another role"))
    out += _questions(s, rules)
    from bot.clinical.decisions import general_entries

    for entry_id in general_entries():
        if entry_id not in entries:
            out.append(DefinitionError("knowledge/clinical/decisions.yml", "general_entries",
                                       f"'{entry_id}' is not a knowledge entry"))
    return out


def _questions(s: Sources, rules: ClinicalRules) -> list[DefinitionError]:
    """Every clinical question is a slot, asked by utter_ask_<id> (its words), which says so."""
    from bot.clinical.intake import SLOTS

    out: list[DefinitionError] = []
    domain = s.vocabulary.domain_path
    asked = [(q, RULES_FILE, f"questions.{q}") for q in rules.questions]
    asked += [(slot, INTAKE_FILE, f"intake[{slot}]") for slot in (s.intake_slots if s.intake_slots is not None else SLOTS)]
    asked.append(("balance_change", "bot/clinical/flow.py", "next_question (the balance test)"))
    for question, file, key in asked:
        response = f"utter_ask_{question}"
        if question not in s.vocabulary.slots:
            out.append(DefinitionError(domain, f"slots.{question}", f"missing: {file} {key} fills this slot"))
        if response not in s.dialogue.responses:
            out.append(DefinitionError(domain, f"responses.{response}", f"missing: the words of {file} {key}"))
        elif s.dialogue.asks(response) != question:
            out.append(DefinitionError(domain, f"responses.{response}[0].metadata.asks",
                                       f"must be '{question}': the question says which slot it asks"))
    if "utter_clarify_balance_change" not in s.dialogue.responses:
        out.append(DefinitionError(domain, "responses.utter_clarify_balance_change",
                                   "missing: the two-line balance test, for a runner who is not sure"))
    return out


# -- forms -----------------------------------------------------------------------------------

def _forms(s: Sources) -> list[DefinitionError]:
    out: list[DefinitionError] = []
    actions = {a.name(): a for a in s.actions}
    domain = s.vocabulary.domain_path
    for form, required in s.vocabulary.forms.items():
        name = f"validate_{form}"
        action = actions.get(name)
        if action is None:
            out.append(DefinitionError(domain, f"forms.{form}", f"no action '{name}' validates it ({ACTIONS_FILE})"))
            continue
        reads_nlu = bool(getattr(action, "reads_nlu_slots", False))
        for slot in required:
            if not (hasattr(action, f"extract_{slot}") or (reads_nlu and slot in s.vocabulary.nlu_slots)):
                out.append(DefinitionError(domain, f"forms.{form}.required_slots",
                                           f"'{slot}' has no extraction: {name} needs extract_{slot}, "
                                           f"or list it under nlu_slots in {s.vocabulary.path}"))
            if not _validated(action, slot, s.vocabulary):
                out.append(DefinitionError(domain, f"forms.{form}.required_slots",
                                           f"'{slot}' has no validation: declare its values in the domain "
                                           f"(categorical values, float min/max), or give {name} validate_{slot}"))
        if reads_nlu:
            for slot in s.vocabulary.nlu_slots:
                if not _validated(action, slot, s.vocabulary):
                    out.append(DefinitionError(s.vocabulary.path, "nlu_slots",
                                               f"'{slot}' has no validation: declare its values in the domain, "
                                               f"or give {name} validate_{slot}"))
    return out


def _validated(action: Action, slot: str, vocabulary: Vocabulary) -> bool:
    return hasattr(action, f"validate_{slot}") or vocabulary.constrains(slot)


# -- commands --------------------------------------------------------------------------------

def _commands(s: Sources) -> list[DefinitionError]:
    if s.command_handlers is None:
        from bot.commands import HANDLERS

        handlers = set(HANDLERS)
    else:
        handlers = set(s.command_handlers)
    out: list[DefinitionError] = []
    listed = s.vocabulary.all_commands
    flow_path = str(s.vocabulary.directory / "flow.yml")
    for command in listed:
        in_flow, in_code = command in s.dialogue.commands, command in handlers
        if not in_flow and not in_code:
            out.append(DefinitionError(s.vocabulary.path, "commands", f"'{command}' has no handler: add it "
                                       f"under commands: in {flow_path}, or to HANDLERS in {COMMANDS_FILE}"))
        elif in_flow and in_code:
            out.append(DefinitionError(flow_path, f"commands.{command}",
                                       f"is also handled by {COMMANDS_FILE}; a command has one handler"))
    for command in s.dialogue.commands:
        if command not in listed:
            out.append(DefinitionError(flow_path, f"commands.{command}", f"not listed in {s.vocabulary.path}"))
    for command in sorted(handlers - set(listed)):
        out.append(DefinitionError(COMMANDS_FILE, f"HANDLERS[{command}]", f"not listed in {s.vocabulary.path}"))
    return out


# -- locations and levels --------------------------------------------------------------------

def _locations(s: Sources) -> list[DefinitionError]:
    if s.body_parts is None:
        from bot.nlu.vocabulary import BODY_PARTS

        body_parts: Mapping[str, object] = BODY_PARTS
    else:
        body_parts = s.body_parts
    out: list[DefinitionError] = []
    answers = [e for e in s.kb.entries if e.role == "answer"]
    for loc in s.vocabulary.locations:
        if loc not in body_parts:
            out.append(DefinitionError(NLU_VOCABULARY_FILE, f"BODY_PARTS[{loc}]",
                                       f"missing: location '{loc}' ({s.vocabulary.path}) needs NLU phrases"))
        if not any(loc in e.locations for e in answers):
            out.append(DefinitionError("knowledge/entries/locations.yml", f"(locations: {loc})",
                                       f"no answer entry lists location '{loc}' ({s.vocabulary.path})"))
    for loc in body_parts:
        if loc not in s.vocabulary.locations:
            out.append(DefinitionError(NLU_VOCABULARY_FILE, f"BODY_PARTS[{loc}]",
                                       f"'{loc}' is not a location of {s.vocabulary.path}"))
    return out


def _levels(s: Sources) -> list[DefinitionError]:
    from bot.triage import TriageLevel

    out: list[DefinitionError] = []
    coded = [level.value for level in TriageLevel]
    if sorted(coded) != sorted(s.vocabulary.levels):
        out.append(DefinitionError(TRIAGE_FILE, "TriageLevel", f"names {coded}, but the domain's levels "
                                   f"(slots.triage_level.values in {s.vocabulary.domain_path}) are {list(s.vocabulary.levels)}"))
    for level in s.vocabulary.levels:
        if not any(e.role == "advice_now" and level in e.levels for e in s.kb.entries):
            out.append(DefinitionError("knowledge/entries/advice.yml", f"(levels: {level})",
                                       f"no advice_now entry for level '{level}'"))
    return out


# -- texts -----------------------------------------------------------------------------------

def _declared_keys() -> None:
    """Import every module that declares text keys, so DECLARED and FAMILIES are complete."""
    import bot.actions  # noqa: F401
    import bot.checkins.actions  # noqa: F401
    import bot.checkins.progress  # noqa: F401
    import bot.checkins.render  # noqa: F401
    import bot.checkins.rules  # noqa: F401
    import bot.commands  # noqa: F401
    import bot.engine  # noqa: F401
    import bot.telegram.texts  # noqa: F401


def _texts(s: Sources) -> list[DefinitionError]:
    _declared_keys()
    out: list[DefinitionError] = []
    english = s.texts.catalogs[DEFAULT_LOCALE]
    path = s.texts.paths.get(DEFAULT_LOCALE, "dialogues/texts/en.yml")
    context = set(CONTEXT_PLACEHOLDERS)

    def fillable(key: str, params: frozenset[str], used_by: str) -> None:
        if key not in english:
            out.append(DefinitionError(path, key, f"missing: {used_by} says it"))
            return
        for locale, catalog in s.texts.catalogs.items():
            if key in catalog:
                unknown = placeholders(catalog[key]) - context - params
                if unknown:
                    out.append(DefinitionError(s.texts.paths[locale], key, f"placeholder {{{sorted(unknown)[0]}}} "
                                               f"cannot be filled (known here: {', '.join(sorted(context | params))})"))

    covered: set[str] = set()
    for key, params in sorted(DECLARED.items()):
        fillable(key, params, "the code")
        covered.add(key)
    for prefix, (members, params) in sorted(FAMILIES.items()):
        wanted = {f"{prefix}.{m}" for m in members(s)}
        for key in sorted(wanted):
            fillable(key, params, f"every member of {prefix}.<...>")
        for key in english:
            if key.startswith(prefix + ".") and key not in wanted and key not in DECLARED:
                out.append(DefinitionError(path, key, f"not a member of {prefix}.<...> (known: "
                                           f"{', '.join(sorted(k.split('.')[-1] for k in wanted))})"))
        covered |= {k for k in english if k.startswith(prefix + ".")}
    for key in english:
        if key not in covered:
            out.append(DefinitionError(path, key, "not used by the code: remove it, or declare it with text_key()"))
    for locale, responses in s.texts.responses.items():
        where = s.vocabulary.domain_path if locale == DEFAULT_LOCALE else s.texts.paths[locale]
        for name, variants in responses.items():
            for i, variant in enumerate(variants):
                unknown = placeholders(str(variant.get("text") or "")) - context
                if unknown:
                    out.append(DefinitionError(where, f"responses.{name}[{i}].text", f"placeholder "
                                               f"{{{sorted(unknown)[0]}}} cannot be filled (known: {', '.join(sorted(context))})"))
    for entry in s.kb.entries:
        unknown = placeholders(entry.text) - set(COUNTRY_PLACEHOLDERS)
        if unknown:
            out.append(DefinitionError(entry.file, f"{entry.id}.text", f"placeholder {{{sorted(unknown)[0]}}} cannot "
                                       f"be filled (known: {', '.join(COUNTRY_PLACEHOLDERS)})"))
    return out


def _help(s: Sources) -> list[DefinitionError]:
    """/help (utter_help) names every command but /start, in English and in every translation."""
    out: list[DefinitionError] = []
    for locale, responses in s.texts.responses.items():
        where = s.vocabulary.domain_path if locale == DEFAULT_LOCALE else s.texts.paths[locale]
        for variant in responses.get("utter_help", []):
            text = str(variant.get("text") or "")
            for command in s.vocabulary.all_commands:
                if command != "/start" and not re.search(re.escape(command) + r"\b", text):
                    out.append(DefinitionError(where, "responses.utter_help", f"does not name {command} "
                                               f"(listed in {s.vocabulary.path})"))
    return out


def _no_phone_numbers(s: Sources) -> list[DefinitionError]:
    """Crisis and emergency numbers are written once, in knowledge/crisis_resources.yml."""
    out: list[DefinitionError] = []
    hint = "write {crisis_line}, {emergency_number} or {crisis_lines} instead (knowledge/crisis_resources.yml)"

    def scan(path: str, key: str, text: str) -> None:
        for number in phone_like(text):
            out.append(DefinitionError(path, key, f"contains the phone-number-like '{number}': {hint}"))

    for locale, catalog in s.texts.catalogs.items():
        for key, text in catalog.items():
            scan(s.texts.paths[locale], key, text)
    for locale, responses in s.texts.responses.items():
        where = s.vocabulary.domain_path if locale == DEFAULT_LOCALE else s.texts.paths[locale]
        for name, variants in responses.items():
            for i, variant in enumerate(variants):
                scan(where, f"responses.{name}[{i}].text", str(variant.get("text") or ""))
                for j, button in enumerate(variant.get("buttons") or []):
                    scan(where, f"responses.{name}[{i}].buttons[{j}]", str(button.get("title") or ""))
    for entry in s.kb.entries:
        for field_name in ("title", "text"):
            scan(entry.file, f"{entry.id}.{field_name}", getattr(entry, field_name))
        for question in entry.questions:
            scan(entry.file, f"{entry.id}.questions", question)
        # the advice's action lines too ("Call 911 if ..." was typed into one while adding the
        # hypoglycaemia entry, and no check saw it)
        for field_name in ("actions", "actions_other"):
            for i, line in enumerate(getattr(entry, field_name)):
                scan(entry.file, f"{entry.id}.{field_name}[{i}]", line)
    return out


# -- names in code ---------------------------------------------------------------------------

#: The modules whose constants name entries and rules (by the naming convention above).
NAMING_MODULES = ("bot.actions", "bot.actions.disclosure", "bot.actions.clinical", "bot.actions.advice",
                  "bot.clinical.flow")


def _code_names(s: Sources) -> list[DefinitionError]:
    """Entry and rule ids typed in code name entries and rules that exist."""
    import importlib

    from bot.clinical.rules import default_rules

    rule_ids = {rule.id for rule in (s.rules or default_rules()).rules}
    entry_ids = {entry.id for entry in s.kb.entries}
    out: list[DefinitionError] = []
    for module_name in NAMING_MODULES:
        module = importlib.import_module(module_name)
        where = module_name.replace(".", "/") + (".py" if not hasattr(module, "__path__") else "/__init__.py")
        for name, value in sorted(vars(module).items()):
            if name == "ENTRY" or name.endswith("_ENTRY"):
                wanted, known, what = [value], entry_ids, "a knowledge entry"
            elif name.endswith("_FINDING"):
                wanted, known, what = [value], rule_ids, f"a rule of {RULES_FILE}"
            elif name.endswith(("_FINDINGS", "_RULES")) and isinstance(value, (tuple, frozenset, set, list)):
                wanted, known, what = sorted(value), rule_ids, f"a rule of {RULES_FILE}"
            else:
                continue
            for item in wanted:
                if item not in known:
                    out.append(DefinitionError(where, name, f"'{item}' is not {what}"))
    return out
