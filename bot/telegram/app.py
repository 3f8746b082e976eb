"""Building and running the PTB Application: `runner-triage run` (polling) and `run --webhook`.

Start-up work (loading the engine, opening the store, publishing the command menu) happens in
`post_init`; the store is closed in `post_shutdown`. Updates come in through our own loops, not
PTB's Updater (which tells Telegram an update was handled before it is): `polling.Poller` or
`webhook.WebhookServer`, both through `ingress.Ingress`, which says "handled" only once the turn
is saved and flushed. SIGINT/SIGTERM: stop taking updates, finish the ones in hand, confirm them,
close the store, exit 0. Pending updates are never dropped: messages sent while the bot was down
are answered when it is back.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import regexes
from bot.engine import Engine
from bot.errors import ConfigError, RunnerTriageError
from bot.store import STORE_URL, UserStore, open_store
from bot.telegram.adapter import TelegramChannel, call_api, retry_after_seconds
from bot.telegram.config import TelegramConfig
from bot.telegram.ingress import Ingress
from bot.telegram.polling import Poller
from bot.telegram.request import AiohttpRequest
from bot.telegram.webhook import WebhookServer
from bot.telegram.workers import TICK_SECONDS, Cluster, check_webhook
from bot.texts import Voice
from bot.vocabulary import command_menu

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
HEARTBEAT_SECONDS = 30
#: How often the check-in sweep asks the store who is due. Jobs do not survive a restart and
#: need not: the due times live in the store's schedule index, so the first sweep after a
#: restart finds everything that came due while the bot was down.
CHECKIN_SWEEP_SECONDS = 60
CHECKIN_SWEEP_FIRST = 10


#: Bot API connections kept open for sends (getUpdates has its own), and how long a call may wait
#: for a free one before it fails (and is retried where that is safe: adapter.call_api). The turns
#: in flight are at most the poller's concurrency, each with a send or two, plus typing
#: indicators and the check-in sweep.
CONNECTIONS = 32
POOL_TIMEOUT = 10.0


def build_application(
    config: TelegramConfig,
    *,
    engine: Engine | None = None,
    store: UserStore | None = None,
    request: BaseRequest | None = None,
    channel: TelegramChannel | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The Application with our handlers. `engine`/`store` default to loading/opening them in
    post_init (from config.data_dir); tests pass their own, and an offline `request`."""
    channel = channel or TelegramChannel(tz=config.timezone)
    if engine is not None:
        channel.engine = engine
    owns_store = store is None
    if store is None and config.data_dir is not None and os.environ.get(STORE_URL, "").strip():
        store = open_store(config.data_dir)  # Redis: opened now for the rate limiter; connects on first use
    if store is not None:
        channel.store = store
    # Several workers on one Redis (bot.telegram.workers): one send rate, one sweep, stale outboxes.
    cluster = Cluster.for_store(store)
    if cluster is not None:
        channel.checkin_limiter = cluster.rate.share("sweep")

    async def post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if engine is None:
            channel.engine = Engine.load_serving()
        if channel._store is None:
            channel.store = open_store(config.data_dir)
        commands = [BotCommand(name, description) for name, description in command_menu(Voice(channel.engine.texts))]
        await call_api(lambda: app.bot.set_my_commands(commands), idempotent=True)
        if config.heartbeat_file is not None and app.job_queue is not None:
            app.job_queue.run_repeating(_heartbeat(config.heartbeat_file), HEARTBEAT_SECONDS, first=1)
        if app.job_queue is not None and cluster is not None:
            await cluster.start()
            once = {"max_instances": 1, "coalesce": True}
            app.job_queue.run_repeating(cluster.sweep_job(channel), TICK_SECONDS, first=1,
                                        name="checkin-sweep", job_kwargs=once)
            app.job_queue.run_repeating(cluster.outbox_job(channel), TICK_SECONDS, first=TICK_SECONDS,
                                        name="stale-outboxes", job_kwargs=once)
        elif app.job_queue is not None:
            app.job_queue.run_repeating(_checkin_sweep(channel), CHECKIN_SWEEP_SECONDS, first=CHECKIN_SWEEP_FIRST,
                                        name="checkin-sweep", job_kwargs={"max_instances": 1, "coalesce": True})
        log.info("bot @%s ready", app.bot.username)

    async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if cluster is not None:
            await cluster.stop()  # resign the sweep's lease: another worker takes it over at once
        if owns_store and channel._store is not None:
            await channel.store.close()
            log.info("store closed")
        regexes.save()  # the patterns first needed while running: the next start has them

    builder = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.base_url)
        .base_file_url(config.base_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=config.timezone))
        # Updates come in through bot.telegram.polling / .webhook and Application.process_update;
        # PTB's Updater would tell Telegram an update was handled before it is.
        .updater(None)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if config.rate_limiter and cluster is not None:
        # One rate for every worker, on Redis. RedisRateLimiter's argument type is int, not the
        # builder's None: the same typing gap as AIORateLimiter's below.
        builder = builder.rate_limiter(cluster.limiter)  # type: ignore[arg-type]
    elif config.rate_limiter:
        # PTB types the builder with no rate-limiter arguments; AIORateLimiter takes a dict of them.
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))  # type: ignore[arg-type]
    if request is None:
        # aiohttp, not PTB's httpx (bot.telegram.request: httpcore's per-call scan of every open
        # connection was a third of the process's CPU). getUpdates has a connection of its own.
        transports: tuple[BaseRequest, ...] = (AiohttpRequest(CONNECTIONS, pool_timeout=POOL_TIMEOUT), AiohttpRequest(1))
        builder = builder.request(transports[0]).get_updates_request(transports[1])
    else:
        transports = ()
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    # Closed by serve() even when PTB never initialised (a rejected token): PTB's shutdown then
    # does nothing, and an open aiohttp session is reported at exit.
    app.bot_data["transports"] = transports
    app.bot_data["channel"] = channel
    app.bot_data["cluster"] = cluster

    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, channel.on_edited))
    app.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.UpdateType.MESSAGE & filters.COMMAND,
                                   channel.on_group_command))
    app.add_handler(MessageHandler(private & filters.TEXT, channel.on_text))
    app.add_handler(MessageHandler(private & filters.Document.ALL, channel.on_document))  # run files
    app.add_handler(MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, channel.on_other))
    app.add_handler(CallbackQueryHandler(channel.on_button))
    app.add_handler(ChatMemberHandler(channel.on_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_error_handler(channel.on_error)
    return app


def _heartbeat(path: Path) -> Any:
    """A job that touches `path`; jobs run only while the application runs (the container
    health check reads the file's age: bot.telegram.health)."""

    async def beat(context: ContextTypes.DEFAULT_TYPE) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{time.time():.0f}\n")

    return beat


def _checkin_sweep(channel: TelegramChannel) -> Any:
    """A job that runs one check-in sweep (bot.checkins.sweep) and logs its counts."""

    async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
        await channel.run_checkin_sweep(context.bot)

    return tick


def configure_logging(config: TelegramConfig) -> None:
    handler = logging.StreamHandler()
    base: logging.Formatter = (JSONFormatter() if config.log_format == "json"
                               else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setFormatter(RedactingFormatter(base, config.token))
    handler.addFilter(_no_traceback_for_rejected_token)
    logging.basicConfig(level=config.log_level, handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line per heartbeat otherwise
    logging.getLogger("tornado.access").setLevel(logging.WARNING)  # bot.telegram.webhook logs requests
    # rasa-sdk's tracker says "Tried to access non existent slot …" at INFO, twice a turn.
    logging.getLogger("rasa_sdk").setLevel(logging.WARNING)


class RedactingFormatter(logging.Formatter):
    """Never write the bot token (PTB puts it in some exception messages; URLs contain it)."""

    def __init__(self, inner: logging.Formatter, secret: str) -> None:
        super().__init__()
        self.inner = inner
        self.secret = secret

    def format(self, record: logging.LogRecord) -> str:
        return self.inner.format(record).replace(self.secret, "<TELEGRAM_BOT_TOKEN>")


def _no_traceback_for_rejected_token(record: logging.LogRecord) -> bool:
    """A rejected token is reported as one line by `run`; PTB's traceback adds nothing."""
    if record.exc_info and isinstance(record.exc_info[1], InvalidToken):
        record.exc_info = None
        record.exc_text = None
    return True


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def run(config: TelegramConfig) -> int:
    """Run until SIGINT/SIGTERM; 0 on a clean stop."""
    configure_logging(config)
    app = build_application(config)
    try:
        asyncio.run(serve(app, config))
    except InvalidToken as exc:
        raise ConfigError("Telegram rejected TELEGRAM_BOT_TOKEN (unauthorized): check it with @BotFather") from exc
    except NetworkError as exc:
        raise RunnerTriageError(f"cannot reach the Telegram Bot API at {_host(config.base_url)}: "
                                f"{type(exc).__name__}; check the network and TELEGRAM_API_BASE_URL") from exc
    except TelegramError as exc:
        raise RunnerTriageError(f"Telegram refused to start the bot: {exc}") from exc
    log.info("stopped")
    return 0


async def serve(app: Application[Any, Any, Any, Any, Any, Any], config: TelegramConfig,
                stop: asyncio.Event | None = None) -> None:
    """Start the application, take updates until SIGINT/SIGTERM (or `stop`), stop cleanly."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    channel: TelegramChannel = app.bot_data["channel"]
    try:
        if not await _until_reachable(app.initialize, stop, "connect to the Bot API"):  # getMe
            return
        assert app.post_init is not None
        await app.post_init(app)
        ingress = Ingress(app, lambda: channel.store)
        feed: Poller | WebhookServer
        hook = config.webhook
        if hook is None:
            log.info("starting: long polling %s", _host(config.base_url))
            feed = Poller(app.bot, ingress, allowed_updates=ALLOWED_UPDATES)
            ready = await _until_reachable(lambda: app.bot.delete_webhook(drop_pending_updates=False),
                                           stop, "switch the bot to polling (deleteWebhook)")
        else:
            log.info("starting: webhook on %s:%s/%s", hook.listen, hook.port, hook.path)
            feed = WebhookServer(ingress, app.bot, listen=hook.listen, port=hook.port, path=hook.path,
                                 secret=hook.secret)
            try:
                await feed.start()  # listening before Telegram is told where to send
            except OSError as exc:
                raise RunnerTriageError(f"cannot listen on {hook.listen}:{hook.port} for the webhook: "
                                        f"{exc.strerror or exc}") from exc
            if app.bot_data.get("cluster") is not None:  # one of several: the operator registers it
                await check_webhook(app.bot, hook.url)
                ready = True
            else:
                ready = await _until_reachable(
                    lambda: app.bot.set_webhook(hook.url, secret_token=hook.secret, allowed_updates=ALLOWED_UPDATES,
                                                max_connections=hook.max_connections, drop_pending_updates=False),
                    stop, "register the webhook (setWebhook)")
        await app.start()  # the job queue: heartbeat, check-in sweep
        try:
            if ready:
                await feed.run(stop)
            elif isinstance(feed, WebhookServer):
                await feed.close()
        finally:
            await app.stop()
    finally:
        await app.shutdown()
        for transport in app.bot_data.get("transports", ()):
            await transport.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


async def _until_reachable(action: Callable[[], Awaitable[Any]], stop: asyncio.Event, what: str) -> bool:
    """Run `action`, retrying while the Bot API cannot be reached; False if stopped first. A
    rejected token or request is raised at once."""
    pause = 1.0
    while not stop.is_set():
        try:
            await action()
            return True
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
        except BadRequest:
            raise
        except NetworkError as exc:
            wait = pause
            pause = min(pause * 2, 30.0)
            log.warning("cannot %s yet (%s); trying again in %.0f s", what, type(exc).__name__, wait)
        try:
            await asyncio.wait_for(stop.wait(), wait)
        except TimeoutError:
            pass
    return False


def _host(base_url: str) -> str:
    """The base URL without the token or path, safe to log."""
    return "/".join(base_url.split("/")[:3])
