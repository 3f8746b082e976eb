"""Replay YAML conversations (tests/conversations/*.yml) and check what the user would see.

A conversation file:

    name: what it shows
    record: {...}                       # optional: the runner's stored record at the start
    steps:
      - user: "my left shin hurts every time I run"   # typed text ("" is an empty message)
        expect:
          asks: balance_change          # the slot the LAST reply asks for (null: asks nothing)
          triage: see_pt                # a reply announces this level (null: none does)
          safety: emergency             # the most serious Reply.safety of the replies (null: none)
          slots: {pain_side: left}      # the conversation's slots include these values
          state: triage_form            # the dialogue state after the turn
          says: ["physical therapist"]  # each appears in the replies (case-insensitive)
          not_says: ["988"]             # none appears
          buttons: ["Not sure"]         # each is a button label of the replies
          sources: ["shin-pain"]        # each is among the replies' knowledge-base sources
          max_replies: 2
          resources: true               # the replies name this country's crisis line (or, for
                                        # "Somewhere else", the helpline finder)
          entry: {distance_km: 19.0}    # the last stored check-in entry has these values
      - press: "Not sure"               # press a button by its label: of the previous replies, else
                                        # of an earlier one (on a phone older messages keep theirs)
        at: 2026-12-03T09:00:00Z        # optional: the time of this step and the ones after it

Every step's replies always must be non-empty: the bot never stays silent.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Engine
from bot.turn import Button, Reply, UserMessage

CONVERSATIONS = Path(__file__).parent / "conversations"
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
EXPECT_KEYS = {"asks", "triage", "safety", "slots", "state", "says", "not_says", "buttons", "sources", "max_replies",
               "resources", "entry"}
STEP_KEYS = {"user", "press", "expect", "at"}
SAFETY_ORDER = ("emergency", "crisis", "ask", "support")
#: What shows that a reply carries the country's crisis resources (crisis_resources.yml).
RESOURCES = {"US": "988", "GB": "116 123", "IE": "116 123", "other": "findahelpline.com"}


@dataclass
class Transcript:
    record: dict[str, Any] = field(default_factory=dict)
    buttons: tuple[Button, ...] = ()
    earlier: list[Button] = field(default_factory=list)  # every button shown before, newest last
    log: list[str] = field(default_factory=list)


def load_conversation(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data.get("steps"), f"{path.name}: needs name and steps"
    for i, step in enumerate(data["steps"]):
        assert ("user" in step) != ("press" in step), f"{path.name} step {i}: exactly one of user/press"
        assert not set(step) - STEP_KEYS, f"{path.name} step {i}: unknown keys {set(step) - STEP_KEYS}"
        unknown = set(step.get("expect", {})) - EXPECT_KEYS
        assert not unknown, f"{path.name} step {i}: unknown expect keys {unknown}"
    return data


def message_for_step(step: dict[str, Any], transcript: Transcript) -> UserMessage:
    if "press" in step:
        label = step["press"]
        for button in (*transcript.buttons, *reversed(transcript.earlier)):
            if button.label == label:
                return UserMessage(label, payload=button.payload)
        raise AssertionError(f"no button {label!r}; buttons were {[b.label for b in transcript.buttons]}")
    return UserMessage(str(step["user"]))


def check_step(expect: dict[str, Any], replies: tuple[Reply, ...] | list[dict[str, Any]],
               record: dict[str, Any] | None, where: str) -> None:
    """Assert one step's expectations. `replies` are Reply objects or chat --json dicts."""
    rows = [r.to_json() if isinstance(r, Reply) else r for r in replies]
    assert rows, f"{where}: the bot said nothing"
    text = "\n".join(r["text"] for r in rows).lower()
    context = f"{where}: replies were:\n" + "\n---\n".join(r["text"][:400] for r in rows)
    if "asks" in expect:
        assert rows[-1]["asks"] == expect["asks"], f"asks {rows[-1]['asks']!r} != {expect['asks']!r}; {context}"
    if "safety" in expect:
        tiers = [r.get("safety") for r in rows if r.get("safety")]
        most = min(tiers, key=SAFETY_ORDER.index) if tiers else None
        assert most == expect["safety"], f"safety {tiers} is not {expect['safety']!r}; {context}"
    if expect.get("resources"):
        country = ((record or {}).get("profile") or {}).get("country") or "US"
        assert RESOURCES[country].lower() in text, f"no {country} crisis line; {context}"
    if "triage" in expect:
        levels = [r["triage"] for r in rows if r["triage"]]
        if expect["triage"] is None:
            assert not levels, f"unexpected triage {levels}; {context}"
        else:
            assert expect["triage"] in levels, f"triage {levels} lacks {expect['triage']!r}; {context}"
    for phrase in expect.get("says", []):
        assert phrase.lower() in text, f"missing {phrase!r}; {context}"
    for phrase in expect.get("not_says", []):
        assert phrase.lower() not in text, f"unexpected {phrase!r}; {context}"
    labels = [b for r in rows for b in r["buttons"]]
    for label in expect.get("buttons", []):
        assert label in labels, f"button {label!r} not in {labels}; {context}"
    sources = {s for r in rows for s in r["sources"]}
    for source in expect.get("sources", []):
        assert source in sources, f"source {source!r} not in {sorted(sources)}; {context}"
    if "max_replies" in expect:
        assert len(rows) <= expect["max_replies"], f"{len(rows)} replies; {context}"
    if record is not None:
        conv = record.get("conversation", {})
        if "state" in expect:
            assert conv.get("state") == expect["state"], f"state {conv.get('state')!r}; {context}"
        for slot, value in expect.get("slots", {}).items():
            got = conv.get("slots", {}).get(slot)
            if isinstance(value, list) and isinstance(got, list):
                assert sorted(got) == sorted(value), f"slot {slot} = {got!r}, want {value!r}; {context}"
            else:
                assert got == value, f"slot {slot} = {got!r}, want {value!r}; {context}"
        if "entry" in expect:
            stored = (record.get("checkins") or {}).get("entries") or []
            assert stored, f"no check-in stored; {context}"
            for key, value in expect["entry"].items():
                got = stored[-1].get(key)
                same = (abs(got - value) <= 0.01 if isinstance(value, float) and isinstance(got, (int, float))
                        else got == value)
                assert same, f"entry {key} = {got!r}, want {value!r}; {context}"


def step_time(step: dict[str, Any], previous: datetime) -> datetime:
    at = step.get("at")
    if at is None:
        return previous
    moment = at if isinstance(at, datetime) else datetime.fromisoformat(str(at).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


async def replay(engine: Engine, conversation: dict[str, Any], name: str = "",
                 timings: list[float] | None = None) -> Transcript:
    """Replay one conversation, checking each step; `timings` (ms per `Engine.handle`) for benches."""
    transcript = Transcript(record=dict(conversation.get("record") or {}))
    now = NOW
    for i, step in enumerate(conversation["steps"]):
        message = message_for_step(step, transcript)
        now = step_time(step, now)
        started = time.perf_counter()
        result = await engine.handle(transcript.record, message, now, "conversation-test")
        if timings is not None:
            timings.append((time.perf_counter() - started) * 1000)
        transcript.record = result.record
        transcript.earlier += transcript.buttons
        transcript.buttons = tuple(b for r in result.replies for b in r.buttons)
        transcript.log.append(f"> {message.text}\n" + "\n".join(r.text for r in result.replies))
        check_step(step.get("expect", {}), result.replies, result.record, f"{name} step {i} ({message.text!r})")
    return transcript
