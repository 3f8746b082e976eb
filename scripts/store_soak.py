"""Soak the TinyDB store (write-ahead log + user files): SIGKILL a writing process many times and count what broke.

    python scripts/store_soak.py --kills 200 [--data-dir DIR] [--seed N] [--max-delay 0.3]
                                             [--segment-bytes N]

Each round starts a writer child on the same data directory, kills it at a random moment,
reopens the store (the recovery a restarted bot runs), reads every file and checks every
acknowledged write. Exit status 0 only if no file was corrupt and no acknowledged write was lost.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bot.store.tinydb_store import SEGMENT_BYTES  # noqa: E402
from tests.store.crash_harness import run_crash_loop  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="how many SIGKILLs (default 200)")
    parser.add_argument("--data-dir", type=Path, help="reuse this directory (default: a new temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=0.3, help="longest run before a kill, s")
    parser.add_argument("--quiet", action="store_true", help="no per-kill progress on stderr")
    parser.add_argument("--segment-bytes", type=int, default=SEGMENT_BYTES,
                        help="log segment size; a few KB makes the log rotate and grow under the kills")
    args = parser.parse_args()

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="store-soak-")) / "data"
    started = time.monotonic()
    result = run_crash_loop(
        data_dir, args.kills, seed=args.seed, max_delay=args.max_delay, progress=not args.quiet,
        segment_bytes=args.segment_bytes,
    )
    elapsed = time.monotonic() - started
    print(f"data dir:                  {data_dir}")
    print(f"kills:                     {result.kills}")
    print(f"acknowledged operations:   {result.acknowledged}")
    print(f"files checked:             {result.files_checked}")
    print(f"corrupt files:             {result.corrupt_files}")
    print(f"lost acknowledged writes:  {result.lost_writes}")
    print(f"elapsed:                   {elapsed:.1f} s")
    for problem in result.problems[:20]:
        print(f"  problem: {problem}")
    return 0 if result.corrupt_files == 0 and result.lost_writes == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
