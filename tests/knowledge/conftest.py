from __future__ import annotations

import sys
from pathlib import Path

import pytest

# Plain `pytest` (not `python -m pytest`) without an installed package: make the repo importable.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from bot.knowledge import KnowledgeBase, default_directory  # noqa: E402


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(default_directory())
