"""The Bot API transport (bot.telegram.request.AiohttpRequest) over real HTTP: what PTB sends
arrives as Telegram would read it (form fields, JSON-encoded markup, a file as multipart), and
each kind of failure is the PTB error the adapter expects, with "never reached Telegram" only
where no request could have been sent (call_api repeats a send only then)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import NetworkError, TimedOut

from bot.telegram.adapter import _never_reached_telegram, call_api
from bot.telegram.request import AiohttpRequest, never_reached
from tests.telegram.fake_api import TOKEN, BotAPIServer, FakeTelegram


@pytest.fixture
def api() -> Iterator[tuple[FakeTelegram, BotAPIServer]]:
    fake = FakeTelegram()
    with BotAPIServer(fake) as server:
        yield fake, server


def _bot(base_url: str, request: AiohttpRequest) -> Bot:
    return Bot(TOKEN, base_url=base_url, request=request, get_updates_request=AiohttpRequest(1))


async def test_calls_arrive_as_telegram_reads_them(api: tuple[FakeTelegram, BotAPIServer]) -> None:
    fake, server = api
    async with _bot(server.base_url, AiohttpRequest(4)) as bot:  # initialize: getMe
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes – it fades", callback_data="a:1")]])
        sent = await bot.send_message(42, "Où ça fait mal ? <b>shin</b>", reply_markup=keyboard, parse_mode="HTML")
        assert sent.text == "Où ça fait mal ? <b>shin</b>"
        await bot.send_document(42, b"%PDF-1.4 one page\n" * 100, filename="summary.pdf", caption="For your PT")
        many = await asyncio.gather(*(bot.send_message(7, f"message {i}") for i in range(20)))  # > 4 connections
    message = fake.sent("sendMessage", chat_id=42)[-1]
    assert message["text"] == "Où ça fait mal ? <b>shin</b>" and message["parse_mode"] == "HTML"
    assert message["reply_markup"]["inline_keyboard"][0][0] == {"text": "Yes – it fades", "callback_data": "a:1"}
    document = fake.sent("sendDocument")[-1]
    assert document["caption"] == "For your PT"
    assert document["_files"]["document"] == b"%PDF-1.4 one page\n" * 100
    assert sorted(m.text for m in many) == sorted(f"message {i}" for i in range(20))


def _silent_server() -> tuple[socket.socket, threading.Event]:
    """Accepts connections and never answers (a Bot API that hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    done = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        listener.settimeout(0.1)
        while not done.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue
        for conn in held:
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    return listener, done


async def _send_with_retries(base_url: str, request: AiohttpRequest) -> tuple[BaseException, int]:
    """A send through adapter.call_api (up to 3 attempts) that fails: its error, and how many
    times it was sent."""
    await request.initialize()
    bot = _bot(base_url, request)
    attempts = 0

    async def send() -> object:
        nonlocal attempts
        attempts += 1
        return await bot.send_message(1, "hello")

    try:
        await call_api(send, idempotent=False, attempts=3, backoff=0.01)
    except (NetworkError, TimedOut) as exc:
        return exc, attempts
    finally:
        await request.shutdown()
    raise AssertionError("the send succeeded")


async def test_a_refused_connection_never_reached_telegram_so_a_send_is_repeated() -> None:
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()  # nothing listens there
    error, attempts = await _send_with_retries(f"http://127.0.0.1:{port}/bot", AiohttpRequest(2, connect_timeout=2))
    assert isinstance(error, NetworkError)
    assert never_reached(error) and _never_reached_telegram(error)
    assert attempts == 3  # a send that certainly did not arrive may be repeated


async def test_no_answer_is_a_timeout_that_may_have_reached_telegram() -> None:
    listener, done = _silent_server()
    try:
        error, attempts = await _send_with_retries(f"http://127.0.0.1:{listener.getsockname()[1]}/bot",
                                                   AiohttpRequest(2, read_timeout=0.3))
    finally:
        done.set()
        listener.close()
    assert isinstance(error, TimedOut)
    assert not never_reached(error) and not _never_reached_telegram(error)
    assert attempts == 1  # it may have been delivered: never sent twice


async def test_no_free_connection_is_a_timeout_that_never_reached_telegram() -> None:
    listener, done = _silent_server()
    request = AiohttpRequest(1, read_timeout=3, pool_timeout=0.2, connect_timeout=0.2)  # waits at most 0.4 s
    await request.initialize()
    bot = _bot(f"http://127.0.0.1:{listener.getsockname()[1]}/bot", request)
    try:
        hanging = asyncio.ensure_future(bot.send_message(1, "first"))  # holds the only connection
        await asyncio.sleep(0.1)
        with pytest.raises(TimedOut) as caught:
            await bot.send_message(1, "second")
        hanging.cancel()
    finally:
        await request.shutdown()
        done.set()
        listener.close()
    assert never_reached(caught.value)


async def test_a_request_used_before_initialize_or_after_shutdown_says_so() -> None:
    request = AiohttpRequest(1)
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/bot/getMe", "POST")
    await request.initialize()
    await request.shutdown()
    await request.shutdown()  # twice is fine (serve() closes it even when PTB did not)
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/bot/getMe", "POST")
    with pytest.raises(ValueError, match="at least 1"):
        AiohttpRequest(0)

