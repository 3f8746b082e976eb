"""Kill a writing process at random moments and check that nothing acknowledged is lost.

The child (``python -m tests.store.crash_harness child DATA_DIR START SEED SEGMENT_BYTES``) runs four concurrent
writers over disjoint users, printing ``begin`` before each operation and ``ack`` only after the
store call returned. The parent SIGKILLs it, reopens the store (which runs the start-up recovery)
and checks: every file reads (``TinyDBStore.check``), and each user's state is the last acknowledged
one or, if an operation was in flight, the result of that operation. Used by ``test_crash.py`` and
``scripts/store_soak.py``.
"""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bot.errors import CorruptDataError
from bot.store import TinyDBStore
from bot.store.base import from_micros, to_micros
from bot.store.tinydb_store import SEGMENT_BYTES

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4
USERS_PER_WORKER = 10
#: A checkpoint every 16 log records, so that kills also land inside checkpoints and recycling.
CHECKPOINT_EVERY = 16
_BASE_DUE = to_micros(datetime(2026, 1, 1, tzinfo=UTC))

UserState = tuple[int | None, int | None]  # (record seq, check-in due in micros)


def due_for(seq: int) -> int | None:
    return None if seq % 5 == 0 else _BASE_DUE + seq * 1_000_000


def apply(state: UserState, op: str, seq: int) -> UserState:
    if op == "save":
        return (seq, state[1])
    if op == "due":
        return (state[0], due_for(seq))
    return (None, None)  # delete


# -- the child -------------------------------------------------------------------------------
async def _child(data_dir: Path, start: int, seed: int, segment_bytes: int) -> None:
    rng = random.Random(seed)
    store = TinyDBStore(data_dir, checkpoint_records=CHECKPOINT_EVERY, segment_bytes=segment_bytes)
    counter = [start]

    def emit(*words: object) -> None:
        sys.stdout.write(" ".join(map(str, words)) + "\n")
        sys.stdout.flush()

    async def worker(number: int) -> None:
        users = [f"w{number}u{k}" for k in range(USERS_PER_WORKER)]
        while True:
            counter[0] += 1
            seq = counter[0]
            user = rng.choice(users)
            roll = rng.random()
            op = "save" if roll < 0.7 else "due" if roll < 0.96 else "delete"
            emit("begin", op, user, seq)
            if op == "save":
                async with store.session(user) as session:
                    session.record.clear()
                    session.record.update({"seq": seq, "pad": "x" * rng.randint(10, 4000)})
            elif op == "due":
                micros = due_for(seq)
                await store.set_checkin_due(user, None if micros is None else from_micros(micros))
            else:
                await store.delete_user(user)
            emit("ack", op, user, seq)

    emit("ready")
    await asyncio.gather(*(worker(n) for n in range(WORKERS)))


# -- the parent ------------------------------------------------------------------------------
@dataclass
class CrashResult:
    kills: int = 0
    acknowledged: int = 0
    files_checked: int = 0
    corrupt_files: int = 0
    lost_writes: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"kills={self.kills} acknowledged_ops={self.acknowledged} "
            f"files_checked={self.files_checked} corrupt_files={self.corrupt_files} "
            f"lost_acknowledged_writes={self.lost_writes}"
        )


@dataclass
class _Ledger:
    acked: dict[str, UserState] = field(default_factory=dict)
    pending: dict[str, tuple[str, int]] = field(default_factory=dict)
    next_seq: int = 0
    acknowledged: int = 0

    def read(self, lines: list[str]) -> None:
        for line in lines:
            words = line.split()
            if len(words) != 4:
                continue
            kind, op, user, seq_text = words
            seq = int(seq_text)
            self.next_seq = max(self.next_seq, seq)
            if kind == "begin":
                self.pending[user] = (op, seq)
            elif kind == "ack":
                self.acked[user] = apply(self.acked.get(user, (None, None)), op, seq)
                self.pending.pop(user, None)
                self.acknowledged += 1


def _collect(stream: object, lines: list[str], ready: threading.Event) -> None:
    # A line cut short by the kill has no newline: it is not counted (not acknowledged).
    for raw in stream:  # type: ignore[attr-defined]
        if raw.endswith("\n"):
            if raw == "ready\n":
                ready.set()
            lines.append(raw)


async def _verify(data_dir: Path, ledger: _Ledger, result: CrashResult) -> None:
    store = TinyDBStore(data_dir)  # runs the recovery a restarted bot would run
    try:
        problems = await store.check()
        files = [p for p in data_dir.rglob("*") if p.is_file() and p.name != ".lock"]
        result.files_checked += len(files)  # user files, schedule snapshot, log segments
        result.corrupt_files += len(problems)
        result.problems.extend(problems)
        due = {u: to_micros(d) for u, d in await store.due_checkins(datetime.max.replace(tzinfo=UTC), limit=10**9)}
        for user in set(ledger.acked) | set(ledger.pending):
            try:
                record = await store.export_user(user)
            except CorruptDataError as exc:
                result.corrupt_files += 1
                result.problems.append(str(exc))
                continue
            seen: UserState = (None if record is None else record["seq"], due.get(user))
            acked = ledger.acked.get(user, (None, None))
            allowed = [acked]
            if user in ledger.pending:
                allowed.append(apply(acked, *ledger.pending[user]))
            if seen not in allowed:
                result.lost_writes += 1
                result.problems.append(f"{user}: on disk {seen}, acknowledged {acked}")
            ledger.acked[user] = seen  # an in-flight operation has now been decided
        ledger.pending.clear()
    finally:
        await store.close()


def run_crash_loop(
    data_dir: Path,
    kills: int,
    *,
    seed: int = 1,
    max_delay: float = 0.3,
    progress: bool = False,
    segment_bytes: int = SEGMENT_BYTES,
    min_acks: int = 0,
) -> CrashResult:
    """``segment_bytes`` small (a few KB) makes the log rotate, grow and recycle under the kills.
    ``min_acks``: each round lets the writer acknowledge at least this many writes before the
    random delay and the kill, so a busy machine (a slow child) cannot make a round prove nothing."""
    rng = random.Random(seed)
    ledger = _Ledger()
    result = CrashResult()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    for round_number in range(kills):
        with subprocess.Popen(
            [sys.executable, "-m", "tests.store.crash_harness", "child", str(data_dir),
             str(ledger.next_seq + 1_000), str(rng.randrange(2**32)), str(segment_bytes)],
            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ) as child:  # leaving the block closes the pipes and reaps the child
            lines: list[str] = []
            ready = threading.Event()
            reader = threading.Thread(target=_collect, args=(child.stdout, lines, ready), daemon=True)
            reader.start()
            started = ready.wait(timeout=30)
            if started:
                deadline = time.monotonic() + 30
                while sum(line.startswith("ack ") for line in list(lines)) < min_acks and time.monotonic() < deadline:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0.0, max_delay))
            survived = child.poll() is None
            child.kill()  # SIGKILL
            child.wait()
            reader.join(timeout=10)
            error = child.stderr.read() if child.stderr else ""
            if not (started and survived):
                raise RuntimeError(f"the crash writer failed on its own: {error}")
            # What the writer logged: a file it moved aside names its problem there, and nowhere
            # else (a clean round logs nothing). Kept as problems, with the round (a CI run of
            # 2026-12-07 saw a user file moved aside and could not say why).
            result.problems.extend(f"round {round_number + 1}, the writer logged: {line}"
                                   for line in error.splitlines() if line.strip())
        ledger.read(lines)
        result.kills += 1
        asyncio.run(_verify(data_dir, ledger, result))
        if progress:
            print(f"kill {round_number + 1}/{kills}: {result.summary()}", file=sys.stderr)
    result.acknowledged = ledger.acknowledged
    return result


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    asyncio.run(_child(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])))
