"""Fixtures shared by the store tests: one factory per backend, so the contract runs on each."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.store import MemoryStore, TinyDBStore
from bot.store.base import BaseStore
from bot.store.tinydb_store import user_path, write_user_doc

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Backend:
    """How to open a backend and plant a record exactly as given (old schema, foreign data)."""

    name: str
    open: Callable[..., BaseStore]
    plant: Callable[[BaseStore, str, dict[str, Any]], None]


def _plant_memory(store: BaseStore, user_id: str, record: dict[str, Any]) -> None:
    assert isinstance(store, MemoryStore)
    store._put_raw(user_id, record)


def _plant_tinydb(store: BaseStore, user_id: str, record: dict[str, Any]) -> None:
    assert isinstance(store, TinyDBStore)
    write_user_doc(user_path(store.data_dir, user_id), user_id, record=record)


@pytest.fixture(params=["memory", "tinydb"])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    opened: list[BaseStore] = []

    def open_memory(**options: Any) -> BaseStore:
        opened.append(MemoryStore(**options))
        return opened[-1]

    def open_tinydb(**options: Any) -> BaseStore:
        opened.append(TinyDBStore(tmp_path / "data", **options))
        return opened[-1]

    if request.param == "memory":
        yield Backend("memory", open_memory, _plant_memory)
    else:
        yield Backend("tinydb", open_tinydb, _plant_tinydb)
    for store in opened:
        await store.close()


@pytest.fixture
def store(backend: Backend) -> BaseStore:
    return backend.open()
