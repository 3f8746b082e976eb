"""A runner talking to the engine: send text, see replies, keep the record between turns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Engine
from bot.turn import Button, Reply, UserMessage

#: A fixed clock: the same case gives the same answer on every run.
START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@lru_cache(maxsize=1)
def shared_engine() -> Engine:
    return Engine.load()


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The `cases:` list of a YAML set, with a clear error for a file that is not one."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SystemExit(f"cannot read {path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise SystemExit(f"{path}: expected a mapping with a 'cases:' list")
    return [c for c in data["cases"] if isinstance(c, dict)]


@dataclass
class Runner:
    """One simulated runner. `say` returns the replies of that turn."""

    engine: Engine = field(default_factory=shared_engine)
    record: dict[str, Any] = field(default_factory=dict)
    now: datetime = START
    replies: tuple[Reply, ...] = ()
    turns: int = 0

    async def say(self, text: str) -> tuple[Reply, ...]:
        return await self._send(UserMessage(text))

    async def press(self, button: Button) -> tuple[Reply, ...]:
        return await self._send(UserMessage(button.label, payload=button.payload))

    async def _send(self, message: UserMessage) -> tuple[Reply, ...]:
        self.now += timedelta(minutes=1)
        result = await self.engine.handle(self.record, message, self.now)
        self.record = result.record
        self.replies = result.replies
        self.turns += 1
        return result.replies

    @property
    def buttons(self) -> tuple[Button, ...]:
        return tuple(b for r in self.replies for b in r.buttons)

    @property
    def asks(self) -> str | None:
        """The slot the last reply of the last turn asks for."""
        return self.replies[-1].asks if self.replies else None

    @property
    def slots(self) -> Mapping[str, Any]:
        return (self.record.get("conversation") or {}).get("slots") or {}

    @property
    def state(self) -> str | None:
        return (self.record.get("conversation") or {}).get("state")


def levels(replies: Iterable[Reply]) -> list[str]:
    return [r.triage for r in replies if r.triage]


def text_of(replies: Iterable[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def pct(part: int, whole: int) -> str:
    return f"{part / whole:6.1%} ({part}/{whole})" if whole else "   n/a (0/0)"
