"""`runner-triage webhook set|delete|info`: the operator registers the webhook once.

With several workers behind a load balancer (docs/scale.md), no worker calls setWebhook at
start-up: N workers starting (or restarting in a rolling deploy) would each re-register it, and
one started with a stale URL or secret would take every update away from the others. The
operator runs `webhook set` once per change of URL, secret or max_connections; workers only
check the registration at start-up and warn if it is not theirs. (A single `run --webhook`
process on the file store still registers itself, as before.)
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Bot

from bot.telegram.config import TelegramConfig


def _bot(config: TelegramConfig) -> Bot:
    return Bot(config.token, base_url=config.base_url, base_file_url=config.base_file_url)


async def _run(action: str, config: TelegramConfig, drop_pending: bool) -> list[str]:
    from bot.telegram.app import ALLOWED_UPDATES

    async with _bot(config) as bot:
        if action == "set":
            hook = config.webhook
            assert hook is not None
            await bot.set_webhook(hook.url, secret_token=hook.secret, allowed_updates=ALLOWED_UPDATES,
                                  max_connections=hook.max_connections, drop_pending_updates=drop_pending)
            return [f"webhook set: {hook.url} (max_connections {hook.max_connections}"
                    f"{', pending updates dropped' if drop_pending else ''})"]
        if action == "delete":
            await bot.delete_webhook(drop_pending_updates=drop_pending)
            return ["webhook deleted" + (" and pending updates dropped" if drop_pending else
                                         "; pending updates are kept for the next webhook or getUpdates")]
        info: Any = await bot.get_webhook_info()
        lines = [f"url: {info.url or '(none: the bot is polling, or stopped)'}",
                 f"pending updates: {info.pending_update_count}"]
        if info.max_connections:
            lines.append(f"max connections: {info.max_connections}")
        if info.allowed_updates:
            lines.append(f"allowed updates: {', '.join(info.allowed_updates)}")
        if info.last_error_date:
            lines.append(f"last error: {info.last_error_date.isoformat()} {info.last_error_message or ''}".rstrip())
        return lines


def run_admin(action: str, config: TelegramConfig, *, drop_pending: bool = False) -> list[str]:
    """What to print for `webhook <action>`; Telegram errors propagate (the CLI reports them)."""
    return asyncio.run(_run(action, config, drop_pending))
