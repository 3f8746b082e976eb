"""Shared fixtures. The engine is pure and takes about a second to load, so one instance serves the
whole session (tests/test_cli.py hands it to the command too)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()
