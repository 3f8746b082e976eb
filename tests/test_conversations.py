"""Every YAML conversation in tests/conversations/, replayed through the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from tests.conversation import CONVERSATIONS, load_conversation, replay

FILES = sorted(CONVERSATIONS.glob("*.yml"))


def test_there_are_enough_conversations() -> None:
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
async def test_conversation(engine: Engine, path: Path) -> None:
    await replay(engine, load_conversation(path), path.stem)
