"""Load and validate the dialogue (`dialogues/domain.yml` + `dialogues/flow.yml`); draw it.

Everything is checked at start-up, so a typo in the YAML is a clear error naming the file and the
key, not a confused conversation later: unknown slot, intent, action, response or state; a form
slot without its question (or a question that does not say which slot it asks); a state that
cannot be reached. What a state does besides its transitions (pausing, check-ins, keeping the
pending question) is declared on the state in flow.yml; the engine has no state names in it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.errors import DefinitionError
from bot.safety.answers import PAYLOADS as SAFETY_QUESTIONS

WHY_REQUESTED_SLOT = "utter_why_requested_slot"  # resolves to utter_why_<requested slot>
PAUSED = "@paused"  # the state an interruption paused
#: The slot a screen sets to report a finding; its values (dialogues/domain.yml) are the kinds of
#: interruption, each with its transition under `interrupts:` in flow.yml: the crisis protocol's
#: tiers (docs/safety.md), the clinical check's (docs/triage.md), distress.
FINDING_SLOT = "safety_finding"
#: What a response may say it is in the crisis protocol (`metadata: {safety: ...}`, Reply.safety).
SAFETY_TIERS = ("emergency", "crisis", "ask", "support")
#: The crisis screen: always the first of flow.yml's `screens` (a safety invariant).
SAFETY_ACTION = "action_safety_check"
#: A reply that asks to confirm the answer given for a slot asks `<slot>_confirm` ("You wrote
#: 20-25: which should I note?"); it is still that slot's question, so the form does not ask it too.
CONFIRM_SUFFIX = "_confirm"
_INTENT_NAME = re.compile(r"[a-z][a-z0-9_]*")
#: libyaml's safe loader when installed (the domain is read at every start-up and in many tests).
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Transition:
    intent: str
    do: tuple[str, ...]
    to: str | None  # None: stay
    reset: bool = False
    pause: bool = False  # pause the current state first (if pausable), so "@paused" returns to it
    #: With pause: keep the message with the paused state; it is handled there, as if it had just
    #: arrived (without the screens, which have read it), when "@paused" returns to it.
    defer: bool = False
    #: Forget the paused states (and their deferred messages): what happens now supersedes them.
    unpause: bool = False
    #: For a safety finding: the turn goes on afterwards (NLU, the state's transition) when the
    #: message's intent is one of these; otherwise the pending question is asked again.
    continue_for: tuple[str, ...] = ()
    #: With `to: "@paused"`: a question asked in the same message ("not like that! i meant my
    #: season. what should i do about the clicking?") is handled where the flow returns.
    replay: bool = False


#: A finding a state answers as it answers another unless it names it ("doubt": the second net's
#: unclear, answered like unclear but in the helping state, where it is about the other person).
FALLBACK_FINDINGS = {"doubt": "unclear"}


@dataclass(frozen=True)
class State:
    name: str
    description: str
    transitions: tuple[Transition, ...]
    form: str | None = None
    on_complete: Transition | None = None
    #: A transition with `pause: true` (a crisis interrupt) pauses this state to come back to it.
    #: False for the crisis states: a second crisis message does not stack another pause.
    pausable: bool = True
    #: The weekly check-in may start in this state (not while someone may be in crisis).
    checkin: bool = True
    #: Keep the pending question (requested_slot) while here, so resuming asks it again. Form
    #: states always keep theirs.
    keep_question: bool = False
    #: Findings whose interruption does not apply here (the flow carries on as if the screen had
    #: found nothing), e.g. a clinical question while someone may be in crisis.
    ignores: tuple[str, ...] = ()
    #: The flow's `anywhere:` transitions apply here, and a feeling is acknowledged first. False
    #: for the crisis states, which keep their own replies.
    anywhere: bool = True
    #: The crisis protocol's question the bot is waiting on here ("are_you_safe", "thoughts"): a
    #: short typed answer ("no", "idk") is read as that answer (intents safe / not_safe / unsure,
    #: affirm / deny) by the safety screen, and "unsure" is never taken for "safe".
    awaits: str | None = None
    #: Messages in any language the texts are translated into are answered here (in that
    #: language), instead of "I only understand English".
    multilingual: bool = False
    #: The form here asks for short values (numbers, places, days): the safety screen's second
    #: net does not read typed answers here, so "sunday evening would be best" stays quiet (its
    #: rules still read every message).
    short_answers: bool = False
    #: A safety finding answered differently here than under `interrupts:` (finding -> transition).
    on_safety: Mapping[str, Transition] = field(default_factory=dict)
    #: A pain report naming no place ("it hurts going down stairs too") is read as this intent
    #: here, while a place is known: more about the same pain (after the advice), not a new one.
    unplaced_pain: str | None = None
    #: A pain told here that does not answer the pending question ("also my knee hurts on every
    #: run" while a question about the racing heart waits) is kept and handled after the message
    #: the question deferred, as is a pain told beside the answer ("no, but my knee hurts too").
    keeps_pain: bool = False
    #: /restart or /start here is held once: the state's question again first ("are you safe right
    #: now?" with the pills beside them); sent again, it is done (the lines kept in view). /cancel,
    #: which stops the questions, is done at once (the lines kept in view).
    holds_reset: bool = False

    def interrupt_for(self, finding: str, default: Mapping[str, Transition]) -> Transition:
        fallback = FALLBACK_FINDINGS.get(finding)
        own = self.on_safety.get(finding) or (self.on_safety.get(fallback) if fallback else None)
        return own or default[finding]

    def transition_for(self, intent: str) -> Transition | None:
        for t in self.transitions:
            if t.intent in (intent, "*"):
                return t
        return None

    def own_transition(self, intent: str) -> Transition | None:
        """The state's transition for exactly this intent (not its catch-all)."""
        for t in self.transitions:
            if t.intent == intent:
                return t
        return None


def asks_about(asks: str | None, slot: str) -> bool:
    """Whether a reply that `asks` this is a question about `slot`: its own, or confirming it."""
    return asks is not None and asks in (slot, f"{slot}{CONFIRM_SUFFIX}")


@dataclass(frozen=True)
class Dialogue:
    domain: Mapping[str, Any]
    start: str
    states: Mapping[str, State]
    interrupts: Mapping[str, Transition]
    commands: Mapping[str, Transition]
    files: Transition  # what a file the runner sends does (a run from a watch: GPX, TCX, FIT)
    #: The actions run on every message before the flow, in order (flow.yml `screens`).
    screens: tuple[str, ...] = (SAFETY_ACTION,)
    anywhere: Mapping[str, Transition] = field(default_factory=dict)  # intent -> transition

    def transition_for(self, state: State, intent: str) -> tuple[Transition | None, bool]:
        """The transition for `intent` in `state`, and whether it is an `anywhere:` one: the
        state's own for the intent, else the flow's `anywhere:` one (where the state allows),
        else the state's catch-all."""
        own = state.own_transition(intent)
        if own is not None:
            return own, False
        if state.anywhere and intent in self.anywhere:
            return self.anywhere[intent], True
        return state.transition_for(intent), False

    @property
    def responses(self) -> Mapping[str, Any]:
        responses: Mapping[str, Any] = self.domain.get("responses", {})
        return responses

    def required_slots(self, form: str) -> tuple[str, ...]:
        return tuple(self.domain["forms"][form]["required_slots"])

    def asks(self, response: str) -> str | None:
        """The slot a response asks for (its `metadata: {asks: <slot>}`), or None."""
        variants = self.responses.get(response) or [{}]
        asks = (variants[0].get("metadata") or {}).get("asks")
        return str(asks) if asks else None

    def form_states(self) -> list[tuple[str, str | None]]:
        """Every (state, requested slot) pair a conversation can be in."""
        out: list[tuple[str, str | None]] = []
        for name, state in self.states.items():
            if state.form:
                out += [(name, slot) for slot in self.required_slots(state.form)]
            else:
                out.append((name, None))
        return out

    def mermaid(self) -> str:
        """The flow as a Mermaid state diagram."""
        lines = ["stateDiagram-v2", f"    [*] --> {self.start}"]
        for name, state in self.states.items():
            lines.append(f"    {name}: {name} - {state.description}".rstrip(" -"))
            if state.form:
                slots = " then ".join(self.required_slots(state.form))
                lines.append(f"    note right of {name}: asks {slots}")
            edges: dict[str, list[str]] = {}
            for t in state.transitions:
                target = t.to or name
                edges.setdefault(target, []).append(t.intent)
            if state.on_complete:
                edges.setdefault(state.on_complete.to or name, []).append("form complete")
            for kind, t in state.on_safety.items():
                edges.setdefault(t.to or name, []).append(f"safety {kind}")
            for target, intents in edges.items():
                label = ", ".join(dict.fromkeys(intents)).replace("*", "anything else")
                target = "paused_state" if target == PAUSED else target
                lines.append(f"    {name} --> {target}: {label}")
        for kind, t in self.interrupts.items():
            if t.to:
                lines.append(f"    any_state --> {'paused_state' if t.to == PAUSED else t.to}: {kind}")
        for cmd, t in self.commands.items():
            if t.to:
                lines.append(f"    any_state --> {t.to}: {cmd}")
        if self.files.to:
            lines.append(f"    any_state --> {self.files.to}: a file")
        for intent, t in self.anywhere.items():
            lines.append(f"    any_state --> {t.to or 'any_state'}: {intent}")
        lines.append(f"    note left of any_state: every message goes through {', '.join(self.screens)} first")
        return "\n".join(lines) + "\n"


def load_dialogue(directory: Path) -> Dialogue:
    """Read and validate the dialogue in `directory`. Raises DefinitionError on any problem."""
    domain_path = directory / "domain.yml"
    flow_path = directory / "flow.yml"
    domain = read_yaml(domain_path)
    flow = read_yaml(flow_path)
    _validate_domain(domain, str(domain_path))
    return _build_flow(domain, flow, str(flow_path))


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; DefinitionError (file, problem) otherwise."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise DefinitionError(str(path), "(file)", "not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DefinitionError(str(path), "(file)", f"not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise DefinitionError(str(path), "(file)", "must be a mapping at the top level")
    return data


def parse_payload(payload: str) -> tuple[str, dict[str, Any]]:
    """A Rasa button payload '/intent{"slot": value}' -> (intent, values)."""
    if not payload.startswith("/"):
        raise ValueError("a payload starts with '/'")
    body = payload[1:]
    brace = body.find("{")
    intent, raw = (body, "") if brace == -1 else (body[:brace], body[brace:])
    if not _INTENT_NAME.fullmatch(intent):
        raise ValueError(f"bad intent name {intent!r}")
    if not raw:
        return intent, {}
    values = json.loads(raw)  # json.JSONDecodeError is a ValueError
    if not isinstance(values, dict):
        raise ValueError("payload values must be an object")
    return intent, values


def _validate_domain(domain: dict[str, Any], path: str) -> None:
    for key in ("intents", "slots", "responses", "forms", "actions"):
        if key not in domain:
            raise DefinitionError(path, key, "missing")
    slots = domain["slots"]
    intents = set(domain["intents"])
    for form, spec in domain["forms"].items():
        for slot in spec.get("required_slots", []):
            where = f"forms.{form}.required_slots"
            if slot not in slots:
                raise DefinitionError(path, where, f"unknown slot '{slot}' (not under slots:)")
            for prefix in ("utter_ask_", "utter_clarify_", "utter_why_"):
                if prefix + slot not in domain["responses"]:
                    raise DefinitionError(path, f"responses.{prefix}{slot}",
                                          f"missing: form '{form}' asks for slot '{slot}'")
            for prefix in ("utter_ask_", "utter_clarify_"):
                asks = (domain["responses"][prefix + slot][0].get("metadata") or {}).get("asks")
                if asks != slot:
                    raise DefinitionError(path, f"responses.{prefix}{slot}[0].metadata.asks",
                                          f"must be '{slot}': the question says which slot it asks")
    for name, variants in domain["responses"].items():
        if not isinstance(variants, list) or not variants:
            raise DefinitionError(path, f"responses.{name}", "must be a non-empty list of variants")
        for i, variant in enumerate(variants):
            if "text" not in variant:
                raise DefinitionError(path, f"responses.{name}[{i}]", "has no text")
            metadata = variant.get("metadata") or {}
            asks = metadata.get("asks")
            if asks is not None and asks not in slots:
                raise DefinitionError(path, f"responses.{name}[{i}].metadata.asks", f"unknown slot '{asks}'")
            safety = metadata.get("safety")
            if safety is not None and safety not in SAFETY_TIERS:
                raise DefinitionError(path, f"responses.{name}[{i}].metadata.safety",
                                      f"unknown '{safety}' (known: {', '.join(SAFETY_TIERS)})")
            triage = metadata.get("triage")
            levels = (slots.get("triage_level") or {}).get("values") or []
            if triage is not None and triage not in levels:
                raise DefinitionError(path, f"responses.{name}[{i}].metadata.triage",
                                      f"unknown level '{triage}' (known: {', '.join(levels)})")
            for j, button in enumerate(variant.get("buttons", [])):
                where = f"responses.{name}[{i}].buttons[{j}]"
                if not isinstance(button.get("title"), str) or not button["title"].strip():
                    raise DefinitionError(path, f"{where}.title", "must be text (quote titles YAML reads as "
                                          "true/false or a number: \"No\", \"0\")")
                payload = button.get("payload")
                if isinstance(payload, str) and payload and not payload.startswith("/"):
                    continue  # plain text: read as if typed (Rasa does the same)
                try:
                    intent, values = parse_payload(button["payload"])
                except (KeyError, ValueError) as exc:
                    raise DefinitionError(path, where, f"bad payload: {exc}") from None
                if intent not in intents:
                    raise DefinitionError(path, where, f"unknown intent '{intent}'")
                for slot in values:
                    if slot not in slots and slot != "skip":
                        raise DefinitionError(path, where, f"unknown slot '{slot}'")


def _transition(raw: Any, where: str, path: str, domain: dict[str, Any],
                states: set[str], need_intent: bool) -> Transition:
    if not isinstance(raw, dict):
        raise DefinitionError(path, where, "must be a mapping")
    known = set(domain["actions"]) | set(domain["responses"]) | {WHY_REQUESTED_SLOT}
    intent = raw.get("intent", "")
    if need_intent and intent != "*" and intent not in domain["intents"]:
        raise DefinitionError(path, f"{where}.intent", f"unknown intent '{intent}'")
    do = tuple(raw.get("do", []))
    for name in do:
        if name not in known:
            raise DefinitionError(path, f"{where}.do", f"unknown action or response '{name}'")
    to = raw.get("to")
    if to is not None and to != PAUSED and to not in states:
        raise DefinitionError(path, f"{where}.to", f"unknown state '{to}'")
    unknown = set(raw) - {"intent", "do", "to", "reset", "pause", "defer", "unpause", "continue", "replay"}
    if unknown:
        raise DefinitionError(path, where, f"unknown key(s) {', '.join(sorted(unknown))}")
    pause, defer = _flag(raw, "pause", False, where, path), _flag(raw, "defer", False, where, path)
    if defer and not pause:
        raise DefinitionError(path, f"{where}.defer", "needs pause: true (the message waits with the paused state)")
    replay = _flag(raw, "replay", False, where, path)
    if replay and to != PAUSED:
        raise DefinitionError(path, f"{where}.replay", f"needs to: {PAUSED!r} (the question is handled where the flow returns)")
    continue_for = raw.get("continue", [])
    if not isinstance(continue_for, list) or any(i not in domain["intents"] for i in continue_for):
        raise DefinitionError(path, f"{where}.continue", "must be a list of intents of the domain")
    if continue_for and (need_intent or to is not None):
        raise DefinitionError(path, f"{where}.continue", "only a safety finding's transition without `to` may continue")
    return Transition(intent, do, to, _flag(raw, "reset", False, where, path), pause, defer,
                      _flag(raw, "unpause", False, where, path), tuple(continue_for), replay)


def _flag(raw: dict[str, Any], key: str, default: bool, where: str, path: str) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise DefinitionError(path, f"{where}.{key}", "must be true or false")
    return value


_STATE_KEYS = {"description", "form", "transitions", "on_complete", "pausable", "checkin", "keep_question",
               "anywhere", "awaits", "multilingual", "short_answers", "on_safety", "ignores", "unplaced_pain",
               "keeps_pain", "holds_reset"}


def _build_flow(domain: dict[str, Any], flow: dict[str, Any], path: str) -> Dialogue:
    raw_states = flow.get("states")
    if not isinstance(raw_states, dict) or not raw_states:
        raise DefinitionError(path, "states", "missing or empty")
    names = set(raw_states)
    start = flow.get("start")
    if start not in names:
        raise DefinitionError(path, "start", f"unknown state '{start}'")
    findings = _findings(domain, path)
    states: dict[str, State] = {}
    for name, raw in raw_states.items():
        unknown = set(raw) - _STATE_KEYS
        if unknown:
            raise DefinitionError(path, f"states.{name}", f"unknown key(s) {', '.join(sorted(unknown))} "
                                  f"(known: {', '.join(sorted(_STATE_KEYS))})")
        form = raw.get("form")
        if form is not None and form not in domain["forms"]:
            raise DefinitionError(path, f"states.{name}.form", f"unknown form '{form}'")
        transitions = tuple(
            _transition(t, f"states.{name}.transitions[{i}]", path, domain, names, True)
            for i, t in enumerate(raw.get("transitions", []))
        )
        on_complete = None
        if "on_complete" in raw:
            on_complete = _transition(raw["on_complete"], f"states.{name}.on_complete", path, domain, names, False)
        elif form:
            raise DefinitionError(path, f"states.{name}.on_complete", "a form state needs on_complete")
        where = f"states.{name}"
        ignores = raw.get("ignores") or []
        if not isinstance(ignores, list) or any(i not in findings for i in ignores):
            raise DefinitionError(path, f"{where}.ignores", f"must list findings (values of slot {FINDING_SLOT}: "
                                  f"{', '.join(findings)})")
        awaits = raw.get("awaits")
        if awaits is not None and awaits not in SAFETY_QUESTIONS:
            raise DefinitionError(path, f"{where}.awaits", f"unknown question '{awaits}' "
                                  f"(known: {', '.join(SAFETY_QUESTIONS)})")
        on_safety_raw = raw.get("on_safety") or {}
        if not isinstance(on_safety_raw, dict):
            raise DefinitionError(path, f"{where}.on_safety", "must be a mapping of safety finding -> transition")
        on_safety = {}
        for kind, t in on_safety_raw.items():
            if kind not in findings:
                raise DefinitionError(path, f"{where}.on_safety.{kind}", f"unknown finding (known: {', '.join(findings)})")
            on_safety[kind] = _transition(t, f"{where}.on_safety.{kind}", path, domain, names, False)
        unplaced = raw.get("unplaced_pain")
        if unplaced is not None and not any(t.intent == unplaced for t in transitions):
            raise DefinitionError(path, f"{where}.unplaced_pain", f"'{unplaced}' needs a transition of its own here")
        states[name] = State(name, raw.get("description", ""), transitions, form, on_complete,
                             pausable=_flag(raw, "pausable", True, where, path),
                             checkin=_flag(raw, "checkin", True, where, path),
                             keep_question=_flag(raw, "keep_question", False, where, path),
                             ignores=tuple(ignores),
                             anywhere=_flag(raw, "anywhere", True, where, path),
                             awaits=awaits, multilingual=_flag(raw, "multilingual", False, where, path),
                             short_answers=_flag(raw, "short_answers", False, where, path), on_safety=on_safety,
                             unplaced_pain=unplaced, keeps_pain=_flag(raw, "keeps_pain", False, where, path),
                             holds_reset=_flag(raw, "holds_reset", False, where, path))
    interrupts = {}
    raw_interrupts = flow.get("interrupts") or {}
    for kind in findings:
        if kind not in raw_interrupts:
            raise DefinitionError(path, f"interrupts.{kind}", f"missing: every finding (a value of slot {FINDING_SLOT} "
                                  f"in domain.yml) needs a transition")
        interrupts[kind] = _transition(raw_interrupts[kind], f"interrupts.{kind}", path, domain, names, False)
    for kind in raw_interrupts:
        if kind not in findings:
            raise DefinitionError(path, f"interrupts.{kind}", f"not a finding: add it to the values of slot "
                                  f"{FINDING_SLOT} in domain.yml, or remove it")
    commands = {
        cmd: _transition(t, f"commands.{cmd}", path, domain, names, False)
        for cmd, t in flow.get("commands", {}).items()
    }
    if "files" not in flow:
        raise DefinitionError(path, "files", "missing: what a file the runner sends does")
    files = _transition(flow["files"], "files", path, domain, names, False)
    anywhere: dict[str, Transition] = {}
    for intent, t in _mapping_or_empty(flow.get("anywhere"), path, "anywhere").items():
        if intent not in domain["intents"]:
            raise DefinitionError(path, f"anywhere.{intent}", f"unknown intent '{intent}'")
        anywhere[intent] = _transition(t, f"anywhere.{intent}", path, domain, names, False)
    dialogue = Dialogue(domain, str(start), states, interrupts, commands, files,
                        screens=_screens(flow, domain, path), anywhere=anywhere)
    _check_reachable(dialogue, path)
    return dialogue


def _findings(domain: dict[str, Any], path: str) -> tuple[str, ...]:
    spec = domain["slots"].get(FINDING_SLOT) or {}
    values = tuple(str(v) for v in spec.get("values") or ())
    if not values:
        raise DefinitionError(path.replace("flow.yml", "domain.yml"), f"slots.{FINDING_SLOT}.values",
                              "missing: the kinds of finding the screens report")
    return values


def _screens(flow: dict[str, Any], domain: dict[str, Any], path: str) -> tuple[str, ...]:
    raw = flow.get("screens", [SAFETY_ACTION])
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
        raise DefinitionError(path, "screens", "must be a list of action names")
    if raw[0] != SAFETY_ACTION:
        raise DefinitionError(path, "screens", f"the first screen must be {SAFETY_ACTION}: the crisis screen "
                              "reads every message first")
    for name in raw:
        if name not in domain["actions"]:
            raise DefinitionError(path, "screens", f"unknown action '{name}' (not under actions: in domain.yml)")
    if len(set(raw)) != len(raw):
        raise DefinitionError(path, "screens", "lists an action twice")
    return tuple(raw)


def _mapping_or_empty(raw: Any, path: str, key: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DefinitionError(path, key, "must be a mapping")
    return raw


def _check_reachable(dialogue: Dialogue, path: str) -> None:
    seen = {dialogue.start}
    seen |= {t.to for t in [*dialogue.interrupts.values(), *dialogue.commands.values(), dialogue.files,
                            *dialogue.anywhere.values()] if t.to}
    frontier = list(seen)
    while frontier:
        state = dialogue.states.get(frontier.pop())
        if state is None:
            continue
        targets = [t.to for t in (*state.transitions, *state.on_safety.values())]
        targets += [state.on_complete.to] if state.on_complete else []
        for target in targets:
            if target and target != PAUSED and target not in seen:
                seen.add(target)
                frontier.append(target)
    for name in dialogue.states:
        if name not in seen:
            raise DefinitionError(path, f"states.{name}", "unreachable: no transition leads here")
