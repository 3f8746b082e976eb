"""A new sweep leader reads what a killed one left in flight, and says so every time: the sends
whose outcome is unknown (marked for the week: never sent again; not marked yet: asked now), and
"0" when the kill came between sends. The whole failover with processes: test_workers.py."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.store.redis_store import RedisStore
from bot.telegram.workers import Cluster

ENV = {"RUNNER_TRIAGE_LEADER_TTL": "0.3"}


class Channel:
    """Stands in for the Telegram channel: records that a sweep ran."""

    def __init__(self) -> None:
        self.sweeps = 0

    async def run_checkin_sweep(self, bot: Any, **options: Any) -> None:
        self.sweeps += 1


async def killed_leader_left(open_store: Callable[..., RedisStore], notes: dict[str, bool]) -> Cluster:
    """A leader that noted `notes` (user -> marked for the week) and was killed; returns the
    worker that leads after it."""
    first = Cluster(open_store(), ENV)
    assert await first.leader.try_lead()
    for user, marked in notes.items():
        async with first.store.session(user) as session:
            session.record["checkins"] = {"sent_week": "2026-W49" if marked else "2026-W48"}
        await first.inflight.begin(user, "2026-W49")
    time.sleep(0.4)  # killed: the lease runs out
    second = Cluster(open_store(), ENV)
    assert await second.leader.try_lead()
    return second


@pytest.mark.parametrize("notes, said", [
    ({"1": True, "2": False},
     "2 send(s) were in flight when the previous leader stopped: 1 marked for the week, delivered or "
     "not, never sent again (users 1); 1 not marked yet, asked by this sweep (users 2)"),
    ({}, "0 send(s) were in flight when the previous leader stopped: 0 marked for the week, delivered "
         "or not, never sent again (users -); 0 not marked yet, asked by this sweep (users -)"),
])
async def test_a_new_leader_counts_what_the_killed_one_left_in_flight(
        open_store: Callable[..., RedisStore], caplog: pytest.LogCaptureFixture,
        notes: dict[str, bool], said: str) -> None:
    leader = await killed_leader_left(open_store, notes)
    channel = Channel()
    with caplog.at_level(logging.INFO, logger="bot.telegram.workers"):
        await leader.sweep_tick(channel, bot=None)  # type: ignore[arg-type]
        await leader.sweep_tick(channel, bot=None)  # type: ignore[arg-type]
    takeovers = [r for r in caplog.records if "taken over" in r.getMessage()]
    assert [r.getMessage().split(": ", 1)[1] for r in takeovers] == [said]  # once per term
    assert takeovers[0].levelno == (logging.WARNING if notes else logging.INFO)
    assert channel.sweeps == 1  # swept at once on taking over; the next one waits its interval
    assert await leader.inflight.left_by_others(leader.store) == ([], [])  # the notes were taken
