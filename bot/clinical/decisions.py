"""Race and return-to-running decisions: "should I race?", "can I run tomorrow?", "when can I
run again?" get a concrete answer for the level the triage reached. Content and sources are data
(knowledge/clinical/decisions.yml). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from bot.clinical.text import normalise

KINDS = ("race", "run_tomorrow", "return")
#: The answers' levels: the triage levels, and "none" before any triage.
LEVELS = ("none", "emergency", "urgent", "see_pt", "self_care")


@dataclass(frozen=True)
class DecisionAnswer:
    kind: str
    level: str
    text: str
    sources: tuple[str, ...]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    from bot.paths import knowledge_directory

    data: dict[str, Any] = yaml.load((knowledge_directory() / "clinical" / "decisions.yml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    data["_compiled"] = {k: [re.compile(p) for p in data["kinds"][k]] for k in KINDS}
    return data


def classify(text: str) -> str | None:
    """Which decision a message asks for (race, run_tomorrow, return), or None."""
    norm = normalise(text)
    for kind in ("race", "return", "run_tomorrow"):  # "when can I run again" before "can I run"
        if any(rx.search(norm) for rx in _data()["_compiled"][kind]):
            return kind
    return None


def general_entries() -> tuple[str, ...]:
    """The knowledge-base entries whose general answer a level's answer replaces after advice."""
    return tuple(_data().get("general_entries") or ())


def answer(kind: str, level: str, *, condition: str | None = None, race_in_days: int | None = None) -> DecisionAnswer:
    """The answer for `kind` at triage `level`. `condition`: what the finding may be ("a stress
    fracture"); `race_in_days`: when the race is, when the runner said."""
    if kind not in KINDS:
        raise ValueError(f"unknown decision {kind!r}; expected one of {', '.join(KINDS)}")
    answers = _data()["answers"]
    if level not in answers:
        raise ValueError(f"no decision answers for level {level!r}")
    texts = answers[level]
    template = texts.get(kind) or texts["all"]
    condition = condition or "this"
    race = f" {when(race_in_days)}" if race_in_days else ""
    text = template.format(race=race, condition=condition, condition_cap=condition[:1].upper() + condition[1:])
    return DecisionAnswer(kind, level, " ".join(text.split()), tuple(_data()["sources"][kind]))


def when(days: int) -> str:
    """'tomorrow', 'in 5 days', 'in 2 weeks', 'in about 2 months'."""
    if days <= 1:
        return "tomorrow"
    if days % 7 == 0 and days <= 56:
        return f"in {days // 7} week{'s' if days > 7 else ''}"
    if days >= 60:
        return f"in about {round(days / 30)} months"
    return f"in {days} days"
