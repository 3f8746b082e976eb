"""Long polling that confirms an update only after its turn is saved.

PTB's `Updater` confirms a batch with the next getUpdates call, made as soon as the batch is
queued, before it is handled: a kill then loses it. Here one loop does both jobs in order:

1. `getUpdates(offset)` returns a batch (up to 100 updates; long poll while there are none);
2. the batch is handled: each user's updates one after another, in order, different users
   concurrently (at most `concurrency` turns at once);
3. the offset moves past the longest run of updates from the start of the batch that are handled
   (saved and flushed, `bot.telegram.ingress`); the next getUpdates confirms them.

An update that must be tried again (`Outcome.RETRY`) stops the offset there: it, and that user's
later updates (which must not overtake it), come again in the next batch after a pause. Updates
of the batch already handled come again too; they are remembered here and not handled twice.

The price of confirming a whole batch at once is that the next batch waits for the slowest turn
of this one (docs/telegram.md). A webhook has no such wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Hashable, Sequence

from telegram import Bot, Update
from telegram.error import InvalidToken, RetryAfter, TelegramError

from bot.telegram.adapter import retry_after_seconds
from bot.telegram.ingress import Ingress, Outcome

log = logging.getLogger(__name__)

#: Seconds a getUpdates call waits for an update to arrive (Telegram's long polling).
POLL_TIMEOUT = 30
#: Turns handled at once within a batch (a batch holds at most 100 updates). A turn is mostly CPU
#: on the event loop; more in flight only keeps more Bot API calls open, which httpcore pays for on
#: every call (64 cost ~35% more CPU per update with 100 runners at once; docs/performance.md).
CONCURRENCY = 16
#: Pauses before trying again after a failed getUpdates or an update to retry: 1, 2, 4 … 30 s.
FIRST_PAUSE = 1.0
LONGEST_PAUSE = 30.0


class Poller:
    def __init__(self, bot: Bot, ingress: Ingress, *, allowed_updates: Sequence[str] | None = None,
                 timeout: int = POLL_TIMEOUT, concurrency: int = CONCURRENCY,
                 first_pause: float = FIRST_PAUSE) -> None:
        self.bot = bot
        self.ingress = ingress
        self.allowed_updates = list(allowed_updates) if allowed_updates is not None else None
        self.timeout = timeout
        self.concurrency = concurrency
        self.first_pause = first_pause
        self.offset: int | None = None  # what the next getUpdates confirms: every update below it
        self._handled: set[int] = set()  # handled, not yet confirmable (an earlier one awaits a retry)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set; then finish the batch in hand and confirm it."""
        pause = self.first_pause
        while not stop.is_set():
            try:
                updates = await self._fetch(stop)
            except InvalidToken:
                raise
            except RetryAfter as exc:
                await _pause(stop, retry_after_seconds(exc))
                continue
            except TelegramError as exc:  # network trouble, Telegram busy: try again later
                log.warning("getUpdates failed (%s); trying again in %.0f s", type(exc).__name__, pause)
                await _pause(stop, pause)
                pause = min(pause * 2, LONGEST_PAUSE)
                continue
            if updates is None:  # stopped while waiting
                break
            if not updates:
                continue
            if await self.handle_batch(updates):
                pause = self.first_pause
            else:
                log.info("an update must be tried again; polling again in %.0f s", pause)
                await _pause(stop, pause)
                pause = min(pause * 2, LONGEST_PAUSE)
        await self._confirm()

    async def handle_batch(self, updates: Sequence[Update]) -> bool:
        """Handle one batch and move the offset; False if some update must be tried again."""
        outcomes: dict[int, Outcome] = {}
        gate = asyncio.Semaphore(self.concurrency)

        async def in_order(mine: list[Update]) -> None:
            for n, update in enumerate(mine):
                if update.update_id in self._handled:
                    outcomes[update.update_id] = Outcome.HANDLED
                    continue
                async with gate:
                    outcome = await self.ingress.handle(update)
                outcomes[update.update_id] = outcome
                if not outcome.confirm:
                    for later in mine[n + 1:]:  # must not overtake it: they come again with it
                        outcomes[later.update_id] = Outcome.RETRY
                    return
                self._handled.add(update.update_id)

        by_sender: dict[Hashable, list[Update]] = {}
        for update in updates:
            by_sender.setdefault(_sender(update), []).append(update)
        await asyncio.gather(*(in_order(mine) for mine in by_sender.values()))

        complete = True
        for update in updates:  # confirm the handled updates up to the first one to retry
            if not outcomes[update.update_id].confirm:
                complete = False
                break
            self.offset = update.update_id + 1
        if self.offset is not None:
            self._handled = {u for u in self._handled if u >= self.offset}
        return complete

    async def _fetch(self, stop: asyncio.Event) -> tuple[Update, ...] | None:
        """One getUpdates call, abandoned if `stop` is set meanwhile (None). Abandoning it is
        safe: an update is confirmed by a later offset, never by being returned."""
        call = asyncio.ensure_future(self.bot.get_updates(offset=self.offset, timeout=self.timeout,
                                                          allowed_updates=self.allowed_updates))
        stopped = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({call, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not call.done():
            call.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await call
            return None
        return call.result()

    async def _confirm(self) -> None:
        """Tell Telegram about the last handled updates before exiting (else the next start gets
        them again, recognises them as handled and skips them: harmless, only slower)."""
        if self.offset is None:
            return
        try:
            await self.bot.get_updates(offset=self.offset, timeout=0, limit=1,
                                       allowed_updates=self.allowed_updates)
        except TelegramError as exc:
            log.info("could not confirm the last updates at exit (%s); they will be recognised as "
                     "handled when delivered again", type(exc).__name__)


def _sender(update: Update) -> Hashable:
    """Whose update it is: one user's updates are handled in order (their turns share a record)."""
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    return ("update", update.update_id)


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    """Sleep, but wake up at once when asked to stop."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
