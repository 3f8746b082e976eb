"""Score the safety screens, the NLU and retrieval on labelled sets (tests/data/*.yml).

The safety sets label crisis talk (the crisis screen, bot.safety) and red flags (the clinical
rules, bot.clinical: a red flag counts as caught when the first message reaches its level, or
when the bot asks the one yes/no question whose answer would).

Used by the tests (which assert the targets) and by `runner-triage eval`, so whoever edits the
patterns or the knowledge base can see the figures move. The sets were written blind to the code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.clinical.evaluate import LEVEL_RANK, evaluate
from bot.safety.screen import Screening, screen
from bot.vocabulary import NLU_SLOTS


def load_cases(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["cases"])


@dataclass
class SafetyReport:
    counts: Counter[str] = field(default_factory=Counter)
    crisis_missed: list[str] = field(default_factory=list)
    crisis_unanswered: list[str] = field(default_factory=list)  # not even a check question
    ambiguous_missed: list[str] = field(default_factory=list)
    red_flag_missed: list[str] = field(default_factory=list)
    red_flag_asked: list[str] = field(default_factory=list)  # caught by a yes/no question first
    wrong_flag: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    questions_on_ordinary: list[str] = field(default_factory=list)  # a yes/no question, no alarm

    def ratio(self, missed: list[str], label: str) -> float:
        total = self.counts[label]
        return (total - len(missed)) / total if total else 1.0

    @property
    def crisis_recall(self) -> float:
        return self.ratio(self.crisis_missed, "crisis")

    @property
    def ambiguous_handled(self) -> float:
        return self.ratio(self.ambiguous_missed, "ambiguous")

    @property
    def red_flag_recall(self) -> float:
        return self.ratio(self.red_flag_missed, "red_flag")

    @property
    def false_positive_rate(self) -> float:
        total = self.counts["none"]
        return len(self.false_positives) / total if total else 0.0

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"cases: {sum(c.values())} ({', '.join(f'{k} {v}' for k, v in sorted(c.items()))})",
            f"crisis recall:          {self.crisis_recall:7.1%}  ({c['crisis'] - len(self.crisis_missed)}/{c['crisis']})",
            f"crisis given resources: {self.ratio(self.crisis_unanswered, 'crisis'):7.1%}  ({c['crisis'] - len(self.crisis_unanswered)}/{c['crisis']}; full response or the direct check question, both with resources)",
            f"ambiguous handled:      {self.ambiguous_handled:7.1%}  ({c['ambiguous'] - len(self.ambiguous_missed)}/{c['ambiguous']}; crisis or a check question)",
            f"red-flag recall:        {self.red_flag_recall:7.1%}  ({c['red_flag'] - len(self.red_flag_missed)}/{c['red_flag']}; at least the labelled level, {len(self.red_flag_asked)} of them after one yes/no question)",
            f"red-flag entry matches: {c['red_flag'] - len(self.wrong_flag)}/{c['red_flag']}",
            f"false positives:        {self.false_positive_rate:7.1%}  ({len(self.false_positives)}/{c['none']}; crisis, or an urgent or emergency level)",
            f"ordinary, one question: {len(self.questions_on_ordinary)}/{c['none']}  (a yes/no question, no alarm)",
        ]
        for title, items in (("missed crisis", self.crisis_missed), ("missed ambiguous", self.ambiguous_missed),
                             ("missed red flag", self.red_flag_missed), ("false positive", self.false_positives),
                             ("red flag after a question", self.red_flag_asked),
                             ("question on an ordinary message", self.questions_on_ordinary)):
            out += [f"  {title}: {t!r}" for t in items]
        return out


def red_flag_level(text: str) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """The clinical rules on one message: the level, the questions they would ask first, and
    the knowledge entries of the findings."""
    result = evaluate(text)
    return result.level, tuple(q.id for q in result.questions), tuple(f.entry for f in result.findings)


def evaluate_safety(cases: Iterable[Mapping[str, Any]], screener: Callable[[str], Screening] = screen,
                    clinical: Callable[[str], tuple[str | None, tuple[str, ...], tuple[str, ...]]] = red_flag_level
                    ) -> SafetyReport:
    report = SafetyReport()
    for case in cases:
        text, label = case["text"], case["label"]
        report.counts[label] += 1
        result = screener(text)
        level, questions, entries = clinical(text)
        if label == "crisis" and not result.crisis:
            report.crisis_missed.append(text)
            if not result.ambiguous:
                report.crisis_unanswered.append(text)
        elif label == "ambiguous" and not (result.crisis or result.ambiguous):
            report.ambiguous_missed.append(text)
        elif label == "red_flag":
            wanted = LEVEL_RANK[case["level"]]
            if level is None or LEVEL_RANK[level] > wanted:
                if questions:
                    report.red_flag_asked.append(f"{text} [{', '.join(questions)}]")
                else:
                    report.red_flag_missed.append(f"{text} [want {case['level']}, got {level}]")
            # The set names the old screen's flags; each is now the knowledge entry redflag-<flag>.
            elif f"redflag-{str(case.get('flag', '')).replace('_', '-')}" not in entries:
                report.wrong_flag.append(text)
        elif label == "none":
            if result.findings or level in ("emergency", "urgent"):
                kinds = ",".join([f.kind for f in result.findings] + ([str(level)] if level in ("emergency", "urgent") else []))
                report.false_positives.append(f"{text} [{kinds}]")
            elif questions:
                report.questions_on_ordinary.append(f"{text} [{', '.join(questions)}]")
    return report


@dataclass
class SlotScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class NLUReport:
    slots: dict[str, SlotScore]
    intent_correct: int
    total: int
    errors: list[str]

    @property
    def intent_accuracy(self) -> float:
        return self.intent_correct / self.total if self.total else 1.0

    def lines(self) -> list[str]:
        out = [f"cases: {self.total}", f"{'slot':16} precision  recall   (tp/fp/fn)"]
        for name, s in self.slots.items():
            out.append(f"{name:16} {s.precision:8.1%} {s.recall:8.1%}   ({s.tp}/{s.fp}/{s.fn})")
        out.append(f"intent accuracy  {self.intent_accuracy:8.1%}   ({self.intent_correct}/{self.total})")
        out += [f"  {e}" for e in self.errors]
        return out


def evaluate_nlu(cases: Iterable[Mapping[str, Any]], parse: Callable[[str, str | None], Any]) -> NLUReport:
    """Per-slot precision/recall of the NLU slots the set labels (bot.vocabulary.NLU_SLOTS that
    appear in at least one case). pain_location is scored per body part; others per value."""
    cases = list(cases)
    scored = [name for name in NLU_SLOTS if any(name in case for case in cases)]
    scores = {name: SlotScore() for name in scored}
    errors: list[str] = []
    intent_ok = total = 0
    for case in cases:
        total += 1
        result = parse(case["text"], case.get("context"))
        got_slots = result.slots
        if result.intent == case.get("intent"):
            intent_ok += 1
        else:
            errors.append(f"intent {case['text']!r}: want {case.get('intent')}, got {result.intent}")
        for name in scored:
            want, got = case.get(name), got_slots.get(name)
            if name == "pain_location":
                want_set, got_set = set(want or []), set(got or [])
                scores[name].tp += len(want_set & got_set)
                scores[name].fp += len(got_set - want_set)
                scores[name].fn += len(want_set - got_set)
                if want_set != got_set:
                    errors.append(f"{name} {case['text']!r}: want {sorted(want_set)}, got {sorted(got_set)}")
                continue
            if want is not None and got == want:
                scores[name].tp += 1
            else:
                if got is not None:
                    scores[name].fp += 1
                if want is not None:
                    scores[name].fn += 1
                if got != want:
                    errors.append(f"{name} {case['text']!r}: want {want}, got {got}")
    return NLUReport(scores, intent_ok, total, errors)
