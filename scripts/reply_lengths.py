"""How long are the bot's replies on a phone? Drives the engine over a fixed set of conversations.

    python scripts/reply_lengths.py [--per-turn] [--json]

A fixed set of triage conversations (every level, most body areas, the phrasing a runner uses),
two weekly check-ins a week apart that end in advice, and follow-up questions after advice.
For every *advice turn* (a turn with a reply that carries a triage level) it measures the first
message of the turn, the message carrying the advice, the whole turn, and how many messages the
turn sends (Telegram messages: a reply longer than 4096 UTF-16 units would be split). Answer
turns (a follow-up question answered from the knowledge base) are measured the same way.
Characters are Telegram's count (UTF-16 code units) of the text a phone shows: without the
**bold** markup (bot.turn), before HTML escaping.

Run it before and after a change to the replies: the table goes in docs/knowledge.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bot.evals.driver import Runner  # noqa: E402
from bot.telegram.render import split_text, utf16_len  # noqa: E402
from bot.turn import Reply, plain  # noqa: E402

#: Triage conversations: the runner's messages, in order. After the first, each message answers
#: whatever the bot asked (the set is fixed; it is not adapted to the bot's questions).
TRIAGE: dict[str, list[str]] = {
    "shin, recurring": ["my left shin hurts when I run", "it comes back every time I run", "about the same"],
    "quads after a marathon": ["my quads are really sore two days after my marathon", "it's getting better every day",
                               "balance is fine"],
    "ankle sprain": ["I rolled my ankle on a trail run last week", "it still hurts when I run on it",
                     "my balance on that leg is worse"],
    "knee, persistent": ["my knee hurts after runs", "it doesn't go away, it's there all the time", "no change"],
    "heel, mornings": ["my heel hurts first thing in the morning", "it keeps coming back", "not sure"],
    "achilles, recurring": ["my achilles is stiff and sore", "comes back every run", "same as before"],
    "hamstring, recurring": ["my right hamstring is tight and sore", "it comes back every run", "balance is fine"],
    "hip, fades": ["my hip aches after long runs", "it fades after a couple of days", "the same"],
    "groin, recurring": ["groin pain for a few weeks", "it comes back when I run", "same"],
    "calf, fades": ["tight calves after speedwork", "gone in a day or two", "no, balance is fine"],
    "lower back, fades": ["my lower back aches after long runs", "it eases within a day", "balance is the same"],
    "foot arch, recurring": ["the arch of my foot hurts", "it comes back every run", "it's worse on one leg"],
    "IT band, recurring": ["outside of my knee hurts, IT band I think", "every time I run", "same"],
    "two places": ["my knee and my hip hurt", "it comes back every time", "about the same"],
    "urgent: stress fracture": ["one spot on my shin hurts at night and when I hop"],
    "urgent: can't walk after a twist": ["I twisted my ankle and can't take four steps"],
    "emergency: chest pain": ["I had chest pain and felt faint on my run"],
}
#: Check-ins two weeks running with pain that comes back: the second ends in see_pt advice.
CHECKIN = ["/checkin_now", "5", "knee", "it comes back every run", "30", "12"]
#: Follow-up questions asked after the "shin, recurring" advice.
FOLLOW_UPS = ["is it OK to run through the pain?", "what does a PT actually do?", "ice or heat?",
              "how do I use a foam roller?", "when should I see a physio?", "what exercises can I do at home?"]


@dataclass(frozen=True)
class Turn:
    conversation: str
    kind: str  # "advice" | "answer"
    level: str | None
    first: int  # characters of the first message of the turn
    advice: int  # characters of the message carrying the advice or the answer
    total: int  # characters of all the turn's messages
    messages: int  # Telegram messages the turn sends


def measure(conversation: str, replies: tuple[Reply, ...]) -> Turn | None:
    advice = next((r for r in replies if r.triage), None)
    kind = "advice"
    if advice is None:
        advice = next((r for r in replies if r.sources and not r.asks), None)
        kind = "answer"
    if advice is None:
        return None
    chunks = [c for r in replies for c in split_text(plain(r.text))]
    return Turn(conversation, kind, advice.triage, utf16_len(chunks[0]), utf16_len(plain(advice.text)),
                sum(utf16_len(c) for c in chunks), len(chunks))


async def collect() -> list[Turn]:
    turns: list[Turn] = []
    for name, messages in TRIAGE.items():
        runner = Runner()
        for text in messages:
            turn = measure(name, await runner.say(text))
            if turn:
                turns.append(turn)
            if runner.asks is None:
                break
        if name == "shin, recurring":
            for question in FOLLOW_UPS:
                turn = measure(f"follow-up: {question}", await runner.say(question))
                if turn:
                    turns.append(turn)
    subscribed = {"checkins": {"schedule": {"unit": "km", "tz": "UTC", "active": True, "weekday": 0, "at": "09:00"}}}
    runner = Runner(record=subscribed)
    for week in range(2):
        runner.now += timedelta(days=7 * week)
        for text in CHECKIN:
            turn = measure(f"weekly check-in {week + 1}", await runner.say(text))
            if turn and turn.kind == "advice":
                turns.append(turn)
    return turns


def percentile(values: list[int], p: float) -> float:
    """Nearest-rank percentile (no interpolation: a value some reply actually had)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return float(ordered[int(rank) - 1])


def table(turns: list[Turn]) -> list[str]:
    rows = [("advice turns (all levels)", [t for t in turns if t.kind == "advice"])]
    for level in ("self_care", "see_pt", "urgent", "emergency"):
        rows.append((f"  advice: {level}", [t for t in turns if t.kind == "advice" and t.level == level]))
    rows.append(("answer turns (follow-up questions)", [t for t in turns if t.kind == "answer"]))
    lines = ["| turns | n | first message: median / p95 | advice or answer message: median / p95 | "
             "whole turn: median / p95 | messages per turn: median / max |",
             "|---|---|---|---|---|---|"]
    for label, group in rows:
        if not group:
            continue

        def stat(values: list[int]) -> str:
            return f"{statistics.median(values):.0f} / {percentile(values, 95):.0f}"

        msgs = [t.messages for t in group]
        lines.append(f"| {label} | {len(group)} | {stat([t.first for t in group])} | "
                     f"{stat([t.advice for t in group])} | {stat([t.total for t in group])} | "
                     f"{statistics.median(msgs):.0f} / {max(msgs)} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-turn", action="store_true", help="also list every measured turn")
    parser.add_argument("--json", action="store_true", help="print the turns as JSON instead")
    args = parser.parse_args(argv)
    turns = asyncio.run(collect())
    if args.json:
        print(json.dumps([t.__dict__ for t in turns], indent=1))
        return 0
    print("\n".join(table(turns)))
    if args.per_turn:
        for t in turns:
            print(f"{t.kind:6} {t.level or '-':9} first {t.first:5} advice {t.advice:5} total {t.total:5} "
                  f"msgs {t.messages}  {t.conversation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
