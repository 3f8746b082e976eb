"""The clinical rules as data: loading and validating knowledge/clinical/{facts,rules}.yml.

A rule is a sign plus the context that makes it a red flag, written over facts (facts.yml: what
a runner can tell us, with the everyday phrasings that say it). This module only reads and
checks the data; `bot.clinical.evaluate` applies it. Every problem raises DefinitionError naming
the file and key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot import regexes
from bot.prefilter import Alternation, Gated
from bot.errors import DefinitionError

LEVELS = ("emergency", "urgent", "see_pt")
#: Facts set outside the text: slots (loc:*, pattern:*), the intake and the balance test.
SLOT_PREFIXES = ("loc:", "pattern:")
INTAKE_FACTS = ("female", "male", "age_under_16", "age_55_plus", "age_65_plus", "mileage_up", "race_soon",
                "past_injury_same_place", "periods_irregular", "balance_worse")

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Pattern:
    rx: re.Pattern[str] | Gated | Alternation
    excepts: tuple[re.Pattern[str], ...] = ()
    #: Places (loc:*) where a pattern that names no place counts: "it's swollen and warm" states
    #: a swollen warm calf only when the conversation knows the calf is what hurts, and the
    #: sentence names no other place. Empty: the pattern counts anywhere.
    where: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    id: str
    said: str  # the fact in plain words ("you fell or twisted it")
    unsaid: str  # its opposite ("you did not fall or twist it")
    yes: tuple[Pattern, ...] = ()
    no: tuple[Pattern, ...] = ()
    #: Facts this one rules out when it is said (and they are not, in the same message): "I can
    #: put my finger on one spot" after "it's vague, hard to pin down" is no longer diffuse.
    contradicts: tuple[str, ...] = ()
    #: Context that only matters next to a sign ("it was last week"): not noted back on its own.
    quiet: bool = False


@dataclass(frozen=True)
class Literal:
    fact: str
    positive: bool = True

    def __str__(self) -> str:
        return self.fact if self.positive else f"not {self.fact}"


Clause = tuple[Literal, ...]  # any one literal is enough


#: A whole reply that only says the person is fine ("im fine", "feel ok", "all good").
_FINE = re.compile(r"^\W*(?:i'm|im|i am|i feel|feel|feeling|i'm feeling|all|all good|good)?\s*(?:totally |completely |perfectly |"
                   r"absolutely |pretty |really |all )?(?:fine|ok|okay|alright|all right|good|normal|grand)\W*$")


@dataclass(frozen=True)
class Question:
    """A yes/no question about one fact; its words are the response utter_ask_<id>.

    `not_about`: words that, after the reply's yes or no, show the reply answers something else
    ("yes still dark" to "are you peeing very little?" is about the colour): such a reply is not
    read as yes or no, and the question is asked once more.
    """

    id: str
    fact: str
    not_about: tuple[re.Pattern[str], ...] = ()
    #: What a bare "I'm fine" answers (rules.yml `fine:`): no to "are you short of breath now?",
    #: yes to "can you take four steps?"; None (not said) where it answers nothing ("was it hot?").
    fine: bool | None = None
    #: Replies that mean yes to this question in its own words (rules.yml `means_yes:`): "hardly any" to
    #: "are you peeing very little?" (tester round 26 was told "Sorry, I didn't catch that").
    yes: tuple[re.Pattern[str], ...] = ()

    def reply(self, text: str) -> bool | None:
        """The reply read as yes (True), no (False), or None: unsure, unclear, or about
        something else (`not_about`)."""
        from bot.clinical.text import normalise, refused, yes_no_rest  # text.py reads the rules: imported here

        if self.fine is not None and _FINE.match(normalise(text)):
            return self.fine
        if refused(text):
            # "um I am pregnant, I am not going to start hopping" (tester round 28: read as "yes,
            # hopping hurts", then the hip stress-fracture warning): a test refused is no answer
            return None
        if self.yes and any(p.search(normalise(text)) for p in self.yes):
            return True
        value, rest = yes_no_rest(text)
        if value is not None and rest and any(p.search(rest) for p in self.not_about):
            return None
        return value


@dataclass(frozen=True)
class Ask:
    question: str
    when: tuple[Clause, ...]
    unless: tuple[str, ...] = ()


@dataclass(frozen=True)
class Escalation:
    when: tuple[Clause, ...]
    level: str
    reason: str
    ask: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    sign: tuple[Clause, ...]
    context: tuple[Clause, ...]
    unless: tuple[str, ...]
    level: str
    reason: str
    condition: str
    source: tuple[str, ...]
    entry: str
    ask: tuple[Ask, ...] = ()
    if_unsure: str = "hold"
    escalate: tuple[Escalation, ...] = ()
    overrides: tuple[str, ...] = ()

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self.sign + self.context


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity: one load, one object
class ClinicalRules:
    facts: dict[str, Fact]
    derived: dict[str, tuple[str, ...]]
    questions: dict[str, Question]
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def question_for_fact(self, fact: str) -> Question | None:
        return next((q for q in self.questions.values() if q.fact == fact), None)


def _read(path: Path) -> Any:
    if not path.is_file():
        raise DefinitionError(str(path), "(file)", "file is missing")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DefinitionError(str(path), "(file)", f"not valid YAML: {exc}") from exc


@lru_cache(maxsize=4096)
def _regex(text: str) -> re.Pattern[str]:
    """re.compile, kept for the process: the rules hold ~470 patterns, more than `re`'s own cache
    (512, shared with the crisis screen's ~730) keeps, so each reload compiled them all again."""
    return regexes.compile(text)


def _compile(value: Any, where_file: str, key: str) -> Pattern:
    def rx(text: Any, k: str) -> re.Pattern[str]:
        if not isinstance(text, str) or not text:
            raise DefinitionError(where_file, k, "a pattern must be a non-empty string")
        try:
            return _regex(text)
        except re.error as exc:
            raise DefinitionError(where_file, k, f"bad regular expression: {exc}") from exc

    if isinstance(value, dict):
        where = value.get("where") or []
        if not isinstance(where, list) or not all(isinstance(w, str) and w.startswith("loc:") for w in where):
            raise DefinitionError(where_file, f"{key}.where", "a list of places (loc:calf, ...)")
        return Pattern(rx(value.get("re"), key), tuple(rx(e, f"{key}.except") for e in value.get("except") or []),
                       tuple(where))
    return Pattern(rx(value, key))


def _key(raw: dict[Any, Any], name: str) -> Any:
    """YAML 1.1 reads the keys `yes:` and `no:` as booleans; accept both spellings."""
    return raw.get(name, raw.get(name == "yes"))


def _load_facts(path: Path) -> dict[str, Fact]:
    data = _read(path)
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise DefinitionError(where, "facts", "expected a mapping of facts")
    facts: dict[str, Fact] = {}
    for fid, raw in data["facts"].items():
        if not isinstance(raw, dict) or not raw.get("said") or not raw.get("unsaid"):
            raise DefinitionError(where, f"facts.{fid}", "needs `said` and `unsaid` in plain words")
        facts[fid] = Fact(
            fid, str(raw["said"]), str(raw["unsaid"]),
            tuple(_compile(p, where, f"facts.{fid}.yes[{i}]") for i, p in enumerate(_key(raw, "yes") or [])),
            tuple(_compile(p, where, f"facts.{fid}.no[{i}]") for i, p in enumerate(_key(raw, "no") or [])),
            tuple(str(c) for c in raw.get("contradicts") or []),
            bool(raw.get("quiet", False)),
        )
    for fid, fact in facts.items():
        for other in fact.contradicts:
            if other not in facts:
                raise DefinitionError(where, f"facts.{fid}.contradicts", f"unknown fact {other!r}")
    return facts


def _clauses(value: Any, known: set[str], where: str, key: str) -> tuple[Clause, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DefinitionError(where, key, "expected a list of clauses")
    out: list[Clause] = []
    for item in value:
        items = item if isinstance(item, list) else [item]
        clause = []
        for lit in items:
            if not isinstance(lit, str):
                raise DefinitionError(where, key, f"a clause holds fact names, not {lit!r}")
            positive = not lit.startswith("not ")
            name = lit if positive else lit[4:]
            if name not in known and not name.startswith(SLOT_PREFIXES):
                raise DefinitionError(where, key, f"unknown fact {name!r}")
            clause.append(Literal(name, positive))
        out.append(tuple(clause))
    return tuple(out)


def _patterns(raw: dict[str, Any], key: str, at: str, where: str) -> tuple[re.Pattern[str], ...]:
    """`raw[key]`, a list of regular expressions, compiled; a clear error names the bad one."""
    out = []
    for i, pattern in enumerate(raw.get(key) or []):
        try:
            out.append(re.compile(str(pattern)))
        except re.error as exc:
            raise DefinitionError(where, f"{at}.{key}[{i}]", f"not a regular expression: {exc}") from None
    return tuple(out)


def load_rules(directory: Path, sources: set[str] | None = None, entries: set[str] | None = None) -> ClinicalRules:
    """Read and check knowledge/clinical/. `sources`/`entries`, when given, are the ids every
    rule's `source` and `entry` must resolve to."""
    facts = _load_facts(directory / "facts.yml")
    path = directory / "rules.yml"
    where = str(path)
    data = _read(path)
    if not isinstance(data, dict):
        raise DefinitionError(where, "(top level)", "expected a mapping")
    derived = {str(k): tuple(v) for k, v in (data.get("derived") or {}).items()}
    known = set(facts) | set(derived) | set(INTAKE_FACTS)
    for name, parts in derived.items():
        for p in parts:
            if p not in known and not p.startswith(SLOT_PREFIXES):
                raise DefinitionError(where, f"derived.{name}", f"unknown fact {p!r}")
    questions: dict[str, Question] = {}
    for qid, raw in (data.get("questions") or {}).items():
        if not isinstance(raw, dict) or raw.get("fact") not in facts:
            raise DefinitionError(where, f"questions.{qid}", "needs a `fact` defined in facts.yml")
        if set(raw) - {"fact", "not_about", "fine", "means_yes"}:
            raise DefinitionError(where, f"questions.{qid}", "only `fact`, `not_about`, `fine` and `means_yes`: the "
                                  f"question's words are the response utter_ask_{qid} in dialogues/domain.yml")
        if not isinstance(raw.get("fine", False), bool):
            raise DefinitionError(where, f"questions.{qid}.fine", "yes or no: what a bare \"I'm fine\" answers (or leave it out)")
        not_about, means_yes = (_patterns(raw, key, f"questions.{qid}", where) for key in ("not_about", "means_yes"))
        questions[qid] = Question(qid, raw["fact"], not_about, raw.get("fine"), means_yes)
    rules: list[Rule] = []
    for index, raw in enumerate(data.get("rules") or []):
        rid = raw.get("id") if isinstance(raw, dict) else None
        key = f"rules[{index}]" if not rid else f"rules.{rid}"
        if not rid:
            raise DefinitionError(where, key, "every rule needs an id")
        for field in ("sign", "level", "reason", "condition", "source", "entry"):
            if not raw.get(field):
                raise DefinitionError(where, f"{key}.{field}", "missing")
        if raw["level"] not in LEVELS:
            raise DefinitionError(where, f"{key}.level", f"unknown level {raw['level']!r} (known: {', '.join(LEVELS)})")
        source = tuple(raw["source"]) if isinstance(raw["source"], list) else (raw["source"],)
        if sources is not None:
            for ref in source:
                if ref.removeprefix("clinical:") not in sources:
                    raise DefinitionError(where, f"{key}.source", f"{ref!r} is not defined in knowledge/sources.yml")
        if entries is not None and raw["entry"] not in entries:
            raise DefinitionError(where, f"{key}.entry", f"{raw['entry']!r} is not a knowledge-base entry id")
        asks = []
        for a in raw.get("ask") or []:
            if a.get("question") not in questions:
                raise DefinitionError(where, f"{key}.ask", f"unknown question {a.get('question')!r}")
            unless_ask = tuple(a.get("unless") or ())
            for u in unless_ask:
                name = u[4:] if u.startswith("not ") else u
                if name not in known and not name.startswith(SLOT_PREFIXES):
                    raise DefinitionError(where, f"{key}.ask.unless", f"unknown fact {name!r}")
            asks.append(Ask(a["question"], _clauses(a.get("when"), known, where, f"{key}.ask.when"), unless_ask))
        escalations = []
        for e in raw.get("escalate") or []:
            if e.get("level") not in ("emergency", "urgent"):
                raise DefinitionError(where, f"{key}.escalate", "level must be emergency or urgent")
            if e.get("ask") is not None and e["ask"] not in questions:
                raise DefinitionError(where, f"{key}.escalate", f"unknown question {e['ask']!r}")
            escalations.append(Escalation(_clauses(e.get("when"), known, where, f"{key}.escalate.when"),
                                          e["level"], " ".join(str(e.get("reason", "")).split()), e.get("ask")))
        if raw.get("if_unsure", "hold") not in ("hold", "raise"):
            raise DefinitionError(where, f"{key}.if_unsure", "raise or hold")
        unless = tuple(raw.get("unless") or ())
        for u in unless:
            if u not in known and not u.startswith(SLOT_PREFIXES):
                raise DefinitionError(where, f"{key}.unless", f"unknown fact {u!r}")
        rules.append(Rule(
            id=rid, sign=_clauses(raw["sign"], known, where, f"{key}.sign"),
            context=_clauses(raw.get("context"), known, where, f"{key}.context"), unless=unless,
            level=raw["level"], reason=" ".join(str(raw["reason"]).split()),
            condition=str(raw["condition"]), source=source, entry=str(raw["entry"]), ask=tuple(asks),
            if_unsure=raw.get("if_unsure", "hold"), escalate=tuple(escalations),
            overrides=tuple(raw.get("overrides") or ()),
        ))
    ids = {r.id for r in rules}
    if len(ids) != len(rules):
        raise DefinitionError(where, "rules", "duplicate rule id")
    for r in rules:
        for o in r.overrides:
            if o not in ids:
                raise DefinitionError(where, f"rules.{r.id}.overrides", f"unknown rule {o!r}")
    return ClinicalRules(facts, derived, questions, tuple(rules))


@lru_cache(maxsize=1)
def default_rules() -> ClinicalRules:
    """The shipped rules (knowledge/clinical/), checked against sources.yml. Loaded once."""
    from bot.paths import knowledge_directory

    kdir = knowledge_directory()
    sources = yaml.load((kdir / "sources.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return load_rules(kdir / "clinical", set((sources or {}).get("clinical") or {}))
