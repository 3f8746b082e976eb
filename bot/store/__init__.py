"""Everything the bot keeps about a user, behind one protocol and one per-user lock."""

from __future__ import annotations

from pathlib import Path

from bot.store.base import SCHEMA_VERSION, UserSession, UserStore
from bot.store.memory import MemoryStore
from bot.store.tinydb_store import TinyDBStore

__all__ = ["SCHEMA_VERSION", "MemoryStore", "TinyDBStore", "UserSession", "UserStore", "open_store"]


def open_store(data_dir: Path | None) -> UserStore:
    """The store for a data directory: TinyDB files there, or memory only when there is none."""
    if data_dir is None:
        return MemoryStore()
    return TinyDBStore(data_dir)
