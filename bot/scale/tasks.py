"""Stopping a background task for certain.

On Python 3.11 one ``task.cancel()`` does not always stop a task that talks to Redis:
``asyncio.wait_for``, which redis-py uses to send a command (and to connect), returns the inner
result and drops a cancellation that arrives just as the inner call completes (CPython
gh-86296; 3.12 rebuilt ``wait_for`` on ``asyncio.timeout`` and no longer does). A loop such as the
leader's campaign or a lease's renewal then runs on, and the ``gather`` that waits for it never
returns: that was a CI run hanging for 90 minutes in ``test_leader_and_rate.py``, reproduced by
entering and leaving ``LeaderLease.running()`` a few thousand times. A worker stopping, or a turn
giving its lease back, would have hung the same way.
"""

from __future__ import annotations

import asyncio
from typing import Any

#: How long to wait for the task to end before cancelling it again.
RECANCEL_EVERY = 0.05


async def cancel_and_wait(task: asyncio.Task[Any], *, every: float = RECANCEL_EVERY) -> None:
    """Cancel ``task`` and return once it has ended, cancelling it again while it runs on.

    The task's own exception, if any, is retrieved and dropped (callers stop tasks whose outcome
    they no longer need). If the caller is cancelled meanwhile, the task is cancelled once more
    and the caller's cancellation propagates.
    """
    if task is asyncio.current_task():
        raise RuntimeError("a task cannot wait for its own end")
    try:
        while not task.done():
            task.cancel()
            await asyncio.wait({task}, timeout=every)
    except asyncio.CancelledError:
        task.cancel()
        raise
    if not task.cancelled():
        task.exception()  # retrieved: no "exception was never retrieved" at garbage collection
