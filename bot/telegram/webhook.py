"""Our own webhook endpoint: it answers Telegram only after the update is handled.

PTB's `run_webhook` answers 200 as soon as an update is queued, before it is handled, and
Telegram forgets an update once answered 2xx: a kill then loses it. Here each request is
handled to the end first (`bot.telegram.ingress`), then answered:

- 200: the turn is saved and flushed, its replies sent or waiting in the outbox. Telegram forgets it.
- 200, error logged: it can never be handled (not an update, a bug, a reply Telegram refuses).
  Telegram forgets it: no retry loop on bad input.
- 503: not handled for now (the store or Telegram unreachable, or we are shutting down).
  Telegram sends it again later.
- 403: no or wrong `X-Telegram-Bot-Api-Secret-Token`: not Telegram.

A request holds its connection until its turn is done, so Telegram's `max_connections`
(setWebhook, 1-100, default 40) bounds the turns in flight. The Bot API server sends one update
per chat at a time, so one user's updates arrive, and are handled, in order.

The server is tornado's (installed with python-telegram-bot[webhooks]), on the bot's event loop,
plain HTTP behind a TLS-terminating reverse proxy (deploy/README.md).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging

import tornado.httpserver
import tornado.web
from telegram import Bot, Update

from bot.telegram.ingress import Ingress

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Updates are a few KB; anything much larger is not from Telegram.
MAX_BODY = 1024 * 1024


class WebhookServer:
    def __init__(self, ingress: Ingress, bot: Bot, *, listen: str, port: int, path: str, secret: str) -> None:
        self.ingress = ingress
        self.bot = bot
        self.listen = listen
        self.port = port
        self.path = path.strip("/")
        self._secret = secret.encode()
        self.closing = False
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._http: tornado.httpserver.HTTPServer | None = None

    async def start(self) -> None:
        """Listen (raises OSError if the port is taken). Call before setWebhook, so the first
        delivery finds us."""
        app = tornado.web.Application([(f"/{self.path}", _UpdateHandler, {"server": self})],
                                      log_function=_log_request)
        self._http = tornado.httpserver.HTTPServer(app, max_body_size=MAX_BODY)
        self._http.listen(self.port, address=self.listen)

    async def run(self, stop: asyncio.Event) -> None:
        """Serve until `stop` is set; then stop taking updates, finish those in hand, close."""
        await stop.wait()
        await self.close()

    def stop_taking(self) -> None:
        """Refuse new updates: no new connections, 503 on open ones (Telegram keeps those updates
        and sends them to the next process)."""
        self.closing = True
        if self._http is not None:
            self._http.stop()

    async def close(self) -> None:
        """Stop taking updates, let the turns in flight finish (answered 200), close."""
        self.stop_taking()
        await self._idle.wait()
        if self._http is not None:
            await self._http.close_all_connections()

    def authentic(self, token: str | None) -> bool:
        return hmac.compare_digest((token or "").encode("latin-1", "replace"), self._secret)

    def parse(self, body: bytes) -> Update | None:
        """The update in a request body, or None (logged) if it is not one."""
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("no update_id")
            return Update.de_json(data, self.bot)
        except Exception as exc:  # whatever it is, it will not parse next time either
            log.error("webhook: a request that is not a Telegram update (%s, %d bytes); answered 200 "
                      "so it is not sent again", type(exc).__name__, len(body))
            return None

    async def handle(self, update: Update) -> int:
        """The HTTP status to answer with, once the update is handled (or must come again)."""
        self._in_flight += 1
        self._idle.clear()
        try:
            outcome = await self.ingress.handle(update)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()
        return 200 if outcome.confirm else 503


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, server: WebhookServer) -> None:
        self.server = server

    async def post(self) -> None:
        if not self.server.authentic(self.request.headers.get(SECRET_HEADER)):
            self.set_status(403)
            return
        if self.server.closing:
            self.set_status(503)
            return
        update = self.server.parse(self.request.body)
        if update is not None:
            self.set_status(await self.server.handle(update))

    def check_xsrf_cookie(self) -> None:
        """Telegram's requests carry the secret token, not a cookie."""


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """No line per update at INFO; refusals are worth one."""
    status = handler.get_status()
    request = handler.request
    if status == 403:
        log.info("webhook: refused a request without the secret token from %s", request.remote_ip)
    elif status >= 400 and status != 503:
        log.info("webhook: %d for %s %s", status, request.method, request.path)
    else:
        log.debug("webhook: %d in %.0f ms", status, 1000 * request.request_time())
