"""The one way an update comes in, polling or webhook: handle it, make it durable, then say so.

Telegram forgets an update once it is told the update was handled (polling: a getUpdates offset
above its id; webhook: a 2xx answer), and delivers it again until then. So that is said only
after the turn was saved and the store flushed: a process killed at any moment loses nothing,
because whatever it had not finished is delivered again to the next one.

`Ingress.handle` runs one update through PTB's `Application.process_update` (our handlers in
`adapter.py`) and returns what to tell Telegram:

- `HANDLED`: the turn is saved and flushed, its replies sent or waiting in the outbox;
- `REJECTED`: it can never be handled (a bug, a request Telegram refuses): the error handler
  logged it and apologised; it is confirmed all the same, or it would come back forever;
- `RETRY`: not handled for now (Telegram or the disk could not be reached): not confirmed, so
  Telegram delivers it again.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.store import UserStore
from bot.telegram.adapter import is_transient

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    HANDLED = "handled"
    REJECTED = "rejected"
    RETRY = "retry"

    @property
    def confirm(self) -> bool:
        """Whether Telegram may now forget the update."""
        return self is not Outcome.RETRY


class Ingress:
    """Handles updates for one Application; `store` gives the store, opened in post_init."""

    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], store: Callable[[], UserStore]) -> None:
        self.app = app
        self._store = store
        # The error of an update's handler, by the id() of the Update object in hand: PTB reports
        # it to error handlers, not to the caller of process_update.
        self._errors: dict[int, BaseException] = {}
        app.add_error_handler(self._note_error)

    async def _note_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if context.error is not None and update is not None:
            self._errors[id(update)] = context.error

    async def handle(self, update: Update) -> Outcome:
        key = id(update)
        try:
            await self.app.process_update(update)
        except Exception as exc:  # process_update reports handler errors itself; this is not one
            log.error("update %s could not be processed (%s)", update.update_id, type(exc).__name__)
            return Outcome.RETRY
        finally:
            error = self._errors.pop(key, None)
        if error is not None and is_transient(error):
            return Outcome.RETRY
        try:
            await self._store().flush()
        except Exception as exc:
            log.warning("store flush failed after update %s (%s); Telegram will deliver it again",
                        update.update_id, type(exc).__name__)
            return Outcome.RETRY
        return Outcome.HANDLED if error is None else Outcome.REJECTED
