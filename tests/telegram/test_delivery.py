"""Telegram is told an update was handled only once its turn is saved and flushed, offline:
the ingress both modes share, the polling loop, the webhook endpoint, and the outbox that makes
replies at-least-once and a turn's effect exactly-once.

A process kill is simulated by `Killed`, a BaseException nothing in the bot catches: the stack
unwinds without saving, as if the process had died there, and what the next process finds is
exactly what was saved. The memory store here also keeps what its last flush made durable.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

import httpx
import pytest
from telegram import Message, Update

from bot.engine import Engine
from bot.store import MemoryStore
from bot.telegram.adapter import SORRY as SORRY_KEY
from bot.telegram.adapter import FloodGate, TelegramChannel
from bot.telegram.app import ALLOWED_UPDATES, build_application, serve
from bot.telegram.config import TelegramConfig, WebhookConfig
from bot.telegram.ingress import Ingress, Outcome
from bot.telegram.polling import Poller
from bot.telegram.webhook import SECRET_HEADER, WebhookServer
from bot.texts import english
from bot.turn import TurnResult, UserMessage
from tests.telegram.botproc import free_port
from tests.telegram.conftest import NOW
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest

SORRY = english().say(SORRY_KEY)

USER, OTHER = 6001, 6002
SHIN = "my left ankle is a bit sore after long runs, it fades in a couple of days"  # one message back: the balance question
SECRET = "webhook-secret_123"


class Killed(BaseException):
    """The process dies here."""


class RecordingTelegram(FakeTelegram):
    """Logs sends and getUpdates confirmations into the rig's event list."""

    def __init__(self, events: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.events = events

    def call(self, method: str, params: dict[str, Any],
             files: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        if method == "getUpdates" and int(params.get("offset") or 0) > self.confirmed:
            self.events.append(("confirm", int(params["offset"])))
        status, body = super().call(method, params, files)
        if method == "sendMessage" and status == 200:
            self.events.append(("send", params["chat_id"]))
        return status, body


class RecordingStore(MemoryStore):
    """Logs saves and flushes; keeps what the last flush made durable; fails on demand."""

    def __init__(self, events: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.events = events
        self.durable: dict[str, str] = {}
        self.failing_writes: Counter[str] = Counter()  # user -> writes that fail (disk full)
        self.failing_flushes = 0

    async def _write_record(self, user_id: str, dump: str) -> None:
        if self.failing_writes[user_id] > 0:
            self.failing_writes[user_id] -= 1
            raise OSError(28, "No space left on device")
        await super()._write_record(user_id, dump)
        self.events.append(("save", user_id))

    async def flush(self) -> None:
        if self.failing_flushes:
            self.failing_flushes -= 1
            raise OSError(5, "Input/output error")
        await super().flush()
        self.durable = dict(self._records)
        self.events.append(("flush",))

    def durable_record(self, user: int) -> dict[str, Any] | None:
        dump = self.durable.get(str(user))
        return None if dump is None else json.loads(dump)  # type: ignore[no-any-return]


class GatedEngine:
    """The real engine, with turns that can be held at their start and are counted."""

    def __init__(self, engine: Engine, events: list[tuple[Any, ...]]) -> None:
        self.engine = engine
        self.events = events
        self.gates: dict[str, asyncio.Event] = {}
        self.entered: defaultdict[str, asyncio.Event] = defaultdict(asyncio.Event)
        self.turns: Counter[str] = Counter()

    def hold(self, user: int) -> asyncio.Event:
        gate = self.gates[str(user)] = asyncio.Event()
        return gate

    async def handle(self, record: dict[str, Any], message: UserMessage, now: datetime, user_id: str) -> TurnResult:
        self.events.append(("turn", user_id, message.text))
        self.turns[user_id] += 1
        self.entered[user_id].set()
        gate = self.gates.get(user_id)
        if gate is not None:
            await gate.wait()
        return await self.engine.handle(record, message, now, user_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


class Rig:
    def __init__(self, app: Any, fake: RecordingTelegram, store: RecordingStore, engine: GatedEngine,
                 channel: TelegramChannel, events: list[tuple[Any, ...]]) -> None:
        self.app, self.fake, self.store, self.engine = app, fake, store, engine
        self.channel, self.events = channel, events
        self.ingress = Ingress(app, lambda: store)

    def update(self, data: dict[str, Any]) -> Update:
        return Update.de_json(data, self.app.bot)

    async def deliver(self, data: dict[str, Any]) -> Outcome:
        """Telegram delivers an update (or delivers it again); what the bot tells Telegram."""
        return await self.ingress.handle(self.update(data))

    def dying_send(self, at: int, moment: str) -> None:
        """Kill the process at the `at`-th message sent: "before" it goes out, or "after" it went
        out but before the bot saved that it did."""
        real = self.channel._send
        calls = 0

        async def send(make: Callable[[], Awaitable[Message]]) -> Message | None:
            nonlocal calls
            calls += 1
            if calls == at and moment == "before":
                raise Killed
            sent = await real(make)
            if calls == at and moment == "after":
                raise Killed
            return sent

        self.channel._send = send  # type: ignore[method-assign]
        self._real_send = real

    def restart(self) -> None:
        """The next process: sends work again; the store holds what was saved."""
        self.channel._send = self._real_send  # type: ignore[method-assign]


@pytest.fixture
async def rig(engine: Engine) -> AsyncIterator[Rig]:
    events: list[tuple[Any, ...]] = []
    fake = RecordingTelegram(events)
    store = RecordingStore(events)
    gated = GatedEngine(engine, events)
    channel = TelegramChannel(flood=FloodGate(limit=100), clock=lambda: NOW, typing_delay=60)
    app = build_application(TelegramConfig(token=TOKEN, rate_limiter=False), engine=gated,  # type: ignore[arg-type]
                            store=store, request=OfflineRequest(fake), channel=channel)
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        yield Rig(app, fake, store, gated, channel, events)
        for gate in gated.gates.values():
            gate.set()
        fake.close()


async def answers_for(engine: Engine, *said: str) -> list[str]:
    """What a runner is sent for `said`, from a bot nobody interrupts."""
    fake = FakeTelegram()
    app = build_application(TelegramConfig(token=TOKEN, rate_limiter=False), engine=engine, store=MemoryStore(),
                            request=OfflineRequest(fake),
                            channel=TelegramChannel(flood=FloodGate(limit=100), clock=lambda: NOW, typing_delay=60))
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        for text in said:
            await app.process_update(Update.de_json(fake.text(USER, text), app.bot))
    return fake.texts(USER)


# -- the rule: saved, flushed, then told ----------------------------------------------------------

async def test_telegram_is_told_only_after_the_turn_is_saved_and_flushed(rig: Rig) -> None:
    assert await rig.deliver(rig.fake.text(USER, SHIN)) is Outcome.HANDLED
    kinds = [event[0] for event in rig.events]
    assert kinds.index("save") < kinds.index("send"), "the turn and its outbox are on disk before the reply goes out"
    assert kinds[-1] == "flush", "the answer to Telegram comes after a flush that follows the last save"
    durable = rig.store.durable_record(USER)
    assert durable and durable["conversation"]["requested_slot"] == "balance_change"
    assert durable["telegram"]["outbox"] is None  # and the reply is recorded as sent


@pytest.mark.parametrize(("moment", "repeated"), [("before", 0), ("after", 1)])
async def test_a_kill_while_replying_repeats_at_most_the_message_in_flight(
        rig: Rig, engine: Engine, moment: str, repeated: int) -> None:
    expected = await answers_for(engine, "/start help")  # two messages: welcome, help
    assert len(expected) == 2
    update = rig.fake.text(USER, "/start help")
    rig.dying_send(at=2, moment=moment)
    with pytest.raises(Killed):
        await rig.deliver(update)
    rig.restart()
    assert await rig.deliver(update) is Outcome.HANDLED  # Telegram was never told: it comes again
    assert rig.fake.texts(USER) == expected + expected[1:] * repeated
    assert rig.engine.turns[str(USER)] == 2, "the turn (/start, then /help) ran once"


async def test_replies_a_crash_left_unsent_go_out_before_the_next_turn_and_are_not_overwritten(
        rig: Rig, engine: Engine) -> None:
    expected = await answers_for(engine, SHIN, "/help")
    rig.dying_send(at=1, moment="before")  # saved with its outbox, nothing sent yet
    with pytest.raises(Killed):
        await rig.deliver(rig.fake.text(USER, SHIN))
    rig.restart()
    # The update was not delivered again (say Telegram had been told): the runner writes again.
    assert await rig.deliver(rig.fake.text(USER, "/help")) is Outcome.HANDLED
    assert rig.fake.texts(USER) == expected


@pytest.mark.parametrize(("moment", "repeated"), [("before", 0), ("after", 1)])
async def test_forget_killed_around_its_confirmation_still_confirms_and_deletes(
        rig: Rig, moment: str, repeated: int) -> None:
    await rig.deliver(rig.fake.text(USER, SHIN))
    await rig.deliver(rig.fake.text(USER, "/forget"))
    confirm = next(p["_message"] for p in rig.fake.sent("sendMessage", USER)
                   if "Yes, delete everything" in json.dumps(p.get("reply_markup")))
    before = len(rig.fake.texts(USER))
    press = rig.fake.press(USER, confirm, "Yes, delete everything")
    rig.dying_send(at=1, moment=moment)
    with pytest.raises(Killed):
        await rig.deliver(press)
    rig.restart()
    assert await rig.store.export_user(str(USER)) is not None  # the deletion comes after the confirmation
    assert await rig.deliver(press) is Outcome.HANDLED
    said = rig.fake.texts(USER)[before:]
    assert len(said) == 1 + repeated and all("deleted everything" in t for t in said)
    assert await rig.store.export_user(str(USER)) is None


async def test_a_redelivered_update_changes_nothing_twice(rig: Rig) -> None:
    update = rig.fake.text(USER, SHIN)
    await rig.deliver(update)
    record = await rig.store.export_user(str(USER))
    sent = len(rig.fake.texts(USER))
    assert await rig.deliver(update) is Outcome.HANDLED
    assert await rig.store.export_user(str(USER)) == record
    assert len(rig.fake.texts(USER)) == sent == 1
    assert rig.engine.turns[str(USER)] == 1


# -- failures: for now (tried again) or for good (confirmed, logged) ---------------------------

async def test_a_timed_out_reply_is_retried_by_telegram_not_apologised_for(rig: Rig, engine: Engine) -> None:
    expected = await answers_for(engine, SHIN)
    update = rig.fake.text(USER, SHIN)
    rig.fake.faults["sendMessage"].append("timeout")  # it may or may not have arrived
    assert await rig.deliver(update) is Outcome.RETRY
    assert SORRY not in rig.fake.texts(USER)
    assert (await rig.store.export_user(str(USER)) or {})["telegram"]["outbox"]["sent"] == 0
    assert await rig.deliver(update) is Outcome.HANDLED  # delivered again: the reply is sent
    assert rig.fake.texts(USER) == expected
    assert rig.engine.turns[str(USER)] == 1


async def test_a_store_that_cannot_write_leaves_the_update_with_telegram(rig: Rig, engine: Engine) -> None:
    expected = await answers_for(engine, SHIN)
    update = rig.fake.text(USER, SHIN)
    rig.store.failing_writes[str(USER)] = 1
    assert await rig.deliver(update) is Outcome.RETRY
    assert rig.fake.texts(USER) == []  # nothing said about a turn that is not saved
    assert await rig.deliver(update) is Outcome.HANDLED
    assert rig.fake.texts(USER) == expected


async def test_a_failed_flush_leaves_the_update_with_telegram_and_the_retry_repeats_nothing(rig: Rig) -> None:
    update = rig.fake.text(USER, SHIN)
    rig.store.failing_flushes = 1
    assert await rig.deliver(update) is Outcome.RETRY
    assert await rig.deliver(update) is Outcome.HANDLED
    assert len(rig.fake.texts(USER)) == 1
    assert rig.engine.turns[str(USER)] == 1


class BrokenEngine(GatedEngine):
    async def handle(self, record: dict[str, Any], message: UserMessage, now: datetime, user_id: str) -> TurnResult:
        raise KeyError(message.text)


async def test_an_update_that_can_never_be_handled_is_confirmed_logged_and_apologised_for(
        rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    rig.channel.engine = BrokenEngine(rig.engine.engine, rig.events)  # type: ignore[assignment]
    assert await rig.deliver(rig.fake.text(USER, SHIN)) is Outcome.REJECTED
    assert rig.fake.texts(USER) == [SORRY]
    assert any(r.levelno == logging.ERROR and "KeyError" in r.getMessage() for r in caplog.records)


async def test_a_message_that_cannot_be_sent_is_skipped_and_logged_not_retried_forever(
        rig: Rig, engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    welcome, help_text = await answers_for(engine, "/start help")
    rig.fake.faults["sendMessage"].append("bad_request")  # Telegram refuses the welcome (400)
    assert await rig.deliver(rig.fake.text(USER, "/start help")) is Outcome.HANDLED
    assert rig.fake.texts(USER) == [SORRY, help_text]
    assert any(r.levelno == logging.ERROR and "message 1 of 2" in r.getMessage() for r in caplog.records)
    assert await rig.deliver(rig.fake.text(USER, SHIN)) is Outcome.HANDLED
    assert rig.fake.texts(USER)[-1] == (await answers_for(engine, SHIN))[0]


# -- polling ------------------------------------------------------------------------------------

def confirmed_after_flush(events: list[tuple[Any, ...]], update_id: int, user: int) -> bool:
    """The getUpdates that confirmed `update_id` came after a flush that followed the user's last save."""
    confirm = next(i for i, e in enumerate(events) if e[0] == "confirm" and e[1] > update_id)
    last_save = max(i for i, e in enumerate(events[:confirm]) if e == ("save", str(user)))
    return ("flush",) in events[last_save:confirm]


async def start_polling(rig: Rig) -> tuple[Poller, asyncio.Event, asyncio.Task[None]]:
    poller = Poller(rig.app.bot, rig.ingress, allowed_updates=ALLOWED_UPDATES, timeout=1, first_pause=0.01)
    stop = asyncio.Event()
    return poller, stop, asyncio.create_task(poller.run(stop))


async def until(rig: Rig, predicate: Callable[[], Any]) -> None:
    """Wait for the stand-in's state (woken by each change there), off the event loop."""
    await asyncio.to_thread(rig.fake.wait_for, predicate, 15)


async def test_polling_confirms_an_update_only_once_its_turn_is_durable(rig: Rig) -> None:
    gate = rig.engine.hold(USER)
    update = rig.fake.text(USER, SHIN)
    _, stop, task = await start_polling(rig)
    await rig.engine.entered[str(USER)].wait()
    assert rig.fake.confirmed <= update["update_id"], "confirmed while its turn was still running"
    gate.set()
    await until(rig, lambda: rig.fake.confirmed > update["update_id"])
    assert confirmed_after_flush(rig.events, update["update_id"], USER)
    stop.set()
    await task


async def test_polling_handles_users_concurrently_and_each_user_in_order(rig: Rig) -> None:
    gate = rig.engine.hold(USER)
    first = rig.fake.text(USER, SHIN)
    rig.fake.text(OTHER, "/help")
    second = rig.fake.text(USER, "about the same")
    _, stop, task = await start_polling(rig)  # one batch of three
    await until(rig, lambda: rig.fake.texts(OTHER))  # the other runner is answered meanwhile
    assert [e[2] for e in rig.events if e[:2] == ("turn", str(USER))] == [SHIN], "the second did not overtake"
    assert rig.fake.confirmed <= first["update_id"]
    gate.set()
    await until(rig, lambda: rig.fake.confirmed > second["update_id"])
    assert [e[2] for e in rig.events if e[:2] == ("turn", str(USER))] == [SHIN, "about the same"]
    record = await rig.store.export_user(str(USER))
    assert record and record["conversation"]["slots"]["balance_change"] == "same"
    stop.set()
    await task


async def test_polling_tries_a_failed_update_again_with_that_users_later_ones_behind_it(rig: Rig) -> None:
    rig.store.failing_writes[str(USER)] = 1
    rig.fake.text(USER, SHIN)
    rig.fake.text(OTHER, "/help")
    last = rig.fake.text(USER, "about the same")
    _, stop, task = await start_polling(rig)
    await until(rig, lambda: rig.fake.confirmed > last["update_id"])
    stop.set()
    await task
    assert len(rig.fake.texts(OTHER)) == 1, "handled once, though its batch came twice"
    assert [e[2] for e in rig.events if e[:2] == ("turn", str(USER))] == [SHIN, SHIN, "about the same"]
    # One answer each (the balance question, then the first intake question); nothing from the
    # attempt that failed.
    assert len(rig.fake.texts(USER)) == 2
    record = await rig.store.export_user(str(USER))
    assert record and record["conversation"]["slots"]["pain_location"] == ["ankle"]


async def test_polling_stops_after_finishing_and_confirming_the_batch_in_hand(rig: Rig) -> None:
    gate = rig.engine.hold(USER)
    update = rig.fake.text(USER, SHIN)
    _, stop, task = await start_polling(rig)
    await rig.engine.entered[str(USER)].wait()
    stop.set()  # SIGTERM while a turn runs
    gate.set()
    await task
    assert len(rig.fake.texts(USER)) == 1
    assert rig.fake.confirmed > update["update_id"]


# -- webhook ------------------------------------------------------------------------------------

@pytest.fixture
async def hook(rig: Rig) -> AsyncIterator[WebhookServer]:
    server = WebhookServer(rig.ingress, rig.app.bot, listen="127.0.0.1", port=free_port(), path="telegram",
                           secret=SECRET)
    await server.start()
    yield server
    for gate in rig.engine.gates.values():  # a failed test may have left a turn held
        gate.set()
    await server.close()


async def post(client: httpx.AsyncClient, server: WebhookServer, body: Any, secret: str | None = SECRET) -> int:
    headers = {"Content-Type": "application/json", **({SECRET_HEADER: secret} if secret is not None else {})}
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = await client.post(f"http://127.0.0.1:{server.port}/telegram", content=content, headers=headers)
    return response.status_code


async def test_webhook_refuses_requests_without_the_secret(rig: Rig, hook: WebhookServer) -> None:
    update = rig.fake.text(USER, SHIN)
    async with httpx.AsyncClient() as client:
        assert await post(client, hook, update, secret=None) == 403
        assert await post(client, hook, update, secret="guess") == 403
        assert rig.fake.texts(USER) == []
        assert await post(client, hook, update) == 200
    assert len(rig.fake.texts(USER)) == 1


async def test_webhook_answers_only_once_the_turn_is_durable(rig: Rig, hook: WebhookServer) -> None:
    gate = rig.engine.hold(USER)

    async def answer() -> tuple[int, dict[str, Any] | None]:
        """Telegram's view: the status, and what was durable when it arrived."""
        status = await post(client, hook, rig.fake.text(USER, SHIN))
        return status, rig.store.durable_record(USER)

    async with httpx.AsyncClient() as client:
        answered = asyncio.create_task(answer())
        await rig.engine.entered[str(USER)].wait()
        # No event says "not answered yet": give an early answer a moment to show up.
        done, _ = await asyncio.wait({answered}, timeout=0.2)
        assert not done, "answered while the turn was still running"
        gate.set()
        status, durable = await answered
    assert status == 200
    assert durable and durable["conversation"]["requested_slot"] == "balance_change"
    assert durable["telegram"]["outbox"] is None and len(rig.fake.texts(USER)) == 1


async def test_webhook_answers_503_while_the_store_cannot_write(rig: Rig, hook: WebhookServer) -> None:
    update = rig.fake.text(USER, SHIN)
    rig.store.failing_writes[str(USER)] = 1
    async with httpx.AsyncClient() as client:
        assert await post(client, hook, update) == 503  # Telegram sends it again later
        assert rig.fake.texts(USER) == []
        assert await post(client, hook, update) == 200
    assert len(rig.fake.texts(USER)) == 1


async def test_webhook_answers_200_to_what_is_not_an_update_and_logs_it(
        rig: Rig, hook: WebhookServer, caplog: pytest.LogCaptureFixture) -> None:
    async with httpx.AsyncClient() as client:
        assert await post(client, hook, b"{not json") == 200
        assert await post(client, hook, {"message": {"text": "no update_id"}}) == 200
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 2 and all("not a Telegram update" in e for e in errors)
    assert "no update_id" not in "\n".join(errors)
    assert rig.fake.sent() == []


async def test_webhook_shutdown_finishes_turns_in_flight_and_turns_new_ones_away(
        rig: Rig, hook: WebhookServer) -> None:
    gate = rig.engine.hold(USER)
    async with httpx.AsyncClient() as idle, httpx.AsyncClient() as busy:
        assert await post(idle, hook, rig.fake.text(OTHER, "/help")) == 200  # a kept-alive connection
        in_flight = asyncio.create_task(post(busy, hook, rig.fake.text(USER, SHIN)))
        await rig.engine.entered[str(USER)].wait()
        hook.stop_taking()  # SIGTERM
        assert await post(idle, hook, rig.fake.text(OTHER, "about the same")) == 503  # for the next process
        closing = asyncio.create_task(hook.close())
        gate.set()
        assert await in_flight == 200  # the turn in hand is finished and answered
        await closing
    assert len(rig.fake.texts(USER)) == 1 and len(rig.fake.texts(OTHER)) == 1


# -- serve: the whole start / run / stop, in process ------------------------------------------

async def serve_until_answered(engine: Engine, fake: FakeTelegram,
                               config: TelegramConfig) -> tuple[MemoryStore, dict[str, Any]]:
    """Run `serve` until USER's message is answered and Telegram holds nothing, then stop it."""
    store = MemoryStore()
    app = build_application(config, engine=engine, store=store, request=OfflineRequest(fake),
                            channel=TelegramChannel(clock=lambda: NOW, typing_delay=60))
    stop = asyncio.Event()
    running = asyncio.create_task(serve(app, config, stop))
    update = fake.text(USER, SHIN)
    await asyncio.to_thread(fake.wait_for, lambda: fake.texts(USER) and not fake.pending(), 15)
    stop.set()  # as SIGTERM does
    await running
    assert not app.running
    return store, update


async def test_serve_polls_answers_and_stops_cleanly(engine: Engine) -> None:
    fake = FakeTelegram()
    store, update = await serve_until_answered(engine, fake, TelegramConfig(token=TOKEN, rate_limiter=False))
    assert fake.sent("deleteWebhook")[-1]["drop_pending_updates"] is False
    assert fake.confirmed > update["update_id"]
    assert len(fake.texts(USER)) == 1 and await store.export_user(str(USER))
    fake.close()


async def test_serve_registers_the_webhook_and_answers_through_it(engine: Engine) -> None:
    fake = FakeTelegram()
    port = free_port()
    config = TelegramConfig(token=TOKEN, rate_limiter=False, webhook=WebhookConfig(
        url="https://bot.example.org/telegram", secret=SECRET, port=port, max_connections=7))
    fake.deliver_webhooks(f"http://127.0.0.1:{port}/telegram")
    await serve_until_answered(engine, fake, config)
    registered = fake.sent("setWebhook")[-1]
    assert (registered["url"], registered["secret_token"], registered["max_connections"]) == (
        "https://bot.example.org/telegram", SECRET, 7)
    assert registered["drop_pending_updates"] is False
    assert {status for _, status in fake.webhook_answers} == {200}
    fake.close()
