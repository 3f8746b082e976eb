"""`run --webhook`: PTB's webhook server rejects requests without Telegram's secret token."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import httpx

from bot.store import MemoryStore
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.config import TelegramConfig
from tests.telegram.fake_api import TOKEN, FakeTelegram, OfflineRequest, message_dict

SECRET = "webhook-secret_123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_webhook_accepts_only_requests_with_the_secret_token(engine: Any) -> None:
    fake = FakeTelegram()
    app = build_application(TelegramConfig(token=TOKEN, rate_limiter=False), engine=engine,
                            store=MemoryStore(), request=OfflineRequest(fake))
    port = free_port()
    async with app:
        assert app.updater is not None
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="telegram",
                                        webhook_url="https://bot.example.org/telegram", secret_token=SECRET,
                                        allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False)
        await app.start()
        try:
            assert fake.sent("setWebhook")[-1]["secret_token"] == SECRET
            update = json.dumps({"update_id": 1, "message": message_dict(7001, "/start")})
            url = f"http://127.0.0.1:{port}/telegram"
            headers = {"Content-Type": "application/json"}
            async with httpx.AsyncClient() as client:
                without = await client.post(url, content=update, headers=headers)
                wrong = await client.post(url, content=update,
                                          headers={**headers, "X-Telegram-Bot-Api-Secret-Token": "guess"})
                right = await client.post(url, content=update,
                                          headers={**headers, "X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert (without.status_code, wrong.status_code, right.status_code) == (403, 403, 200)
            for _ in range(100):
                if fake.sent("sendMessage"):
                    break
                await asyncio.sleep(0.02)
            assert len(fake.sent("sendMessage")) == 1  # only the authentic request was handled
        finally:
            await app.updater.stop()
            await app.stop()
