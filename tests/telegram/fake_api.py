"""A stand-in for the Telegram Bot API: one in-memory model, two ways in.

`OfflineRequest` (a PTB BaseRequest, PTB's own test approach) hands calls to it in-process;
`BotAPIServer` serves it over HTTP on 127.0.0.1 for the end-to-end test of the real process.
Only the methods the bot uses exist; an unknown method is a 404 like the real API's.

It keeps Telegram's delivery rules, which are what make a crashed bot lose nothing:

- polling: an update stays pending until getUpdates is called with an offset above its id;
  getUpdates while a webhook is set is a 409, as in the real API;
- webhook (`deliver_webhooks`): as the Bot API server does it (tdlib/telegram-bot-api,
  WebhookActor): one update per chat at a time, in order, up to `max_connections` chats at once;
  an update is forgotten only when answered 2xx, otherwise (an error status, a dropped or
  refused connection) it is sent again after a short delay.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

TOKEN = "123456789:AAtesttokentesttokentesttokentest12"
BOT_ID = 123456789
BOT_USERNAME = "RunnerTriageBot"
_JSON_FIELDS = {"reply_markup", "commands", "allowed_updates", "offset", "timeout", "limit", "chat_id",
                "message_id", "reply_to_message_id", "reply_parameters", "link_preview_options",
                "show_alert", "scope", "drop_pending_updates", "max_connections"}


def decode_params(raw: dict[str, str]) -> dict[str, Any]:
    return {k: (json.loads(v) if k in _JSON_FIELDS and isinstance(v, str) else v) for k, v in raw.items()}


class FakeTelegram:
    """The Bot API's state: queued updates, what the bot sent, faults to inject."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.updates: list[dict[str, Any]] = []
        self.update_ids = itertools.count(1000)
        self.message_ids = itertools.count(1)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.faults: dict[str, deque[str]] = defaultdict(deque)
        self.faulted: list[tuple[str, float]] = []  # (method, time.time()) of each fault served
        self.webhook: dict[str, Any] | None = None
        self.commands: list[dict[str, Any]] = []
        self.confirmed = 0  # the highest getUpdates offset asked for: every update below it is gone
        # Webhook delivery (deliver_webhooks): where updates really go (a local "reverse proxy"
        # target for the public URL the bot registers), what is in flight, and every answer.
        self.webhook_target: str | None = None
        self.webhook_targets: list[str] = []  # several workers: each delivery goes to the next one
        self._next_target = itertools.count()
        self.webhook_answers: list[tuple[int, int]] = []  # (update_id, HTTP status; 0 = no answer)
        self.webhook_timings: list[tuple[int, int, float]] = []  # (update_id, status, seconds to answer)
        self._in_flight: dict[int, Any] = {}  # update_id -> its chat's queue key
        self._retry_at: dict[int, float] = {}
        self._failures: dict[int, int] = defaultdict(int)
        self._closed = False

    # -- what users do -------------------------------------------------------------------
    def user_update(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.cond:
            update = {"update_id": next(self.update_ids), **update}
            self.updates.append(update)
            self.cond.notify_all()
        return update

    def text(self, user_id: int, text: str, chat_type: str = "private", chat_id: int | None = None,
             **extra: Any) -> dict[str, Any]:
        return self.user_update({"message": message_dict(user_id, text, chat_type, chat_id, **extra)})

    def press(self, user_id: int, bot_message: dict[str, Any], label: str) -> dict[str, Any]:
        return self.user_update({"callback_query": callback_dict(user_id, bot_message, data_for(bot_message, label))})

    # -- what the bot did ----------------------------------------------------------------
    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[dict[str, Any]]:
        with self.cond:
            return [p for m, p in self.calls if m == method and (chat_id is None or p.get("chat_id") == chat_id)]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [p["text"] for p in self.sent("sendMessage", chat_id)]

    def count_sent(self, chats: set[int], method: str = "sendMessage") -> int:
        """Messages sent to any of `chats`, in one pass: cheap enough for a wait_for predicate,
        which runs under the lock the stand-in's server threads need."""
        with self.cond:
            return sum(1 for m, p in self.calls if m == method and p.get("chat_id") in chats)

    def pending(self) -> list[dict[str, Any]]:
        """Updates Telegram still holds: not confirmed by a getUpdates offset, or not yet answered
        2xx by the webhook."""
        with self.cond:
            return [u for u in self.updates if u["update_id"] >= self.confirmed]

    def wait_for(self, predicate: Any, timeout: float = 15.0) -> Any:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                result = predicate()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out; calls so far: {[m for m, _ in self.calls][-20:]}")
                self.cond.wait(left)

    # -- the API -------------------------------------------------------------------------
    def call(self, method: str, params: dict[str, Any], files: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        with self.cond:
            fault = self.faults[method].popleft() if self.faults[method] else None
            if fault is not None:
                self.faulted.append((method, time.time()))
            if fault == "forbidden":
                return 403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
            if fault == "retry_after":
                return 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                             "parameters": {"retry_after": 1}}
            if fault == "unauthorized":
                return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            if fault == "bad_request":
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: can't parse entities"}
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        if method == "getUpdates" and self.webhook is not None:
            return 409, {"ok": False, "error_code": 409, "description": "Conflict: can't use getUpdates "
                         "method while webhook is active; use deleteWebhook to delete the webhook first"}
        result = handler(params)
        if method != "getUpdates":
            with self.cond:
                record = dict(params)
                record["_at"] = time.time()  # when it arrived (the send-rate tests read it)
                if files is not None:
                    record["_files"] = files
                if isinstance(result, dict) and "message_id" in result:
                    record["_message"] = result
                self.calls.append((method, record))
                self.cond.notify_all()
        return 200, {"ok": True, "result": result}

    def _getMe(self, _: dict[str, Any]) -> Any:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Runner triage", "username": BOT_USERNAME,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

    def _getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(timeout, 2.0)
        with self.cond:
            if offset > self.confirmed:  # confirms every update below the offset: they are gone
                self.confirmed = offset
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                self.cond.notify_all()
            while not self.updates and time.monotonic() < deadline and not self._closed:
                self.cond.wait(deadline - time.monotonic())
            return list(self.updates[:limit])

    def _sendMessage(self, params: dict[str, Any]) -> Any:
        return self._message(params, {"text": params["text"]})

    def _sendDocument(self, params: dict[str, Any]) -> Any:
        return self._message(params, {"document": {"file_id": "doc1", "file_unique_id": "doc1",
                                                   "file_name": "runner-triage-data.json"}})

    def _message(self, params: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        out = {"message_id": next(self.message_ids), "date": int(time.time()),
               "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
               "from": {"id": BOT_ID, "is_bot": True, "first_name": "Runner triage", "username": BOT_USERNAME},
               **content}
        if params.get("reply_markup"):
            out["reply_markup"] = params["reply_markup"]
        return out

    def _sendChatAction(self, _: dict[str, Any]) -> Any:
        return True

    def _answerCallbackQuery(self, _: dict[str, Any]) -> Any:
        return True

    def _editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return True

    def _setMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands = params["commands"]
        return True

    def _getMyCommands(self, _: dict[str, Any]) -> Any:
        return self.commands

    def _deleteWebhook(self, _: dict[str, Any]) -> Any:
        with self.cond:
            self.webhook = None
            self.cond.notify_all()
        return True

    def _setWebhook(self, params: dict[str, Any]) -> Any:
        with self.cond:
            self.webhook = params
            self.cond.notify_all()
        return True

    def _getWebhookInfo(self, _: dict[str, Any]) -> Any:
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self.pending())}

    # -- webhook delivery ----------------------------------------------------------------
    def deliver_webhooks(self, target: str | list[str]) -> None:
        """Send pending updates to `target` (http://127.0.0.1:…/path, standing in for the reverse
        proxy behind the https URL the bot registers) while a webhook is set, until `close`. A
        list of targets stands for a load balancer in front of several workers: each delivery
        (and each retry) goes to the next one in turn."""
        targets = [target] if isinstance(target, str) else list(target)
        self.webhook_target = targets[0]
        self.webhook_targets = targets
        threading.Thread(target=self._deliver_loop, name="fake-webhook", daemon=True).start()

    def close(self) -> None:
        with self.cond:
            self._closed = True
            self.cond.notify_all()

    def _deliver_loop(self) -> None:
        with self.cond:
            while not self._closed:
                wait = 1.0
                if self.webhook is not None:
                    limit = int(self.webhook.get("max_connections") or 40)
                    busy = set(self._in_flight.values())
                    heads: set[Any] = set()
                    now = time.monotonic()
                    for update in self.updates:
                        queue = _queue_key(update)
                        if queue in heads:
                            continue  # only the oldest pending update of a chat may be sent
                        heads.add(queue)
                        if queue in busy or len(self._in_flight) >= limit:
                            continue
                        due = self._retry_at.get(update["update_id"], 0.0)
                        if due > now:
                            wait = min(wait, due - now)
                            continue
                        self._in_flight[update["update_id"]] = queue
                        busy.add(queue)
                        threading.Thread(target=self._post_update, args=(update, dict(self.webhook)),
                                         daemon=True).start()
                self.cond.wait(wait)

    def _post_update(self, update: dict[str, Any], webhook: dict[str, Any]) -> None:
        headers = {"Content-Type": "application/json"}
        if webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(webhook["secret_token"])
        targets = self.webhook_targets or [str(self.webhook_target)]
        target = targets[next(self._next_target) % len(targets)]
        request = urllib.request.Request(target, json.dumps(update).encode(), headers)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = int(response.status)
        except urllib.error.HTTPError as err:
            status = err.code
        except OSError:
            status = 0  # refused, reset, or the bot died mid-request: no answer
        update_id = update["update_id"]
        with self.cond:
            del self._in_flight[update_id]
            self.webhook_answers.append((update_id, status))
            self.webhook_timings.append((update_id, status, time.monotonic() - started))
            if 200 <= status < 300:
                self.updates = [u for u in self.updates if u["update_id"] != update_id]
                self._retry_at.pop(update_id, None)
            else:
                self._failures[update_id] += 1
                self._retry_at[update_id] = time.monotonic() + min(0.05 * 2 ** self._failures[update_id], 1.0)
            self.cond.notify_all()

    def _close(self, _: dict[str, Any]) -> Any:
        return True


def _queue_key(update: dict[str, Any]) -> Any:
    """The chat an update belongs to (the Bot API server delivers one update per chat at a time)."""
    for kind in ("message", "edited_message", "callback_query", "my_chat_member"):
        body = update.get(kind)
        if isinstance(body, dict):
            chat = body.get("chat") or (body.get("message") or {}).get("chat") or {}
            return chat.get("id", (body.get("from") or {}).get("id"))
    return update["update_id"]


def message_dict(user_id: int, text: str | None, chat_type: str = "private", chat_id: int | None = None,
                 **extra: Any) -> dict[str, Any]:
    chat_id = chat_id if chat_id is not None else user_id
    message: dict[str, Any] = {
        "message_id": int(time.time() * 1000) % 10_000_000,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": chat_type, **({"title": "Running club"} if chat_type != "private" else {"first_name": "Runner"})},
        "from": {"id": user_id, "is_bot": False, "first_name": "Runner"},
        **extra,
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return message


def callback_dict(user_id: int, bot_message: dict[str, Any], data: str) -> dict[str, Any]:
    return {"id": str(next(_callback_ids)), "from": {"id": user_id, "is_bot": False, "first_name": "Runner"},
            "chat_instance": "ci", "data": data, "message": bot_message}


_callback_ids = itertools.count(1)


def data_for(bot_message: dict[str, Any], label: str) -> str:
    for row in bot_message["reply_markup"]["inline_keyboard"]:
        for button in row:
            if button["text"] == label:
                return str(button["callback_data"])
    raise AssertionError(f"no button {label!r} in {bot_message.get('reply_markup')}")


class OfflineRequest(BaseRequest):
    """PTB's transport seam: every Bot API call goes to a FakeTelegram, no network."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: Any = None, write_timeout: Any = None, connect_timeout: Any = None,
                         pool_timeout: Any = None) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        fault = self.fake.faults[api_method]
        if fault and fault[0] in ("timeout", "connect"):
            kind = fault.popleft()
            if kind == "timeout":
                raise TimedOut()
            raise NetworkError("httpx.ConnectError: refused") from httpx.ConnectError("refused")
        params = decode_params(request_data.json_parameters) if request_data else {}
        files = None
        if request_data and request_data.contains_files:
            files = {k: v[1] for k, v in request_data.multipart_data.items()}
        if api_method == "getUpdates":  # a long poll waits: not on the event loop
            status, body = await asyncio.to_thread(self.fake.call, api_method, params, files)
        else:
            status, body = self.fake.call(api_method, params, files)
        return status, json.dumps(body).encode()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    # http.server's default backlog is 5: a burst of 100 connections from the bot would lose
    # SYNs and show 1-3 s retransmit stalls that belong to the stand-in, not to the bot.
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A bot process killed mid-request is part of the test, not an error."""


class BotAPIServer:
    """FakeTelegram over HTTP (http.server in a thread): POST /bot<token>/<method>."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # http.server writes headers and body in two segments; with Nagle on, the body waits
            # for the bot's delayed ACK (40 ms on Linux) on every call: the stand-in's time, not the bot's.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                prefix, _, method = self.path.rpartition("/")
                if prefix != f"/bot{TOKEN}":
                    self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                    return
                params, files = parse_body(self.headers.get("Content-Type", ""), body)
                status, result = outer.fake.call(method, decode_params(params), files)
                self._reply(status, result)

            do_GET = do_POST

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/bot"

    def __enter__(self) -> BotAPIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.fake.close()
        self.httpd.shutdown()
        self.httpd.server_close()


def parse_body(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, bytes] | None]:
    if content_type.startswith("multipart/form-data"):
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        params: dict[str, str] = {}
        files: dict[str, bytes] = {}
        for part in parsed.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_filename():
                files[str(name)] = payload
            else:
                params[str(name)] = payload.decode()
        return params, files
    if content_type.startswith("application/json"):
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in json.loads(body or b"{}").items()}, None
    return {k: v[0] for k, v in parse_qs(body.decode()).items()}, None
