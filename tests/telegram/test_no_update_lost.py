"""No update lost, none applied twice: the real bot process against the Bot API stand-in (which
keeps Telegram's delivery rules), 24 runners writing at once, the bot killed -9 at several moments
and started again, in polling and in webhook mode; and a graceful SIGTERM, which repeats nothing.

What a runner must see afterwards: every message answered; nothing a second run of a turn would
say (a second "/start help" repeats two messages, a second "my left ankle…" asks a different
question); at most one message twice (the one a kill caught between sending it and saving that
it was sent); the answers in the order the runner wrote.

`pytest -m slow tests/telegram/test_no_update_lost.py -s` prints one line per round.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store import TinyDBStore
from tests.telegram.botproc import BotProcess
from tests.telegram.fake_api import BotAPIServer, FakeTelegram

pytestmark = pytest.mark.slow

RUNNERS = 24
SCRIPT = ("/start help", "my left ankle is a bit sore after long runs, it fades in a couple of days")
ANSWERS = (2, 1)  # messages back for each: welcome and help; the balance question
#: When to kill: seconds after the burst, or once this many answers were sent (mid-sending).
KILLS: tuple[tuple[str, float], ...] = (("seconds", 0.05), ("seconds", 0.15), ("seconds", 0.5),
                                        ("replies", 1), ("replies", RUNNERS * 3 // 2))


@pytest.fixture
def api() -> Iterator[tuple[FakeTelegram, BotAPIServer]]:
    fake = FakeTelegram()
    with BotAPIServer(fake) as server:
        yield fake, server


def start_bot(fake: FakeTelegram, server: BotAPIServer, tmp_path: Path, webhook: bool) -> BotProcess:
    bot = BotProcess(server.base_url, tmp_path / "data", tmp_path, webhook=webhook)
    if webhook:
        fake.deliver_webhooks(bot.webhook_url)
    bot.start(fake)
    return bot


def settled(fake: FakeTelegram) -> bool:
    """Telegram holds nothing: every update confirmed (polling) or answered 2xx (webhook). The
    bot says so only after a turn's replies are sent, so nothing more is coming."""
    return not fake.pending()


def wait_until(fake: FakeTelegram, predicate: object, timeout: float) -> bool:
    """Wait for `predicate` (woken by every change at the stand-in); False on timeout, so the
    test can say which runner is missing what rather than just "timed out"."""
    try:
        fake.wait_for(predicate, timeout=timeout)
    except AssertionError:
        return False
    return True


def reference_answers(fake: FakeTelegram, user: int) -> list[str]:
    """What a runner who sends SCRIPT gets from a bot that is left alone, one message at a time."""
    total = 0
    for text, count in zip(SCRIPT, ANSWERS, strict=True):
        total += count
        fake.text(user, text)
        fake.wait_for(lambda total=total: settled(fake) and len(fake.texts(user)) >= total, timeout=30)
    answers = fake.texts(user)
    assert len(answers) == 3, answers
    return answers


def burst(fake: FakeTelegram, users: list[int]) -> None:
    """Every runner writes SCRIPT at once (the updates interleave across runners)."""
    for text in SCRIPT:
        for user in users:
            fake.text(user, text)


def sent_to(fake: FakeTelegram, users: list[int]) -> int:
    return fake.count_sent(set(users))


def sent_by_the_killed_process(fake: FakeTelegram, users: list[int]) -> int:
    """Answers that reached the stand-in before the new process published its command menu
    (start-up, before it takes updates). Counted at the kill instead, sends still being read
    by the stand-in would be missed."""
    with fake.cond:
        calls = list(fake.calls)
    restart = max(i for i, (method, _) in enumerate(calls) if method == "setMyCommands")
    chats = set(users)
    return sum(1 for method, params in calls[:restart] if method == "sendMessage" and params.get("chat_id") in chats)


def problems_of(fake: FakeTelegram, users: list[int], expected: list[str], max_repeats: int) -> list[str]:
    problems = []
    for user in users:
        got = fake.texts(user)
        missing = Counter(expected) - Counter(got)
        extra = Counter(got) - Counter(expected)
        strange = [t[:40] for t in got if t not in expected]
        firsts = list(dict.fromkeys(got))
        if missing:
            problems.append(f"runner {user} never got {[t[:40] for t in missing]}")
        if strange:
            problems.append(f"runner {user} got what a second run of a turn says: {strange}")
        if sum(extra.values()) > max_repeats:
            problems.append(f"runner {user} got {sum(extra.values())} repeated messages: {[t[:40] for t in extra]}")
        if not missing and firsts != expected:
            problems.append(f"runner {user} got the answers out of order: {[t[:40] for t in firsts]}")
    return problems


def records(data_dir: Path, users: list[int]) -> dict[int, dict[str, object]]:
    async def read() -> dict[int, dict[str, object]]:
        store = TinyDBStore(data_dir)
        try:
            return {u: await store.export_user(str(u)) or {} for u in users}
        finally:
            await store.close()
    return asyncio.run(read())


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_kill_9_at_any_moment_loses_no_update_and_applies_none_twice(
        api: tuple[FakeTelegram, BotAPIServer], tmp_path: Path, mode: str) -> None:
    fake, server = api
    bot = start_bot(fake, server, tmp_path, webhook=mode == "webhook")
    try:
        expected = reference_answers(fake, 100)
        problems: list[str] = []
        everyone: list[int] = []
        for round_no, (kind, when) in enumerate(KILLS, start=1):
            users = [round_no * 1000 + n for n in range(RUNNERS)]
            everyone += users
            started = time.monotonic()
            burst(fake, users)
            if kind == "seconds":
                time.sleep(when)  # the moment of the kill is the experiment, not a synchronisation
            else:
                fake.wait_for(lambda users=users, when=when: sent_to(fake, users) >= when, timeout=30)
            bot.kill()
            restarted = time.monotonic()
            bot.start(fake)
            wait_until(fake, lambda users=users: settled(fake) and sent_to(fake, users) >= 3 * RUNNERS, timeout=60)
            round_problems = problems_of(fake, users, expected, max_repeats=1)
            problems += [f"{mode}, kill after {when} {kind}: {p}" for p in round_problems]
            repeats = sent_to(fake, users) - 3 * RUNNERS
            at_kill = sent_by_the_killed_process(fake, users)
            answered = sum(1 for u in users if len(set(fake.texts(u))) == len(expected))
            print(f"{mode} kill -9 after {when} {kind}: {at_kill}/{3 * RUNNERS} answers out before the kill; "
                  f"{answered}/{RUNNERS} runners fully answered {time.monotonic() - restarted:.1f} s after the "
                  f"restart ({time.monotonic() - started:.1f} s after they wrote); {repeats} repeated message(s)")
        code, took = bot.stop(signal.SIGTERM)
        assert code == 0, bot.logs[-1][-3000:]
        assert not problems, "\n".join(problems)
        for user, record in records(tmp_path / "data", everyone).items():
            conversation = record.get("conversation") or {}
            assert isinstance(conversation, dict) and conversation.get("requested_slot") == "balance_change", user
        assert "ankle" not in "\n".join(bot.logs)  # no message text in the logs at INFO
    finally:
        bot.cleanup()


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_sigterm_mid_burst_loses_nothing_and_repeats_nothing(
        api: tuple[FakeTelegram, BotAPIServer], tmp_path: Path, mode: str) -> None:
    fake, server = api
    bot = start_bot(fake, server, tmp_path, webhook=mode == "webhook")
    try:
        expected = reference_answers(fake, 100)
        users = [5000 + n for n in range(RUNNERS)]
        burst(fake, users)
        fake.wait_for(lambda: sent_to(fake, users) >= 10, timeout=30)
        code, took = bot.stop(signal.SIGTERM)
        assert code == 0 and took < 5, (took, bot.logs[-1][-3000:])
        bot.start(fake)
        wait_until(fake, lambda: settled(fake) and sent_to(fake, users) >= 3 * RUNNERS, timeout=60)
        assert problems_of(fake, users, expected, max_repeats=0) == []
        code, _ = bot.stop(signal.SIGTERM)
        assert code == 0, bot.logs[-1][-3000:]
        if mode == "webhook":
            assert {status for _, status in fake.webhook_answers} <= {200, 503, 0}
    finally:
        bot.cleanup()
