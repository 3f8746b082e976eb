"""The real `runner-triage run` process (sys.executable -m bot run) against a local Bot API
stand-in: a whole triage conversation, a restart mid-conversation with a message sent while the
bot was down (after SIGINT), a kill -9, and a clean SIGTERM shutdown."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.telegram.botproc import SECRET, BotProcess
from tests.telegram.fake_api import TOKEN, BotAPIServer, FakeTelegram

pytestmark = pytest.mark.slow

USER = 555001


@pytest.fixture
def api() -> Iterator[tuple[FakeTelegram, BotAPIServer]]:
    fake = FakeTelegram()
    with BotAPIServer(fake) as server:
        yield fake, server


def wait_reply(fake: FakeTelegram, count_before: int, predicate: Any = None, timeout: float = 15) -> dict[str, Any]:
    """The first message sent after `count_before` that satisfies `predicate`."""
    def found() -> dict[str, Any] | None:
        for params in fake.sent("sendMessage", USER)[count_before:]:
            if predicate is None or predicate(params):
                return params
        return None
    return fake.wait_for(found, timeout=timeout)  # type: ignore[no-any-return]


def asks(words: str) -> Any:
    return lambda p: words in p["text"] and p.get("reply_markup")


def test_a_conversation_survives_restarts_and_stops_cleanly(api: tuple[FakeTelegram, BotAPIServer], tmp_path: Path) -> None:
    fake, server = api
    bot = BotProcess(server.base_url, tmp_path / "data", tmp_path)
    bot.start(fake)
    try:
        for _ in range(50):
            if (tmp_path / "heartbeat").exists():
                break
            time.sleep(0.1)
        health = subprocess.run([sys.executable, "-m", "bot.telegram.health"], env=bot.env, timeout=30)
        assert health.returncode == 0  # the container health check sees the heartbeat

        n = len(fake.sent("sendMessage", USER))
        fake.text(USER, "/start")
        wait_reply(fake, n, lambda p: "triage helper" in p["text"])

        n = len(fake.sent("sendMessage", USER))
        fake.text(USER, "my left knee hurts when I run")
        question = wait_reply(fake, n, asks("fade"))
        assert question["parse_mode"] == "HTML"

        n = len(fake.sent("sendMessage", USER))
        fake.press(USER, question["_message"], "Comes back when I run")
        mileage = wait_reply(fake, n, asks("run more"))

        # Restart mid-conversation (Ctrl-C this time); the answer is sent while the bot is down.
        code, took = bot.stop(signal.SIGINT)
        assert (code, took < 5) == (0, True), bot.logs[-1]
        n = len(fake.sent("sendMessage", USER))
        fake.press(USER, mileage["_message"], "About the same")
        bot.start(fake)
        race = wait_reply(fake, n, asks("race coming up"))
        n = len(fake.sent("sendMessage", USER))
        fake.press(USER, race["_message"], "No race planned")
        before = wait_reply(fake, n, asks("same spot before"))
        n = len(fake.sent("sendMessage", USER))
        fake.press(USER, before["_message"], "No")
        advice = wait_reply(fake, n, lambda p: "physical therapist" in p["text"])
        assert advice["text"].startswith("<b>See a physical therapist.</b>")  # the headline, bold

        # Killed without warning, once Telegram was told the answer was handled: the next process
        # carries on from the store. (Killed earlier, the answer may come twice: test_no_update_lost.)
        fake.wait_for(lambda: not fake.pending())
        code, _ = bot.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL
        n = len(fake.sent("sendMessage", USER))
        fake.text(USER, "/summary")
        bot.start(fake)
        summary = wait_reply(fake, n, lambda p: "summary" in p["text"].lower())
        assert "knee" in summary["text"] and "physical therapist" in summary["text"]
        fake.wait_for(lambda: not fake.pending())  # confirmed: every reply to it is out
        later = [p["text"] for p in fake.sent("sendMessage", USER)[n:]]
        assert len(later) == 2, later  # the summary and the PDF's line, once, not once per delivery
        fake.wait_for(lambda: fake.sent("sendDocument") or None)  # the PDF follows the text

        code, took = bot.stop(signal.SIGTERM)
        assert code == 0, bot.logs[-1]
        assert took < 5
        log = "\n".join(bot.logs)
        assert "Traceback" not in log
        assert "store closed" in log
        assert TOKEN not in log
        assert "knee" not in log  # no health details in the logs
    finally:
        if bot.proc and bot.proc.poll() is None:
            bot.proc.kill()


def test_a_token_telegram_rejects_is_one_line_and_exit_2(api: tuple[FakeTelegram, BotAPIServer], tmp_path: Path) -> None:
    _, server = api
    bot = BotProcess(server.base_url, tmp_path / "data", tmp_path)
    env = {**bot.env, "TELEGRAM_BOT_TOKEN": "987654321:" + "x" * 35}  # well-formed, unknown to the API
    result = subprocess.run([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("runner-triage: error: Telegram rejected TELEGRAM_BOT_TOKEN")
    assert "Traceback" not in result.stderr
    assert "x" * 35 not in result.stderr  # PTB's message quotes the token; the log must not


def test_webhook_process_answers_signed_updates_and_rejects_unsigned(api: tuple[FakeTelegram, BotAPIServer],
                                                                     tmp_path: Path) -> None:
    """`runner-triage run --webhook` as deployed behind a proxy: Telegram's secret-token header
    is required; a signed update gets its answer; SIGTERM stops it cleanly."""
    import json
    import urllib.error
    import urllib.request

    from tests.telegram.fake_api import message_dict

    fake, server = api
    bot = BotProcess(server.base_url, tmp_path / "data", tmp_path, webhook=True)
    bot.start(fake)  # the listener is up before setWebhook
    try:
        assert fake.sent("setWebhook")[-1]["secret_token"] == SECRET
        url = bot.webhook_url

        def post(update: dict[str, Any], secret: str | None) -> int:
            headers = {"Content-Type": "application/json"}
            if secret is not None:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            request = urllib.request.Request(url, json.dumps(update).encode(), headers)
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    return int(response.status)
            except urllib.error.HTTPError as err:
                return err.code

        update = {"update_id": 9001, "message": message_dict(USER, "my left shin hurts every time I run")}
        assert post(update, None) == 403
        assert post(update, "wrong") == 403
        assert fake.sent("sendMessage", USER) == []
        assert post(update, SECRET) == 200
        wait_reply(fake, 0, asks("one finger"))
    finally:
        code, seconds = bot.stop(signal.SIGTERM)
    assert code == 0 and seconds < 5, bot.logs[-1][-2000:]
