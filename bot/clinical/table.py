"""The clinical rules as Markdown tables, generated from the data (docs/triage.md embeds them;
tests/test_clinical_docs.py fails when the doc and the data disagree).

    python -m bot.clinical.table          # print the tables
    python -m bot.clinical.table --write  # rewrite them in docs/triage.md, between the markers
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.clinical.rules import Clause, ClinicalRules, default_rules

START, END = "<!-- clinical-rules:start (generated: python -m bot.clinical.table --write) -->", "<!-- clinical-rules:end -->"
DOC = Path(__file__).resolve().parents[2] / "docs" / "triage.md"


def _name(fact: str) -> str:
    return fact.replace("loc:", "at the ").replace("pattern:", "pain ").replace("_", " ")


def _clauses(clauses: tuple[Clause, ...]) -> str:
    parts = []
    for clause in clauses:
        words = [("not " if not lit.positive else "") + _name(lit.fact) for lit in clause]
        parts.append(words[0] if len(words) == 1 else "(" + " or ".join(words) + ")")
    return " and ".join(parts) or "—"


def rules_table(rules: ClinicalRules | None = None) -> str:
    rules = rules or default_rules()
    lines = ["| rule | sign | context that makes it a red flag | not when | level | raised to | question when the context is missing | knowledge entry | source |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rules.rules:
        raised = "; ".join(f"{e.level} with {_clauses(e.when)}" for e in r.escalate) or ""
        asks = "; ".join(f"`{a.question}`" for a in r.ask) or ""
        lines.append(f"| `{r.id}` | {_clauses(r.sign)} | {_clauses(r.context)} | "
                     f"{', '.join(_name(u) for u in r.unless) or ''} | {r.level} | {raised} | {asks} | "
                     f"`{r.entry}` | {', '.join(s.removeprefix('clinical:') for s in r.source)} |")
    return "\n".join(lines)


def questions_table(rules: ClinicalRules | None = None) -> str:
    """The questions, with their words (the response utter_ask_<id> of dialogues/domain.yml)."""
    from bot.dialogue import load_dialogue
    from bot.evals.vignettes import CONTEXT_FACTS
    from bot.paths import dialogues_directory

    rules = rules or default_rules()
    responses = load_dialogue(dialogues_directory()).responses
    lines = ["| question id (slot) | words (`utter_ask_<id>`) | a yes sets | vignette fact (CONTEXT_FACTS) |",
             "|---|---|---|---|"]
    for q in rules.questions.values():
        text = responses[f"utter_ask_{q.id}"][0]["text"]
        lines.append(f"| `{q.id}` | {text} | {_name(q.fact)} | `{CONTEXT_FACTS.get(q.id, '')}` |")
    return "\n".join(lines)


def generated() -> str:
    return "\n\n".join([START, rules_table(), questions_table(), END])


def embedded(doc: str) -> str:
    return doc[doc.index(START): doc.index(END) + len(END)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.clinical.table")
    parser.add_argument("--write", action="store_true", help=f"rewrite the tables in {DOC}")
    args = parser.parse_args(argv)
    if not args.write:
        print(generated())
        return 0
    doc = DOC.read_text(encoding="utf-8")
    DOC.write_text(doc.replace(embedded(doc), generated()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
