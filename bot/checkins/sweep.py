"""The check-in sweep: find who is due in the store's schedule index, send each one check-in.

An adapter runs `sweep` on a timer (Telegram: a PTB JobQueue job every minute). Everything it
needs is passed in — the store, a clock and a send function — so tests drive it with a fake clock
and a fake send, and nothing is kept in memory between runs: after a restart the next run finds
the same due users in the store.

Per due user, under the user's session lock (so a concurrent turn of that user waits):

1. no active schedule in the record (opted out, forgotten) -> drop the index entry;
2. this ISO week already marked as sent -> only move the index to the next slot;
3. 24 h late or more (the bot was down) -> skip this week, move to the next slot after now;
4. otherwise mark the week as sent and SAVE, move the index to the next slot, then send.

The mark is on disk before anything is sent: a process killed between the mark and the send
loses that runner's check-in for the week (at most once), and one killed after the send never
sends it again (never twice). Sending first and marking afterwards would turn the first case into a
double send; we prefer a missed week to a repeated question. A send that provably never reached
the chat service (`Outcome.NOT_DELIVERED`) removes the mark again and is retried on a later run.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Any, Protocol, cast

from bot.checkins.schedule import CheckinSchedule, next_due, too_late, week_key
from bot.errors import RunnerTriageError
from bot.record import CheckinData
from bot.store import UserSession, UserStore

log = logging.getLogger(__name__)

#: Telegram allows about 30 messages a second in bulk; the sweep stays below that so replies to
#: runners who are chatting still get through.
SEND_RATE = 25
BATCH = 500
CONCURRENCY = 8
#: Consecutive sends that could not reach the chat service before a run gives up (an outage:
#: the next run, a minute later, tries again).
MAX_CONSECUTIVE_FAILURES = 20


class Outcome(Enum):
    SENT = "sent"
    BLOCKED = "blocked"  # the runner blocked the bot: unsubscribe them
    NOT_DELIVERED = "not_delivered"  # certainly not delivered: unmark, retry on a later run
    SKIPPED = "skipped"  # the channel chose not to send (e.g. the runner is in a crisis conversation)


#: send(session, due, week) -> Outcome. Called with the user's lock held and the week already
#: marked and saved; it may change session.record (e.g. the conversation state) and save it.
Send = Callable[[UserSession, datetime, str], Awaitable[Outcome]]


class Limiter(Protocol):
    async def acquire(self, amount: float = 1) -> None: ...


class InFlight(Protocol):
    """Where a sweep notes the sends it has started and not finished (several workers: in Redis,
    so the next sweep leader can count what a killed one left; bot.telegram.workers)."""

    async def begin(self, user_id: str, week: str) -> None: ...

    async def end(self, user_id: str) -> None: ...


@dataclass
class SweepReport:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def __getitem__(self, what: str) -> int:
        return self.counts.get(what, 0)

    def __str__(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())) or "nothing due"


def checkin_state(record: dict[str, Any]) -> CheckinData:
    """The check-in part of a user's record (created on first use; bot.record.CheckinData)."""
    return cast(CheckinData, record.setdefault("checkins", {}))


async def process_user(store: UserStore, user_id: str, due: datetime, now: datetime, send: Send,
                       limiter: Limiter | None = None, inflight: InFlight | None = None) -> str:
    """One due user, start to finish; returns what happened (a SweepReport key)."""
    async with store.session(user_id) as session:
        data = checkin_state(session.record) if session.record else {}
        schedule = CheckinSchedule.from_json(data.get("schedule"))
        if schedule is None or not schedule.active:
            await store.set_checkin_due(user_id, None)
            return "not_subscribed"
        if schedule.paused_until is not None and due < schedule.paused_until:
            await store.set_checkin_due(user_id, next_due(schedule, now))
            return "paused"
        week = week_key(due, schedule.tz)
        if data.get("sent_week") == week:
            await store.set_checkin_due(user_id, next_due(schedule, max(now, due)))
            return "already_sent"
        if too_late(due, now):
            data["missed_week"] = week
            await store.set_checkin_due(user_id, next_due(schedule, now))
            return "too_late"
        if limiter is not None:  # waited for before the mark: a kill while waiting loses nothing
            await limiter.acquire()
        previous = data.get("sent_week")
        data["sent_week"] = week
        if inflight is not None:  # noted before the mark: a kill from here on is counted
            await inflight.begin(user_id, week)
        try:
            await session.save()  # the at-most-once mark, on disk before anything is sent:
            await store.flush()  # saved survives a kill, flushed a power loss too
            await store.set_checkin_due(user_id, next_due(schedule, max(now, due)))
            try:
                outcome = await send(session, due, week)
            except Exception as exc:  # unknown whether it arrived: keep the mark (at most once)
                log.warning("check-in send failed (%s); not retried this week", type(exc).__name__)
                return "failed"
        finally:
            if inflight is not None:
                try:
                    await inflight.end(user_id)
                except RunnerTriageError as exc:  # left noted: the next leader counts it, no harm
                    log.warning("could not clear an in-flight check-in note (%s)", type(exc).__name__)
        if outcome is Outcome.BLOCKED:
            data = checkin_state(session.record)
            data["schedule"] = {**data.get("schedule", {}), "active": False}
            await store.set_checkin_due(user_id, None)
            return "blocked"
        if outcome is Outcome.NOT_DELIVERED:
            checkin_state(session.record)["sent_week"] = previous
            await store.set_checkin_due(user_id, due)
            return "not_delivered"
        return str(outcome.value)


async def sweep(store: UserStore, clock: Callable[[], datetime], send: Send, *,
                limiter: Limiter | None = None, batch: int = BATCH, concurrency: int = CONCURRENCY,
                max_failures: int = MAX_CONSECUTIVE_FAILURES, inflight: InFlight | None = None,
                leading: Callable[[], Awaitable[bool]] | None = None) -> SweepReport:
    """Send every check-in that is due at clock() (one run). Returns counts; logs no user data.

    With several workers, `leading` is asked before each runner (False: another worker leads the
    sweep now; stop) and `inflight` notes each send from before its mark until it returned."""
    report = SweepReport()
    attempted: set[str] = set()
    failures = 0
    deposed = False
    while failures < max_failures and not deposed:
        now = clock()
        limit = batch + len(attempted)
        due = await store.due_checkins(now, limit=limit)
        todo = [(u, d) for u, d in due if u not in attempted]
        if not todo:
            break
        attempted.update(u for u, _ in todo)
        queue: asyncio.Queue[tuple[str, datetime]] = asyncio.Queue()
        for item in todo:
            queue.put_nowait(item)

        async def worker() -> None:
            nonlocal failures, deposed
            while failures < max_failures and not deposed:
                try:
                    user_id, when = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                if leading is not None and not await leading():
                    deposed = True
                    return
                try:
                    what = await process_user(store, user_id, when, clock(), send, limiter, inflight)
                except RunnerTriageError as exc:  # e.g. a corrupt record, already moved aside and logged
                    log.warning("check-in for one user skipped: %s", type(exc).__name__)
                    what = "error"
                report.add(what)
                failures = failures + 1 if what == "not_delivered" else 0

        async with asyncio.TaskGroup() as group:
            for _ in range(max(1, min(concurrency, len(todo)))):
                group.create_task(worker())
        if len(due) < limit:  # that was everyone due at `now`
            break
    if deposed:
        log.warning("check-in sweep stopped: this worker no longer leads it (another one carries on)")
    if failures >= max_failures:
        log.warning("check-in sweep stopped after %d sends that could not reach the chat service", failures)
    log.log(logging.INFO if report.counts else logging.DEBUG, "check-in sweep: %s", report)
    return report


def next_run_note(due: datetime, now: datetime) -> str:
    """'due now', '3h 20m late', 'in 2h 5m': for operators (runner-triage checkins due)."""
    delta = now - due
    if abs(delta) < timedelta(minutes=1):
        return "due now"
    minutes = int(abs(delta).total_seconds() // 60)
    text = f"{minutes // 60}h {minutes % 60:02d}m"
    return f"{text} late" if delta > timedelta(0) else f"in {text}"
