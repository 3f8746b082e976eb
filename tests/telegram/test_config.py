"""Configuration from the environment, and `runner-triage run` refusing bad settings in one line."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import ConfigError
from bot.telegram.config import file_url_for, load_config, parse_env_file
from tests.telegram.fake_api import TOKEN



def test_defaults() -> None:
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "RUNNER_TRIAGE_DATA_DIR": "/srv/data"})
    assert config.base_url == "https://api.telegram.org/bot"
    assert config.base_file_url == "https://api.telegram.org/file/bot"
    assert config.data_dir == Path("/srv/data")
    assert (config.log_level, config.log_format, str(config.timezone)) == ("INFO", "text", "UTC")
    assert config.rate_limiter is True and config.webhook is None


def test_a_local_bot_api_server_and_its_file_url() -> None:
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://localhost:8081/bot/",
                          "TZ": "Europe/London", "LOG_FORMAT": "json", "LOG_LEVEL": "debug"})
    assert config.base_url == "http://localhost:8081/bot"
    assert config.base_file_url == "http://localhost:8081/file/bot"
    assert (config.log_level, config.log_format, str(config.timezone)) == ("DEBUG", "json", "Europe/London")
    assert file_url_for("https://proxy.example/tg/bot") == "https://proxy.example/tg/file/bot"


@pytest.mark.parametrize(("env", "words"), [
    ({}, "TELEGRAM_BOT_TOKEN is not set"),
    ({"TELEGRAM_BOT_TOKEN": "nope"}, "malformed"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://x/api"}, "must end in '/bot'"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "LOG_FORMAT": "xml"}, "LOG_FORMAT"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TZ": "Mars/Olympus"}, "TZ"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_RATE_LIMITER": "maybe"}, "TELEGRAM_RATE_LIMITER"),
])
def test_bad_settings_are_named(env: dict[str, str], words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        load_config(env)


def test_webhook_needs_a_public_https_url_and_a_secret() -> None:
    base = {"TELEGRAM_BOT_TOKEN": TOKEN}
    with pytest.raises(ConfigError, match="WEBHOOK_URL"):
        load_config(base, webhook=True)
    with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
        load_config({**base, "WEBHOOK_URL": "https://bot.example.org/telegram"}, webhook=True)
    config = load_config({**base, "WEBHOOK_URL": "https://bot.example.org/tg", "WEBHOOK_SECRET": "s3cret_-x",
                          "WEBHOOK_PORT": "9000"}, webhook=True, path="/tg/", listen="0.0.0.0")
    assert config.webhook is not None
    assert (config.webhook.listen, config.webhook.port, config.webhook.path) == ("0.0.0.0", 9000, "tg")
    assert config.webhook.max_connections == 40  # Telegram's default


@pytest.mark.parametrize(("value", "accepted"), [("1", True), ("100", True), ("0", False), ("101", False),
                                                 ("many", False)])
def test_webhook_max_connections_is_telegrams_range(value: str, accepted: bool) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.org/tg", "WEBHOOK_SECRET": "s3cret",
           "WEBHOOK_MAX_CONNECTIONS": value}
    if accepted:
        hook = load_config(env, webhook=True).webhook
        assert hook is not None and hook.max_connections == int(value)
    else:
        with pytest.raises(ConfigError, match="WEBHOOK_MAX_CONNECTIONS"):
            load_config(env, webhook=True)


def test_env_file_parsing() -> None:
    text = 'export TELEGRAM_BOT_TOKEN="1:abc"\n# comment\n\nLOG_LEVEL=debug  # inline\nTZ=\'Europe/Dublin\'\nbad line\n'
    assert parse_env_file(text) == {"TELEGRAM_BOT_TOKEN": "1:abc", "LOG_LEVEL": "debug", "TZ": "Europe/Dublin"}


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., tuple[int, str]]]:
    """`runner-triage run` in this process (through `bot.cli.main`, what the command calls), with
    the given environment and working directory: (exit code, stderr). The environment is restored
    afterwards, including what a `.env` file added to it."""
    saved = dict(os.environ)

    def run(env: dict[str, str], cwd: Path) -> tuple[int, str]:
        for key in [k for k in os.environ if k.startswith(("TELEGRAM_", "WEBHOOK_"))]:
            del os.environ[key]
        os.environ.update(env)
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(["run"])
        return code, capsys.readouterr().err

    yield run
    os.environ.clear()
    os.environ.update(saved)


@pytest.mark.parametrize("token", [None, "123:short"])
def test_run_with_a_missing_or_malformed_token_is_one_line_and_exit_2(
        run_cli: Callable[..., tuple[int, str]], tmp_path: Path, token: str | None) -> None:
    code, err = run_cli({} if token is None else {"TELEGRAM_BOT_TOKEN": token}, tmp_path)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("runner-triage: error: TELEGRAM_BOT_TOKEN")
    assert "Traceback" not in err


def test_run_reads_a_dot_env_file_in_the_working_directory(run_cli: Callable[..., tuple[int, str]],
                                                            tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=from-dotenv-but-malformed\n")
    code, err = run_cli({}, tmp_path)
    assert code == 2 and "malformed" in err


def test_json_log_lines() -> None:
    import json
    import logging

    from bot.telegram.app import JSONFormatter

    record = logging.LogRecord("bot.telegram", logging.WARNING, __file__, 1, "user %s blocked", ("42",), None)
    line = json.loads(JSONFormatter().format(record))
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "bot.telegram", "user 42 blocked")
