"""`python -m bot.telegram.health`: exit 0 if the running bot touched its heartbeat file lately.

The bot writes RUNNER_TRIAGE_HEARTBEAT_FILE every 30 s while its Application runs (polling or
webhook). This proves the process and its event loop are alive, not that Telegram is reachable.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

MAX_AGE_SECONDS = 90


def main() -> int:
    configured = os.environ.get("RUNNER_TRIAGE_HEARTBEAT_FILE")
    if not configured:
        print("unhealthy: RUNNER_TRIAGE_HEARTBEAT_FILE is not set", file=sys.stderr)
        return 1
    try:
        age = time.time() - Path(configured).stat().st_mtime
    except OSError:
        print(f"unhealthy: no heartbeat at {configured}", file=sys.stderr)
        return 1
    if age > MAX_AGE_SECONDS:
        print(f"unhealthy: last heartbeat {age:.0f} s ago", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
