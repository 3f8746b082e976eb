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
from bot.store import UserSession, UserStore
from bot.telegram.keyboards import attach_message, new_keyboard, press, seen_update, telegram_state
from bot.telegram.render import CallbackRef, message_chunks, parse_callback
from bot.texts import Voice
from bot.turn import Attachment, Button, Effect, Reply, TurnResult, UserMessage

log = logging.getLogger(__name__)
T = TypeVar("T")

TEXT_ONLY = "I can only read text messages, sorry. Please tell me in words what hurts."
EDITED = ("I only read new messages, so I didn't see that edit. If something changed, "
          "please send it again as a new message.")
SLOW_DOWN = ("You're sending messages faster than I can answer. I'll reply to each one in turn — "
             "give me a moment.")
GROUP = ("I only talk about pain and injuries in a private chat, so your health details stay "
         "between us. Tap below to start one.")
BUTTON_NOTES = {
    "unknown": "That button has expired. Please answer the latest question, or send /help.",
    "used": "Already answered — thanks.",
    "stale": "That question has moved on. Please answer the latest one.",
}
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."

#: /start deep-link parameters that open a command straight away (t.me/<bot>?start=privacy).
DEEP_LINKS = {"help": "/help", "privacy": "/privacy", "settings": "/settings", "summary": "/summary"}

#: The command menu published with set_my_commands (deploy/botfather-commands.txt says the same).
COMMAND_MENU: tuple[tuple[str, str], ...] = (
    ("start", "Start, or start over"),
    ("help", "What I can do"),
    ("restart", "Start the questions again"),
    ("cancel", "Stop the current questions"),
    ("summary", "A report to show your physical therapist"),
    ("checkin", "Weekly check-in: turn on, change, pause, off"),
    ("progress", "Your check-ins as a chart"),
    ("settings", "Country for crisis lines, weekly check-in"),
    ("privacy", "What I keep and how to delete it"),
    ("export", "Send me my data as a file"),
    ("forget", "Delete everything about me"),
)


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


def _never_reached_telegram(exc: BaseException) -> bool:
    """The request certainly did not arrive (no connection), so even a send may be repeated."""
    return isinstance(exc.__cause__, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


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
            with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled below
                warnings.simplefilter("ignore", PTBDeprecationWarning)
                wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
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
        name = commands.command_name(text)
        async with self.store.session(str(user.id)) as session:
            if seen_update(session.record, update.update_id):
                await self._flush_outbox(context.bot, session.record)  # a redelivery after a crash
                return
            if burst:
                await self._slow_down(context.bot, message.chat_id, str(user.id))
            self._mark_active(session.record, message.chat_id)
            async with self._typing_while_slow(context.bot, message.chat_id):
                if name == "/start":
                    parts = text.split(maxsplit=1)
                    await self._turn(context.bot, session, message.chat_id, "/start")
                    follow = DEEP_LINKS.get(parts[1].strip().lower()) if len(parts) > 1 else None
                    if follow:
                        await self._turn(context.bot, session, message.chat_id, follow)
                else:
                    await self._turn(context.bot, session, message.chat_id, text)

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
            if seen_update(session.record, update.update_id):
                await self._flush_outbox(context.bot, session.record)  # a redelivery after a crash
                return
            if burst:
                await self._slow_down(context.bot, message.chat_id, str(user.id))
            self._mark_active(session.record, message.chat_id)
            async with self._typing_while_slow(context.bot, message.chat_id):
                attachment = await _download(message.document)
                result = await self.engine.handle(session.record, UserMessage("", attachment=attachment),
                                                  self._now(), session.user_id)
                await self._finish(context.bot, session, message.chat_id, result)
                if message.caption:
                    await self._turn(context.bot, session, message.chat_id, message.caption)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        ref = parse_callback(query.data)
        message = query.message
        if ref is None or not isinstance(message, Message) or message.chat.type != ChatType.PRIVATE:
            await self._answer(query.answer(BUTTON_NOTES["unknown"]))
            return
        user_id = str(query.from_user.id)
        burst = self.flood.arrive(user_id)
        async with self.store.session(user_id) as session:
            if not session.record:  # nothing stored (never talked, or forgotten): keep it that way
                await self._answer(query.answer(BUTTON_NOTES["unknown"]))
                return
            if seen_update(session.record, update.update_id):
                await self._answer(query.answer())
                await self._flush_outbox(context.bot, session.record)
                return
            pressed = press(session.record, ref.token, ref.index, message.chat_id, message.message_id)
            if pressed.outcome != "ok" or pressed.button is None:
                await self._answer(query.answer(BUTTON_NOTES[pressed.outcome]))
                return
            self._mark_active(session.record, message.chat_id)
            await self._answer(query.answer())
            if burst:
                await self._slow_down(context.bot, message.chat_id, user_id)
            if pressed.asks:  # an answered question: take its buttons away
                await self._best_effort(message.edit_reply_markup(reply_markup=None))
            async with self._typing_while_slow(context.bot, message.chat_id):
                await self._press(context.bot, session, message.chat_id, pressed.button)

    async def on_group_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """In a group: answer commands addressed to us with a pointer to a private chat."""
        message = update.message
        if message is None or message.text is None:
            return
        addressed = message.text.split()[0].partition("@")[2]
        if addressed and addressed.lower() != (context.bot.username or "").lower():
            return  # /command@SomeOtherBot
        link = f"https://t.me/{context.bot.username}?start=group"
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Open a private chat", url=link)]])
        await self._send(lambda: context.bot.send_message(message.chat_id, GROUP, reply_markup=markup,
                                                          reply_to_message_id=message.message_id))

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Photos, voice, stickers, locations, files… in a private chat: one polite line."""
        message = update.message
        if message is None or update.effective_user is None:
            return
        if self.flood.arrive(str(update.effective_user.id)):
            await self._slow_down(context.bot, message.chat_id, str(update.effective_user.id))
        await self._send(lambda: context.bot.send_message(message.chat_id, TEXT_ONLY))

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.edited_message
        if message is None or message.chat.type != ChatType.PRIVATE or message.text is None:
            return  # edits of captions, groups: ignored, as most bots do
        await self._send(lambda: context.bot.send_message(message.chat_id, EDITED,
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
        if isinstance(error, (NetworkError, TimedOut)) and not isinstance(error, BadRequest):
            log.warning("network error handling update %s: %s", update_id, type(error).__name__)
        elif error is not None:
            # An exception's message may quote what the user wrote: frames and type only here,
            # the message itself at DEBUG.
            frames = "".join(traceback.format_tb(error.__traceback__))
            log.error("error handling update %s: %s\n%s", update_id, type(error).__name__, frames.rstrip())
            log.debug("error details for update %s", update_id, exc_info=error)
        if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == ChatType.PRIVATE:
            await self._best_effort(context.bot.send_message(update.effective_chat.id, SORRY))

    # -- turns -----------------------------------------------------------------------------

    async def _turn(self, bot: Bot, session: UserSession, chat_id: int, text: str) -> None:
        result = await self.engine.handle(session.record, UserMessage(text), self._now(), session.user_id)
        await self._finish(bot, session, chat_id, result)

    async def _press(self, bot: Bot, session: UserSession, chat_id: int, button: Button) -> None:
        result = await self.engine.handle(session.record, UserMessage(button.label, payload=button.payload),
                                          self._now(), session.user_id)
        await self._finish(bot, session, chat_id, result)

    def _now(self) -> datetime:
        """The time, in the bot's timezone (reports such as /summary show local dates)."""
        return self.clock().astimezone(self.tz)

    async def _finish(self, bot: Bot, session: UserSession, chat_id: int, result: TurnResult) -> None:
        """Keep the new record, carry out the effects, send the replies.

        The record is saved, with the replies in an outbox, before anything is sent: once the user
        has seen an answer, the turn that produced it is on disk even if the process dies right
        after; and if it dies before the replies are out, Telegram redelivers the update and the
        outbox is sent then (at least once: a reply may arrive twice, never not at all).
        """
        session.record.clear()
        session.record.update(result.record)
        later = [e for e in result.effects if e.kind in ("send_progress_chart", "send_summary_pdf")]  # after the text
        for effect in result.effects:
            if effect not in later:
                await self._apply(bot, session, chat_id, effect)
        if session.record:  # not after /forget: nothing may be written for a deleted user
            telegram_state(session.record)["outbox"] = {
                "chat_id": chat_id, "replies": [_reply_to_json(r) for r in result.replies]}
        await session.save()
        await self._flush_outbox(bot, session.record, chat_id, result.replies)
        for effect in later:
            await self._apply(bot, session, chat_id, effect)

    async def _apply(self, bot: Bot, session: UserSession, chat_id: int, effect: Effect) -> None:
        if effect.kind == "export_data":
            document = commands.export_document(session.record, session.user_id, self.clock())
            await self._send(lambda: bot.send_document(
                chat_id, InputFile(document, filename="runner-triage-data.json"),
                caption="Your data from runner-triage."))
        elif effect.kind == "delete_data":
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
        elif effect.kind == "send_progress_chart":
            data = session.record.get("checkins") or {}
            entries = [e for e in data.get("entries") or [] if isinstance(e, dict)]
            unit = str(effect.data.get("unit") or "km")
            png = await asyncio.to_thread(render_chart, entries, unit)  # ~0.1 s of CPU: off the loop
            await self._send(lambda: bot.send_photo(chat_id, InputFile(png, filename="progress.png"),
                                                    caption="Pain (line) and weekly distance (bars) by week."))
        elif effect.kind == "send_summary_pdf":
            voice = Voice.for_record(self.engine.texts, self.engine.kb, session.record)
            pdf = await asyncio.to_thread(commands.summary_pdf, session.record, self._now(), self.tz, voice)
            await self._send(lambda: bot.send_document(
                chat_id, InputFile(pdf, filename="runner-triage-summary.pdf")))
        else:
            log.warning("effect %s not supported by the Telegram channel", effect.kind)

    # -- weekly check-ins ------------------------------------------------------------------

    async def run_checkin_sweep(self, bot: Bot) -> SweepReport | None:
        """One sweep (bot.checkins.sweep); None if the previous one is still running."""
        if self._sweeping.locked():
            return None
        async with self._sweeping:
            if self.checkin_limiter is None:
                from aiolimiter import AsyncLimiter

                self.checkin_limiter = AsyncLimiter(SEND_RATE, 1.0)
            return await sweep(self.store, self.clock, self.checkin_sender(bot), limiter=self.checkin_limiter)

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

    async def _flush_outbox(self, bot: Bot, record: dict[str, Any], chat_id: int | None = None,
                            replies: tuple[Reply, ...] | None = None) -> None:
        """Send the replies waiting in the record's outbox (those of the last turn) and empty it;
        the emptied outbox is saved when the session closes."""
        outbox = (record.get("telegram") or {}).get("outbox")
        if outbox:
            telegram_state(record)["outbox"] = None
            chat_id = int(outbox["chat_id"])
            replies = tuple(_reply_from_json(r) for r in outbox["replies"])
        if chat_id is not None and replies:
            await self._send_replies(bot, record, chat_id, replies)

    async def _send_replies(self, bot: Bot, record: dict[str, Any], chat_id: int,
                            replies: tuple[Reply, ...]) -> int | None:
        """Send the replies; the number of messages sent, or None if the user has blocked us."""
        count = 0
        for reply in replies:
            chunks = message_chunks(reply.text) or (["Choose one:"] if reply.buttons else [])
            token = new_keyboard(record, reply.buttons, reply.asks, chat_id) if reply.buttons else None
            for i, chunk in enumerate(chunks):
                markup = keyboard_markup(token, reply.buttons) if token and i == len(chunks) - 1 else None
                sent = await self._send(lambda: bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML,
                                                                 reply_markup=markup))
                if sent is None:
                    telegram_state(record)["active"] = False
                    return None
                count += 1
                if markup is not None and token is not None:
                    attach_message(record, token, sent.message_id)
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

    async def _slow_down(self, bot: Bot, chat_id: int, user_id: str) -> None:
        log.info("flood control: user %s is sending a burst", user_id)
        await self._best_effort(bot.send_message(chat_id, SLOW_DOWN))

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


def _reply_to_json(reply: Reply) -> dict[str, Any]:
    return {"text": reply.text, "asks": reply.asks,
            "buttons": [[b.label, b.payload] for b in reply.buttons]}


def _reply_from_json(data: dict[str, Any]) -> Reply:
    return Reply(str(data.get("text") or ""), tuple(Button(str(l), str(p)) for l, p in data.get("buttons") or []),
                 asks=data.get("asks"))
