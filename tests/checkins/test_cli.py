"""runner-triage checkins due --at TIME: who is due, when, how late, and what the sweep would do."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.checkins.schedule import CheckinSchedule
from bot.cli import main
from bot.store import TinyDBStore
from tests.checkins.test_sweep import subscribe


def test_lists_due_users_with_lateness(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"

    async def schedule() -> None:
        store = TinyDBStore(data)
        start = datetime(2026, 12, 2, tzinfo=UTC)  # a Wednesday
        await subscribe(store, "berlin", CheckinSchedule(0, "09:00", "Europe/Berlin"), start)  # 08:00 UTC
        await subscribe(store, "london", CheckinSchedule(0, "07:00", "Europe/London"), start)  # 07:00 UTC
        await subscribe(store, "tuesday", CheckinSchedule(1, "07:00", "UTC"), start)
        await store.set_checkin_due("stale", start - timedelta(days=2))
        await store.close()

    asyncio.run(schedule())

    code = main(["checkins", "due", "--at", "2026-12-07T09:00:00+01:00", "--data-dir", str(data)])
    out = capsys.readouterr()
    assert code == 0
    rows = [line.split("\t") for line in out.out.splitlines()]
    assert rows == [
        ["stale", "2026-11-30T00:00:00+00:00", "176h 00m late", "skip (24 h late or more)"],
        ["london", "2026-12-07T07:00:00+00:00", "1h 00m late", "send"],
        ["berlin", "2026-12-07T08:00:00+00:00", "due now", "send"],
    ]
    assert "3 check-in(s) due" in out.err


def test_needs_an_offset_and_an_existing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["checkins", "due", "--at", "2026-12-07T09:00:00", "--data-dir", str(tmp_path)])
    assert "no UTC offset" in capsys.readouterr().err
    assert main(["checkins", "due", "--at", "2026-12-07T09:00:00Z", "--data-dir", str(tmp_path / "nope")]) == 2
    assert not (tmp_path / "nope").exists()
