"""The texts in the repo's YAML files, for tests that run something over many real texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def strings(node: object) -> Iterator[str]:
    """Every string in a parsed YAML document (mapping values and list items, depth first)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def yaml_strings(paths: list[Path]) -> list[str]:
    return [s for path in paths for s in strings(yaml.safe_load(path.read_text(encoding="utf-8")))]


def corpus() -> list[str]:
    """Every user text in the repo: conversations, evaluation and blind sets, the article."""
    paths = sorted((ROOT / "tests").glob("conversations/*.yml")) + sorted((ROOT / "tests" / "data").rglob("*.yml"))
    texts = [t for t in yaml_strings(paths) if len(t) > 1]
    article = ROOT.parent / "shared" / "seed" / "article.txt"
    if article.is_file():
        texts += [line for line in article.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(texts))
