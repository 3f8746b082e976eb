"""Shared fixtures. The engine is pure and loads in ~1.5 s, so one instance serves the session."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
