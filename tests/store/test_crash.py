"""SIGKILL a writing process at random moments: every file still opens, nothing acknowledged is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from .crash_harness import run_crash_loop


@pytest.mark.slow
def test_kill_while_writing_loses_nothing_acknowledged(tmp_path: Path) -> None:
    result = run_crash_loop(tmp_path / "data", kills=50, seed=4)
    assert result.kills == 50
    assert result.acknowledged > 500, "the writer barely wrote: the test proved little"
    assert result.problems == []
    assert result.corrupt_files == 0
    assert result.lost_writes == 0
