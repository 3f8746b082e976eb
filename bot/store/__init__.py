"""Everything the bot keeps about a user, behind one protocol and one per-user lock."""

from __future__ import annotations

import os
from pathlib import Path

from bot.errors import ConfigError
from bot.store.base import SCHEMA_VERSION, UserSession, UserStore
from bot.store.memory import MemoryStore
from bot.store.tinydb_store import TinyDBStore

__all__ = ["SCHEMA_VERSION", "MemoryStore", "TinyDBStore", "UserSession", "UserStore", "open_store"]

#: ``redis://[:password@]host:port/db`` (or rediss://, unix://): keep users in that Redis, shared by
#: several workers (docs/scale.md). Unset: TinyDB files in the data directory.
STORE_URL = "RUNNER_TRIAGE_STORE"


def open_store(data_dir: Path | None) -> UserStore:
    """The store: memory only when there is no data directory; else Redis when
    RUNNER_TRIAGE_STORE names one; else TinyDB files in the data directory."""
    if data_dir is None:
        return MemoryStore()
    url = os.environ.get(STORE_URL, "").strip()
    if url:
        return _open_redis(url)
    return TinyDBStore(data_dir)


def _open_redis(url: str) -> UserStore:
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"{STORE_URL} must be a redis://, rediss:// or unix:// URL")
    try:
        from bot.store.redis_store import RedisStore
    except ImportError:
        raise ConfigError(f"{STORE_URL} names a Redis, but redis-py is not installed: "
                          "pip install 'runner-triage[redis]'") from None
    return RedisStore(url)
