"""The Telegram channel: an update in -> engine -> messages out.

Thin like the terminal adapter. Conversation state lives in bot.store, keyed by the Telegram user
id, and every turn runs inside that user's store session (lock taken before the record is read),
so concurrent updates of one user are serialised and different users run in parallel.

Privacy: health details arrive as message text. Nothing here logs message text or button labels;
logs carry update ids, user ids and error types only.
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
import warnings
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, TypeVar

import httpx
from telegram import (
    Bot,
    ChatMember,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import ContextTypes
from telegram.warnings import PTBDeprecationWarning

from bot import commands
from bot.checkins.progress import render_chart
from bot.checkins.runfiles import MAX_BYTES
from bot.checkins.schedule import CheckinSchedule, next_due
from bot.checkins.sweep import SEND_RATE, Limiter, Outcome, Send, SweepReport, checkin_state, sweep
from bot.engine import Engine
from bot.scale.session import claim_update, may_send
from bot.errors import CorruptDataError, StoreRetryLater
from bot.store import UserSession, UserStore
from bot.telegram.keyboards import (
    attach_message,
    handled_before,
    new_keyboard,
    press,
    remember_update,
    telegram_state,
)
from bot.telegram.render import CallbackRef, message_chunks, parse_callback
from bot.telegram.request import never_reached
from bot.telegram.texts import BUTTON_NOTES, EDITED, GROUP, OPEN_PRIVATE, SLOW_DOWN, SORRY, TEXT_ONLY
from bot.texts import Voice, english
from bot.turn import Attachment, Button, Effect, Reply, UserMessage

log = logging.getLogger(__name__)
T = TypeVar("T")

#: /start deep-link parameters that open a command straight away (t.me/<bot>?start=privacy).
DEEP_LINKS = {"help": "/help", "privacy": "/privacy", "settings": "/settings", "summary": "/summary"}

#: Seconds a turn may take before the user sees "typing…".
TYPING_DELAY = 0.5


class FloodGate:
    """Per-user burst detector: more than `limit` updates within `window` seconds is a burst.

    It only decides when to say "slow down" (once per burst); every update is still handled, in
    order, so nothing is lost. Telegram's own send limits are PTB's AIORateLimiter's job.
    """

    def __init__(self, limit: int = 5, window: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}
        self._warned: set[str] = set()
        self._last_prune = clock()

    def arrive(self, user_id: str) -> bool:
        """Count an update; True exactly once per burst (the moment it becomes one)."""
        now = self.clock()
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        times.append(now)
        if len(times) <= self.limit:
            self._warned.discard(user_id)
            self._forget_idle(now)
            return False
        if user_id in self._warned:
            return False
        self._warned.add(user_id)
        return True

    def _forget_idle(self, now: float) -> None:
        """Drop users quiet for a whole window, at most once per window: memory follows the
        users active in the last `window` seconds, not everyone ever seen."""
        if now - self._last_prune < self.window:
            return
        self._last_prune = now
        for user_id in [u for u, t in self._seen.items() if not t or now - t[-1] > self.window]:
            del self._seen[user_id]
            self._warned.discard(user_id)


def is_transient(error: BaseException) -> bool:
    """A failure of the moment, not of the update: Telegram or the disk could not be reached.

    Such an update is not confirmed to Telegram, which delivers it again. Anything else (a bug,
    a request Telegram refuses) would fail the same way every time: it is logged, the user gets
    an apology, and the update is confirmed so it does not come back forever.
    """
    if isinstance(error, BadRequest):
        return False
    if isinstance(error, (NetworkError, RetryAfter, OSError, CorruptDataError, StoreRetryLater)):
        return True  # a corrupt file was moved aside: the next attempt starts from a clean record
    return isinstance(error.__cause__, OSError)  # e.g. StoreError("cannot read …") from an OSError


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


def _frames(error: BaseException) -> str:
    """Where it happened, without the exception's message (it may quote what the user wrote)."""
    return "".join(traceback.format_tb(error.__traceback__)).rstrip()


def _never_reached_telegram(exc: BaseException) -> bool:
    """The request certainly did not arrive (no connection), so even a send may be repeated.
    Our transport's errors (bot.telegram.request) and httpx's (PTB's own, when a caller gives it)."""
    return never_reached(exc) or isinstance(exc.__cause__, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


async def call_api(make: Callable[[], Awaitable[T]], *, idempotent: bool, attempts: int = 3,
                   backoff: float = 0.5) -> T:
    """Call the Bot API, retrying where that is safe.

    Idempotent calls (chat actions, answering callbacks, setting commands) are retried on any
    network error or timeout; sends only when the request never reached Telegram, because a
    timed-out send may have been delivered. RetryAfter is honoured (when the rate limiter is off).
    """
    for attempt in range(1, attempts + 1):
        try:
            return await make()
        except RetryAfter as exc:
            if attempt == attempts:
                raise
            seconds = retry_after_seconds(exc)
            log.warning("Telegram asked us to wait %.0f s (attempt %d)", seconds, attempt)
            await asyncio.sleep(min(seconds, 30.0))
        except BadRequest:
            raise
        except (TimedOut, NetworkError) as exc:
            if attempt == attempts or not (idempotent or _never_reached_telegram(exc)):
                raise
            log.warning("network error talking to Telegram (%s), retrying (attempt %d)", type(exc).__name__, attempt)
            await asyncio.sleep(backoff * attempt)
    raise AssertionError("unreachable")


class TelegramChannel:
    """The handlers. One instance per Application; `engine` and `store` are set at start-up."""

    def __init__(self, *, engine: Engine | None = None, store: UserStore | None = None,
                 tz: tzinfo = UTC, flood: FloodGate | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 typing_delay: float = TYPING_DELAY) -> None:
        self._engine = engine
        self._store = store
        self.tz = tz
        self.flood = flood or FloodGate()
        self.clock = clock
        self.typing_delay = typing_delay
        self.checkin_limiter: Limiter | None = None  # created on the event loop at the first sweep
        self._sweeping = asyncio.Lock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the engine is loaded in post_init; the application is not initialized")
        return self._engine

    @engine.setter
    def engine(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def store(self) -> UserStore:
        if self._store is None:
            raise RuntimeError("the store is opened in post_init; the application is not initialized")
        return self._store

    @store.setter
    def store(self, store: UserStore) -> None:
        self._store = store

    # -- handlers --------------------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text message (or command) in a private chat."""
        message = update.message
        user = update.effective_user
        if message is None or user is None or message.text is None:
            return
        burst = self.flood.arrive(str(user.id))  # counted on arrival, said in order
        text = message.text
        said = [UserMessage(text)]
        if commands.command_name(text) == "/start":
            parts = text.split(maxsplit=1)
            follow = DEEP_LINKS.get(parts[1].strip().lower()) if len(parts) > 1 else None
            said = [UserMessage("/start"), *([UserMessage(follow)] if follow else [])]
        async with self.store.session(str(user.id)) as session:
            if handled_before(session.record, update.update_id):
                await self._deliver(context.bot, session)  # redelivered after a crash: finish sending
                return
            await self._deliver(context.bot, session)  # what an earlier turn left unsent goes first
            remember_update(session.record, update.update_id)
            if claim_update(session, update.update_id) is False:  # a shared store's own record of it
                return
            if burst:
                await self._slow_down(context.bot, message.chat_id, str(user.id), user)
            self._mark_active(session.record, message.chat_id)
            async with self._typing_while_slow(context.bot, message.chat_id):
                await self._turn(context.bot, session, message.chat_id, said)

    async def on_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A file in a private chat (a run from a watch or an app: GPX, TCX, FIT). Downloaded here
        unless Telegram says it is over the limit, then handed to the engine like a message; a
        caption is a message of its own, after."""
        message = update.message
        user = update.effective_user
        if message is None or user is None or message.document is None:
            return
        burst = self.flood.arrive(str(user.id))
        async with self.store.session(str(user.id)) as session:
            if handled_before(session.record, update.update_id):
                await self._deliver(context.bot, session)  # redelivered after a crash: finish sending
                return
            await self._deliver(context.bot, session)  # what an earlier turn left unsent goes first
            remember_update(session.record, update.update_id)
            if claim_update(session, update.update_id) is False:  # a shared store's own record of it
                return
            if burst:
                await self._slow_down(context.bot, message.chat_id, str(user.id), user)
            self._mark_active(session.record, message.chat_id)
            async with self._typing_while_slow(context.bot, message.chat_id):
                attachment = await _download(message.document)
                said = [UserMessage("", attachment=attachment)]
                if message.caption:
                    said.append(UserMessage(message.caption))
                await self._turn(context.bot, session, message.chat_id, said)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        ref = parse_callback(query.data)
        message = query.message
        if ref is None or not isinstance(message, Message) or message.chat.type != ChatType.PRIVATE:
            await self._answer(query.answer(self._say(BUTTON_NOTES["unknown"], query.from_user)))
            return
        user_id = str(query.from_user.id)
        burst = self.flood.arrive(user_id)
        async with self.store.session(user_id) as session:
            if not session.record:  # nothing stored (never talked, or forgotten): keep it that way
                await self._answer(query.answer(self._say(BUTTON_NOTES["unknown"], query.from_user)))
                return
            if handled_before(session.record, update.update_id):
                await self._answer(query.answer())
                await self._deliver(context.bot, session)
                return
            await self._deliver(context.bot, session)
            pressed = press(session.record, ref.token, ref.index, message.chat_id, message.message_id)
            if pressed.outcome != "ok" or pressed.button is None:
                await self._answer(query.answer(self._say(BUTTON_NOTES[pressed.outcome], query.from_user)))
                return
            remember_update(session.record, update.update_id)
            if claim_update(session, update.update_id) is False:
                return
            self._mark_active(session.record, message.chat_id)
            await self._answer(query.answer())
            if burst:
                await self._slow_down(context.bot, message.chat_id, user_id, query.from_user)
            if pressed.asks:  # an answered question: take its buttons away
                await self._best_effort(message.edit_reply_markup(reply_markup=None))
            async with self._typing_while_slow(context.bot, message.chat_id):
                said = UserMessage(pressed.button.label, payload=pressed.button.payload)
                await self._turn(context.bot, session, message.chat_id, [said])

    async def on_group_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """In a group: answer commands addressed to us with a pointer to a private chat."""
        message = update.message
        if message is None or message.text is None:
            return
        addressed = message.text.split()[0].partition("@")[2]
        if addressed and addressed.lower() != (context.bot.username or "").lower():
            return  # /command@SomeOtherBot
        link = f"https://t.me/{context.bot.username}?start=group"
        markup = InlineKeyboardMarkup([[InlineKeyboardButton(self._say(OPEN_PRIVATE, message.from_user), url=link)]])
        await self._send(lambda: context.bot.send_message(message.chat_id, self._say(GROUP, message.from_user), reply_markup=markup,
                                                          reply_to_message_id=message.message_id))

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Photos, voice, stickers, locations, files… in a private chat: one polite line."""
        message = update.message
        if message is None or update.effective_user is None:
            return
        if self.flood.arrive(str(update.effective_user.id)):
            await self._slow_down(context.bot, message.chat_id, str(update.effective_user.id),
                                  update.effective_user)
        text_only = self._say(TEXT_ONLY, update.effective_user)
        await self._send(lambda: context.bot.send_message(message.chat_id, text_only))

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.edited_message
        if message is None or message.chat.type != ChatType.PRIVATE or message.text is None:
            return  # edits of captions, groups: ignored, as most bots do
        await self._send(lambda: context.bot.send_message(message.chat_id, self._say(EDITED, message.from_user),
                                                          reply_to_message_id=message.message_id))

    async def on_membership(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The user blocked (kicked) or unblocked the bot in their private chat."""
        change = update.my_chat_member
        if change is None or change.chat.type != ChatType.PRIVATE:
            return
        status = change.new_chat_member.status
        active = status not in (ChatMember.BANNED, ChatMember.LEFT)
        await self._set_active(str(change.from_user.id), active)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log (no message text) and keep going; tell the user if we can."""
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        if error is not None and is_transient(error):
            # Not confirmed to Telegram (bot.telegram.ingress): it comes again and is answered then.
            log.warning("update %s not handled for now (%s); Telegram will deliver it again",
                        update_id, type(error).__name__)
            return
        if error is not None:
            # An exception's message may quote what the user wrote: frames and type only here,
            # the message itself at DEBUG.
            log.error("error handling update %s: %s\n%s", update_id, type(error).__name__, _frames(error))
            log.debug("error details for update %s", update_id, exc_info=error)
        if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == ChatType.PRIVATE:
            await self._best_effort(context.bot.send_message(update.effective_chat.id,
                                                                 self._say(SORRY, update.effective_user)))

    # -- turns -----------------------------------------------------------------------------

    async def _turn(self, bot: Bot, session: UserSession, chat_id: int, said: list[UserMessage]) -> None:
        """Run the engine on what the user said, carry out the effects, save, then send.

        The turn is saved with everything it has to send in an outbox before anything is sent; the
        outbox counts the messages sent, saved after each one. If the process dies, the update
        comes again (Telegram was not told it was handled), is recognised as handled, and only
        what is left is sent: at most one message twice, the one a kill caught between sending it
        and saving that it was sent. A deletion (/forget) is the outbox's last step, after its
        confirmation: deleting first would take the outbox, and so the confirmation, with it.
        """
        messages: list[dict[str, Any]] = []
        for message in said:
            result = await self.engine.handle(session.record, message, self._now(), session.user_id)
            session.record.clear()
            session.record.update(result.record)
            later: list[dict[str, Any]] = []
            for effect in result.effects:
                if effect.kind == "export_data":
                    messages.append({"export": True})  # the document goes first, as the reply says
                elif effect.kind == "send_progress_chart":  # after the text that introduces it
                    later.append({"chart": str(effect.data.get("unit") or "km")})
                elif effect.kind == "send_summary_pdf":  # /summary as a document, after its text
                    later.append({"summary_pdf": True})
                elif effect.kind == "delete_data":
                    later.append({"delete": True})
                else:
                    await self._apply(session, effect)
            messages += [m for reply in result.replies for m in _reply_messages(reply)] + later
        outbox = {"chat_id": chat_id, "messages": messages, "sent": 0}
        telegram_state(session.record)["outbox"] = outbox
        await session.save()
        await self._send_outbox(bot, session, outbox)

    def _now(self) -> datetime:
        """The time, in the bot's timezone (reports such as /summary show local dates)."""
        return self.clock().astimezone(self.tz)

    async def _deliver(self, bot: Bot, session: UserSession) -> None:
        """Send what the record's outbox still holds: the replies of a turn a crash (or a network
        failure) interrupted. Never overwritten by a new turn: sent before it."""
        state = session.record.get("telegram") or {}
        outbox = state.get("outbox")
        if not outbox:
            return
        if "messages" not in outbox:  # written by an earlier release: {"chat_id", "replies"}
            replies = [_reply_from_json(r) for r in outbox.get("replies") or []]
            outbox = {"chat_id": outbox["chat_id"], "sent": 0,
                      "messages": [m for reply in replies for m in _reply_messages(reply)]}
            state["outbox"] = outbox
        await self._send_outbox(bot, session, outbox)

    async def resend_outbox(self, bot: Bot, user_id: str) -> None:
        """Send what a user's outbox still holds, outside of a turn: a worker that died mid-send
        left it (bot.telegram.workers finds such users in a shared store)."""
        async with self.store.session(user_id) as session:
            await self._deliver(bot, session)

    async def _send_outbox(self, bot: Bot, session: UserSession, outbox: dict[str, Any]) -> None:
        """Send the outbox's messages from the first unsent one, saving the count after each."""
        chat_id = int(outbox["chat_id"])
        messages: list[dict[str, Any]] = outbox["messages"]
        while outbox["sent"] < len(messages):
            if not await may_send(session):  # another worker holds the user now: it sends the rest
                raise StoreRetryLater(f"lost the lease on user {session.user_id} before sending")
            try:
                sent = await self._send_item(bot, session, chat_id, messages[outbox["sent"]])
            except Exception as exc:
                if is_transient(exc):
                    raise  # the update comes again and this message is sent then
                # It would fail the same way next time, and the time after (a 400 from Telegram, a
                # chart that cannot be drawn): skip it rather than block the user's chat for good.
                log.error("message %d of %d for user %s could not be sent (%s); skipped it\n%s",
                          outbox["sent"] + 1, len(messages), session.user_id, type(exc).__name__, _frames(exc))
                await self._best_effort(bot.send_message(chat_id, self._say(SORRY)))
                sent = True
            if sent is None:  # blocked by the user: the rest would not arrive either
                if session.record:
                    telegram_state(session.record)["active"] = False
                if any(m.get("delete") for m in messages[outbox["sent"]:]):
                    await self._apply(session, Effect("delete_data"))  # asked for: done, said or not
                break
            outbox["sent"] += 1
            if outbox["sent"] < len(messages):
                await session.save()
        if session.record:
            telegram_state(session.record)["outbox"] = None
        await session.save()

    async def _send_item(self, bot: Bot, session: UserSession, chat_id: int,
                         item: dict[str, Any]) -> Message | bool | None:
        """One outbox message (or the deletion); None if the user has blocked us."""
        if item.get("delete"):
            await self._apply(session, Effect("delete_data"))
            return True
        if item.get("export"):
            document = commands.export_document(_without_outbox(session.record), session.user_id, self.clock())
            return await self._send(lambda: bot.send_document(
                chat_id, InputFile(document, filename="runner-triage-data.json"),
                caption="Your data from runner-triage."))
        if "chart" in item:
            data = session.record.get("checkins") or {}
            entries = [e for e in data.get("entries") or [] if isinstance(e, dict)]
            png = await asyncio.to_thread(render_chart, entries, str(item["chart"]))  # ~0.1 s of CPU: off the loop
            return await self._send(lambda: bot.send_photo(chat_id, InputFile(png, filename="progress.png"),
                                                           caption="Pain (line) and weekly distance (bars) by week."))
        if item.get("summary_pdf"):
            voice = Voice.for_record(self.engine.texts, self.engine.kb, session.record)
            pdf = await asyncio.to_thread(commands.summary_pdf, _without_outbox(session.record), self._now(),
                                          self.tz, voice)  # fpdf2, ~0.1 s of CPU: off the loop
            return await self._send(lambda: bot.send_document(
                chat_id, InputFile(pdf, filename="runner-triage-summary.pdf")))
        return await self._send_text(bot, session.record, chat_id, item)

    async def _send_text(self, bot: Bot, record: dict[str, Any], chat_id: int, item: dict[str, Any]) -> Message | None:
        buttons = tuple(Button(str(label), str(payload)) for label, payload in item.get("buttons") or ())
        token = new_keyboard(record, buttons, item.get("asks"), chat_id) if buttons else None
        markup = keyboard_markup(token, buttons) if token else None
        sent = await self._send(lambda: bot.send_message(chat_id, str(item["text"]), parse_mode=ParseMode.HTML,
                                                         reply_markup=markup))
        if sent is not None and token is not None:
            attach_message(record, token, sent.message_id)
        return sent

    async def _apply(self, session: UserSession, effect: Effect) -> None:
        """An effect that changes what is stored (sending ones go through the outbox)."""
        if effect.kind == "delete_data":
            await self.store.delete_user(session.user_id)
            session.record.clear()
        elif effect.kind == "subscribe_checkins":
            schedule = CheckinSchedule.from_json(effect.data.get("schedule"))
            if schedule is None:
                raise ValueError("subscribe_checkins without a valid schedule")
            checkin_state(session.record)["schedule"] = schedule.to_json()
            # The due time is computed here, from the stored schedule and this clock: the store's
            # index, not a timer in memory, is what the sweep reads after a restart.
            await self.store.set_checkin_due(session.user_id, next_due(schedule, self.clock()))
        elif effect.kind == "unsubscribe_checkins":
            await self.store.set_checkin_due(session.user_id, None)
        else:
            log.warning("effect %s not supported by the Telegram channel", effect.kind)

    # -- weekly check-ins ------------------------------------------------------------------

    async def run_checkin_sweep(self, bot: Bot, **options: Any) -> SweepReport | None:
        """One sweep (bot.checkins.sweep; `options` go to it); None if the previous one is still
        running."""
        if self._sweeping.locked():
            return None
        async with self._sweeping:
            if self.checkin_limiter is None:
                from aiolimiter import AsyncLimiter

                self.checkin_limiter = AsyncLimiter(SEND_RATE, 1.0)
            return await sweep(self.store, self.clock, self.checkin_sender(bot), limiter=self.checkin_limiter,
                               **options)

    def checkin_sender(self, bot: Bot) -> Send:
        """The sweep's send function: start the check-in in the engine, save, send its question."""

        async def send(session: UserSession, due: datetime, week: str) -> Outcome:
            state = session.record.get("telegram") or {}
            chat_id = state.get("chat_id")
            if not isinstance(chat_id, int):
                return Outcome.SKIPPED  # never talked to us on Telegram (e.g. subscribed in the terminal)
            if state.get("active") is False:
                return Outcome.BLOCKED
            result = await self.engine.start_checkin(session.record, self._now(), week, session.user_id)
            if result is None:
                return Outcome.SKIPPED
            session.record.clear()
            session.record.update(result.record)
            await session.save()  # the conversation is in the check-in before its question is sent
            if not await may_send(session):
                raise StoreRetryLater(f"lost the lease on user {session.user_id} before the check-in")
            try:
                sent = await self._send_replies(bot, session.record, chat_id, result.replies)
            except (TimedOut, NetworkError) as exc:
                if _never_reached_telegram(exc) and not isinstance(exc, BadRequest):
                    return Outcome.NOT_DELIVERED
                raise
            if sent is None:
                return Outcome.BLOCKED
            return Outcome.SENT

        return send

    async def _send_replies(self, bot: Bot, record: dict[str, Any], chat_id: int,
                            replies: tuple[Reply, ...]) -> int | None:
        """Send the replies; the number of messages sent, or None if the user has blocked us."""
        count = 0
        for item in (m for reply in replies for m in _reply_messages(reply)):
            if await self._send_text(bot, record, chat_id, item) is None:
                telegram_state(record)["active"] = False
                return None
            count += 1
        return count

    # -- helpers ---------------------------------------------------------------------------

    async def _send(self, make: Callable[[], Awaitable[Message]]) -> Message | None:
        """Send (retried only where safe); None if the user has blocked us, which is no error."""
        try:
            return await call_api(make, idempotent=False)
        except Forbidden:
            log.info("a user has blocked the bot; marking them inactive")
            return None

    @asynccontextmanager
    async def _typing_while_slow(self, bot: Bot, chat_id: int) -> AsyncIterator[None]:
        """Show "typing…" only if the turn takes longer than `typing_delay` seconds.

        Most answers take a few milliseconds; an indicator sent first would cost a Bot API
        round trip (and one of the 30 sends a second) before every reply. 0 shows it at once.
        """
        if self.typing_delay <= 0:
            await self._typing(bot, chat_id)
            yield
            return

        async def later() -> None:
            await asyncio.sleep(self.typing_delay)
            await self._typing(bot, chat_id)

        task = asyncio.create_task(later())
        try:
            yield
        finally:
            task.cancel()

    async def _typing(self, bot: Bot, chat_id: int) -> None:
        await self._best_effort(call_api(lambda: bot.send_chat_action(chat_id, ChatAction.TYPING), idempotent=True))

    async def _answer(self, call: Awaitable[bool]) -> None:
        await self._best_effort(call)

    async def _best_effort(self, call: Awaitable[Any]) -> None:
        try:
            await call
        except TelegramError as exc:
            log.info("ignored a failed optional Bot API call: %s", type(exc).__name__)

    async def _slow_down(self, bot: Bot, chat_id: int, user_id: str, user: User | None = None) -> None:
        log.info("flood control: user %s is sending a burst", user_id)
        await self._best_effort(bot.send_message(chat_id, self._say(SLOW_DOWN, user)))

    def _say(self, key: str, user: User | None = None) -> str:
        """A channel text in the Telegram user's language when there is a catalog for it."""
        language = user.language_code if user is not None else None
        try:
            return Voice(self.engine.texts, self.engine.kb, self.engine.texts.locale(language)).say(key)
        except Exception:  # noqa: BLE001 - said from the error handler too: never fail to say sorry
            log.warning("channel text %s from the packaged English catalog", key)
            return english().say(key)

    def _mark_active(self, record: dict[str, Any], chat_id: int) -> None:
        state = telegram_state(record)
        state["chat_id"] = chat_id
        state["active"] = True

    async def _set_active(self, user_id: str, active: bool) -> None:
        async with self.store.session(user_id) as session:
            if not session.record:
                return  # never talked to us (or forgotten): keep nothing
            telegram_state(session.record)["active"] = active
        log.info("user %s %s the bot", user_id, "unblocked" if active else "blocked")


async def _download(document: Document) -> Attachment:
    """The document's bytes; not fetched when Telegram says it is bigger than a run file may be
    (the engine then says so), so a large upload costs no download."""
    name = document.file_name or ""
    if document.file_size is not None and document.file_size > MAX_BYTES:
        return Attachment(name, document.file_size, None)
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    return Attachment(name, len(data), data)


def keyboard_markup(token: str, buttons: tuple[Button, ...]) -> InlineKeyboardMarkup:
    """Short labels two to a row, long ones (suggested questions) one to a row."""
    rows: list[list[InlineKeyboardButton]] = []
    for index, button in enumerate(buttons):
        key = InlineKeyboardButton(button.label, callback_data=CallbackRef(token, index).encode())
        if len(button.label) <= 18 and rows and len(rows[-1]) == 1 and len(rows[-1][0].text) <= 18:
            rows[-1].append(key)
        else:
            rows.append([key])
    return InlineKeyboardMarkup(rows)


def _reply_messages(reply: Reply) -> list[dict[str, Any]]:
    """A reply as outbox messages: its text in chunks Telegram accepts (HTML), the buttons on the
    last one. One entry per Bot API call, so the outbox's count of sent messages is exact."""
    chunks = message_chunks(reply.text) or (["Choose one:"] if reply.buttons else [])
    messages: list[dict[str, Any]] = [{"text": chunk} for chunk in chunks]
    if reply.buttons:
        messages[-1].update(buttons=[[b.label, b.payload] for b in reply.buttons], asks=reply.asks)
    return messages


def _without_outbox(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the user should see it in /export: without the replies waiting to be sent."""
    state = record.get("telegram")
    if not isinstance(state, dict) or "outbox" not in state:
        return record
    return {**record, "telegram": {k: v for k, v in state.items() if k != "outbox"}}


def _reply_from_json(data: dict[str, Any]) -> Reply:
    buttons = tuple(Button(str(label), str(payload)) for label, payload in data.get("buttons") or [])
    return Reply(str(data.get("text") or ""), buttons, asks=data.get("asks"))
