"""The pattern tables are Python dict literals written round after round: a key written twice in
one literal silently drops the first one's patterns (the eighteenth session wrote "ideation" twice
in one table and the first pattern never ran). Every dict literal under bot/ has each key once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.relative_to(BOT)))
def test_no_dict_literal_repeats_a_key(path: Path) -> None:
    repeated = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            seen: set[object] = set()
            for key in node.keys:
                if isinstance(key, ast.Constant):
                    if key.value in seen:
                        repeated.append((key.lineno, key.value))
                    seen.add(key.value)
    assert not repeated, f"{path.name}: keys written twice in one dict literal (the first is lost): {repeated}"
