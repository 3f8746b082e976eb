"""Settings of the Telegram channel, read from the environment (and an optional `.env`).

Everything a deployment changes is here, validated once at start-up, so a wrong value is a
one-line `ConfigError` before anything connects to Telegram.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import ConfigError

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,100}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True)
class WebhookConfig:
    """Where the webhook server listens and what Telegram is told to call."""

    url: str
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "telegram"
    #: Telegram's setWebhook max_connections (1-100): how many updates it sends at once, and so
    #: how many turns run at once (each request is answered only when its turn is done).
    max_connections: int = 40


@dataclass(frozen=True)
class TelegramConfig:
    token: str
    base_url: str = DEFAULT_BASE_URL
    base_file_url: str = "https://api.telegram.org/file/bot"
    data_dir: Path | None = None
    log_level: str = "INFO"
    log_format: str = "text"
    timezone: ZoneInfo = ZoneInfo("UTC")
    rate_limiter: bool = True
    heartbeat_file: Path | None = None
    webhook: WebhookConfig | None = None


def load_dotenv_file(path: Path | None = None) -> None:
    """Read `.env` (current directory, or `path`) into os.environ; real env variables win.

    Uses python-dotenv (a declared dependency) when it is installed, else `parse_env_file`, which
    reads the simple KEY=value form that deploy/.env.example uses.
    """
    path = path or Path.cwd() / ".env"
    try:
        from dotenv import load_dotenv
    except ImportError:
        if path.is_file():
            for key, value in parse_env_file(path.read_text(encoding="utf-8")).items():
                os.environ.setdefault(key, value)
        return
    load_dotenv(path, override=False)


def parse_env_file(text: str) -> dict[str, str]:
    """KEY=value lines; blank lines, `# comments` and an `export ` prefix allowed; one level of
    matching quotes stripped. No interpolation."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        key, value = key.strip(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        if key.isidentifier():
            values[key] = value
    return values


def file_url_for(base_url: str) -> str:
    """The file-download URL that goes with a Bot API base URL (…/bot -> …/file/bot)."""
    head, sep, tail = base_url.rpartition("/bot")
    if not sep:
        raise ConfigError(
            f"TELEGRAM_API_BASE_URL must end in '/bot' (PTB's base_url form, e.g. {DEFAULT_BASE_URL}), "
            f"got {base_url!r}"
        )
    return f"{head}/file/bot{tail}"


def check_token(token: str | None) -> str:
    if not token or not token.strip():
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather in the "
                          "environment or in a .env file")
    token = token.strip()
    if not _TOKEN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected <digits>:<35 letters, digits, "
                          "- or _> as issued by @BotFather")
    return token


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be on or off, got {raw!r}")


def load_config(
    env: Mapping[str, str] | None = None,
    *,
    webhook: bool = False,
    data_dir: Path | None = None,
    listen: str | None = None,
    port: int | None = None,
    path: str | None = None,
    url: str | None = None,
) -> TelegramConfig:
    """The configuration from `env` (default: os.environ); command-line values override it."""
    from bot.paths import user_data_directory

    env = os.environ if env is None else env
    token = check_token(env.get("TELEGRAM_BOT_TOKEN"))
    base_url = (env.get("TELEGRAM_API_BASE_URL") or DEFAULT_BASE_URL).strip().rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"TELEGRAM_API_BASE_URL must be an http(s) URL, got {base_url!r}")
    base_file_url = file_url_for(base_url)

    log_level = (env.get("LOG_LEVEL") or "INFO").strip().upper()
    if log_level not in _LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {log_level!r}")
    log_format = (env.get("LOG_FORMAT") or "text").strip().lower()
    if log_format not in ("text", "json"):
        raise ConfigError(f"LOG_FORMAT must be text or json, got {log_format!r}")

    tz_name = (env.get("TZ") or "UTC").strip().lstrip(":") or "UTC"
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"TZ must be an IANA time zone such as Europe/London, got {tz_name!r}") from exc

    if data_dir is None:
        configured = env.get("RUNNER_TRIAGE_DATA_DIR")
        data_dir = Path(configured).expanduser() if configured else user_data_directory()
    heartbeat = env.get("RUNNER_TRIAGE_HEARTBEAT_FILE")

    hook = None
    if webhook:
        hook = _webhook_config(env, listen, port, path, url)
    return TelegramConfig(
        token=token,
        base_url=base_url,
        base_file_url=base_file_url,
        data_dir=data_dir,
        log_level=log_level,
        log_format=log_format,
        timezone=timezone,
        rate_limiter=_flag(env, "TELEGRAM_RATE_LIMITER", True),
        heartbeat_file=Path(heartbeat) if heartbeat else None,
        webhook=hook,
    )


def _webhook_config(env: Mapping[str, str], listen: str | None, port: int | None,
                    path: str | None, url: str | None) -> WebhookConfig:
    public = url or env.get("WEBHOOK_URL") or ""
    if not public.startswith("https://"):
        raise ConfigError("--webhook needs WEBHOOK_URL (or --url): the public https:// URL Telegram "
                          "will call, e.g. https://bot.example.org/telegram")
    secret = (env.get("WEBHOOK_SECRET") or "").strip()
    if not _SECRET.match(secret):
        raise ConfigError("--webhook needs WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -; "
                          "Telegram sends it in every request and others are rejected")
    raw_port = port if port is not None else env.get("WEBHOOK_PORT") or 8443
    try:
        port_number = int(raw_port)
    except ValueError as exc:
        raise ConfigError(f"WEBHOOK_PORT must be a number, got {raw_port!r}") from exc
    if not 0 < port_number < 65536:
        raise ConfigError(f"WEBHOOK_PORT must be 1-65535, got {port_number}")
    raw_connections = env.get("WEBHOOK_MAX_CONNECTIONS") or "40"
    try:
        connections = int(raw_connections)
    except ValueError as exc:
        raise ConfigError(f"WEBHOOK_MAX_CONNECTIONS must be a number, got {raw_connections!r}") from exc
    if not 1 <= connections <= 100:
        raise ConfigError(f"WEBHOOK_MAX_CONNECTIONS must be 1-100 (Telegram's limit), got {connections}")
    return WebhookConfig(
        url=public,
        secret=secret,
        listen=listen or env.get("WEBHOOK_LISTEN") or "127.0.0.1",
        port=port_number,
        path=(path or env.get("WEBHOOK_PATH") or "telegram").strip("/"),
        max_connections=connections,
    )
