"""Shared fixtures. The engine is pure and takes about a second to load, so one instance serves the
whole session (tests/test_cli.py hands it to the command too)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from bot.engine import Engine


def pytest_configure(config: pytest.Config) -> None:
    """The compiled-pattern cache (bot.regexes) of this test run: one directory for the run (the
    xdist workers share it; writes are atomic), never the developer's ~/.cache."""
    if "RUNNER_TRIAGE_CACHE_DIR" not in os.environ and not hasattr(config, "workerinput"):
        made = Path(tempfile.mkdtemp(prefix="runner-triage-test-cache-"))
        os.environ["RUNNER_TRIAGE_CACHE_DIR"] = str(made)  # the workers inherit it
        config.add_cleanup(lambda: shutil.rmtree(made, ignore_errors=True))


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The packaged engine, loaded once per test process and shared with the scorers
    (bot.evals.driver.shared_engine): the engine is pure, and each load costs about a second."""
    from bot.evals.driver import shared_engine

    return shared_engine()
