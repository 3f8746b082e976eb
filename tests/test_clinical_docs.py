"""docs/triage.md embeds the clinical rules' tables generated from the data: they must agree."""

from __future__ import annotations

from bot.clinical.table import DOC, embedded, generated


def test_the_rules_table_in_the_doc_matches_the_data() -> None:
    assert embedded(DOC.read_text(encoding="utf-8")) == generated(), (
        "docs/triage.md is out of date: run python -m bot.clinical.table --write")
