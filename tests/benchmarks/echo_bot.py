"""The bare python-telegram-bot baseline for bench_e2e.py: long polling, one handler that sends the
text back. Same environment variables as `runner-triage run` (TELEGRAM_BOT_TOKEN,
TELEGRAM_API_BASE_URL); no rate limiter, like the bot under test in that benchmark.

    TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot python tests/benchmarks/echo_bot.py
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def main() -> None:
    app = (Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"])
           .base_url(os.environ["TELEGRAM_API_BASE_URL"]).concurrent_updates(64).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(allowed_updates=[Update.MESSAGE], drop_pending_updates=False)


if __name__ == "__main__":
    main()
