"""`runner-triage webhook set|delete|info` against the Bot API stand-in over HTTP: the operator
registers the webhook once, workers do not (docs/scale.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.cli import main
from tests.telegram.fake_api import TOKEN, BotAPIServer, FakeTelegram


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTelegram]:
    fake = FakeTelegram()
    with BotAPIServer(fake) as server:
        for key, value in {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": server.base_url,
                           "WEBHOOK_URL": "https://bot.example/telegram", "WEBHOOK_SECRET": "s3cret",
                           "WEBHOOK_MAX_CONNECTIONS": "60"}.items():
            monkeypatch.setenv(key, value)
        yield fake


def test_set_info_delete(api: FakeTelegram, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["webhook", "set"]) == 0
    assert api.webhook is not None
    assert api.webhook["url"] == "https://bot.example/telegram"
    assert api.webhook["secret_token"] == "s3cret" and api.webhook["max_connections"] == 60
    assert api.webhook["drop_pending_updates"] is False
    assert "webhook set: https://bot.example/telegram" in capsys.readouterr().out

    api.text(7, "hello")
    assert main(["webhook", "info"]) == 0
    out = capsys.readouterr().out
    assert "url: https://bot.example/telegram" in out and "pending updates: 1" in out

    assert main(["webhook", "delete"]) == 0
    assert api.webhook is None and len(api.pending()) == 1  # kept for whoever takes updates next
    assert "webhook deleted" in capsys.readouterr().out


def test_set_needs_the_url_and_secret(api: FakeTelegram, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WEBHOOK_SECRET")
    assert main(["webhook", "set"]) == 2
    assert "WEBHOOK_SECRET" in capsys.readouterr().err
    assert api.webhook is None
