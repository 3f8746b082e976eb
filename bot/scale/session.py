"""What an adapter calls on any store's session, whether or not it has a lease (no redis import).

    async with store.session(user_id) as session:
        if claim_update(session, update.update_id) is False:   # applied before: a redelivery
            ...send the outbox, if any, and stop
        ...
        if not await may_send(session):                        # lost the user to another worker
            raise LeaseLost(...)                               # send nothing; the other worker will

With MemoryStore/TinyDBStore (one process, no lease) ``claim_update`` returns None (the adapter's
own ``recent_updates`` check applies) and ``may_send`` is always True.
"""

from __future__ import annotations

from typing import Any


def claim_update(session: Any, update_id: int) -> bool | None:
    """False: this update was already applied to the user. True: recorded with this turn's save.
    None: the backend does not de-duplicate (single process)."""
    claim = getattr(session, "claim_update", None)
    return None if claim is None else bool(claim(update_id))


async def may_send(session: Any, margin: float | None = None) -> bool:
    """True unless the session's lease is gone or has less than ``margin`` seconds left
    (default: 1 s, or a third of the lease's TTL if that is less)."""
    check = getattr(session, "still_holds_lease", None)
    return True if check is None else bool(await check(margin))
