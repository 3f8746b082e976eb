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


@pytest.mark.slow
def test_kills_while_the_log_rotates_and_grows_lose_nothing(tmp_path: Path) -> None:
    # 8 KB segments fill within a checkpoint: appends move to prepared spares or grow the file.
    result = run_crash_loop(tmp_path / "data", kills=30, seed=8, max_delay=0.6, segment_bytes=8192)
    assert result.acknowledged > 300, "the writer barely wrote: the test proved little"
    assert result.problems == []
    assert (result.corrupt_files, result.lost_writes) == (0, 0)
