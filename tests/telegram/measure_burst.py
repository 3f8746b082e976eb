"""How long a burst of runners waits for its answers: the real bot process against the Bot API
stand-in (which keeps Telegram's delivery rules), polling and webhook.

    python -m tests.telegram.measure_burst [--runners 24] [--rounds 5] [--code DIR]

Each round, every runner sends "/start help" and "my left shin hurts every time I run" at once
(3 messages back each); the time is from the burst until every answer is out and Telegram holds
nothing more (all confirmed / answered 2xx). `--code DIR` runs another checkout of the bot (e.g.
`git archive main | tar -x -C DIR`) for a before/after comparison. The rate limiter is on, as in
production (30 messages a second overall), unless `--no-rate-limiter`: then the time is the bot's
own (turns, saves, flushes, the stand-in's HTTP).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tests.telegram.botproc import BotProcess
from tests.telegram.fake_api import BotAPIServer, FakeTelegram

SCRIPT = ("/start help", "my left shin hurts every time I run")
ANSWERS = 3


def measure(mode: str, runners: int, rounds: int, code: Path | None, rate_limiter: bool) -> list[float]:
    fake = FakeTelegram()
    with BotAPIServer(fake) as server, tempfile.TemporaryDirectory() as tmp:
        bot = BotProcess(server.base_url, Path(tmp) / "data", Path(tmp), webhook=mode == "webhook")
        if code is not None:
            bot.env["PYTHONPATH"] = str(code)
        bot.env["TELEGRAM_RATE_LIMITER"] = "on" if rate_limiter else "off"
        if mode == "webhook":
            fake.deliver_webhooks(bot.webhook_url)
        bot.start(fake)
        try:
            times = []
            for round_no in range(rounds + 1):  # round 0 warms up
                users = [100_000 * (round_no + 1) + n for n in range(runners)]
                started = time.monotonic()
                for text in SCRIPT:
                    for user in users:
                        fake.text(user, text)
                chats = set(users)
                fake.wait_for(lambda chats=chats: not fake.pending()
                              and fake.count_sent(chats) >= ANSWERS * runners, timeout=120)
                if round_no:
                    times.append(time.monotonic() - started)
            return times
        finally:
            bot.stop()
            bot.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runners", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--code", type=Path, default=None, help="another checkout of the bot to measure")
    parser.add_argument("--no-rate-limiter", action="store_true", help="time the bot, not Telegram's send limit")
    args = parser.parse_args()
    for mode in ("polling", "webhook"):
        times = measure(mode, args.runners, args.rounds, args.code, not args.no_rate_limiter)
        print(f"{mode}: {args.runners} runners x {len(SCRIPT)} messages, all {ANSWERS * args.runners} answers out "
              f"and confirmed in median {statistics.median(times):.2f} s (min {min(times):.2f}, "
              f"max {max(times):.2f}) over {len(times)} rounds")


if __name__ == "__main__":
    main()
