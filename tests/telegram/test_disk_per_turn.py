"""Issue 18, items 1 and 2, end to end through the adapter with the default (TinyDB) store: what a
turn costs the disk, counted (never timed: speed targets live in the benchmarks).

- one fdatasync per update (the ingress's flush; the saves before and after sending are appends);
- no file created while turns run (the log's segments are preallocated);
- one read per turn at most: the user's file on the first turn only, then the cache;
- after /forget the next turn reads nothing and starts empty; after a restart a user is read
  once (or not at all if the log's replay brought them back).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.engine import Engine
from bot.store import TinyDBStore
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import build_application
from bot.telegram.config import TelegramConfig
from bot.telegram.ingress import Outcome
from tests.telegram.conftest import NOW, FakeClock, Harness
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


class _Bot:
    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self.fake = FakeTelegram()

    async def __aenter__(self) -> tuple[Harness, TinyDBStore]:
        self.store = TinyDBStore(self.data_dir)
        clock = FakeClock()
        channel = TelegramChannel(flood=FloodGate(limit=50, window=10.0, clock=clock), clock=lambda: NOW)
        config = TelegramConfig(token=TOKEN, rate_limiter=False)
        self.app: Application[Any, Any, Any, Any, Any, Any] = build_application(
            config, engine=self.engine, store=self.store, request=OfflineRequest(self.fake), channel=channel)
        await self.app.initialize()
        return Harness(self.app, self.fake, self.store, channel, clock), self.store  # type: ignore[arg-type]

    async def __aexit__(self, *exc: Any) -> None:
        await self.app.shutdown()
        await self.store.close()


@pytest.fixture
async def bot(engine: Engine, tmp_path: Path) -> AsyncIterator[_Bot]:
    yield _Bot(engine, tmp_path / "data")


async def _turn(h: Harness, store: TinyDBStore, user: int, text: str) -> dict[str, int]:
    before = dict(vars(store.stats))
    outcome = await h.feed(h.fake.text(user, text))
    assert outcome is Outcome.HANDLED
    return {k: v - before[k] for k, v in vars(store.stats).items()}


async def test_a_turn_is_one_fdatasync_no_file_creation_and_one_read_at_most(bot: _Bot) -> None:
    async with bot as (h, store):
        first = await _turn(h, store, 7, "my left shin hurts every time I run")
        assert first["file_reads"] == 1  # a new user: the one look for a file
        assert first["syncs"] == 1
        files = _files(bot.data_dir)
        for text in ("it keeps coming back", "not sure", "thanks", "what shoes should I get?"):
            delta = await _turn(h, store, 7, text)
            assert delta["syncs"] == 1, (text, delta)
            assert delta["file_reads"] == 0, (text, delta)
            assert delta["checkpoints"] == 0
            assert delta["appends"] >= 1  # the turn and its outbox, saved before sending
        assert _files(bot.data_dir) == files  # nothing created on the hot path


async def test_after_forget_the_next_turn_reads_nothing_and_starts_empty(bot: _Bot) -> None:
    async with bot as (h, store):
        await _turn(h, store, 8, "my knee hurts")
        out = await h.say(8, "/forget")
        await h.press(8, out[0]["_message"], "Yes, delete everything")
        assert await store.export_user("8") is None
        delta = await _turn(h, store, 8, "hello")
        assert delta["file_reads"] == 0  # the tombstone in memory, not the disk, says "nobody"
        record = await store.export_user("8")
        assert record is not None and "history" not in record


async def test_after_a_restart_a_user_is_read_once_then_cached(bot: _Bot) -> None:
    async with bot as (h, store):
        await _turn(h, store, 9, "my left shin hurts every time I run")
        await _turn(h, store, 9, "it keeps coming back")
        before = await store.export_user("9")
    async with bot as (h, store):  # close checkpointed: the file alone says the same
        assert before is not None and await store.export_user("9") == before
    async with bot as (h, store):
        first = await _turn(h, store, 9, "not sure")
        assert first["file_reads"] == 1 and first["syncs"] == 1
        second = await _turn(h, store, 9, "thanks")
        assert second["file_reads"] == 0 and second["syncs"] == 1
