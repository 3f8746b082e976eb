"""Shared fixtures. The engine is pure and takes about a second to load, so one instance serves the
whole session (tests/test_cli.py hands it to the command too)."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The packaged engine, loaded once per test process and shared with the scorers
    (bot.evals.driver.shared_engine): the engine is pure, and each load costs about a second."""
    from bot.evals.driver import shared_engine

    return shared_engine()
